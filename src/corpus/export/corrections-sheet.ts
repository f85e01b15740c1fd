/**
 * 整改情况 (src/corpus/corrections.ts) as a spreadsheet: one row per body and year whose first version
 * had problems, its status's Chinese name beside the code, the problems fixed and remaining by name.
 * XLSX adds the counts.
 */
import type { Writable } from 'node:stream';
import { findingName } from '../../core/finding-names.js';
import { bodyKindNames } from '../bodies/names.js';
import {
  type Correction,
  type Corrections,
  correctionStatuses,
  correctionStatusNames,
} from '../corrections.js';
import type { ExportValue } from './columns.js';
import { csvLine } from './csv.js';
import { type Sink, writeTo } from './sink.js';
import { streamingWorkbook, writeSheet } from './workbook.js';

export const correctionColumns = [
  'agency',
  'region',
  'kind',
  'year',
  'status',
  'statusName',
  'versions',
  'firstErrors',
  'firstWarnings',
  'latestErrors',
  'latestWarnings',
  'fixed',
  'remaining',
  'bodyId',
  'firstReportId',
  'latestReportId',
] as const;

const names = (codes: readonly string[]) => codes.map(findingName).join('；');

const values = (c: Correction): ExportValue[] => [
  c.name,
  c.region,
  c.kind === null ? null : bodyKindNames[c.kind],
  c.year,
  c.status,
  correctionStatusNames[c.status],
  c.versions,
  c.first.errors,
  c.first.warnings,
  c.latest.errors,
  c.latest.warnings,
  names(c.fixed),
  names(c.remaining),
  c.bodyId,
  c.first.reportId,
  c.latest.reportId,
];

/** The rows as CSV (UTF-8 with a BOM); answers their number. */
export async function exportCorrectionsCsv(corrections: Corrections, sink: Sink): Promise<number> {
  let text = `\ufeff${csvLine([...correctionColumns])}`;
  for (const c of corrections.rows) text += csvLine(values(c));
  await writeTo(sink, text);
  return corrections.rows.length;
}

/** The rows and the counts as an XLSX workbook; answers the number of rows. */
export async function exportCorrectionsXlsx(corrections: Corrections, stream: Writable): Promise<number> {
  const workbook = streamingWorkbook(stream);
  writeSheet(workbook, '整改情况', correctionColumns, corrections.rows.map(values));
  writeSheet(
    workbook,
    '汇总',
    ['item', 'value'],
    correctionStatuses.map((s): ExportValue[] => [correctionStatusNames[s], corrections.counts[s]]),
  );
  await workbook.commit();
  return corrections.rows.length;
}
