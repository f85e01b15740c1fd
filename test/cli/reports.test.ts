/**
 * The CLI on the shared fixtures with the real pipeline. Assertions compare the commands with each
 * other (check against parse --json, standard input against a file) and parsed values with the
 * fixtures' `*.expected.json`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InterchangeReport } from '../../src/cli/interchange.js';
import { formatFinding } from '../../src/cli/reporter.js';
import type { Finding } from '../../src/core/finding.js';
import { cellKeys, getFormat } from '../../src/spec/registry.js';
import type { FormatId } from '../../src/spec/types.js';
import { example, exampleWithDefects, jsonLines, run, seed000, seed001 } from './helpers.js';

interface Expected {
  format: FormatId;
  agency: string;
  year: number;
  publishedOn: string | null;
  signedOn: string | null;
  cells: Record<string, number | null>;
  ambiguous?: string[];
}

const expectedOf = (path: string) =>
  JSON.parse(readFileSync(path.replace(/\.txt$/, '.expected.json'), 'utf8')) as Expected;

/** `gongkai parse --json FILES…` → the objects printed. */
async function parseJson(...files: string[]): Promise<InterchangeReport[]> {
  return jsonLines((await run(['parse', '--json', ...files])).stdout) as unknown as InterchangeReport[];
}

const members = [
  'file',
  'format',
  'agency',
  'year',
  'publishedOn',
  'signedOn',
  'cells',
  'sections',
  'findings',
];

describe('gongkai parse --json', () => {
  it('prints JSON Lines, one object per file, members and cells in contract order', async () => {
    const result = await run(['parse', '--json', seed000, seed001]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = jsonLines(result.stdout);
    expect(lines.map((line) => line.file)).toEqual([seed000, seed001]);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(members);
      expect(Object.keys(line.cells as object)).toEqual(cellKeys(getFormat(line.format as FormatId)));
      for (const section of line.sections as object[])
        expect(Object.keys(section)).toEqual(['number', 'title', 'text', 'line']);
      for (const finding of line.findings as object[])
        expect(Object.keys(finding).slice(0, 6)).toEqual([
          'code',
          'severity',
          'message',
          'line',
          'column',
          'keys',
        ]);
    }
  });

  it('reads standard input given as -', async () => {
    const [fromFile] = await parseJson(seed000);
    const fromStdin = await run(['parse', '--json', '-'], { stdin: readFileSync(seed000) });
    expect(fromStdin.code).toBe(0);
    expect(jsonLines(fromStdin.stdout)[0]).toEqual({ ...fromFile, file: '-' });
  });

  // Depends on the assembler (src/assemble): fails until it reads the seeds exactly.
  it.each([seed000, seed001])('reads %s as its expected.json says', async (seed) => {
    const [json] = await parseJson(seed);
    const { format, agency, year, publishedOn, signedOn, cells } = expectedOf(seed);
    expect(json).toMatchObject({ file: seed, format, agency, year, publishedOn, signedOn });
    expect(json?.cells).toEqual(cells);
  });
});

describe('gongkai parse', () => {
  it('summarises each file in Chinese, then prints its findings as check does', async () => {
    const json = (await parseJson(example))[0] as InterchangeReport;
    const result = await run(['parse', example]);
    expect(result.code).toBe(0);
    const cells = Object.values(json.cells);
    const read = cells.filter((value) => value !== null).length;
    const findings = json.findings as Finding[];
    // Every figure read or left blank: no error of reading.
    expect(findings.filter((f) => f.severity === 'error' && !f.code.startsWith('check.'))).toEqual([]);
    const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
    expect(result.stdout).toBe(
      [
        example,
        `  格式：${json.format} 年版（${getFormat(json.format).document}）`,
        `  机关：${json.agency ?? '未找到'}`,
        `  年度：${json.year ?? '未找到'}`,
        `  发布日期：${json.publishedOn ?? '未找到'}`,
        `  落款日期：${json.signedOn ?? '未找到'}`,
        `  表格：共 ${cells.length} 格，读出 ${read} 格，空白 ${cells.length - read} 格，未能读出 0 格`,
        `  章节：${json.sections.length} 个`,
        ...findings.map((f) => formatFinding(example, f)),
        '',
        `共 1 个文件：${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 条提示`,
        '',
      ].join('\n'),
    );
  });
});

describe('gongkai parse: cells left blank apart from cells not read', () => {
  it('counts a null cell named by an error of reading as not read, any other as blank', async () => {
    const file = new URL('../fixtures/word-text/blanks-9001.txt', import.meta.url).pathname;
    const json = (await parseJson(file))[0] as InterchangeReport;
    const named = new Set(
      (json.findings as Finding[]).filter((f) => f.code === 'assemble.row-shape').flatMap((f) => f.keys),
    );
    // One row of 7 refused (its figures one empty line apart); the rest read or blank.
    expect(named.size).toBe(7);
    const values = Object.values(json.cells);
    const nulls = values.filter((v) => v === null).length;
    const result = await run(['parse', file]);
    expect(result.stdout.split('\n')[6]).toBe(
      `  表格：共 ${values.length} 格，读出 ${values.length - nulls} 格，空白 ${nulls - 7} 格，未能读出 7 格（见下面的错误）`,
    );
  });
});

describe('gongkai check', () => {
  it('prints the findings of parse --json, one line each, and the summary', async () => {
    const files = [example, exampleWithDefects];
    const lines = jsonLines((await run(['parse', '--json', ...files])).stdout);
    const findings = lines.flatMap((line) =>
      (line.findings as Finding[]).map((f) => [line.file as string, f] as const),
    );
    const count = (severity: string) => findings.filter(([, f]) => f.severity === severity).length;
    const result = await run(['check', ...files]);
    expect(result.stdout).toBe(
      [
        ...findings.map(([file, f]) => formatFinding(file, f)),
        `共 2 个文件：${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 条提示`,
        '',
      ].join('\n'),
    );
    expect(result.code).toBe(count('error') > 0 ? 1 : 0);
  });

  // Depends on the assembler: the seeds are read exactly, so nothing they contain is an error.
  it('finds no error in the bundled examples', async () => {
    const result = await run(['check', '--quiet', example, exampleWithDefects]);
    expect(result.stdout.split('\n').filter((line) => / error /.test(line))).toEqual([]);
    expect(result.code).toBe(0);
  });

  // Depends on the assembler: a cell the source does not settle must be an error naming its key.
  it('exits 1 and names every ambiguous key of a real report', async () => {
    const path = 'test/fixtures/real/001.txt';
    const result = await run(['check', '--json', path]);
    expect(result.code).toBe(1);
    const json = jsonLines(result.stdout)[0] as { findings: Finding[] };
    const errorKeys = new Set(json.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
    for (const key of expectedOf(path).ambiguous ?? []) expect(errorKeys).toContain(key);
  });
});
