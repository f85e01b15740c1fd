/** `node bin/gongkai.js` as a user runs it, after `npm run build`. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { example, exampleWithDefects, jsonLines, root, tempFiles } from './helpers.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI; a non-zero exit is returned, not thrown. */
function gongkai(args: string[], input = ''): Run {
  try {
    const stdout = execFileSync(process.execPath, ['bin/gongkai.js', ...args], {
      cwd: root,
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number | null; stdout: string; stderr: string };
    if (failed.status === null) throw error;
    return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
});

describe('bin/gongkai.js', () => {
  it('prints the version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(gongkai(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('checks the bundled examples and ends with the summary line', () => {
    const result = gongkai(['check', example, exampleWithDefects]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^共 2 个文件：\d+ 个错误，\d+ 个警告，\d+ 条提示$/);
    for (const line of lines.slice(0, -1))
      expect(line).toMatch(/^examples\/\S+-2021\.txt:\d+:\d+: (error|warning|info) [a-z]+\.[a-z-]+ \S/);
    expect(result.code).toBe(/：0 个错误/.test(lines.at(-1) ?? '') ? 0 : 1);
    expect(result.stderr).toBe('');
  });

  it('reads standard input and prints JSON Lines', () => {
    const result = gongkai(['parse', '--json', '-', example], readFileSync(join(root, example), 'utf8'));
    expect(result.code).toBe(0);
    const [fromStdin, fromFile] = jsonLines(result.stdout);
    expect(fromStdin?.file).toBe('-');
    expect({ ...fromStdin, file: example }).toEqual(fromFile);
  });

  it('exits 2 for a missing and an empty file, without a stack trace', () => {
    const dir = tempFiles({ 'empty.txt': '' });
    const empty = join(dir, 'empty.txt');
    const result = gongkai(['check', 'no-such-file.txt', empty]);
    expect(result).toEqual({
      code: 2,
      stdout: '共 2 个文件：0 个错误，0 个警告，0 条提示；2 个文件无法读取\n',
      stderr: `no-such-file.txt: 错误：文件不存在\n${empty}: 错误：文件为空，没有可读取的内容\n`,
    });
  });

  it('exits 1 when a report has an error', () => {
    // Depends on the assembler: real/001 has cells its text does not settle (see its expected.json).
    const result = gongkai(['check', '--quiet', 'test/fixtures/real/001.txt']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^test\/fixtures\/real\/001\.txt:\d+:\d+: error /);
  });
});
