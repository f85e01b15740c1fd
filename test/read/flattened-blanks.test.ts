/**
 * Figures run together (text with every space taken out), where a blank cell leaves no trace: a
 * row whose one cut no identity checks (table 二) may hide a blank cell in its run. Where some row
 * shows it (too few digits for its cells) or no cut of some row reconciles the identities, such a
 * row is named by an error; where nothing says the tables leave cells blank, it is cut.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderText } from '../../src/render/text/index.js';
import { toBytes } from '../support/parse.js';

const read = async (report: Report) =>
  (await processBytes(toBytes(renderText(report, 'flattened')), 'flattened.txt')).report;

const coercion = ['p.coercion.prevItems', 'p.coercion.change', 'p.coercion.decisions'];

describe('a run that no identity checks, in a document whose runs hide blank cells', () => {
  // (test/property/blank-cells.test.ts, flattened, at 40 times its runs.) 「行政强制」 holds a blank
  // cell, 12 and 5, run together as 「125」; no row is too few digits for its cells, but blank cells
  // of table 三 leave 「一、本年新收政府信息公开申请数量」 with no cut the identities allow.
  const report = withBlankCells(generateReport(1089067485, '2019'), 1089067485);

  it('the cut 1 2 5 is not taken: an error names the row, its cells null', async () => {
    expect(coercion.map((k) => report.cells[k])).toEqual([null, 12, 5]);
    const back = await read(report);
    expect(coercion.map((k) => back.cells[k])).toEqual([null, null, null]);
    const finding = back.findings.find((f) => f.keys.includes('p.coercion.change'));
    expect(finding).toMatchObject({
      code: 'assemble.split-blank',
      severity: 'error',
      message:
        '「行政强制」的数字「125」连在一起，而表格中可能有空白单元格（「一、本年新收政府信息公开申请数量」的数字怎样拆分都不满足勾稽关系），空白单元格在连写的数字中不留痕迹，该行又没有勾稽关系可以核对，无法确定',
      keys: coercion,
      actual: '125',
      expected: '3 个单元格',
    });
    // No cell read wrong without an error naming it.
    const named = new Set(back.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
    for (const [key, value] of Object.entries(report.cells))
      if (!named.has(key)) expect(back.cells[key] ?? null, key).toBe(value);
  });

  it('the same report with no blank cell: table 二 cut, no row named for blank cells', async () => {
    const whole = generateReport(1089067485, '2019');
    const back = await read(whole);
    // 「行政许可」 「002」, one cut, read.
    expect(
      ['p.license.prevItems', 'p.license.change', 'p.license.decisions'].map((k) => back.cells[k]),
    ).toEqual([0, 0, 2]);
    expect(back.findings.filter((f) => f.code === 'assemble.split-blank')).toEqual([]);
    // (Some runs can be cut more ways than one, 「规章」's among them: those are named.)
    const named = new Set(back.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
    for (const [key, value] of Object.entries(whole.cells))
      if (!named.has(key)) expect(back.cells[key] ?? null, key).toBe(value);
  });
});
