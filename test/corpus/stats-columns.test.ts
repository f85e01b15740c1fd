import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStatsColumn, sortedStats, statsColumns, statsValues } from '../../src/corpus/stats-columns.js';
import { statsRowOf } from '../support/stats-rows.js';

describe('sortedStats (统计 sorted by a column)', () => {
  const rows = [
    statsRowOf('b', { reports: 3, rates: { onTime: 0.5 } }),
    statsRowOf('a', { reports: 3, rates: { onTime: null } }),
    statsRowOf('c', { reports: 7, label: '丙', rates: { onTime: 1 } }),
  ];

  it('orders by the column, ties by the group, a rate of nothing last either way', () => {
    const groups = (column: string, order: 'asc' | 'desc') =>
      sortedStats(rows, column, order).map((r) => r.group);
    expect(groups('reports', 'desc')).toEqual(['c', 'a', 'b']);
    expect(groups('reports', 'asc')).toEqual(['a', 'b', 'c']);
    expect(groups('rate.onTime', 'desc')).toEqual(['c', 'b', 'a']);
    expect(groups('rate.onTime', 'asc')).toEqual(['b', 'c', 'a']);
    expect(isStatsColumn('applications.new')).toBe(true);
    expect(isStatsColumn('reports; drop')).toBe(false);
  });

  it('is a permutation in the column’s order for any rows and any column', () => {
    const row = fc
      .record({
        group: fc.string({ maxLength: 3 }),
        reports: fc.nat(20),
        open: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      })
      .map(({ group, reports, open }) => statsRowOf(group, { reports, rates: { 'outcome.open': open } }));
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.group, maxLength: 12 }),
        fc.constantFrom('reports', 'rate.outcome.open', 'label'),
        fc.constantFrom('asc' as const, 'desc' as const),
        (input, column, order) => {
          const out = sortedStats(input, column, order);
          expect([...out].map((r) => r.group).sort()).toEqual(input.map((r) => r.group).sort());
          const at = statsColumns.indexOf(column);
          const values = out.map((r) => statsValues(r)[at] ?? null);
          const firstNull = values.indexOf(null);
          if (firstNull >= 0) expect(values.slice(firstNull).every((v) => v === null)).toBe(true);
          for (let i = 1; i < values.length; i++) {
            const [a, b] = [values[i - 1], values[i]];
            if (typeof a === 'number' && typeof b === 'number')
              expect(order === 'asc' ? a <= b : a >= b).toBe(true);
          }
        },
      ),
    );
  });
});
