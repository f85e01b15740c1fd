/**
 * The inserts of ingest, prepared once (src/store/prepared.ts): a report's row, its cells and its
 * findings. Kysely builds and compiles a query anew on every call; for a multi-row insert of a
 * report's ~250 cells that cost the main thread more than SQLite took to run it. Here each statement
 * is compiled once per database, and a report's rows go in fixed-size chunks (64, 16, 4, 1 rows), so a
 * handful of SQL texts serve every report and stay in the connection's statement cache.
 */
import type { Kysely } from 'kysely';
import type { Evidence } from '../assemble/evidence.js';
import type { Finding } from '../core/finding.js';
import type { ReportResult } from '../core/report.js';
import type { Tx } from '../store/context.js';
import { preparedInsert } from '../store/prepared.js';
import type { CorpusFindingTable, CorpusReportTable, Database } from '../store/schema.js';
import { type MeasureRow, measuresOf } from './measures.js';

type Db = Tx | Kysely<Database>;

/**
 * A parsed report as ingest stores it, its rows built where it was parsed (in a worker thread): the
 * main thread, which runs every insert, only binds them. The cells and sections are not sent back
 * as objects, only as the values their rows take.
 */
export interface ParsedReport
  extends Pick<ReportResult, 'format' | 'agency' | 'year' | 'publishedOn' | 'signedOn'> {
  findings: Finding[];
  /** The sections as stored (JSON). */
  sections: string;
  /** The cells, flat: key, value, key, value, … */
  cells: (string | number | null)[];
  /** The report's row of `corpus_measures`, less the columns copied from its report row. */
  measures: MeasureRow;
  /** Where the dates were read, as stored (JSON; src/corpus/bodies/kind-revision.ts). */
  datePlaces: string;
}

export function parsedReport(report: ReportResult, evidence?: Evidence): ParsedReport {
  const cells: (string | number | null)[] = [];
  for (const key in report.cells) cells.push(key, report.cells[key] ?? null);
  return {
    format: report.format,
    agency: report.agency,
    year: report.year,
    publishedOn: report.publishedOn,
    signedOn: report.signedOn,
    findings: report.findings,
    sections: JSON.stringify(report.sections),
    cells,
    measures: measuresOf(report.format, report.cells, report.sections),
    datePlaces: JSON.stringify({
      published: evidence?.publishedPlace ?? null,
      signed: evidence?.signedPlace ?? null,
    }),
  };
}

/** The columns of a report's row, in the order its values are passed. */
const reportColumns = [
  'sha256',
  'body_id',
  'agency_name',
  'year',
  'version',
  'format',
  'source_type',
  'file',
  'size',
  'published_on',
  'signed_on',
  'deadline',
  'late',
  'errors',
  'warnings',
  'infos',
  'sections',
  'text',
  'source',
  'ingested_at',
  'date_places',
] as const satisfies readonly (keyof CorpusReportTable)[];

export type ReportRow = { [K in (typeof reportColumns)[number]]: unknown };

const insertReportQuery = preparedInsert<{ id: number | bigint }>(
  'corpus_reports',
  reportColumns,
  1,
  (insert) => insert.returning('id'),
);

/** Inserts a report's row; resolves to its id. */
export async function insertReport(db: Db, row: ReportRow): Promise<number> {
  const [inserted] = await insertReportQuery(db, ...reportColumns.map((c) => row[c]));
  if (inserted === undefined) throw new Error('store: the report was not inserted');
  return Number(inserted.id);
}

/** Rows per statement, largest first: any count is a sum of these with few statements. */
const chunkSizes = [64, 16, 4, 1] as const;

/** A multi-row insert of `columns` prepared for each chunk size. */
function chunkedInsert(table: 'corpus_cells' | 'corpus_findings', columns: readonly string[]) {
  const width = columns.length;
  const bySize = chunkSizes.map((size) => [size, preparedInsert(table, columns, size)] as const);
  /** Inserts rows given flat: each row's values in the order of `columns`, one row after another. */
  return async (db: Db, flat: readonly unknown[]): Promise<void> => {
    let at = 0;
    const rows = flat.length / width;
    for (const [size, query] of bySize) {
      for (; rows - at / width >= size; at += size * width)
        await query(db, ...flat.slice(at, at + size * width));
    }
  };
}

const cellColumns = ['report_id', 'key', 'value'] as const;
const insertCellRows = chunkedInsert('corpus_cells', cellColumns);

/** Inserts a report's cells, given flat (ParsedReport.cells). */
export function insertCells(
  db: Db,
  reportId: number,
  cells: readonly (string | number | null)[],
): Promise<void> {
  const flat: unknown[] = [];
  for (let i = 0; i < cells.length; i += 2) flat.push(reportId, cells[i], cells[i + 1]);
  return insertCellRows(db, flat);
}

const findingColumns = [
  'report_id',
  'ordinal',
  'code',
  'severity',
  'message',
  'line',
  'col',
  'page',
  'keys',
  'actual',
  'expected',
  'note',
] as const satisfies readonly (keyof CorpusFindingTable)[];
const insertFindingRows = chunkedInsert('corpus_findings', findingColumns);

export type FindingRow = { [K in (typeof findingColumns)[number]]: unknown };

/** Inserts a report's findings, numbered in their order. */
export function insertFindings(db: Db, reportId: number, findings: readonly Finding[]): Promise<void> {
  const flat: unknown[] = [];
  findings.forEach((f, ordinal) => {
    const row: FindingRow = {
      report_id: reportId,
      ordinal,
      code: f.code,
      severity: f.severity,
      message: f.message,
      line: f.line,
      col: f.column,
      page: f.page ?? null,
      keys: JSON.stringify(f.keys),
      actual: f.actual ?? null,
      expected: f.expected ?? null,
      note: f.note ?? null,
    };
    for (const c of findingColumns) flat.push(row[c]);
  });
  return insertFindingRows(db, flat);
}

/** A stored finding row as a finding again (the inverse of insertFindings). */
export const findingOfRow = (row: {
  code: string;
  severity: Finding['severity'];
  message: string;
  line: number | null;
  col: number | null;
  page: number | null;
  keys: string;
  actual: string | null;
  expected: string | null;
  note: string | null;
}): Finding => ({
  code: row.code,
  severity: row.severity,
  message: row.message,
  line: row.line,
  column: row.col,
  keys: JSON.parse(row.keys) as string[],
  // (In makeFinding's order of fields, so that a stored finding and a fresh one compare as JSON.)
  ...(row.page !== null ? { page: row.page } : {}),
  ...(row.actual !== null ? { actual: row.actual } : {}),
  ...(row.expected !== null ? { expected: row.expected } : {}),
  ...(row.note !== null ? { note: row.note } : {}),
});
