/**
 * The inserts of ingest, prepared once (src/store/prepared.ts): a report's row, its cells and its
 * findings. Kysely builds and compiles a query anew on every call; for a multi-row insert of a
 * report's ~250 cells that cost the main thread more than SQLite took to run it. Here each statement
 * is compiled once per database, and a report's rows go in fixed-size chunks (64, 16, 4, 1 rows), so a
 * handful of SQL texts serve every report and stay in the connection's statement cache.
 */
import type { Kysely } from 'kysely';
import type { Tx } from '../store/context.js';
import { prepared } from '../store/prepared.js';
import type { CorpusFindingTable, CorpusReportTable, Database } from '../store/schema.js';

type Db = Tx | Kysely<Database>;

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
] as const satisfies readonly (keyof CorpusReportTable)[];

export type ReportRow = { [K in (typeof reportColumns)[number]]: unknown };

const insertReportQuery = prepared(
  (h, ...values: unknown[]) =>
    (h as Kysely<Database>)
      .insertInto('corpus_reports')
      .values(Object.fromEntries(reportColumns.map((c, i) => [c, values[i]])) as never)
      .returning('id'),
  reportColumns.length,
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
  const bySize = new Map(
    chunkSizes.map((size) => [
      size,
      prepared(
        (h, ...values: unknown[]) =>
          (h as Kysely<Database>)
            .insertInto(table)
            .values(
              Array.from(
                { length: size },
                (_, row) => Object.fromEntries(columns.map((c, i) => [c, values[row * width + i]])) as never,
              ),
            ),
        size * width,
      ),
    ]),
  );
  /** Inserts rows given flat: each row's values in the order of `columns`, one row after another. */
  return async (db: Db, flat: readonly unknown[]): Promise<void> => {
    let at = 0;
    const rows = flat.length / width;
    for (const size of chunkSizes) {
      const query = bySize.get(size) as ReturnType<typeof prepared<unknown[], unknown>>;
      for (; rows - at / width >= size; at += size * width)
        await query(db, ...flat.slice(at, at + size * width));
    }
  };
}

const cellColumns = ['report_id', 'key', 'value'] as const;
const insertCellRows = chunkedInsert('corpus_cells', cellColumns);

/** Inserts a report's cells (codebook key → value). */
export function insertCells(
  db: Db,
  reportId: number,
  cells: Readonly<Record<string, number | null>>,
): Promise<void> {
  const flat: unknown[] = [];
  for (const key in cells) flat.push(reportId, key, cells[key]);
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
  'keys',
  'actual',
  'expected',
  'note',
] as const satisfies readonly (keyof CorpusFindingTable)[];
const insertFindingRows = chunkedInsert('corpus_findings', findingColumns);

export type FindingRow = { [K in (typeof findingColumns)[number]]: unknown };

/** Inserts a report's findings, in their order. */
export function insertFindings(db: Db, rows: readonly FindingRow[]): Promise<void> {
  const flat: unknown[] = [];
  for (const row of rows) for (const c of findingColumns) flat.push(row[c]);
  return insertFindingRows(db, flat);
}
