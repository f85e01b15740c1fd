import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';

const seed = (name: string) => readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8');
const truth = (name: string) =>
  JSON.parse(
    readFileSync(
      new URL(`../fixtures/seeds/${name.replace('.txt', '.expected.json')}`, import.meta.url),
      'utf8',
    ),
  );
const parse = async (text: string) => (await processBytes(Buffer.from(text, 'utf8'), 'variant.txt')).report;

describe('layout variants of real seeds read the same', () => {
  it('prose before the tables that names row labels is not taken for rows', async () => {
    const name = '000_364e9d94d0d9df93.txt';
    const text = seed(name)
      .replace(
        '二、主动公开政府信息情况\n',
        '二、主动公开政府信息情况\n\n本年度未制发规章，行政规范性文件3件。\n',
      )
      .replace(
        '三、收到和处理政府信息公开申请情况\n',
        '三、收到和处理政府信息公开申请情况\n\n上年结转申请2件，予以公开1件，部分公开1件。\n',
      );
    const report = await parse(text);
    expect(report.cells).toEqual(truth(name).cells);
  });

  it('a tab-separated report flattened to single spaces', async () => {
    const name = '004_cf474a2a7b651b5a.txt';
    const report = await parse(
      seed(name)
        .replace(/[\t ]+/g, ' ')
        .replace(/\n+/g, ' '),
    );
    expect(report.cells).toEqual(truth(name).cells);
    expect(report.year).toBe(2020);
  });

  it('a one-cell-per-line report with CRLF line ends, full-width digits and a BOM', async () => {
    const name = '001_51a7ac9068d409eb.txt';
    const text = `\ufeff${seed(name)
      .replace(/\n/g, '\r\n')
      .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}`;
    const report = await parse(text);
    expect(report.cells).toEqual(truth(name).cells);
    expect(report.signedOn).toBe('2022-01-04');
  });
});

describe('encodings and blank marks', () => {
  const encoded = (name: string) => readFileSync(new URL(`../fixtures/encodings/${name}`, import.meta.url));

  it('reads GB18030 and GBK files to the same cells', async () => {
    for (const [file, seedName] of [
      ['000-gb18030.txt', '000_364e9d94d0d9df93.txt'],
      ['002-gbk.txt', '002_3c3763e501192771.txt'],
    ] as const) {
      const { report } = await processBytes(encoded(file), file);
      expect(report.cells).toEqual(truth(seedName).cells);
      expect(report.agency).toBe(truth(seedName).agency);
    }
  });

  it('「/」「—」「无」 in a cell are blank: null with a warning, never a number', async () => {
    const name = '004_cf474a2a7b651b5a.txt';
    const text = seed(name).replace('行政强制\t3\t0\t0', '行政强制\t/\t—\t无');
    const report = await parse(text);
    expect([
      report.cells['p.coercion.prevItems'],
      report.cells['p.coercion.change'],
      report.cells['p.coercion.decisions'],
    ]).toEqual([null, null, null]);
    const blank = report.findings.find((f) => f.code === 'assemble.blank-cell');
    expect(blank?.severity).toBe('warning');
    expect(blank?.keys).toEqual(['p.coercion.prevItems', 'p.coercion.change', 'p.coercion.decisions']);
  });
});

describe('mixed versions: a 2021 table with the 2019 single （六）其他处理 row', () => {
  const name = '000_364e9d94d0d9df93.txt';
  const collapse = (figures: string) => {
    const text = seed(name);
    const from = text.indexOf('(六)其他处理');
    const to = text.indexOf('(七)总计');
    return `${text.slice(0, from)}(六)其他处理\n\n${figures}\n\n${text.slice(to)}`;
  };
  const subRows = ['noCorrection', 'noFee', 'other'];

  it('all zero: every sub-row is settled as 0, with the 2021 keys', async () => {
    const report = await parse(collapse('0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0'));
    expect(report.format).toBe('2021');
    expect(report.cells).toEqual(truth(name).cells);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a non-zero figure cannot be shared out: those cells are null, with an error naming them', async () => {
    // (七)总计 and the rest stay as printed (all zero); the single row says 2 natural persons.
    const report = await parse(collapse('2\n\n0\n\n0\n\n0\n\n0\n\n0\n\n2'));
    for (const row of subRows) {
      expect(report.cells[`a.other.${row}.np`]).toBeNull();
      expect(report.cells[`a.other.${row}.biz`]).toBe(0);
    }
    const error = report.findings.find((f) => f.code === 'assemble.collapsed-group');
    expect(error?.severity).toBe('error');
    expect(error?.keys).toEqual(subRows.flatMap((r) => [`a.other.${r}.np`, `a.other.${r}.total`]));
  });
});

describe('blank cells in a column-aligned layout (pdftotext -layout)', () => {
  const real = (name: string) => readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url), 'utf8');

  it('a figure missing under its column is a blank cell; the others keep their columns', async () => {
    const text = real('011.txt').replace(/(（一）予以公开\s+1288\s+)21/, (_m, head: string) => `${head}  `);
    const report = await parse(text);
    expect(
      ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => report.cells[`a.open.${c}`]),
    ).toEqual([1288, null, 0, 0, 50, 3, 1362]);
    const blank = report.findings.find((f) => f.code === 'assemble.blank-cell');
    expect([blank?.severity, blank?.keys]).toEqual(['warning', ['a.open.biz']]);
  });

  it('figures that do not stand clearly under the columns stay an error', async () => {
    // 「21」 gone and 「1288」 moved halfway between the first two columns: neither is clearly its own.
    const text = real('011.txt').replace('1288        21', '     1288     ');
    const report = await parse(text);
    expect(report.cells['a.open.np']).toBeNull();
    expect(report.findings.find((f) => f.code === 'assemble.row-shape')?.keys).toContain('a.open.np');
  });
});

describe("the body's name", () => {
  it('may hold digits after its first Chinese character, in the title and in the signature', async () => {
    const title = await parse(
      seed('000_364e9d94d0d9df93.txt').replace(/^嘉祥县工业和信息化局/, '北京市12345市民服务热线管理中心'),
    );
    expect(title.agency).toBe('北京市12345市民服务热线管理中心');
    const example = readFileSync(
      new URL('../../examples/湟源县人民政府办公室-2021.txt', import.meta.url),
      'utf8',
    );
    // The title names no body: the signature does.
    const untitled = example.replace(/^县人民政府办公室/, '');
    const signed = await parse(untitled.replace('\n湟源县人民政府办公室\n', '\n湟源县第2强制隔离戒毒所\n'));
    expect([signed.agency, signed.signedOn]).toEqual(['湟源县第2强制隔离戒毒所', '2022-01-04']);
    // A date glued to the name before a title's year is no part of it.
    const dated = await parse(
      seed('000_364e9d94d0d9df93.txt').replace(
        /^嘉祥县工业和信息化局/,
        '发布日期20220125嘉祥县工业和信息化局',
      ),
    );
    expect(dated.agency).toBe('嘉祥县工业和信息化局');
    // A line of digits and words before the date is no name.
    const unnamed = await parse(untitled.replace('\n湟源县人民政府办公室\n', '\n2021年度报告\n'));
    expect(unnamed.agency).not.toBe('2021年度报告');
  });
});
