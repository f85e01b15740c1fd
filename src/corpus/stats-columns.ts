/**
 * The columns of 统计 as a table: the group, its name, the counts, every measure (by its id, the
 * crosswalk's interchange name) and every rate. The export writes them (./export/stats-sheet.ts); the
 * API sorts the groups by any of them (a supervisor ranks bodies by new applications, or by the rate
 * of reviews that corrected them).
 */
import { rateLabels, type Stats, type StatsRow, statsMeasureLabels } from './aggregate.js';
import { statsDimensionNames } from './stats-dimensions.js';

/** The counts of a row, with their Chinese names. */
const counts = [
  ['reports', '报告（份）'],
  ['onTime', '按时发布'],
  ['late', '逾期发布'],
  ['undated', '未注日期'],
  ['format2019', '2019 年版'],
  ['format2021', '2021 年版'],
  ['withErrors', '有错误的报告'],
  ['errors', '错误（个）'],
  ['warnings', '警告（个）'],
] as const satisfies readonly (readonly [keyof StatsRow, string])[];

const rateIds = Object.keys(rateLabels);

/** The columns: the group, its name, the counts, the measures, then the rates. */
export const statsColumns: readonly string[] = [
  'group',
  'label',
  ...counts.map(([key]) => key),
  ...statsMeasureLabels.map((m) => m.id),
  ...rateIds.map((id) => `rate.${id}`),
];

/** A row's values, in the order of `statsColumns`. */
export const statsValues = (r: StatsRow): (string | number | null)[] => [
  r.group,
  r.label,
  ...counts.map(([key]) => r[key] as number),
  ...statsMeasureLabels.map((m) => r.measures[m.id] ?? 0),
  ...rateIds.map((id) => r.rates[id] ?? null),
];

/** What each column holds, in Chinese (the XLSX 说明 sheet). */
export function statsColumnNames(stats: Pick<Stats, 'by'>): [string, string][] {
  const group = stats.by ? statsDimensionNames[stats.by] : '范围';
  return [
    ['group', `${group}（代码）`],
    ['label', group],
    ...counts.map(([key, name]): [string, string] => [key, name]),
    ...statsMeasureLabels.map((m): [string, string] => [m.id, m.label]),
    ...rateIds.map((id): [string, string] => [`rate.${id}`, `${rateLabels[id]}（0–1）`]),
  ];
}

export const isStatsColumn = (name: string): boolean => statsColumns.includes(name);

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The rows sorted by a column (`isStatsColumn`), descending or ascending; a rate of nothing (null)
 * last either way, then the groups by their code, so the order is the same on every call.
 */
export function sortedStats(rows: readonly StatsRow[], column: string, order: 'asc' | 'desc'): StatsRow[] {
  const at = statsColumns.indexOf(column);
  const sign = order === 'asc' ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: statsValues(row)[at] ?? null }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null)
      return a.value === b.value ? byGroup(a.row, b.row) : a.value === null ? 1 : -1;
    const c =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : collator.compare(String(a.value), String(b.value));
    return c * sign || byGroup(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

const byGroup = (a: StatsRow, b: StatsRow): number => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);
