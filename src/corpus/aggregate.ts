/**
 * Comparisons (`gongkai corpus stats`, GET /api/corpus/stats): per region, body, year or kind of body,
 * over the newest version of each report — reports on time, formats used, findings by code, the
 * crosswalk measures (applications received, answered, carried over, outcomes, review and
 * litigation, fees) summed, and the shares and rates derived from them. Every figure is comparable
 * across the 2019 and 2021 formats because it comes from the crosswalk (src/spec/crosswalk.ts).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { crosswalk } from '../spec/crosswalk.js';
import type { Database } from '../store/index.js';
import { type CorpusFilter, reportsQuery } from './query.js';

export const statsDimensions = ['region', 'agency', 'year', 'kind'] as const;
export type StatsDimension = (typeof statsDimensions)[number];

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
  /** Sums of the crosswalk measures, by measure id. */
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

const groupExpression = (by: StatsDimension | null): RawBuilder<string> => {
  switch (by) {
    case 'region':
      return sql<string>`coalesce(b.region, '')`;
    case 'agency':
      return sql<string>`coalesce(r.body_id, '')`;
    case 'year':
      return sql<string>`coalesce(cast(r.year as text), '')`;
    case 'kind':
      return sql<string>`coalesce(b.kind, '')`;
    default:
      // A bare constant is refused in PostgreSQL's GROUP BY (it reads as a column number).
      return sql<string>`cast('' as text)`;
  }
};

const kindLabels: Record<string, string> = { government: '人民政府', department: '部门', '': '未知' };

const rate = (a: number | undefined, b: number | undefined): number | null =>
  b === undefined || b === 0 ? null : Math.round(((a ?? 0) / b) * 10_000) / 10_000;

async function timed<T>(timings: Record<string, number>, name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  timings[name] = Math.round((performance.now() - start) * 10) / 10;
  return result;
}

export async function corpusStats(
  db: Kysely<Database>,
  filter: CorpusFilter,
  by: StatsDimension | null = null,
): Promise<Stats> {
  const selection: CorpusFilter = { ...filter, latest: true };
  const group = groupExpression(by);
  const timings: Record<string, number> = {};
  const base = await timed(timings, 'reports', () =>
    reportsQuery(db, selection)
      .select([
        group.as('g'),
        sql<number>`count(*)`.as('reports'),
        sql<number>`sum(case when r.late = 1 then 1 else 0 end)`.as('late'),
        sql<number>`sum(case when r.late = 0 and (r.published_on is not null or r.signed_on is not null) then 1 else 0 end)`.as(
          'on_time',
        ),
        sql<number>`sum(case when r.published_on is null and r.signed_on is null then 1 else 0 end)`.as(
          'undated',
        ),
        sql<number>`sum(case when r.format = '2019' then 1 else 0 end)`.as('f2019'),
        sql<number>`sum(case when r.format = '2021' then 1 else 0 end)`.as('f2021'),
        sql<number>`sum(case when r.errors > 0 then 1 else 0 end)`.as('with_errors'),
        sql<number>`sum(r.errors)`.as('errors'),
        sql<number>`sum(r.warnings)`.as('warnings'),
      ])
      .groupBy(group)
      .orderBy(group)
      .execute(),
  );

  const allKeys = [
    ...new Set(crosswalk.flatMap((m) => [...(m.keys['2019'] ?? []), ...(m.keys['2021'] ?? [])])),
  ];
  // Cells summed per report first (one pass over the index of the crosswalk's keys), then per group.
  const keySum = (keys: readonly string[] | null, name: string) =>
    keys
      ? sql<number>`sum(case when cc.key in (${sql.join(keys.map((k) => sql.lit(k)))}) then cc.value else 0 end)`.as(
          name,
        )
      : sql<number>`0`.as(name);
  const perReport = db
    .selectFrom('corpus_cells as cc')
    .where('cc.key', 'in', allKeys)
    .groupBy('cc.report_id')
    .select([
      'cc.report_id',
      ...crosswalk.flatMap((m, i) => [keySum(m.keys['2019'], `a${i}`), keySum(m.keys['2021'], `b${i}`)]),
    ]);
  const measureColumns = crosswalk.map((_, i) =>
    sql<number>`sum(case when r.format = '2019' then ${sql.ref(`c.a${i}`)} else ${sql.ref(`c.b${i}`)} end)`.as(
      `m${i}`,
    ),
  );
  const measures = await timed(timings, 'measures', () =>
    reportsQuery(db, selection)
      .innerJoin(perReport.as('c'), 'c.report_id', 'r.id')
      .select([group.as('g'), ...measureColumns])
      .groupBy(group)
      .execute(),
  );

  const findingRows = await timed(timings, 'findings', () =>
    reportsQuery(db, selection)
      .innerJoin('corpus_findings as f', 'f.report_id', 'r.id')
      .select([group.as('g'), 'f.code', 'f.severity', sql<number>`count(*)`.as('n')])
      .groupBy([group, 'f.code', 'f.severity'])
      .execute(),
  );

  const names = new Map<string, string>();
  if (by === 'agency') {
    const ids = base.map((r) => r.g).filter(Boolean);
    if (ids.length > 0)
      for (const b of await db
        .selectFrom('corpus_bodies')
        .select(['id', 'name'])
        .where('id', 'in', ids)
        .execute())
        names.set(b.id, b.name);
  }
  const byGroup = new Map<string, StatsRow>();
  for (const r of base) {
    const g = String(r.g ?? '');
    byGroup.set(g, {
      group: g,
      label:
        by === 'agency'
          ? (names.get(g) ?? '未识别机关')
          : by === 'kind'
            ? (kindLabels[g] ?? g)
            : by === null
              ? '全部'
              : g || '未知',
      reports: Number(r.reports),
      onTime: Number(r.on_time),
      late: Number(r.late),
      undated: Number(r.undated),
      format2019: Number(r.f2019),
      format2021: Number(r.f2021),
      withErrors: Number(r.with_errors),
      errors: Number(r.errors ?? 0),
      warnings: Number(r.warnings ?? 0),
      measures: Object.fromEntries(crosswalk.map((m) => [m.id, 0])),
      rates: {},
      findings: {},
    });
  }
  for (const m of measures) {
    const row = byGroup.get(String(m.g ?? ''));
    if (!row) continue;
    crosswalk.forEach((measure, i) => {
      row.measures[measure.id] = Math.round(Number((m as Record<string, unknown>)[`m${i}`] ?? 0) * 100) / 100;
    });
  }
  const totals = new Map<string, { code: string; severity: string; count: number }>();
  for (const f of findingRows) {
    const row = byGroup.get(String(f.g ?? ''));
    if (row) row.findings[f.code] = (row.findings[f.code] ?? 0) + Number(f.n);
    const t = totals.get(f.code) ?? { code: f.code, severity: f.severity, count: 0 };
    t.count += Number(f.n);
    totals.set(f.code, t);
  }
  for (const row of byGroup.values()) {
    const m = row.measures;
    const answered = m['applications.answered'];
    for (const outcome of ['open', 'partial', 'deny', 'none', 'reject', 'other'])
      row.rates[`outcome.${outcome}`] = rate(m[`outcome.${outcome}`], answered);
    row.rates['review.correctedRate'] = rate(m['review.corrected'], m['review.total']);
    row.rates['litigation.correctedRate'] = rate(m['litigation.corrected'], m['litigation.total']);
    row.rates.onTime = rate(row.onTime, row.reports);
  }
  return {
    by,
    rows: [...byGroup.values()],
    findings: [...totals.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    timings,
  };
}

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
