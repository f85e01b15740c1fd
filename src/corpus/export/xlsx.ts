/**
 * XLSX export with exceljs's streaming writer: a sheet of reports (the CSV's columns), one of their
 * findings (with each code's Chinese name beside it) and one of the crosswalk measures, each written
 * row by row and committed, so memory stays flat however many reports there are.
 */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { findingName } from '../../core/finding-names.js';
import { crosswalk, measureValue } from '../../spec/crosswalk.js';
import type { Database } from '../../store/index.js';
import { type CorpusFilter, iterateReports, iterateWithCells } from '../query.js';
import { exportHeader, exportValues } from './columns.js';
import { streamingWorkbook } from './workbook.js';

const findingColumns = [
  'file',
  'agency',
  'year',
  'version',
  'code',
  'name',
  'severity',
  'message',
  'line',
  'column',
  'keys',
];

export async function exportXlsx(
  db: Kysely<Database>,
  filter: CorpusFilter,
  stream: Writable,
): Promise<number> {
  const workbook = streamingWorkbook(stream);
  let count = 0;

  const reports = workbook.addWorksheet('报告');
  reports.addRow(exportHeader()).commit();
  for await (const { row, cells } of iterateWithCells(db, filter)) {
    reports.addRow(exportValues(row, cells)).commit();
    count++;
  }
  reports.commit();

  const findings = workbook.addWorksheet('问题');
  findings.addRow(findingColumns).commit();
  const page: { id: number; file: string; agency: string | null; year: number | null; version: number }[] =
    [];
  const flush = async () => {
    if (page.length === 0) return;
    const byId = new Map(page.map((r) => [r.id, r]));
    const rows = await db
      .selectFrom('corpus_findings')
      .selectAll()
      .where(
        'report_id',
        'in',
        page.map((r) => r.id),
      )
      .orderBy('report_id')
      .orderBy('ordinal')
      .execute();
    for (const f of rows) {
      const r = byId.get(Number(f.report_id));
      if (!r) continue;
      findings
        .addRow([
          r.file,
          r.agency,
          r.year,
          r.version,
          f.code,
          findingName(f.code),
          f.severity,
          f.message,
          f.line,
          f.col,
          f.keys,
        ])
        .commit();
    }
    page.length = 0;
  };
  for await (const row of iterateReports(db, filter)) {
    page.push(row);
    if (page.length >= 500) await flush();
  }
  await flush();
  findings.commit();

  const measures = workbook.addWorksheet('可比指标');
  measures
    .addRow(['agency', 'region', 'kind', 'year', 'version', 'format', ...crosswalk.map((m) => m.label)])
    .commit();
  for await (const { row, cells } of iterateWithCells(db, filter)) {
    measures
      .addRow([
        row.agency,
        row.region,
        row.kind,
        row.year,
        row.version,
        row.format,
        ...crosswalk.map((m) => measureValue(m, row.format, cells)),
      ])
      .commit();
  }
  measures.commit();
  await workbook.commit();
  return count;
}
