/**
 * Rows of comma-separated values (src/assemble/comma-rows.ts), row by row: a figure grouped by
 * thousands in quotes or not, an empty field, a comma after the line; and units in the cells of
 * tab-separated rows.
 */
import { describe, expect, it } from 'vitest';
import { commaTables } from '../../src/assemble/comma-rows.js';
import type { Report } from '../../src/core/report.js';
import { generateReport } from '../../src/generate/random-report.js';
import type { Block, TableBlock } from '../../src/read/blocks.js';
import { textToBlocks } from '../../src/read/text-reader.js';
import { type CsvOptions, renderCsvTables, renderTabUnits } from '../support/csv-tables.js';
import { errors, parseText } from '../support/parse.js';

const plain: CsvOptions = {
  comma: ',',
  quote: 'none',
  thousands: true,
  header: true,
  trailing: false,
  spaced: false,
  rectangular: false,
  units: false,
};

const rowKeys = (row: string) =>
  ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => `a.${row}.${c}`);

/**
 * A report whose 「一、本年新收…」 row (and 「四、结转下年度…」, so that every identity holds) has
 * these figures in its first two columns and their sum as its total, the rest 0.
 */
function withNew(np: number | null, biz: number | null): Report {
  const base = generateReport(5, '2021');
  const cells = { ...base.cells };
  for (const row of ['new', 'next'])
    for (const key of rowKeys(row)) {
      const column = key.slice(key.lastIndexOf('.') + 1);
      cells[key] =
        column === 'np' ? np : column === 'biz' ? biz : column === 'total' ? (np ?? 0) + (biz ?? 0) : 0;
    }
  return { ...base, cells };
}

const tables = (text: string): TableBlock[] =>
  commaTables(textToBlocks(text)).filter((b: Block): b is TableBlock => b.type === 'table');

const cellTexts = (t: TableBlock) => t.rows.map((row) => row.map((c) => c.text));

describe('lines of comma-separated values as rows of cells', () => {
  it('splits at commas outside quotes; an empty field is an empty cell; a quoted group is one figure', () => {
    const [t] = tables('项目,自然人,总计\n（一）予以公开,"1,234",,1234\n（二）部分公开,5,0,5,\n');
    expect(t && cellTexts(t)).toEqual([
      ['项目', '自然人', '总计'],
      ['（一）予以公开', '1234', '', '1234'],
      ['（二）部分公开', '5', '0', '5', ''],
    ]);
    expect(t?.commas?.unsettled).toEqual([]);
  });

  it('full-width separators: a half-width comma between digits groups thousands', () => {
    const [t] = tables('项目，自然人，总计\n（一）予以公开，1,234，1,234\n（二）部分公开，5，5\n');
    expect(t && cellTexts(t)).toEqual([
      ['项目', '自然人', '总计'],
      ['（一）予以公开', '1234', '1234'],
      ['（二）部分公开', '5', '5'],
    ]);
  });

  it('a space after every separator: a comma without one groups thousands', () => {
    const [t] = tables('项目, 自然人, 总计\n（一）予以公开, 1,234, 1,234\n（二）部分公开, 12, 345\n');
    expect(t && cellTexts(t)).toEqual([
      ['项目', '自然人', '总计'],
      ['（一）予以公开', '1234', '1234'],
      ['（二）部分公开', '12', '345'],
    ]);
  });

  it('in rows of one width, a wider row groups where only one way gives the width', () => {
    const [t] = tables('项目,自然人,企业,总计\n（一）予以公开,1,234,0,1,234\n（二）部分公开,12,345,357\n');
    expect(t && cellTexts(t)).toEqual([
      ['项目', '自然人', '企业', '总计'],
      ['（一）予以公开', '1234', '0', '1234'],
      ['（二）部分公开', '12', '345', '357'],
    ]);
    expect(t?.commas?.unsettled).toEqual([]);
  });

  it('two ways to group, or rows of several widths: the row is unsettled', () => {
    // 「1,234,567,0,1,801」 in four fields: 1234567|0|1|801? no: 1234|567|0|1801, 1|234567|0|1801.
    const [wide] = tables(
      '项目,自然人,企业,其他,总计\n（一）予以公开,1,234,567,0,1,801\n（二）部分公开,1,2,0,3\n',
    );
    expect(wide?.commas?.unsettled).toEqual([2]);
    // Rows of several widths: 「12,345」 may be one figure or two.
    const [ragged] = tables('项目,自然人,总计\n（一）予以公开,12,345\n（二）部分公开,5\n');
    expect(ragged?.commas?.unsettled).toEqual([2]);
  });

  it('a label whose bracket holds commas stays one cell', () => {
    const [t] = tables(
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形），1，2\n（三）不予公开，0，0\n',
    );
    expect(t && cellTexts(t)).toEqual([
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1', '2'],
      ['（三）不予公开', '0', '0'],
    ]);
  });

  it('prose with commas, and a figure grouped by thousands alone on its line, are no rows', () => {
    const text =
      '本年度，我局共收到申请12件，办结10件。\n其中，自然人申请9件\n法人申请3件，均已办结\n3,001\n12,345\n';
    expect(tables(text)).toEqual([]);
  });
});

