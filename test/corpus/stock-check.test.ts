/** 现行有效件数 against last year's: the message says what a user can check, never a negative count. */
import { describe, expect, it } from 'vitest';
import { checkStock } from '../../src/corpus/checks/series-checks.js';
import type { CrossFinding, SeriesReport } from '../../src/corpus/checks/types.js';

const report = (id: number, year: number, cells: Record<string, number>): SeriesReport => ({
  id,
  bodyId: 'b',
  agency: '三明市统计局',
  kind: 'department',
  year,
  version: 1,
  format: '2021',
  file: `${year}.txt`,
  cells,
  sections: [],
  text: '',
});

function stockFindings(prev: Record<string, number>, cur: Record<string, number>): CrossFinding[] {
  const found: CrossFinding[] = [];
  const latest = [report(1, 2022, prev), report(2, 2023, cur)];
  checkStock({
    latest,
    series: { bodyId: 'b', agency: '三明市统计局', reports: latest },
    report: (f) => found.push(f),
  });
  return found;
}

describe('现行有效件数 against last year’s report', () => {
  it('gives the sum it should be', () => {
    const [finding] = stockFindings(
      { 'p.rules.inForce': 5 },
      { 'p.rules.inForce': 9, 'p.rules.issued': 2, 'p.rules.repealed': 1 },
    );
    expect(finding?.message).toBe('表二规章「现行有效件数」为 9，应为 上年 5 + 本年制发 2 − 本年废止 1 = 6');
    expect([finding?.actual, finding?.expected]).toEqual(['9', '6']);
  });

  it('says more were repealed than there were, rather than a negative count', () => {
    const [finding] = stockFindings(
      { 'p.rules.inForce': 0 },
      { 'p.rules.inForce': 0, 'p.rules.issued': 0, 'p.rules.repealed': 3 },
    );
    expect(finding?.message).toBe(
      '表二规章本年废止 3 件，多于上年「现行有效件数」0 与本年制发 0 之和，与上年报告不符（本年「现行有效件数」为 0）',
    );
    expect(finding?.severity).toBe('error');
  });
});
