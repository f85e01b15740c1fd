/**
 * A row whose label was not found (its characters spread over the cell, plain `pdftotext` gives
 * them one a line and out of order), in a table whose rows hold more figures than cells: the
 * next row's range holds, words between, the lost row's label pieces and figures that may be
 * the lost row's (test/property/pdftotext-variants.test.ts, seed 66 at 30 times its runs); or
 * the pieces all before the next row's label, whose figures one a line may then be the lost
 * row's. The next row is named by an error, not read from figures that may be another row's.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderText } from '../../src/render/text/index.js';
import { toBytes } from '../support/parse.js';

/** Report 0 of 2019, one cell a line, 「（七）总计」 and 「四、结转下年度继续办理」 with blank cells. */
const generated = generateReport(0, '2019');
const report: Report = {
  ...generated,
  cells: { ...generated.cells, 'a.total.np': null, 'a.total.total': null, 'a.next.biz': null },
};
const text = renderText(report, 'cell-per-line');
const keysOf = (row: string) =>
  ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => `a.${row}.${c}`);

/** Table 三's last two rows as rendered (a blank cell an empty line). */
const lastRows =
  '(七)总计\n\n\n\n9\n\n25\n\n23\n\n32\n\n23\n\n\n\n四、结转下年度继续办理\n\n1\n\n\n\n0\n\n9\n\n0\n\n1\n\n11\n\n';

const read = async (written: string) => {
  expect(text).toContain(lastRows);
  return (await processBytes(toBytes(text.replace(lastRows, written)), 'broken-after-missing.txt')).report;
};

describe('the row after a row whose label was not found', () => {
  it("the lost label's pieces among its figures, a figure from elsewhere after them: named, not read", async () => {
    // As plain `pdftotext` gave it: 「（」「计」 before the 总计 row's figures, 「七」「）」「总」 among
    // the next row's, and a figure of an earlier row (0) after them; blank cells leave no line.
    const written =
      '（\n\n计\n\n9\n\n25\n\n23\n\n32\n\n23\n\n四 、 结 转 下 年 度 继 续 办 理\n\n1\n\n0\n\n9\n\n0\n\n1\n\n七\n\n）\n\n总\n\n0\n\n11\n\n';
    await namedNotRead(
      written,
      '「四、结转下年度继续办理」之后的数字中间隔着别的文字（阅读顺序文本中其后的数字可能是别的行或别的栏的），无法确定',
    );
  });

  it("the lost label's pieces all before the next row's label, a figure from elsewhere among its figures: named, not read", async () => {
    // Read as the row's, 「1 0 9 0 1 0 11」 would hold its identity (1+0+9+0+1+0 = 11): the figures
    // say nothing of where the stray 0 stands.
    const written =
      '（\n\n计\n\n9\n\n25\n\n23\n\n32\n\n23\n\n七\n\n）\n\n总\n\n四 、 结 转 下 年 度 继 续 办 理\n\n1\n\n0\n\n9\n\n0\n\n1\n\n0\n\n11\n\n';
    await namedNotRead(
      written,
      '上一行未找到，表格中其他行的数字多于单元格（阅读顺序文本中行标签可能写在数字之后），「四、结转下年度继续办理」之后的数字中可能有上一行的，无法确定',
    );
  });
});

/**
 * The two rows read as null and named by errors, 「四、结转下年度继续办理」's with `message`; every other
 * cell read as written.
 */
async function namedNotRead(written: string, message: string): Promise<void> {
  const back = await read(written);
  const errors = back.findings.filter((f) => f.severity === 'error');
  const named = new Set(errors.flatMap((f) => f.keys));
  for (const key of [...keysOf('total'), ...keysOf('next')]) {
    expect(back.cells[key], key).toBeNull();
    expect(named.has(key), key).toBe(true);
  }
  expect(errors.find((f) => f.keys.includes('a.next.np'))).toMatchObject({
    code: 'assemble.row-shape',
    message,
    keys: keysOf('next'),
  });
  othersRead(back.cells);
}

/** Every cell but those of the last three rows of table 三 read as written. */
function othersRead(cells: Record<string, number | null>): void {
  for (const [key, value] of Object.entries(report.cells))
    if (!key.startsWith('a.total.') && !key.startsWith('a.next.') && !key.startsWith('a.other.'))
      expect(cells[key] ?? null, key).toBe(value);
}
