import { describe, expect, it } from 'vitest';
import { checkBalanceNote } from '../../src/check/checks/balance-note.js';
import { checkDeadline } from '../../src/check/checks/deadline.js';
import { checkLabelVariants } from '../../src/check/checks/label-variant.js';
import type { Report } from '../../src/core/report.js';
import { format2021 } from '../../src/spec/format-2021.js';
import { goodEvidence, run, summary, zeroReport } from './helpers.js';

const spec = format2021;

describe('deadline (条例第四十九条)', () => {
  const check = (report: Partial<Report>) =>
    run(
      {
        report: zeroReport(spec, { year: 2021, ...report }),
        spec,
        evidence: goodEvidence(spec, {
          publishedPlace: { line: 2, column: 7 },
          signedPlace: { line: 300, column: 1 },
        }),
      },
      checkDeadline,
    );

  it('accepts dates up to 31 January of the next year, and missing dates', () => {
    expect(check({ publishedOn: '2022-01-31', signedOn: '2022-01-04' })).toEqual([]);
    expect(check({})).toEqual([]);
  });

  it('warns for a late publication date, citing 第四十九条', () => {
    const findings = check({ publishedOn: '2022-02-08' });
    expect(summary(findings)).toEqual(['warning check.late']);
    expect(findings[0]).toMatchObject({ line: 2, column: 7, actual: '2022-02-08', expected: '≤ 2022-01-31' });
    expect(findings[0]?.message).toContain('第四十九条');
    expect(findings[0]?.message).toContain('2022-02-08');
  });

  it('warns for each late date', () => {
    const findings = check({ publishedOn: '2022-03-01', signedOn: '2022-02-01' });
    expect(findings.map((f) => [f.code, f.line])).toEqual([
      ['check.late', 2],
      ['check.late', 300],
    ]);
  });

  it('works without evidence and skips an unknown year', () => {
    const report = zeroReport(spec, { year: 2023, signedOn: '2024-02-01' });
    expect(run({ report, spec }, checkDeadline)).toMatchObject([{ code: 'check.late', line: null }]);
    expect(run({ report: { ...report, year: null }, spec }, checkDeadline)).toEqual([]);
  });
});

describe('labels', () => {
  it('warns for each non-standard label, with its place and keys', () => {
    const evidence = goodEvidence(spec, {
      labelVariants: [
        { official: '社会公益组织', found: '社会组织', place: { line: 47, column: 14 }, keys: ['a.new.ngo'] },
        {
          official: '本年制发件数',
          found: '本年发件数',
          place: { line: 31, column: 1 },
          keys: ['p.rules.issued', 'p.normative.issued'],
        },
      ],
    });
    const findings = run({ report: zeroReport(spec), spec, evidence }, checkLabelVariants);
    expect(summary(findings)).toEqual(['warning check.label-variant', 'warning check.label-variant']);
    expect(findings[0]).toMatchObject({
      line: 47,
      column: 14,
      keys: ['a.new.ngo'],
      actual: '社会组织',
      expected: '社会公益组织',
      message: '表格标签「社会组织」与规定格式不一致，应为「社会公益组织」',
    });
    expect(findings[1]?.keys).toEqual(['p.rules.issued', 'p.normative.issued']);
  });

  it('warns when the 勾稽 note of table 三 is missing, at the heading of part 三', () => {
    const check = (balanceNote: boolean | null) =>
      run(
        { report: zeroReport(spec), spec, evidence: goodEvidence(spec, { balanceNote }) },
        checkBalanceNote,
      );
    expect(check(true)).toEqual([]);
    expect(check(null)).toEqual([]);
    const findings = check(false);
    expect(summary(findings)).toEqual(['warning check.balance-note-missing']);
    expect(findings[0]).toMatchObject({
      line: 30,
      expected: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    });
  });
});
