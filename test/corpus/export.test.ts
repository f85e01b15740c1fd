import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingName } from '../../src/core/finding-names.js';
import { cellKeys, getFormat } from '../../src/spec/registry.js';
import { run } from '../cli/helpers.js';
import { makeReport, renderAs, tempDir, writeFile } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
const files: string[] = [];

/** A CSV line split by RFC 4180 (the export quotes only what needs it). */
function splitCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

beforeAll(async () => {
  tmp = tempDir();
  process.env.GONGKAI_DATA = join(tmp.dir, 'data');
  const forms = ['txt', 'html', 'tab'] as const;
  let n = 0;
  for (const agency of ['泉州市洛江区工业和信息化局', '宿迁市人民政府', '嘉祥县财政局'])
    for (const year of [2020, 2021, 2022]) {
      const form = forms[n++ % forms.length] as (typeof forms)[number];
      files.push(
        writeFile(
          join(tmp.dir, 'in', `${agency}-${year}.${form === 'html' ? 'html' : 'txt'}`),
          renderAs(makeReport({ agency, year }), form),
        ),
      );
    }
  const ingest = await run(['ingest', join(tmp.dir, 'in')]);
  expect(ingest.stdout).toBe(
    '共读取 9 个文件：新增 9 份，已有 0 份（内容相同），新版本 0 份，无法读取 0 个\n',
  );
});
afterAll(() => {
  delete process.env.GONGKAI_DATA;
  tmp.dispose();
});

describe('corpus export', () => {
  it('CSV: UTF-8 with BOM, one row per report, every cell equal to gongkai parse --json of its file', async () => {
    const result = await run(['corpus', 'export', '--to', 'csv']);
    expect(result.code).toBe(0);
    expect(
      result.stdout.startsWith(
        '\ufeffagency,region,kind,year,version,format,publishedOn,signedOn,file,sha256,errors,warnings,unread,p.rules.issued,',
      ),
    ).toBe(true);
    const [header, ...rows] = splitCsv(result.stdout.slice(1)) as [string[], ...string[][]];
    expect(rows).toHaveLength(9);
    const keys2021 = new Set(cellKeys(getFormat('2021')));
    expect(header).toHaveLength(13 + new Set([...keys2021, ...cellKeys(getFormat('2019'))]).size);
    for (const row of rows) {
      const record = Object.fromEntries(header.map((h, i) => [h, row[i]]));
      const parsed = JSON.parse((await run(['parse', '--json', record.file as string])).stdout) as {
        agency: string;
        year: number;
        format: string;
        publishedOn: string | null;
        cells: Record<string, number | null>;
        findings: { code: string; severity: string }[];
      };
      expect(record.format).toBe(parsed.format);
      expect(Number(record.year)).toBe(parsed.year);
      expect(record.publishedOn).toBe(parsed.publishedOn ?? '');
      // unread: the errors of reading (figures not read, left null), apart from the report's own.
      const reading = parsed.findings.filter(
        (f) => f.severity === 'error' && (f.code.startsWith('assemble.') || f.code.startsWith('read.')),
      );
      expect(Number(record.unread), record.file).toBe(reading.length);
      const own = new Set(cellKeys(getFormat(parsed.format as '2019' | '2021')));
      for (const key of header.slice(13)) {
        const expected = own.has(key) ? parsed.cells[key] : null;
        expect(record[key], `${record.file} ${key}`).toBe(
          expected === null || expected === undefined ? '' : String(expected),
        );
      }
    }
  });

  it('XLSX: sheets of reports, findings and crosswalk measures', async () => {
    const out = join(tmp.dir, 'corpus.xlsx');
    const result = await run(['corpus', 'export', '--to', 'xlsx', '-o', out, '--kind', 'government']);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['报告', '问题', '可比指标']);
    const reports = workbook.getWorksheet('报告');
    expect(reports?.rowCount).toBe(4);
    expect(reports?.getRow(2).getCell(1).value).toBe('宿迁市人民政府');
    const findings = workbook.getWorksheet('问题');
    expect(findings?.getRow(1).values).toEqual([
      undefined,
      'file',
      'agency',
      'year',
      'version',
      'code',
      'name',
      'severity',
      'message',
      'line',
      'column',
      'keys',
    ]);
    expect((findings?.rowCount ?? 0) > 1).toBe(true);
    findings?.eachRow((row, n) => {
      if (n > 1) expect(row.getCell(6).value).toBe(findingName(String(row.getCell(5).value)));
    });
    const measures = workbook.getWorksheet('可比指标');
    expect(measures?.getRow(1).getCell(7).value).toBe('本年新收申请');
  });

  it('refuses a bad format with exit 2', async () => {
    const result = await run(['corpus', 'export', '--to', 'ods']);
    expect(result).toMatchObject({
      code: 2,
      stderr: 'gongkai: 错误：导出格式「ods」无效，应为 csv 或 xlsx\n',
    });
  });

  it('refuses an unknown kind of error with exit 2', async () => {
    const result = await run(['corpus', 'export', '--to', 'csv', '--problem', 'typo']);
    expect(result).toMatchObject({
      code: 2,
      stderr:
        'gongkai: 错误：错误类型「typo」无效，应为 report（报告本身有错误）或 reading（有未能读出的数字）\n',
    });
  });
});
