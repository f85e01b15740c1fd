/**
 * 统计 (src/corpus/aggregate.ts) as a spreadsheet: a row a group — region, province, city, body,
 * year or kind of body, or the whole selection — with the counts, every measure (by its id, the
 * crosswalk's interchange name) and every rate. XLSX adds a sheet naming the columns in Chinese and
 * one of the findings by code. The table a supervisor compares bodies and years with.
 */
import type { Writable } from 'node:stream';
import { findingName } from '../../core/finding-names.js';
import { rateLabels, type Stats, type StatsRow, statsMeasureLabels } from '../aggregate.js';
import { statsDimensionNames } from '../stats-dimensions.js';
import type { ExportValue } from './columns.js';
import { csvLine } from './csv.js';
import { type Sink, writeTo } from './sink.js';
import { streamingWorkbook, writeSheet } from './workbook.js';

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

/** What each column holds, in Chinese (the XLSX 说明 sheet). */
function columnNames(stats: Stats): [string, string][] {
  const group = stats.by ? statsDimensionNames[stats.by] : '范围';
  return [
    ['group', `${group}（代码）`],
    ['label', group],
    ...counts.map(([key, name]): [string, string] => [key, name]),
    ...statsMeasureLabels.map((m): [string, string] => [m.id, m.label]),
    ...rateIds.map((id): [string, string] => [`rate.${id}`, `${rateLabels[id]}（0–1）`]),
  ];
}

const values = (r: StatsRow): ExportValue[] => [
  r.group,
  r.label,
  ...counts.map(([key]) => r[key] as number),
  ...statsMeasureLabels.map((m) => r.measures[m.id] ?? 0),
  ...rateIds.map((id) => r.rates[id] ?? null),
];

/** The groups as CSV (UTF-8 with a BOM, like the other exports); answers their number. */
export async function exportStatsCsv(stats: Stats, sink: Sink): Promise<number> {
  let text = `\ufeff${csvLine([...statsColumns])}`;
  for (const r of stats.rows) text += csvLine(values(r));
  await writeTo(sink, text);
  return stats.rows.length;
}

/** The groups, the columns' names and the findings by code as an XLSX workbook; answers the groups. */
export async function exportStatsXlsx(stats: Stats, stream: Writable): Promise<number> {
  const workbook = streamingWorkbook(stream);
  writeSheet(workbook, '统计', statsColumns, stats.rows.map(values));
  writeSheet(workbook, '说明', ['column', 'name'], columnNames(stats));
  writeSheet(
    workbook,
    '问题',
    ['code', 'name', 'severity', 'count'],
    stats.findings.map((f) => [f.code, findingName(f.code), f.severity, f.count]),
  );
  await workbook.commit();
  return stats.rows.length;
}
