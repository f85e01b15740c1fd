/**
 * The corpus as queries (after Datasette): filters are data, lists are keyset-paged by report id
 * with an opaque `next`, and the export follows `next` through every page, so nothing holds the
 * whole corpus in memory.
 */
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import type { Database } from '../store/index.js';
import type { BodyKind } from '../store/schema.js';
import { type ProblemKind, problemCodes } from './problem-kinds.js';

export interface CorpusFilter {
  /** A place in the body's region (「泉州市」, 「洛江区」). */
  region?: string | undefined;
  kind?: BodyKind | undefined;
  year?: number | undefined;
  format?: '2019' | '2021' | undefined;
  late?: boolean | undefined;
  hasErrors?: boolean | undefined;
  /** Reports with errors of one kind (see problem-kinds.ts). */
  problem?: ProblemKind | undefined;
  /** A body's id, or part of its name. */
  agency?: string | undefined;
  /** Only the newest version of each body and year. */
  latest?: boolean | undefined;
  /** The bodies a user may see (null: all). */
  bodyIds?: readonly string[] | null | undefined;
}

export interface CorpusRow {
  id: number;
  bodyId: string | null;
  agency: string | null;
  region: string;
  kind: BodyKind | null;
  year: number | null;
  version: number;
  format: '2019' | '2021';
  sourceType: string;
  publishedOn: string | null;
  signedOn: string | null;
  deadline: string | null;
  late: boolean;
  file: string;
  sha256: string;
  size: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Of the errors, those of reading (problem-kinds.ts): figures that could not be read, left null. */
  unread: number;
  ingestedAt: string;
}

type Db = Kysely<Database>;
type Eb = ExpressionBuilder<
  Database & { r: Database['corpus_reports']; b: Database['corpus_bodies'] },
  'r' | 'b'
>;

/**
 * `column` contains `text`, its `%`, `_` and `\` taken literally: LIKE with the escape character named
 * (SQLite has none unless one is; PostgreSQL's default is the same backslash).
 */
