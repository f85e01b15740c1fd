/**
 * Per-report measures, stored at ingest in `corpus_measures` (one narrow row per report) so the
 * statistics are one SQL aggregate over a small table: every crosswalk measure (src/spec/crosswalk.ts,
 * the sum of its cells in the report's format) and the 信息处理费 the prose states.
 *
 * A measure's column is its id in snake case (`applications.carriedIn` → `applications_carried_in`);
 * a new measure needs a migration adding its column (test/corpus/stats.test.ts checks every one has
 * it). Reports stored before the table existed are measured lazily by `ensureMeasures`.
 *
 * Each report's findings are counted by code in `corpus_finding_counts` (after its findings are
 * stored), with copies of its measures' body, year, format, lateness, errors and newest-version flag,
 * so the statistics count findings by group from one table too; the copies follow new versions
 * (`refreshLatest`) and merges (./bodies/store.ts).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Cells, Section } from '../core/report.js';
import { crosswalk, measureValue } from '../spec/crosswalk.js';
import type { FormatId } from '../spec/types.js';
import type { Tx } from '../store/context.js';
import { preparedInsert } from '../store/prepared.js';
import type { CorpusMeasureTable, Database } from '../store/schema.js';

/** The columns copied from the report; the rest are figures. */
type ReportColumn =
  | 'report_id'
  | 'body_id'
  | 'year'
  | 'format'
  | 'late'
  | 'dated'
  | 'errors'
  | 'warnings'
  | 'latest';

export interface StatsMeasure {
  id: string;
  label: string;
  column: Exclude<keyof CorpusMeasureTable, ReportColumn>;
}

