import { describe, expect, it } from 'vitest';
import { checkValues } from '../../src/check/checks/values.js';
import type { Cells } from '../../src/core/report.js';
import { format2019 } from '../../src/spec/format-2019.js';
import { format2021 } from '../../src/spec/format-2021.js';
import type { FormatSpec } from '../../src/spec/types.js';
import { goodEvidence, run, summary, zeroReport } from './helpers.js';

const check = (spec: FormatSpec, cells: Cells) =>
  run({ report: zeroReport(spec, { cells: { ...zeroReport(spec).cells, ...cells } }), spec }, checkValues);

describe('cell values against their types', () => {
  it('accepts an all-zero report of either format', () => {
    expect(check(format2021, {})).toEqual([]);
    expect(check(format2019, {})).toEqual([]);
  });

  it('rejects a negative count', () => {
    const findings = check(format2021, { 'a.open.biz': -2 });
    expect(summary(findings)).toEqual(['error check.negative']);
    expect(findings[0]).toMatchObject({ keys: ['a.open.biz'], actual: '-2', expected: '≥ 0' });
  });

  it('accepts a negative 本年增/减 (signed int) of the 2019 format', () => {
    expect(check(format2019, { 'p.penalty.change': -15 })).toEqual([]);
  });

  it('rejects a negative amount', () => {
    expect(summary(check(format2021, { 'p.fees.amount': -0.5 }))).toEqual(['error check.negative']);
  });

  it('rejects a fractional count, signed or not, and accepts a fractional amount', () => {
    const findings = check(format2019, {
      'l.review.total': 1.5,
      'p.fees.change': -1.5,
      'p.procurement.amount': 2.52,
    });
    expect(summary(findings)).toEqual(['error check.fractional', 'error check.fractional']);
    expect(findings.map((f) => f.keys)).toEqual([['p.fees.change'], ['l.review.total']]);
    expect(findings[1]).toMatchObject({ actual: '1.5', expected: '整数' });
  });

  it('reports a negative fractional count twice', () => {
    expect(summary(check(format2021, { 'a.new.np': -0.5 }))).toEqual([
      'error check.negative',
      'error check.fractional',
    ]);
  });

  it('ignores blank cells', () => {
    expect(check(format2021, { 'a.new.np': null })).toEqual([]);
  });

  it('points at the cell when evidence gives its place', () => {
    const spec = format2021;
    const report = zeroReport(spec, { cells: { ...zeroReport(spec).cells, 'p.rules.issued': -1 } });
    const evidence = goodEvidence(spec, {
      cellPlaces: new Map([['p.rules.issued', { line: 7, column: 3, page: 2 }]]),
    });
    expect(run({ report, spec, evidence }, checkValues)[0]).toMatchObject({ line: 7, column: 3, page: 2 });
  });
});
