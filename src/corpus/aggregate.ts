/**
 * Comparisons (`gongkai corpus stats`, GET /api/corpus/stats): per region, body, year or kind of body,
 * over the newest version of each report — reports on time, formats used, findings by code, the
 * crosswalk measures (applications received, answered, carried over, outcomes, review and
 * litigation) and the 信息处理费 stated in prose summed, and the shares and rates derived from them.
 * Every figure is comparable across the 2019 and 2021 formats because it comes from the crosswalk
 * (src/spec/crosswalk.ts). The sums are SQL over the narrow per-report rows stored at ingest
 * (./measures.ts: the measures, and the findings counted by code), never over report JSON, the cells
 * or the findings themselves, so they stay fast on 200,000 reports: each is one scan of one table,
 * grouped by body (for region, kind and agency: a body's region, kind and name are looked up once
 * a body, after the sums), by year or not at all, in the order of a covering index on SQLite; in a
 * hash table on PostgreSQL, by region or kind directly (`hashAggregate`), each query in its own
 * transaction, both at once.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { capabilitiesOf } from '../store/adapter.js';
import type { Database } from '../store/index.js';
import { ensureMeasures, statsMeasures } from './measures.js';
import { type CorpusFilter, findingCountsQuery, measuresQuery } from './query.js';
import type { StatsDimension } from './stats-dimensions.js';
import { readSums, sumsText } from './sums-text.js';

export { type StatsDimension, statsDimensions } from './stats-dimensions.js';

export interface StatsRow {
  /** The group's value ('' when unknown; the whole corpus when not grouped). */
  group: string;
  /** A readable name of the group. */
  label: string;
  reports: number;
  onTime: number;
  late: number;
  /** Reports without a publication or signature date. */
  undated: number;
  format2019: number;
  format2021: number;
  withErrors: number;
  errors: number;
  warnings: number;
  /**
   * Sums of the measures (`statsMeasureLabels`: the crosswalk's, 'fees.disclosure' from prose, and
   * the reports stating a 信息处理费 at all or above 0), by measure id.
   */
  measures: Record<string, number>;
  /** Shares of answered applications by outcome, and corrected rates, in [0, 1] (null when 0/0). */
  rates: Record<string, number | null>;
  findings: Record<string, number>;
}

export interface Stats {
  by: StatsDimension | null;
  rows: StatsRow[];
  /** Finding counts by code over the whole selection, most frequent first. */
  findings: { code: string; severity: string; count: number }[];
  /** Milliseconds each query took. */
  timings: Record<string, number>;
}

/**
 * What the scan of the narrow tables groups by: the body for region, kind and agency (a body's region,
 * kind and name are looked up once a body, after the sums, not once a report), the year, or nothing.
 */
const keyOf = (by: StatsDimension | null): RawBuilder<string> | null =>
  by === null ? null : by === 'year' ? sql<string>`r.year` : sql<string>`r.body_id`;

/**
 * The body's group, for the dimensions that group bodies. By province and city, `regionAt` in SQL:
 * the places down to the level, else the highest place the name gives (a city with its province
 * when both are known; else the province, the city, then the county, the first one known).
 */
const bodyGroups: Partial<Record<StatsDimension, RawBuilder<string>>> = {
  region: sql<string>`coalesce(b.region, '')`,
  province: sql<string>`coalesce(b.province, b.city, b.county, '')`,
  city: sql<string>`case when b.city is not null then coalesce(b.province, '') || b.city else coalesce(b.province, b.county, '') end`,
  kind: sql<string>`coalesce(b.kind, '')`,
};
const bodyGroup = (by: StatsDimension | null): RawBuilder<string> | null =>
  by === null ? null : (bodyGroups[by] ?? null);

const kindLabels: Record<string, string> = { government: '人民政府', department: '部门', '': '未知' };

const rate = (a: number | undefined, b: number | undefined): number | null =>
  b === undefined || b === 0 ? null : Math.round(((a ?? 0) / b) * 10_000) / 10_000;

async function timed<T>(timings: Record<string, number>, name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  timings[name] = Math.round((performance.now() - start) * 10) / 10;
  return result;
}

/**
 * Runs one aggregate query, in its own transaction opened by the database's `aggregateSettings`
 * when it has any (PostgreSQL: enough memory to group in a hash table).
 */
function aggregate<T>(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const settings = capabilitiesOf(db).aggregateSettings;
  if (settings.length === 0) return run(db);
  return db.transaction().execute(async (trx) => {
    for (const statement of settings) await statement.execute(trx);
    return run(trx);
  });
}