describe('comma-separated tables read into cells', () => {
  it('「"1,234"」 in quotes is one figure', async () => {
    const report = withNew(1234, 5);
    const text = renderCsvTables(report, { ...plain, quote: 'needed' });
    expect(text).toContain('一、本年新收政府信息公开申请数量,,,"1,234",5,0,0,0,0,"1,239"');
    const { report: read } = await parseText(text);
    expect(rowKeys('new').map((k) => read.cells[k])).toEqual([1234, 5, 0, 0, 0, 0, 1239]);
    expect(errors(read.findings)).toEqual([]);
  });

  it('「1,234」 unquoted in a table of one width, grouped one way only: one figure', async () => {
    const report = withNew(1234, 5);
    const text = renderCsvTables(report, plain);
    expect(text).toContain('一、本年新收政府信息公开申请数量,,,1,234,5,0,0,0,0,1,239\n');
    const { report: read } = await parseText(text);
    expect(rowKeys('new').map((k) => read.cells[k])).toEqual([1234, 5, 0, 0, 0, 0, 1239]);
    expect(errors(read.findings)).toEqual([]);
  });

  it('「1,234,567」 unquoted, grouped several ways: no figure of the row, an error names them', async () => {
    const report = withNew(1234, 567);
    const text = renderCsvTables(report, plain);
    expect(text).toContain('一、本年新收政府信息公开申请数量,,,1,234,567,0,0,0,0,1,801\n');
    const { report: read } = await parseText(text);
    expect(rowKeys('new').map((k) => read.cells[k])).toEqual(rowKeys('new').map(() => null));
    const error = errors(read.findings).find((f) => f.keys.includes('a.new.np'));
    expect(error?.code).toBe('assemble.row-shape');
    expect(error?.message).toContain('千位分隔符');
    expect(error?.keys).toEqual(rowKeys('new'));
  });

  it('「,,」 is a blank cell, and so is the empty field before a comma that ends every line', async () => {
    const report = withNew(7, null);
    for (const trailing of [false, true]) {
      const text = renderCsvTables(report, { ...plain, trailing });
      expect(text).toContain(`一、本年新收政府信息公开申请数量,,,7,,0,0,0,0,7${trailing ? ',' : ''}\n`);
      const { report: read } = await parseText(text);
      expect(rowKeys('new').map((k) => read.cells[k])).toEqual([7, null, 0, 0, 0, 0, 7]);
      expect(errors(read.findings)).toEqual([]);
      const blank = read.findings.find(
        (f) => f.code === 'assemble.blank-cell' && f.keys.includes('a.new.biz'),
      );
      expect(blank?.severity).toBe('warning');
    }
  });
});

describe('tab-separated cells with a unit', () => {
  it('「5件」「3 件」 and 「0元」 are figures; the fees row keeps its unit', async () => {
    const report = withNew(5, 3);
    const text = renderTabUnits(report, { count: '件', money: 'yuan-zero' })
      .replace('\t3件\t', '\t3 件\t')
      .replace(/行政事业性收费\t[\d.]+/, '行政事业性收费\t0元');
    expect(text).toContain('一、本年新收政府信息公开申请数量\t\t\t5件\t3 件\t0件');
    const { report: read } = await parseText(text);
    expect(rowKeys('new').map((k) => read.cells[k])).toEqual([5, 3, 0, 0, 0, 0, 8]);
    expect(read.cells['p.fees.amount']).toBe(0);
    expect(errors(read.findings)).toEqual([]);
  });

  it("a unit in a cell of its own is no figure's: the row is read exactly or named", async () => {
    const report = withNew(5, 3);
    const text = renderTabUnits(report, { count: '', money: 'none' }).replace(
      '一、本年新收政府信息公开申请数量\t\t\t5\t3\t',
      '一、本年新收政府信息公开申请数量\t\t\t5\t件\t3\t',
    );
    expect(text).toContain('\t5\t件\t3\t');
    const { report: read } = await parseText(text);
    const named = new Set(errors(read.findings).flatMap((f) => f.keys));
    for (const key of rowKeys('new'))
      expect(read.cells[key] === report.cells[key] || (read.cells[key] === null && named.has(key)), key).toBe(
        true,
      );
  });
});
