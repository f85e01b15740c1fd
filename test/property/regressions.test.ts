/**
 * Counterexamples the damage properties found in the parser, kept as fixed cases (shrunk by hand
 * to the cells that matter).
 */
import { describe, expect, it } from 'vitest';
import type { Cells, Report } from '../../src/core/report.js';
import { generateReport } from '../../src/generate/random-report.js';
import { renderText } from '../../src/render/text/index.js';
import { applyDamage, figures } from '../support/damage.js';
import { toBytes } from '../support/parse.js';
import { outcome, violations } from '../support/verdict.js';

const withCells = (report: Report, cells: Cells): Report => ({
  ...report,
  cells: { ...report.cells, ...cells },
});
const pickOf = (report: Report, text: string, key: string) =>
  figures(report, text).findIndex((f) => f.key === key);

describe('parser regressions found by the damage properties', () => {
  it('a cell lost from a row of table 二 is not made up by splitting the next figure (「规章 1 43」)', async () => {
    const report = withCells(generateReport(0, '2019'), {
      'p.rules.made': 0,
      'p.rules.published': 1,
      'p.rules.total': 43,
    });
    const text = renderText(report, 'cell-per-line');
    const damaged = applyDamage(report, text, {
      kind: 'delete-cell',
      pick: pickOf(report, text, 'p.rules.made'),
    });
    if (!damaged) throw new Error('no damage');
    expect(violations(report, await outcome(toBytes(damaged.text), 'x.txt'), damaged)).toEqual([]);
  });

  it('an empty tab-separated cell of table 四 is a blank, not a reason to split 「10」', async () => {
    const cells: Cells = {
      'l.review.upheld': 0,
      'l.review.corrected': 2,
      'l.review.other': 5,
      'l.review.pending': 3,
      'l.review.total': 10,
      'l.direct.upheld': 1,
      'l.direct.corrected': 3,
      'l.direct.other': 0,
      'l.direct.pending': 4,
      'l.direct.total': 8,
    };
    const report = withCells(generateReport(694413755, '2019'), cells);
    const text = renderText(report, 'tab-rows');
    const damaged = applyDamage(report, text, {
      kind: 'blank-cell',
      pick: pickOf(report, text, 'l.direct.other'),
    });
    if (!damaged) throw new Error('no damage');
    expect(violations(report, await outcome(toBytes(damaged.text), 'x.txt'), damaged)).toEqual([]);
  });

  it('a file cut off inside the header of table 四 gets an error, not only blank-cell warnings', async () => {
    const report = generateReport(1481266966, '2019');
    const text = renderText(report, 'cell-per-line');
    const cut = text.indexOf('未经复议直接起诉');
    const result = await outcome(toBytes(text.slice(0, cut)), 'x.txt');
    expect(violations(report, result, { breaks: true })).toEqual([]);
  });

  it('a negative figure run into the one before it (「0-22」) is not read as 22', async () => {
    const report = withCells(generateReport(536955139, '2019'), {
      'p.fees.prevItems': 0,
      'p.fees.change': -22,
    });
    const result = await outcome(toBytes(renderText(report, 'flattened')), 'x.txt');
    expect(violations(report, result, { breaks: false })).toEqual([]);
  });
});
