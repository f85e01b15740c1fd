/**
 * Comparisons (`gongkai corpus stats`, GET /api/corpus/stats): per region, body, year or kind of body,
 * over the newest version of each report — reports on time, formats used, findings by code, the
 * crosswalk measures (applications received, answered, carried over, outcomes, review and
 * litigation) and the 信息处理费 stated in prose summed, and the shares and rates derived from them.
 * Every figure is comparable across the 2019 and 2021 formats because it comes from the crosswalk
 * (src/spec/crosswalk.ts). The sums are SQL over the narrow per-report rows stored at ingest
 * (./measures.ts), never over report JSON or the cells, so they stay fast on 200,000 reports.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../store/index.js';
import { ensureMeasures, statsMeasures } from './measures.js';
import { type CorpusFilter, measuresQuery } from './query.js';

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

const groupExpression = (by: StatsDimension | null): RawBuilder<string> => {
  switch (by) {
    case 'region':
      return sql<string>`coalesce(b.region, '')`;
    case 'agency':
      return sql<string>`r.body_id`;
    case 'year':
      return sql<string>`r.year`;
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
  await timed(timings, 'backfill', () => ensureMeasures(db));
  // One pass over the narrow per-report rows stored at ingest: counts and sums.
  const measureSums = statsMeasures.map((m, i) => sql<number>`sum(${sql.ref(`r.${m.column}`)})`.as(`m${i}`));
  const base = await timed(timings, 'reports', () =>
    measuresQuery(db, selection, by === 'region' || by === 'kind' || by === 'agency')
      .select([
        group.as('g'),
        sql<number>`count(*)`.as('reports'),
        sql<number>`sum(r.late)`.as('late'),
        sql<number>`sum(r.dated)`.as('dated'),
        sql<number>`sum(case when r.format = '2021' then 1 else 0 end)`.as('f2021'),
        sql<number>`sum(case when r.errors > 0 then 1 else 0 end)`.as('with_errors'),
        sql<number>`sum(r.errors)`.as('errors'),
        sql<number>`sum(r.warnings)`.as('warnings'),
        sql<number>`count(r.fees_disclosure)`.as('fees_stated'),
        sql<number>`sum(case when r.fees_disclosure > 0 then 1 else 0 end)`.as('fees_charged'),
        ...measureSums,
        // A body's name with its id (one query, however many bodies).
        (by === 'agency' ? sql<string | null>`max(b.name)` : sql<string | null>`null`).as('name'),
      ])
      .groupBy(group)
      .execute(),
  );

  // Findings by code: the covering index (report_id, code, severity) from the selected rows.
  const findingRows = await timed(timings, 'findings', () =>
    measuresQuery(db, selection, by === 'region' || by === 'kind')
      .innerJoin('corpus_findings as f', 'f.report_id', 'r.report_id')
      .select([group.as('g'), 'f.code', 'f.severity', sql<number>`count(*)`.as('n')])
      .groupBy([group, 'f.code', 'f.severity'])
      .execute(),
  );

  const byGroup = new Map<string, StatsRow>();
  for (const r of base) {
    const g = String(r.g ?? '');
    byGroup.set(g, {
      group: g,
      label:
        by === 'agency'
          ? (r.name ?? '未识别机关')
          : by === 'kind'
            ? (kindLabels[g] ?? g)
            : by === null
              ? '全部'
              : g || '未知',
      reports: Number(r.reports),
      // Late implies dated (a date after the deadline): on time = dated − late.
      onTime: Number(r.dated ?? 0) - Number(r.late ?? 0),
      late: Number(r.late),
      undated: Number(r.reports) - Number(r.dated ?? 0),
      format2019: Number(r.reports) - Number(r.f2021 ?? 0),
      format2021: Number(r.f2021 ?? 0),
      withErrors: Number(r.with_errors),
      errors: Number(r.errors ?? 0),
      warnings: Number(r.warnings ?? 0),
      measures: {
        ...Object.fromEntries(
          statsMeasures.map((m, i) => [
            m.id,
            Math.round(Number((r as Record<string, unknown>)[`m${i}`] ?? 0) * 100) / 100,
          ]),
        ),
        'fees.disclosureStated': Number(r.fees_stated ?? 0),
        'fees.disclosureCharged': Number(r.fees_charged ?? 0),
      },
      rates: {},
      findings: {},
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
