/**
 * A table copied from a web page as one cell a line, each after a tab, rows apart by an empty
 * line (the layout of seed 002): an empty cell is a tab alone on its line.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { Report } from '../../src/core/report.js';
import { withBlankCells } from '../../src/generate/blanks.js';
import { damageLabels } from '../../src/generate/damaged-labels.js';
import { generateReport } from '../../src/generate/random-report.js';
import { textToBlocks } from '../../src/read/text-reader.js';
import { renderText } from '../../src/render/text/index.js';
import { parseText } from '../support/parse.js';

describe('cells one a line after a tab', () => {
  it('a tab alone among them is a blank cell, read where it stands', async () => {
    const report = withBlankCells(generateReport(1003, '2021'), 1003);
    const text = renderText(report, 'tab-indented');
    // 「一、本年新收…」 ends with a blank cell: its last line is a tab alone, then the empty line.
    expect(text).toContain(
      '\t11\n\t\n\n\t二、上年结转政府信息公开申请数量\n\t13\n\t5\n\t0\n\t\n\t\n\t\n\t33\n',
    );
    const { report: read } = await parseText(text);
    expect(read.cells).toEqual(report.cells);
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const warned = read.findings.filter((f) => f.code === 'assemble.blank-cell').flatMap((f) => f.keys);
    expect(warned).toContain('a.new.total');
    expect(warned).toEqual(expect.arrayContaining(['a.prev.ngo', 'a.prev.law', 'a.prev.oth']));
  });

  it('a tab alone between header cells or indented paragraphs is no cell', () => {
    const blocks = textToBlocks('\t自然人\n\t\n\t总计\n\n\t第一段。\n\t\n\t第二段。\n\t12\n\t\n\t7\n');
    expect(blocks.filter((b) => b.type === 'paragraph' && b.emptyCell).map((b) => b.line)).toEqual([9]);
  });
});

describe('tab-separated rows whose last cells are blank', () => {
  // withBlankCells(generateReport(61000, f), 61000) as tab-rows: a stray tab after every other row.
  const reportOf = (format: '2019' | '2021') => withBlankCells(generateReport(61000, format), 61000);
  const wrongUnnamed = (report: Report, read: Report & { findings: Finding[] }) => {
    const named = new Set(read.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
    return Object.keys(report.cells).filter((k) => read.cells[k] !== report.cells[k] && !named.has(k));
  };

  it('trailing tabs one more than the blank cells (a stray one after them) are its blank cells', async () => {
    const report = reportOf('2019');
    const text = renderText(report, 'tab-rows');
    // 「3.要求提供公开出版物」: six figures, its 总计 blank, then the stray tab.
    expect(text).toMatch(/3\. 要求提供公开出版物\t0\t0\t0\t4\t0\t0\t\t\n/);
    const { report: read } = await parseText(text);
    const row = Object.keys(report.cells).filter((k) => k.startsWith('a.reject.publication.'));
    expect(row.map((k) => read.cells[k])).toEqual([0, 0, 0, 4, 0, 0, null]);
    expect(row.map((k) => read.cells[k])).toEqual(row.map((k) => report.cells[k]));
    expect(wrongUnnamed(report, read)).toEqual([]);
  });

  it('as many trailing tabs as blank cells, where rows may end with a stray tab: an error', async () => {
    // Table 四's one row has its five 复议后起诉 cells blank and no stray tab; a row that lost a
    // cell with its tab, then a stray tab, would look the same.
    const report = reportOf('2021');
    const text = renderText(report, 'tab-rows');
    expect(text).toContain('\n4\t0\t2\t0\t6\t0\t11\t7\t0\t18\t\t\t\t\t\n');
    const { report: read } = await parseText(text);
    const error = read.findings.find((f) => f.severity === 'error' && f.keys.includes('l.review.upheld'));
    expect(error?.message).toBe(
      '「政府信息公开行政复议、行政诉讼情况」应有 15 个数字，只读到 10 个（4 0 2 0 6 0 11 7 0 18），缺少的单元格无法确定',
    );
    expect(wrongUnnamed(report, read)).toEqual([]);
  });

  it('with no stray tab in the text, as many trailing tabs as blank cells are its blank cells', async () => {
    const report = reportOf('2021');
    // Every other row's stray tab taken away: a row whose figures fill it ends with its last figure.
    const text = renderText(report, 'tab-rows').replace(/(\d)\t\n/g, '$1\n');
    const { report: read } = await parseText(text);
    const row = Object.keys(report.cells).filter((k) => k.startsWith('l.'));
    expect(row.map((k) => read.cells[k])).toEqual(row.map((k) => report.cells[k]));
    const warned = read.findings.filter((f) => f.code === 'assemble.blank-cell').flatMap((f) => f.keys);
    expect(warned).toEqual(expect.arrayContaining(['l.afterReview.upheld', 'l.afterReview.total']));
    expect(wrongUnnamed(report, read)).toEqual([]);
  });

  it('trailing tabs dropped: a short row is an error, not a guess (a cell lost with its tab looks the same)', async () => {
    const report = reportOf('2021');
    const { report: read } = await parseText(renderText(report, 'tab-rows').replace(/\t+$/gm, ''));
    expect(read.cells['l.review.upheld']).toBeNull();
    expect(wrongUnnamed(report, read)).toEqual([]);
  });
});

describe('a table of tab-separated rows cut in two by a line that is no row', () => {
  const wrongUnnamed = (report: Report, read: Report & { findings: Finding[] }) => {
    const named = new Set(read.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
    return Object.keys(report.cells).filter((k) => read.cells[k] !== report.cells[k] && !named.has(k));
  };
  const rowOf = (report: Report, prefix: string) =>
    Object.keys(report.cells).filter((k) => k.startsWith(prefix));

  it("a wrapped label: the rows before it read their own figures, not their labels' empty cells", async () => {
    const report = generateReport(0, '2019');
    const { text } = damageLabels(report, renderText(report, 'tab-rows'), 0, 1);
    // The run before the wrapped label holds one row, its label in the first of three label columns.
    expect(text).toContain(
      '\n一、本年新收政府信息公开申请数量\t\t\t155\t7\t4\t32\t32\t24\t254\n二、上年结转政\n府信息',
    );
    const { report: read } = await parseText(text);
    expect(read.cells).toEqual(report.cells);
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("rows of a label alone, their figures blank, whose tabs stand at one end: no row reads its label's cells", async () => {
    // 「\t(二) 部分公开…\t\t…」 is no row of the run (no tab between words): the run before it, its
    // rows' labels in the first two columns, once read 「一、本年新收…\t\t\t21\t24\t\t\t1\t\t」 as
    // 21 in 商业企业 and 24 in 科研机构 (the label's third cell taken for 自然人, blank).
    const report = withBlankCells(generateReport(8, '2019'), 8, { cellShare: 0.85 });
    const text = renderText(report, 'tab-rows');
    expect(text).toContain('\n一、本年新收政府信息公开申请数量\t\t\t21\t24\t\t\t1\t\t\n');
    expect(text).toContain('\n\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）\t\t\t\t\t\t\t\t\t\n');
    const { report: read } = await parseText(text);
    expect(wrongUnnamed(report, read)).toEqual([]);
    // Its last two cells blank, where rows may end with a stray tab: named, not guessed.
    expect(rowOf(read, 'a.new.').map((k) => read.cells[k])).toEqual(rowOf(read, 'a.new.').map(() => null));
    // 「三、本年度办理结果\t(一) 予以公开\t\t\t\t\t\t\t0\t42」 in the same run reads its own cells.
    expect(rowOf(read, 'a.open.').map((k) => read.cells[k])).toEqual(
      rowOf(report, 'a.open.').map((k) => report.cells[k]),
    );
  });

  it("a label wrapped after cells of its line: the next line is not counted from the row's first cell", async () => {
    // 「\t(二) 部分公开（区分处理的，只计\n这一情形，不计其他情形）\t\t2\t…」: the second line starts
    // with the rest of the label's cell, one cell short; its cells once read one place to the left.
    const report = withBlankCells(generateReport(13, '2021'), 0, { cellShare: 0.06 });
    const { text } = damageLabels(report, renderText(report, 'tab-rows'), 0, 2);
    expect(text).toMatch(/\n\t\(二\) 部分公开（区分处\n理的，只计这一情形，不计其他情形）\t\t2\t/);
    const { report: read } = await parseText(text);
    expect(wrongUnnamed(report, read)).toEqual([]);
    // (「一、本年新收…」 was read one cell to the right: now each cell as written, or none.)
    expect(
      Object.keys(report.cells).filter((k) => read.cells[k] !== null && read.cells[k] !== report.cells[k]),
    ).toEqual([]);
  });

  it('a row left blank (its label, then only tabs) stays in the table: the rows after it read in place', async () => {
    // withBlankCells(generateReport(1561677683, '2021'), …) as tab rows with 「件」 after each count
    // (a property sweep, seed 11): 「\t（七）总计」 and eight tabs once ended the table there, and
    // 「四、结转下年度继续办理\t\t\t0件\t\t\t\t\t\t0件」, a paragraph of its own, read two of seven.
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '\t\t\t申请人情况\t\t\t\t\t\t',
      '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
      '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
      '\t（六）其他处理\t3.其他\t0件\t\t\t\t\t\t0件',
      '\t（七）总计\t\t\t\t\t\t\t\t',
      '四、结转下年度继续办理\t\t\t2件\t\t\t\t\t\t2件',
      '',
    ].join('\n');
    const tables = textToBlocks(text).filter((b) => b.type === 'table');
    // (The header's first line, 「申请人情况」 alone among tabs, is a paragraph before the table.)
    expect(tables.map((t) => t.rows.map((r) => r[0]?.line))).toEqual([[3, 4, 5, 6, 7]]);
    const { report } = await parseText(text);
    expect(
      ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => report.cells[`a.next.${c}`]),
    ).toEqual([2, null, null, null, null, null, 2]);
    expect(
      report.findings.filter((f) => f.severity === 'error' && f.keys.some((k) => k.startsWith('a.next.'))),
    ).toEqual([]);
  });

  it('a line of words and trailing tabs outside tab-separated rows stays a paragraph', () => {
    const blocks = textToBlocks('第一段。\t\t\n第二段。\n');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });
});