export const containsText = (column: Expression<string | null>, text: string) =>
  sql<SqlBool>`${column} like ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;

/**
 * The finding counts made at ingest of a report's errors of one kind (problem-kinds.ts), as
 * `corpus_finding_counts as fc`; `report` names the column that holds the report's id.
 */
const errorsOfKind = (eb: Eb, report: string, kind: ProblemKind) =>
  eb
    .selectFrom('corpus_finding_counts as fc')
    .where('fc.report_id', '=', sql.ref<number>(report))
    .where('fc.severity', '=', 'error')
    .where((w) => w.or(problemCodes[kind].map((prefix) => w('fc.code', 'like', `${prefix}%`))));

/**
 * The conditions of a filter, for any query over `corpus_reports as r left join corpus_bodies as b`,
 * or over `corpus_measures as r` (its copies of the report's columns have the same names), where
 * the newest version is a stored flag.
 */
export function whereFilter(eb: Eb, filter: CorpusFilter, on: 'reports' | 'measures' = 'reports') {
  const and = [];
  if (filter.region) and.push(containsText(eb.ref('b.region'), filter.region));
  if (filter.kind) and.push(eb('b.kind', '=', filter.kind));
  if (filter.year !== undefined) and.push(eb('r.year', '=', filter.year));
  if (filter.format) and.push(eb('r.format', '=', filter.format));
  if (filter.late !== undefined) and.push(eb('r.late', '=', filter.late ? 1 : 0));
  if (filter.hasErrors !== undefined) and.push(eb('r.errors', filter.hasErrors ? '>' : '=', 0));
  if (filter.problem)
    and.push(
      eb.exists(
        errorsOfKind(eb, on === 'measures' ? 'r.report_id' : 'r.id', filter.problem).select('fc.report_id'),
      ),
    );
  if (filter.agency)
    and.push(eb.or([eb('r.body_id', '=', filter.agency), containsText(eb.ref('b.name'), filter.agency)]));
  if (filter.bodyIds)
    and.push(filter.bodyIds.length === 0 ? eb.lit(false) : eb('r.body_id', 'in', [...filter.bodyIds]));
  if (filter.latest && on === 'measures') and.push(eb(sql.ref<number>('r.latest'), '=', 1));
  else if (filter.latest)
    and.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom('corpus_reports as n')
            .select('n.id')
            .whereRef('n.body_id', '=', 'r.body_id')
            .whereRef('n.year', '=', 'r.year')
            .whereRef('n.version', '>', 'r.version'),
        ),
      ),
    );
  return eb.and(and);
}

/**
 * The standing bodies (not merged into another) a filter chooses by region, kind, agency and the
 * bodies a user may see: a query to select from, page or count. The report filters (year, format,
 * late, errors, latest) don't apply to bodies.
 */
export function standingBodies(db: Db, filter: CorpusFilter) {
  let q = db.selectFrom('corpus_bodies').where('merged_into', 'is', null);
  if (filter.bodyIds)
    q = filter.bodyIds.length === 0 ? q.where('id', '=', '') : q.where('id', 'in', [...filter.bodyIds]);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  const region = filter.region;
  if (region) q = q.where((eb) => containsText(eb.ref('region'), region));
  if (filter.agency) {
    const agency = filter.agency;
    q = q.where((eb) => eb.or([eb('id', '=', agency), containsText(eb.ref('name'), agency)]));
  }
  return q;
}

export function reportsQuery(db: Db, filter: CorpusFilter) {
  return db
    .selectFrom('corpus_reports as r')
    .leftJoin('corpus_bodies as b', 'b.id', 'r.body_id')
    .where((eb) => whereFilter(eb as unknown as Eb, filter));
}

/**
 * The same selection over the narrow per-report rows of `corpus_measures` (as `r`, with the body as
 * `b` when `bodies` or the filter needs it): what the statistics scan.
 */
export function measuresQuery(db: Db, filter: CorpusFilter, bodies = false) {
  const query = db.selectFrom('corpus_measures as r').leftJoin('corpus_bodies as b', 'b.id', 'r.body_id');
  // The body is joined only when asked for or filtered on (one lookup a row saved otherwise).
  const join = bodies || filter.region || filter.kind || filter.agency;
  return (join ? query : (db.selectFrom('corpus_measures as r') as unknown as typeof query)).where((eb) =>
    whereFilter(eb as unknown as Eb, filter, 'measures'),
  );
}

/**
 * The same selection over `corpus_finding_counts` (as `r`: its copies of the measures' columns have
 * the same names), with the body as `b` when `bodies` or the filter needs it.
 */
export function findingCountsQuery(db: Db, filter: CorpusFilter, bodies = false) {
  const query = db
    .selectFrom('corpus_finding_counts as r')
    .leftJoin('corpus_bodies as b', 'b.id', 'r.body_id');
  const join = bodies || filter.region || filter.kind || filter.agency;
  return (join ? query : (db.selectFrom('corpus_finding_counts as r') as unknown as typeof query)).where(
    (eb) => whereFilter(eb as unknown as Eb, filter, 'measures'),
  );
}

// biome-ignore lint/suspicious/noExplicitAny: the joined query's row type is spelled once, here
const selectRow = (q: SelectQueryBuilder<any, any, any>) =>
  q.select([
    'r.id',
    'r.body_id',
    'b.name',
    'r.agency_name',
    'b.region',
    'b.kind',
    'r.year',
    'r.version',
    'r.format',
    'r.source_type',
    'r.published_on',
    'r.signed_on',
    'r.deadline',
    'r.late',
    'r.file',
    'r.sha256',
    'r.size',
    'r.errors',
    'r.warnings',
    'r.infos',
    'r.ingested_at',
    // The errors of reading (a lookup by the report's key a row).
    (eb) =>
      errorsOfKind(eb as unknown as Eb, 'r.id', 'reading')
        .select(sql<number>`coalesce(sum(fc.n), 0)`.as('n'))
        .as('unread'),
  ]);

// biome-ignore lint/suspicious/noExplicitAny: rows of selectRow
const toRow = (r: any): CorpusRow => ({
  id: Number(r.id),
  bodyId: r.body_id,
  agency: r.name ?? r.agency_name,
  region: r.region ?? '',
  kind: r.kind ?? null,
  year: r.year,
  version: r.version,
  format: r.format,
  sourceType: r.source_type,
  publishedOn: r.published_on,
  signedOn: r.signed_on,
  deadline: r.deadline,
  late: r.late === 1,
  file: r.file,
  sha256: r.sha256,
  size: r.size,
  errors: r.errors,
  warnings: r.warnings,
  infos: r.infos,
  unread: Number(r.unread ?? 0),
  ingestedAt: r.ingested_at,
});

export interface Page {
  rows: CorpusRow[];
  /** Pass as `after` for the next page; null on the last. */
  next: string | null;
}

export const encodeCursor = (id: number): string => Buffer.from(`r${id}`).toString('base64url');
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const id = /^r(\d+)$/.exec(text)?.[1];
  if (id === undefined) throw new RangeError('分页标记（after）无效');
  return Number(id);
}

/** One page of reports, by id. */
export async function listReports(
  db: Db,
  filter: CorpusFilter,
  page: { after?: string | undefined; limit?: number } = {},
): Promise<Page> {
  const limit = Math.min(Math.max(page.limit ?? 100, 1), 1000);
  const after = decodeCursor(page.after);
  const rows = await selectRow(reportsQuery(db, filter).where('r.id', '>', after))
    .orderBy('r.id')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const shown = rows.slice(0, limit).map(toRow);
  const last = shown[shown.length - 1];
  return { rows: shown, next: more && last ? encodeCursor(last.id) : null };
}

/** One report, when the filter lets it through. */
export async function getReport(db: Db, filter: CorpusFilter, id: number): Promise<CorpusRow | undefined> {
  const row = await selectRow(reportsQuery(db, filter).where('r.id', '=', id)).executeTakeFirst();
  return row && toRow(row);
}

/** Every report version of one body, by year (undated last) and version. */
export async function bodyReports(db: Db, bodyId: string): Promise<CorpusRow[]> {
  const rows = await selectRow(reportsQuery(db, { bodyIds: [bodyId] }))
    .orderBy(sql`r.year is null`)
    .orderBy('r.year')
    .orderBy('r.version')
    .orderBy('r.id')
    .execute();
  return rows.map(toRow);
}

export async function countReports(db: Db, filter: CorpusFilter): Promise<number> {
  const row = await reportsQuery(db, filter)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Every report of the filter, page by page (constant memory). */
export async function* iterateReports(
  db: Db,
  filter: CorpusFilter,
  pageSize = 500,
): AsyncGenerator<CorpusRow> {
  let after: string | undefined;
  for (;;) {
    const page = await listReports(db, filter, { after, limit: pageSize });
    yield* page.rows;
    if (page.next === null) return;
    after = page.next;
  }
}

/** The cells of some reports, by report id. */
export async function cellsOf(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, Record<string, number | null>>> {
  const out = new Map<number, Record<string, number | null>>();
  for (const id of ids) out.set(id, {});
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('corpus_cells')
    .select(['report_id', 'key', 'value'])
    .where('report_id', 'in', [...ids])
    .execute();
  for (const r of rows) {
    const cells = out.get(Number(r.report_id));
    if (cells) cells[r.key] = r.value;
  }
  return out;
}

/** Reports with their cells, page by page. */
export async function* iterateWithCells(
  db: Db,
  filter: CorpusFilter,
  pageSize = 200,
): AsyncGenerator<{ row: CorpusRow; cells: Record<string, number | null> }> {
  let after: string | undefined;
  for (;;) {
    const page = await listReports(db, filter, { after, limit: pageSize });
    const cells = await cellsOf(
      db,
      page.rows.map((r) => r.id),
    );
    for (const row of page.rows) yield { row, cells: cells.get(row.id) ?? {} };
    if (page.next === null) return;
    after = page.next;
  }
}
