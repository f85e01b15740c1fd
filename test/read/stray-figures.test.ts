/**
 * Figures that stand alone after a table, held by no row, before the next table's header: where
 * the table has a row that reads blank cells, they may be its own (plain `pdftotext` puts a
 * column's last cells after the next part's heading). The row is named by an error, not read as
 * blank; nor are the figures read into it (which cell each is can't be told from the text).
 */
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderText } from '../../src/render/text/index.js';
import { toBytes } from '../support/parse.js';

/** Report 0 of 2019, one cell a line: 政府集中采购 holds 46 and 482, table 二's last row. */
const report = generateReport(0, '2019');
const text = renderText(report, 'cell-per-line');
const heading = '三、收到和处理政府信息公开申请情况';
const lastRow = `政府集中采购\n\n46\n\n482\n\n${heading}\n\n`;
const procurement = ['p.procurement.items', 'p.procurement.amount'];

/** The text with table 二's last row (and the heading after it) written as `written`. */
const rewritten = (written: string): string => {
  expect(text).toContain(lastRow);
  return text.replace(lastRow, written);
};

const read = async (written: string) =>
  (await processBytes(toBytes(rewritten(written)), 'stray-figures.txt')).report;

/** The report's cells with those of 政府集中采购 as given. */
const cellsWith = (items: number | null, amount: number | null) => ({
  ...report.cells,
  'p.procurement.items': items,
  'p.procurement.amount': amount,
});

/** 1-based line of the first line of `written` that is `line`, in the rewritten text. */
const lineOf = (written: string, line: string): number => rewritten(written).split('\n').indexOf(line) + 1;

describe('figures standing alone after a table whose row reads blank', () => {
  it("the row's figures after the next part's heading, a column label before them: an error names the row, read as null", async () => {
    // As plain `pdftotext` gave it (test/property/pdftotext-variants.test.ts, seed 0 of 2019).
    const written = `政府集中采购\n\n${heading}\n\n采购总金额\n46\n\n482\n\n`;
    const back = await read(written);
    expect(back.cells).toEqual(cellsWith(null, null));
    expect(back.findings).toEqual([
      {
        code: 'assemble.stray-figures',
        severity: 'error',
        message: `「政府集中采购」没有填写数字，而表格之后（第 ${lineOf(written, '46')} 行）有不属于任何行的数字「46 482」，可能是该行的（阅读顺序文本中一列的数字可能排在下一部分的标题之后），无法确定，该行各单元格记为空值`,
        line: lineOf(written, '政府集中采购'),
        column: 1,
        keys: procurement,
        expected: '2 个单元格',
      },
    ]);
    // The figures stay where they stand: in the part's text.
    expect(back.sections.find((s) => s.number === 3)?.text).toBe('采购总金额\n46\n482');
  });

  it('a row short of figures, its last after the heading: named with the figure it has', async () => {
    // (A row short of figures at a table's end was named before, by its count; now with where
    // its other figures may stand. Elsewhere such a row may be placed, its last cells blank.)
    const written = `政府集中采购\n\n46\n\n${heading}\n\n采购总金额\n482\n\n`;
    const back = await read(written);
    expect(back.cells).toEqual(cellsWith(null, null));
    expect(back.findings).toEqual([
      {
        code: 'assemble.stray-figures',
        severity: 'error',
        message: `「政府集中采购」只有 1 个数字（46），少于 2 个单元格，而表格之后（第 ${lineOf(written, '482')} 行）有不属于任何行的数字「482」，可能是该行的（阅读顺序文本中一列的数字可能排在下一部分的标题之后），无法确定，该行各单元格记为空值`,
        line: lineOf(written, '46'),
        column: 1,
        keys: procurement,
        actual: '46',
        expected: '2 个单元格',
      },
    ]);
  });

  it('a row left blank with no figure after the table: blank cells, a warning', async () => {
    const written = `政府集中采购\n\n${heading}\n\n`;
    const back = await read(written);
    expect(back.cells).toEqual(cellsWith(null, null));
    expect(back.findings).toEqual([
      {
        code: 'assemble.blank-cell',
        severity: 'warning',
        message: '「政府集中采购」没有填写数字，2 个单元格记为空值',
        line: lineOf(written, '政府集中采购'),
        column: 1,
        keys: procurement,
      },
    ]);
  });

  it("a row left blank, figures after the table only in the next part's sentences: blank cells, a warning", async () => {
    const sentence = '本年度举办政务公开培训46次，参训482人次。';
    const written = `政府集中采购\n\n${heading}\n\n${sentence}\n\n`;
    const back = await read(written);
    expect(back.cells).toEqual(cellsWith(null, null));
    expect(back.findings.map((f) => [f.code, f.severity, f.keys])).toEqual([
      ['assemble.blank-cell', 'warning', procurement],
    ]);
    expect(back.sections.find((s) => s.number === 3)?.text).toBe(sentence);
  });

  it('figures alone after a table none of whose rows reads blank: not looked at, every cell read', async () => {
    const written = `${lastRow}采购总金额\n46\n\n482\n\n`;
    const back = await read(written);
    expect(back.cells).toEqual(report.cells);
    expect(back.findings).toEqual([]);
  });
});

describe('a table whose rows read blank while a row of another table holds more figures than its cells', () => {
  it("table 四's figures all after table 三's last row: table 四 named by an error, read as null", async () => {
    // Reading-order text (plain `pdftotext`) may give one table's figures where another's rows
    // take them: table 四's 15 after 「四、结转下年度继续办理」's 7, before table 四's heading.
    const heading4 = '四、政府信息公开行政复议、行政诉讼情况';
    const [before, after] = text.split(`${heading4}\n\n`) as [string, string];
    const figuresAt = after.indexOf('\n\n0\n') + 2;
    const partFive = after.indexOf('五、');
    const moved = `${before}${after.slice(figuresAt, partFive)}${heading4}\n\n${after.slice(0, figuresAt)}${after.slice(partFive)}`;
    const back = (await processBytes(toBytes(moved), 'stray-figures.txt')).report;
    const litigation = Object.keys(report.cells).filter((k) => k.startsWith('l.'));
    const next = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => `a.next.${c}`);
    const blank = [...next, ...litigation].map((k) => [k, null]);
    expect(back.cells).toEqual({ ...report.cells, ...Object.fromEntries(blank) });
    const figures = [...next.map((k) => report.cells[k]), ...litigation.map((k) => report.cells[k])];
    expect(back.findings.filter((f) => f.severity !== 'info')).toEqual([
      {
        code: 'assemble.row-shape',
        severity: 'error',
        message: `「四、结转下年度继续办理」应有 7 个数字，读到 22 个（${figures.join(' ')}），无法确定对应关系`,
        line: moved.split('\n').indexOf('四、结转下年度继续办理') + 3,
        column: 1,
        keys: next,
        actual: figures.join(' '),
        expected: '7 个单元格',
      },
      {
        code: 'assemble.stray-figures',
        severity: 'error',
        message:
          '「政府信息公开行政复议、行政诉讼情况」没有填写数字，而另一表格的「四、结转下年度继续办理」有 22 个数字，多于 7 个单元格，其中可能有该行的数字（阅读顺序文本中一张表格的数字可能排在另一张表格的行标签之后），无法确定，该行各单元格记为空值',
        line: moved.split('\n').indexOf('行政复议') + 1,
        column: 1,
        keys: litigation,
        expected: '15 个单元格',
      },
    ]);
  });
});