export const columnOf = (id: string): StatsMeasure['column'] =>
  id.replace(/\./g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as StatsMeasure['column'];

/** The measures the statistics sum: the crosswalk's, then those read from prose. */
export const statsMeasures: readonly StatsMeasure[] = [
  ...crosswalk.map((m) => ({ id: m.id, label: m.label, column: columnOf(m.id) })),
  { id: 'fees.disclosure', label: '收取信息处理费（元，正文所述）', column: columnOf('fees.disclosure') },
];

const number = String.raw`(\d+(?:\.\d+)?)`;
/** 「收取信息处理费3940元」「信息处理费收入共计1.2万元」: an amount (first one stated). */
const feeAmount = new RegExp(
  String.raw`信息处理费(?:收入|金额|费用)?[^。；;，,\d]{0,8}?${number}(万元|元)|(?:收取|收缴|收到)[^。；;\d]{0,6}${number}(万元|元)[^。；;]{0,4}信息处理费`,
);
/** 「未收取信息处理费」「无收取信息处理费情况」「没有产生信息处理费」「信息处理费为0元」. */
const feeNone =
  /(?:未|没有|无|不)[^。；;]{0,6}(?:收取|收缴|收费|产生|发生)[^。；;]{0,12}信息处理费|信息处理费[^。；;]{0,10}(?:未收取|为零|为0元|0元|零元)/;

/**
 * The 信息处理费 a report's prose says was collected, in 元: 0 when it says none was, null when it
 * doesn't say. Line breaks, spaces and full-width forms are ignored (PDF text wraps anywhere).
 */
export function disclosureFee(prose: string): number | null {
  const text = prose.normalize('NFKC').replace(/\s+/gu, '');
  const amount = feeAmount.exec(text);
  if (amount) {
    const value = Number(amount[1] ?? amount[3]);
    const unit = amount[2] ?? amount[4];
    if (Number.isFinite(value)) return Math.round(value * (unit === '万元' ? 10_000 : 1) * 100) / 100;
  }
  return feeNone.test(text) ? 0 : null;
}

/** A report's figures (the columns of `corpus_measures` after the copies of the report's). */
export type MeasureRow = Omit<CorpusMeasureTable, ReportColumn>;

/** The report columns `corpus_measures` copies. */
export interface MeasuredReport {
  id: number;
  body_id: string | null;
  year: number | null;
  format: FormatId;
  late: number;
  published_on: string | null;
  signed_on: string | null;
  errors: number;
  warnings: number;
}

/** The crosswalk's measures with their columns (named once). */
const crosswalkColumns = crosswalk.map((m) => [m, columnOf(m.id)] as const);

/** A report's measures, from its cells and the prose of its sections. */
export function measuresOf(format: FormatId, cells: Cells, sections: readonly Section[]): MeasureRow {
  const row = {} as Record<StatsMeasure['column'], number | null>;
  for (const [m, column] of crosswalkColumns) row[column] = measureValue(m, format, cells);
  row.fees_disclosure = disclosureFee(sections.map((s) => s.text).join('\n'));
  return row as MeasureRow;
}

/**
 * Marks which reports of a body (of one year, when given) are the newest version of their body and
 * year, after a report was added or moved (inside the caller's transaction).
 */
export async function refreshLatest(
  trx: Tx | Kysely<Database>,
  bodyId: string,
  year?: number,
): Promise<void> {
  await sql`update corpus_measures set latest = case when exists (
      select 1 from corpus_reports r join corpus_reports n
        on n.body_id = r.body_id and n.year = r.year and n.version > r.version
      where r.id = corpus_measures.report_id) then 0 else 1 end
    where body_id = ${bodyId}${year === undefined ? sql`` : sql` and year = ${year}`}`.execute(trx);
  // The copies in the finding counts follow.
  await sql`update corpus_finding_counts set latest = (
      select m.latest from corpus_measures m where m.report_id = corpus_finding_counts.report_id)
    where report_id in (select report_id from corpus_measures
      where body_id = ${bodyId}${year === undefined ? sql`` : sql` and year = ${year}`})`.execute(trx);
}

/** Counts findings by code for the reports chosen by `which`, with copies of their measures' columns. */
const insertFindingCounts = (which: RawBuilder<unknown>) =>
  sql`insert into corpus_finding_counts
      (report_id, code, severity, n, body_id, year, format, late, errors, latest)
    select f.report_id, f.code, f.severity, count(*), m.body_id, m.year, m.format, m.late, m.errors, m.latest
    from corpus_findings f join corpus_measures m on m.report_id = f.report_id
    where ${which}
    group by f.report_id, f.code, f.severity, m.body_id, m.year, m.format, m.late, m.errors, m.latest`;

/**
 * Counts a report's findings by code (`corpus_finding_counts`), once its measures and findings are
 * stored (in the caller's transaction).
 */
export async function storeFindingCounts(trx: Tx | Kysely<Database>, reportId: number): Promise<void> {
  await insertFindingCounts(sql`f.report_id = ${reportId}`).execute(trx);
}

/** The columns of a measures row, in the order its values are passed: the report's, then the figures. */
const measureRowColumns = [
  'report_id',
  'body_id',
  'year',
  'format',
  'late',
  'dated',
  'errors',
  'warnings',
  'latest',
  ...statsMeasures.map((m) => m.column),
] as const;

/** The insert of a measures row, prepared once (ingest writes one per report). */
const insertMeasures = preparedInsert('corpus_measures', measureRowColumns, 1, (insert) =>
  insert.onConflict((oc) => oc.column('report_id').doNothing()),
);

/**
 * Writes a report's measures and marks the newest version of its body and year (in the caller's
 * transaction). `first`: the report is the first version of its body and year (ingest knows it from
 * the version it numbered), so no other report of theirs is there to mark and its own row is the
 * newest as written.
 */
export async function storeMeasures(
  trx: Tx | Kysely<Database>,
  report: MeasuredReport,
  figures: MeasureRow,
  options: { first?: boolean } = {},
): Promise<void> {
  const row: Record<string, unknown> = {
    report_id: report.id,
    body_id: report.body_id,
    year: report.year,
    format: report.format,
    late: report.late,
    dated: report.published_on !== null || report.signed_on !== null ? 1 : 0,
    errors: report.errors,
    warnings: report.warnings,
    latest: 1,
    ...figures,
  };
  await insertMeasures(trx, ...measureRowColumns.map((c) => row[c] ?? null));
  if (report.body_id !== null && report.year !== null && options.first !== true)
    await refreshLatest(trx, report.body_id, report.year);
}

/** Handles whose every report is known to be measured (ingest measures each report it stores). */
const measured = new WeakSet<Kysely<Database>>();

/**
 * Measures the reports stored without them (before the table existed), in batches. Cheap when none
 * is missing: two counts (each row of `corpus_measures` belongs to a report, by its foreign key),
 * once per handle. Returns how many were measured.
 */
export async function ensureMeasures(db: Kysely<Database>, batch = 500): Promise<number> {
  if (measured.has(db)) return 0;
  const done = await measureMissing(db, batch);
  await countMissingFindings(db);
  measured.add(db);
  return done;
}

/**
 * Counts the findings of the measured reports without counts (stored before the counts existed, or
 * written straight to the tables). Cheap when none is missing: two counts.
 */
async function countMissingFindings(db: Kysely<Database>): Promise<void> {
  const [findings, counted] = await Promise.all([
    db
      .selectFrom('corpus_findings')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst(),
    db
      .selectFrom('corpus_finding_counts')
      .select((eb) => eb.fn.sum<number | string | null>('n').as('n'))
      .executeTakeFirst(),
  ]);
  if (Number(findings?.n ?? 0) === Number(counted?.n ?? 0)) return;
  await insertFindingCounts(
    sql`not exists (select 1 from corpus_finding_counts c where c.report_id = f.report_id)`,
  ).execute(db);
}

async function measureMissing(db: Kysely<Database>, batch: number): Promise<number> {
  const count = async (table: 'corpus_reports' | 'corpus_measures') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  if ((await count('corpus_reports')) === (await count('corpus_measures'))) return 0;
  let done = 0;
  for (;;) {
    const reports = await db
      .selectFrom('corpus_reports as r')
      .leftJoin('corpus_measures as m', 'm.report_id', 'r.id')
      .where('m.report_id', 'is', null)
      .select([
        'r.id',
        'r.body_id',
        'r.year',
        'r.format',
        'r.late',
        'r.published_on',
        'r.signed_on',
        'r.errors',
        'r.warnings',
        'r.sections',
      ])
      .orderBy('r.id')
      .limit(batch)
      .execute();
    if (reports.length === 0) return done;
    const ids = reports.map((r) => Number(r.id));
    const cells = new Map<number, Cells>(ids.map((id) => [id, {}]));
    for (const c of await db
      .selectFrom('corpus_cells')
      .select(['report_id', 'key', 'value'])
      .where('report_id', 'in', ids)
      .execute()) {
      const of = cells.get(Number(c.report_id));
      if (of) of[c.key] = c.value;
    }
    await db.transaction().execute(async (trx) => {
      for (const r of reports) {
        const id = Number(r.id);
        const sections = JSON.parse(r.sections) as Section[];
        await storeMeasures(trx, { ...r, id }, measuresOf(r.format, cells.get(id) ?? {}, sections));
      }
    });
    done += reports.length;
  }
}