/** The sums of the base query, by alias: counts, then the measures as `m0`, `m1`, … */
const baseSums = (): Record<string, RawBuilder<number>> => ({
  reports: sql<number>`count(*)`,
  late: sql<number>`sum(r.late)`,
  dated: sql<number>`sum(r.dated)`,
  f2021: sql<number>`sum(case when r.format = '2021' then 1 else 0 end)`,
  with_errors: sql<number>`sum(case when r.errors > 0 then 1 else 0 end)`,
  errors: sql<number>`sum(r.errors)`,
  warnings: sql<number>`sum(r.warnings)`,
  fees_stated: sql<number>`count(r.fees_disclosure)`,
  fees_charged: sql<number>`sum(case when r.fees_disclosure > 0 then 1 else 0 end)`,
  ...Object.fromEntries(
    statsMeasures.map((m, i) => [`m${i}`, sql<number>`sum(${sql.ref(`r.${m.column}`)})`]),
  ),
});
const measureIds = statsMeasures.map((m) => m.id);
const outcomes = ['open', 'partial', 'deny', 'none', 'reject', 'other'].map((o) => `outcome.${o}`);
/**
 * Every key of a row's measures and rates, in order: a row's objects are copies of these (one shape
 * for all rows, filled in place), which is what makes 28,000 rows by agency cheap to build.
 */
const measuresShape: Record<string, number> = Object.fromEntries(
  [...measureIds, 'fees.disclosureStated', 'fees.disclosureCharged'].map((id) => [id, 0]),
);
const ratesShape: Record<string, number | null> = Object.fromEntries(
  [...outcomes, 'review.correctedRate', 'litigation.correctedRate', 'onTime'].map((id) => [id, null]),
);

const sumAliases = Object.keys(baseSums());

/** A group's sums as one text column (./sums-text.ts), in the order of `baseSums`. */
const packed = (value: (alias: string) => RawBuilder<unknown>) => sumsText(sumAliases.map(value));

/** A group's key, its body's name when grouped by agency, and its sums `packed`. */
interface SumRow {
  g: unknown;
  name?: string | null;
  v: string;
}

/** Counts and sums by group: one scan of `corpus_measures`, then a body's region or kind, or name. */
function baseQuery(db: Kysely<Database>, filter: CorpusFilter, by: StatsDimension | null): Promise<SumRow[]> {
  const sums = baseSums();
  const own = packed((alias) => sums[alias] as RawBuilder<number>).as('v');
  const group = bodyGroup(by);
  if (group && capabilitiesOf(db).hashAggregate)
    return measuresQuery(db, filter, true)
      .select([group.as('g'), own])
      .groupBy(group)
      .execute();
  if (by === null)
    return measuresQuery(db, filter)
      .select([sql<string>`cast('' as text)`.as('g'), own])
      .execute();
  if (by === 'year')
    return measuresQuery(db, filter)
      .select([sql<string>`r.year`.as('g'), own])
      .groupBy(sql`r.year`)
      .execute();
  // By body first (in the order of the covering index on SQLite), then the body's row once a body.
  const inner = measuresQuery(db, filter)
    .select([
      sql<string>`r.body_id`.as('k'),
      ...Object.entries(sums).map(([alias, expression]) => expression.as(alias)),
    ])
    .groupBy('r.body_id');
  const byBody = db.selectFrom(inner.as('x')).leftJoin('corpus_bodies as b', 'b.id', 'x.k');
  if (group)
    return byBody
      .select([group.as('g'), packed((alias) => sql`sum(${sql.ref(`x.${alias}`)})`).as('v')])
      .groupBy(group)
      .execute();
  return byBody.select(['x.k as g', 'b.name', packed((alias) => sql.ref(`x.${alias}`)).as('v')]).execute();
}

/** Finding counts by group, code and severity: one scan of `corpus_finding_counts`. */
function findingsQuery(
  db: Kysely<Database>,
  filter: CorpusFilter,
  by: StatsDimension | null,
): Promise<{ g: unknown; code: string; severity: string; n: unknown }[]> {
  const key = keyOf(by);
  const group = bodyGroup(by);
  if (group && capabilitiesOf(db).hashAggregate)
    return findingCountsQuery(db, filter, true)
      .select([group.as('g'), 'r.code', 'r.severity', sql<number>`sum(r.n)`.as('n')])
      .groupBy([group, 'r.code', 'r.severity'])
      .execute();
  const counts = findingCountsQuery(db, filter);
  const inner = key
    ? counts
        .select([key.as('k'), 'r.code', 'r.severity', sql<number>`sum(r.n)`.as('n')])
        .groupBy([key, 'r.code', 'r.severity'])
    : counts
        .select([
          sql<string>`cast('' as text)`.as('k'),
          'r.code',
          'r.severity',
          sql<number>`sum(r.n)`.as('n'),
        ])
        .groupBy(['r.code', 'r.severity']);
  if (group)
    return db
      .selectFrom(inner.as('x'))
      .leftJoin('corpus_bodies as b', 'b.id', 'x.k')
      .select([group.as('g'), 'x.code', 'x.severity', sql<number>`sum(x.n)`.as('n')])
      .groupBy([group, 'x.code', 'x.severity'])
      .execute();
  return db.selectFrom(inner.as('x')).select(['x.k as g', 'x.code', 'x.severity', 'x.n']).execute();
}

