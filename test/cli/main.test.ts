/** `main` in-process, with a stand-in pipeline (exit codes, output shape) and with the real one. */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../src/core/finding.js';
import { UnreadableInputError } from '../../src/core/source-file.js';
import { fakeProcessor, jsonLines, run, seed000, tempFiles } from './helpers.js';

const warning = makeFinding('warning', 'check.label-variant', '标签写法不规范', {
  place: { line: 40, column: 1 },
  keys: ['a.new.np'],
});
const error = makeFinding('error', 'check.balance', '合计不符', { place: { line: 120, column: 3 } });
const info = makeFinding('info', 'check.deadline', '未写发布日期');

describe('gongkai check (stand-in pipeline)', () => {
  const dir = tempFiles({ 'a.txt': 'a', 'b.txt': 'b' });
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');

  it('exits 0 when there are only warnings and infos', async () => {
    const result = await run(['check', a], { process: fakeProcessor({ [a]: [info, warning] }) });
    expect(result).toEqual({
      code: 0,
      stdout: [
        `${a}:40:1: warning check.label-variant 标签写法不规范`,
        `${a}:0:0: info check.deadline 未写发布日期`,
        '共 1 个文件：0 个错误，1 个警告，1 条提示',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('exits 1 when any file has an error finding', async () => {
    const result = await run(['check', a, b], { process: fakeProcessor({ [a]: [warning], [b]: [error] }) });
    expect(result).toEqual({
      code: 1,
      stdout: [
        `${a}:40:1: warning check.label-variant 标签写法不规范`,
        `${b}:120:3: error check.balance 合计不符`,
        '共 2 个文件：1 个错误，1 个警告，0 条提示',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('shows only errors with --quiet', async () => {
    const result = await run(['check', '--quiet', a], { process: fakeProcessor({ [a]: [warning, error] }) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [`${a}:120:3: error check.balance 合计不符`, '共 1 个文件：1 个错误，1 个警告，0 条提示', ''].join(
        '\n',
      ),
    );
  });

  it('prints one JSON object per file with --json', async () => {
    const result = await run(['check', '--json', a, b], { process: fakeProcessor({ [a]: [warning] }) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        JSON.stringify({
          file: a,
          findings: [
            {
              code: 'check.label-variant',
              severity: 'warning',
              message: '标签写法不规范',
              line: 40,
              column: 1,
              keys: ['a.new.np'],
            },
          ],
        }),
        JSON.stringify({ file: b, findings: [] }),
        '',
      ].join('\n'),
    );
  });

  it('exits 2 for an unreadable input even when another has errors, and goes on', async () => {
    const pipeline = fakeProcessor({
      [a]: new UnreadableInputError('文件为空，没有可读取的内容'),
      [b]: [error],
    });
    const result = await run(['check', a, b], { process: pipeline });
    expect(result).toEqual({
      code: 2,
      stdout: [
        `${b}:120:3: error check.balance 合计不符`,
        '共 2 个文件：1 个错误，0 个警告，0 条提示；1 个文件无法读取',
        '',
      ].join('\n'),
      stderr: `${a}: 错误：文件为空，没有可读取的内容\n`,
    });
  });

  it('reports an internal error without a stack trace and exits 70', async () => {
    const result = await run(['check', a, b], { process: fakeProcessor({ [a]: new TypeError('boom') }) });
    expect(result.code).toBe(70);
    expect(result.stderr).toBe(`${a}: 内部错误：boom\n`);
    expect(result.stdout).toBe('共 2 个文件：0 个错误，0 个警告，0 条提示；1 个文件无法读取\n');
  });
});

describe('progress', () => {
  const names = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`${i}.txt`, 'x']));
  const dir = tempFiles(names);
  const paths = Object.keys(names).map((name) => join(dir, name));
  const missing = join(dir, 'missing.txt');

  it('draws a bar on a terminal for more than 20 files, and prints errors after it', async () => {
    const result = await run(['check', ...paths, missing], { process: fakeProcessor({}), stderrIsTTY: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('处理中');
    expect(result.stderr.endsWith(`${missing}: 错误：文件不存在\n`)).toBe(true);
    expect(result.stdout).toBe('共 22 个文件：0 个错误，0 个警告，0 条提示；1 个文件无法读取\n');
  });

  it('draws nothing when standard error is not a terminal', async () => {
    const result = await run(['check', ...paths, missing], { process: fakeProcessor({}) });
    expect(result.stderr).toBe(`${missing}: 错误：文件不存在\n`);
  });

  it('draws nothing for 20 files or fewer', async () => {
    const result = await run(['check', ...paths.slice(0, 19), missing], {
      process: fakeProcessor({}),
      stderrIsTTY: true,
    });
    expect(result.stderr).toBe(`${missing}: 错误：文件不存在\n`);
  });
});

describe('bad input (real pipeline)', () => {
  const dir = tempFiles({
    'empty.txt': '',
    'binary.dat': Uint8Array.from({ length: 2048 }, (_, i) => i % 7),
  });

  it('reports a missing file and exits 2', async () => {
    expect(await run(['check', 'no-such-file.txt'])).toEqual({
      code: 2,
      stdout: '共 1 个文件：0 个错误，0 个警告，0 条提示；1 个文件无法读取\n',
      stderr: 'no-such-file.txt: 错误：文件不存在\n',
    });
  });

  it('reports an empty file, a directory without reports and a binary file, for parse too', async () => {
    const empty = join(dir, 'empty.txt');
    const binary = join(dir, 'binary.dat');
    const folder = join(dir, 'no-reports');
    mkdirSync(folder, { recursive: true });
    const result = await run(['parse', '--json', empty, folder, binary]);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        `${empty}: 错误：文件为空，没有可读取的内容`,
        `${folder}: 错误：目录中没有报告文件`,
        `${binary}: 错误：文件不是可识别的文本（可能是二进制文件或编码无法识别）`,
        '',
      ].join('\n'),
    });
  });

  it('reads the reports in a ZIP argument, each named archive!entry; skips other files, refuses a nested ZIP', async () => {
    const report = readFileSync(seed000);
    const archive = join(
      tempFiles({
        'reports.zip': zipSync({
          '2021/a.txt': report,
          'b.txt': report,
          'notes.jpg.xml': new Uint8Array([1]),
          'inner.zip': zipSync({ 'c.txt': report }),
        }),
        'empty.zip': zipSync({ 'readme.xml': new Uint8Array([1]) }),
      }),
      'reports.zip',
    );
    const result = await run(['parse', '--json', archive, archive.replace('reports.zip', 'empty.zip')]);
    expect(result.code).toBe(2);
    expect(jsonLines(result.stdout).map((line) => [line.file, line.agency])).toEqual([
      [`${archive}!2021/a.txt`, '嘉祥县工业和信息化局'],
      [`${archive}!b.txt`, '嘉祥县工业和信息化局'],
    ]);
    expect(result.stderr).toBe(
      [
        `${archive}!inner.zip: 错误：压缩包中的压缩包不展开，请先解压`,
        `${archive.replace('reports.zip', 'empty.zip')}: 错误：压缩包中没有报告文件`,
        '',
      ].join('\n'),
    );
    const check = await run(['check', archive]);
    expect(check.stdout.split('\n').at(-2)).toBe(
      '共 3 个文件：0 个错误，0 个警告，0 条提示；1 个文件无法读取',
    );
  });

  it('reports empty standard input', async () => {
    const result = await run(['check', '-'], { stdin: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('-: 错误：文件为空，没有可读取的内容\n');
  });
});

describe('usage', () => {
  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints help in Chinese', async () => {
    const result = await run(['help']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('用法： gongkai <命令> [选项]');
    expect(result.stdout).toContain('  check [选项] <文件...>  核查年度报告，列出发现的问题\n');
    const check = await run(['help', 'check']);
    expect(check.stdout.split('\n')[0]).toBe('用法： gongkai check [选项] <文件...>');
    expect(check.stdout).toMatch(/ {2}-q, --quiet +只列出错误（汇总行仍计入全部问题）\n/);
  });

  it('sets a long usage on a line of its own, its description indented below', async () => {
    const corpus = await run(['corpus', '--help']);
    expect(corpus.stdout).toContain(
      '  check [--json | --to csv|xlsx [-o 文件]] [筛选选项]\n      跨报告核查：上年结转、现行有效件数、正文雷同、数据突变、缺少年度、报告被修\n      改\n',
    );
    // Commander's «[options]» in a subcommand's usage is in Chinese too.
    const applications = await run(['applications', '--help']);
    expect(applications.stdout).toContain('  add [选项]  ');
    expect(applications.stdout).not.toContain('[options]');
    // And in a subcommand's own usage line.
    expect((await run(['agencies', 'add', '--help'])).stdout.split('\n')[0]).toBe(
      '用法： gongkai agencies add [选项]',
    );
  });

  it('exits 2 with help on standard error when no command is given', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe('用法： gongkai <命令> [选项]');
  });

  it('exits 2 with a Chinese message for a usage error', async () => {
    expect(await run(['check', '--jsn', 'a.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：未知选项「--jsn」\n（是否想用 --json？）\n（运行 gongkai help 查看用法）\n',
    });
    expect(await run(['check'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：缺少参数「文件」\n（运行 gongkai help 查看用法）\n',
    });
  });
});
