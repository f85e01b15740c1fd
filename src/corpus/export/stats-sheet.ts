/**
 * 统计 (src/corpus/aggregate.ts) as a spreadsheet: a row a group — region, province, city, body,
 * year or kind of body, or the whole selection — in the columns of ../stats-columns.ts. XLSX adds a
 * sheet naming the columns in Chinese and one of the findings by code. The table a supervisor
 * compares bodies and years with.
 */
import type { Writable } from 'node:stream';
import { findingName } from '../../core/finding-names.js';
import type { Stats } from '../aggregate.js';
import { statsColumnNames, statsColumns, statsValues } from '../stats-columns.js';
import { csvLine } from './csv.js';
import { type Sink, writeTo } from './sink.js';
import { streamingWorkbook, writeSheet } from './workbook.js';

/** The groups as CSV (UTF-8 with a BOM, like the other exports); answers their number. */
export async function exportStatsCsv(stats: Stats, sink: Sink): Promise<number> {
  let text = `\ufeff${csvLine([...statsColumns])}`;
  for (const r of stats.rows) text += csvLine(statsValues(r));
  await writeTo(sink, text);
  return stats.rows.length;
}

/** The groups, the columns' names and the findings by code as an XLSX workbook; answers the groups. */
export async function exportStatsXlsx(stats: Stats, stream: Writable): Promise<number> {
  const workbook = streamingWorkbook(stream);
  writeSheet(workbook, '统计', statsColumns, stats.rows.map(statsValues));
  writeSheet(workbook, '说明', ['column', 'name'], statsColumnNames(stats));
  writeSheet(
    workbook,
    '问题',
    ['code', 'name', 'severity', 'count'],
    stats.findings.map((f) => [f.code, findingName(f.code), f.severity, f.count]),
  );
  await workbook.commit();
  return stats.rows.length;
}