const labelOf = (by: StatsDimension | null, group: string, name: unknown): string =>
  by === 'agency'
    ? typeof name === 'string'
      ? name
      : '未识别机关'
    : by === 'kind'
      ? (kindLabels[group] ?? group)
      : by === null
        ? '全部'
        : group || '未知';

const num = (v: unknown): number => Number(v ?? 0);

/** A group's row from its sums. */
function statsRow(by: StatsDimension | null, r: SumRow): StatsRow {
  const group = String(r.g ?? '');
  // In the order of `baseSums`: seven counts, the two fee counts, then the measures.
  const sums = readSums(r.v);
  const [reports = 0, late = 0, dated = 0, f2021 = 0, withErrors = 0, errors = 0, warnings = 0] = sums;
  const measures = { ...measuresShape };
  for (let i = 0; i < measureIds.length; i++)
    measures[measureIds[i] as string] = Math.round((sums[i + 9] ?? 0) * 100) / 100;
  measures['fees.disclosureStated'] = sums[7] ?? 0;
  measures['fees.disclosureCharged'] = sums[8] ?? 0;
  // Late implies dated (a date after the deadline): on time = dated − late.
  const onTime = dated - late;
  const answered = measures['applications.answered'];
  const rates = { ...ratesShape };
  for (const outcome of outcomes) rates[outcome] = rate(measures[outcome], answered);
  rates['review.correctedRate'] = rate(measures['review.corrected'], measures['review.total']);
  rates['litigation.correctedRate'] = rate(measures['litigation.corrected'], measures['litigation.total']);
  rates.onTime = rate(onTime, reports);
  return {
    group,
    label: labelOf(by, group, r.name),
    reports,
    onTime,
    late,
    undated: reports - dated,
    format2019: reports - f2021,
    format2021: f2021,
    withErrors,
    errors,
    warnings,
    measures,
    rates,
    findings: {},
  };
}

export async function corpusStats(
  db: Kysely<Database>,
  filter: CorpusFilter,
  by: StatsDimension | null = null,
): Promise<Stats> {
  const selection: CorpusFilter = { ...filter, latest: true };
  const timings: Record<string, number> = {};
  await timed(timings, 'backfill', () => ensureMeasures(db));
  // Two scans of two narrow tables; concurrent where each runs in its own transaction (connection).
  const base = () => timed(timings, 'reports', () => aggregate(db, (d) => baseQuery(d, selection, by)));
  const counts = () =>
    timed(timings, 'findings', () => aggregate(db, (d) => findingsQuery(d, selection, by)));
  const [sums, findingRows] =
    capabilitiesOf(db).aggregateSettings.length > 0
      ? await Promise.all([base(), counts()])
      : [await base(), await counts()];

  const byGroup = new Map<string, StatsRow>();
  for (const r of sums) {
    // Grouping nothing still returns its one row when nothing is selected (count 0): no group then.
    if (by === null && r.v.startsWith('0,')) continue;
    const row = statsRow(by, r);
    byGroup.set(row.group, row);
  }
  const totals = new Map<string, { code: string; severity: string; count: number }>();
  for (const f of findingRows) {
    const n = num(f.n);
    const row = byGroup.get(String(f.g ?? ''));
    if (row) row.findings[f.code] = (row.findings[f.code] ?? 0) + n;
    const t = totals.get(f.code);
    if (t) t.count += n;
    else totals.set(f.code, { code: f.code, severity: f.severity, count: n });
  }
  return {
    by,
    // By group, in code point order (the same on both databases, whatever their collation).
    rows: [...byGroup.values()].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0)),
    findings: [...totals.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    timings,
  };
}

/** The ids and Chinese names of every entry of `StatsRow.measures`, in order. */
export const statsMeasureLabels: readonly { id: string; label: string }[] = [
  ...statsMeasures.map((m) => ({ id: m.id, label: m.label })),
  { id: 'fees.disclosureStated', label: '正文说明信息处理费收取情况的报告（份）' },
  { id: 'fees.disclosureCharged', label: '正文称收取了信息处理费的报告（份）' },
];

/** Chinese names of the rates, for tables. */
export const rateLabels: Record<string, string> = {
  onTime: '按时发布率',
  'outcome.open': '予以公开占比',
  'outcome.partial': '部分公开占比',
  'outcome.deny': '不予公开占比',
  'outcome.none': '无法提供占比',
  'outcome.reject': '不予处理占比',
  'outcome.other': '其他处理占比',
  'review.correctedRate': '行政复议纠错率',
  'litigation.correctedRate': '行政诉讼纠错率',
};
