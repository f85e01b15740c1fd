/** The CLI for evaluators: folders for check and parse, --level, caret lines, --summary; the library entry. */
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, parse } from '../../src/index.js';
import { exampleWithDefects, root, run } from '../cli/helpers.js';
import { tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let dir: string;

beforeAll(() => {
  tmp = tempDir();
  dir = join(tmp.dir, 'reports');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  cpSync(join(root, 'examples'), join(dir, 'sub'), { recursive: true });
  symlinkSync(dir, join(dir, 'sub', 'loop'));
});
afterAll(() => tmp.dispose());

describe('gongkai check on a folder', () => {
  it('reads the folder recursively, reports a directory loop, and prints one line per file with --summary', async () => {
    const result = await run(['check', '--summary', dir]);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 2).map((l) => l.replace(`${dir}/`, ''))).toEqual([
      'sub/嘉祥县工业和信息化局-2021.txt: 0 个错误，0 个警告，0 条提示',
      'sub/湟源县人民政府办公室-2021.txt: 0 个错误，4 个警告，0 条提示',
    ]);
    expect(result.stderr).toBe(
      `${join(dir, 'sub', 'loop')}: 错误：目录循环（符号链接指向其上级目录），已跳过\n`,
    );
    expect(lines.at(-1)).toBe('共 3 个文件：0 个错误，4 个警告，0 条提示；1 个文件无法读取');
    expect(result.code).toBe(2);
  });

  it('prints the source line with a caret under each finding (--source), and --level hides what is less severe', async () => {
    const result = await run(['check', '--source', exampleWithDefects]);
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      `${exampleWithDefects}:11:15: warning check.prose-applications 正文称已办理（公开、答复或办结）政府信息公开申请，但表三「本年新收」与「上年结转」均为 0`,
      '   11 | 2.依申请公开政府信息情况。2021年我收到政府信息公开申请0次,按照程序已公开。',
      `      | ${' '.repeat(26)}^`,
    ]);
    const errorsOnly = await run(['check', '--level', 'error', exampleWithDefects]);
    expect(errorsOnly.stdout).toBe('共 1 个文件：0 个错误，4 个警告，0 条提示\n');
    const plain = await run(['check', exampleWithDefects]);
    expect(plain.stdout).not.toContain(' | ');
  });

  it('refuses an unknown level with exit 2', async () => {
    expect(await run(['check', '--level', 'debug', exampleWithDefects])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：级别「debug」无效，应为 error、warning 或 info\n',
    });
  });

  it('parse takes a folder too', async () => {
    const result = await run(['parse', '--json', join(dir, 'sub', 'loop', 'sub')]);
    expect(result.code).toBe(2);
    const result2 = await run(['parse', '--json', join(root, 'examples')]);
    expect(result2.stdout.trimEnd().split('\n')).toHaveLength(2);
  });
});

describe("import { parse, check } from 'gongkai'", () => {
  it('reads and checks a report from bytes or a string', async () => {
    const bytes = readFileSync(join(root, exampleWithDefects));
    const report = await parse(bytes, 'a.txt');
    expect(report).toMatchObject({ format: '2021', agency: '湟源县人民政府办公室', year: 2021 });
    expect((await check(bytes.toString('utf8'))).map((f) => f.code)).toEqual(
      report.findings.map((f) => f.code),
    );
  });

  it('is the package entry, with types', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', import: './dist/index.js' });
    expect(pkg.types).toBe('./dist/index.d.ts');
  });
});
