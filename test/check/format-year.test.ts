import { describe, expect, it } from 'vitest';
import { checkFormatYear } from '../../src/check/checks/format-year.js';
import { format2019 } from '../../src/spec/format-2019.js';
import { format2021 } from '../../src/spec/format-2021.js';
import type { FormatSpec } from '../../src/spec/types.js';
import { run, summary, zeroReport } from './helpers.js';

const check = (spec: FormatSpec, year: number | null) =>
  run({ report: zeroReport(spec, { year }), spec }, checkFormatYear);

describe('format against report year', () => {
  it('accepts each format in the years it applies to', () => {
    for (const year of [2021, 2022, 2024]) expect(check(format2021, year)).toEqual([]);
    for (const year of [2019, 2020]) expect(check(format2019, year)).toEqual([]);
  });

  it('rejects the 2021 format on 2020 and the 2019 format on 2021', () => {
    const early = check(format2021, 2020);
    expect(summary(early)).toEqual(['error check.format-year']);
    expect(early[0]).toMatchObject({ actual: '2021', expected: '2019', keys: [] });
    expect(early[0]?.message).toBe(
      '2020 年度报告应使用国办公开办函〔2019〕60号规定的格式，实际使用的是国办公开办函〔2021〕30号的格式',
    );
    expect(check(format2019, 2021)[0]).toMatchObject({
      severity: 'error',
      code: 'check.format-year',
      actual: '2019',
      expected: '2021',
    });
  });

  it('gives an info when the year is unknown', () => {
    expect(summary(check(format2021, null))).toEqual(['info check.format-year']);
  });

  it('warns for a year before every format', () => {
    const findings = check(format2019, 2018);
    expect(summary(findings)).toEqual(['warning check.format-year']);
    expect(findings[0]?.actual).toBe('2018');
  });
});
