/** The ranking of a score export: competition ranking within each year, the items in words. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemText, rankScores } from '../../src/corpus/export/score-sheet.js';
import type { ReportScore } from '../../src/corpus/score.js';

const score = (reportId: number, agency: string, year: number | null, points: number): ReportScore => ({
  reportId,
  file: `${reportId}.txt`,
  agency,
  region: '',
  kind: 'department',
  year,
  score: points,
  items: [],
  notAssessed: [],
});

describe('rankScores', () => {
  it('ranks within each year, the highest first, ties sharing a place and the next skipping it', () => {
    const ranked = rankScores([
      score(1, '乙局', 2022, 90),
      score(2, '甲局', 2022, 95),
      score(3, '丙局', 2022, 90),
      score(4, '丁局', 2022, 80),
      score(5, '甲局', 2021, 70),
      score(6, '未识别', null, 99),
    ]);
    expect(ranked.map((r) => [r.year, r.rank, r.reportId])).toEqual([
      [2021, 1, 5],
      [2022, 1, 2],
      // Equal scores: by the body's name in Chinese collation (丙 bǐng before 乙 yǐ).
      [2022, 2, 3],
      [2022, 2, 1],
      [2022, 4, 4],
      [null, 1, 6],
    ]);
  });

  it('gives each report 1 + the number of reports of its year with a higher score', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.option(fc.constantFrom(2019, 2020, 2021), { nil: null }),
            points: fc.integer({ min: -5, max: 5 }).map((n) => n / 2),
          }),
          { maxLength: 40 },
        ),
        (specs) => {
          const scores = specs.map((s, i) => score(i + 1, `机关${i % 7}`, s.year, s.points));
          const ranked = rankScores(scores);
          expect(ranked.map((r) => r.reportId).sort((a, b) => a - b)).toEqual(scores.map((s) => s.reportId));
          for (const r of ranked)
            expect(r.rank).toBe(1 + scores.filter((s) => s.year === r.year && s.score > r.score).length);
        },
      ),
    );
  });

  it('writes an item as the web page shows it', () => {
    const item = { rule: 'r', label: '逾期答复', points: -2, citation: '' };
    expect(itemText({ ...item, count: 1 })).toBe('逾期答复：-2 分');
    expect(itemText({ ...item, count: 3, points: -6 })).toBe('逾期答复 × 3：-6 分');
    expect(itemText({ ...item, count: null, points: 1.5 })).toBe('逾期答复：+1.5 分');
  });
});
