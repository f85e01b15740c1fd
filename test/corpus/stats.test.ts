/**
 * Statistics over the per-report measures stored at ingest (corpus_measures): exact aggregates on
 * both backends, the lazy measuring of reports stored without them, and the 信息处理费 read from prose.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusStats, statsMeasureLabels } from '../../src/corpus/aggregate.js';
import { regionOf } from '../../src/corpus/bodies/names.js';
import { exportStatsCsv, exportStatsXlsx } from '../../src/corpus/export/stats-sheet.js';
import { ingestPaths } from '../../src/corpus/ingest.js';
import {
  disclosureFee,
  type MeasureRow,
  measuresOf,
  statsMeasures,
  storeMeasures,
} from '../../src/corpus/measures.js';
import { type RegionPlaces, regionAt } from '../../src/corpus/region-level.js';
import { statsColumns } from '../../src/corpus/stats-columns.js';
import { crosswalk } from '../../src/spec/crosswalk.js';
import { openStore, type Store } from '../../src/store/index.js';
import { root } from '../cli/helpers.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { makeReport, renderAs, sheetRows, tempDir, writeFile } from './helpers.js';

const now = '2024-03-01T00:00:00.000Z';

interface Row {
  body: string;
  year: number;
  version?: number;
  format: '2019' | '2021';
  publishedOn?: string | null;
  late?: 0 | 1;
  errors?: number;
  warnings?: number;
  measures: Partial<MeasureRow>;
  findings?: { code: string; severity: 'error' | 'warning' | 'info' }[];
}

/** One report written straight to the tables, with the measures given (the rest null); its id. */
async function storeRow(
  store: Store,
  row: {
    sha256: string;
    body_id: string;
    agency_name: string | null;
    year: number;
    version: number;
    format: '2019' | '2021';
    file: string;
    published_on: string | null;
    deadline: string;
    late: number;
    errors: number;
    warnings: number;
  },
  measures: Partial<MeasureRow>,
): Promise<number> {
  const report = {
    ...row,
    source_type: 'text',
    size: 1,
    signed_on: null,
    infos: 0,
    sections: '[]',
    text: '',
    source: null,
    ingested_at: now,
  };
  const { id } = await store.db
    .insertInto('corpus_reports')
    .values(report)
    .returning('id')
    .executeTakeFirstOrThrow();
  const figures = Object.fromEntries(statsMeasures.map((m) => [m.column, measures[m.column] ?? null]));
  await storeMeasures(store.db, { ...report, id: Number(id) }, figures as MeasureRow);
  return Number(id);
}

/** Reports written straight to the tables, with the measures given (the rest null). */
async function insert(store: Store, rows: readonly Row[]): Promise<void> {
  const bodies = [
    { id: 'A', name: '泉州市洛江区人民政府', city: '泉州市', county: '洛江区', kind: 'government' as const },
    { id: 'B', name: '泉州市洛江区财政局', city: '泉州市', county: '洛江区', kind: 'department' as const },
    { id: 'C', name: '宿迁市财政局', city: '宿迁市', county: null, kind: 'department' as const },
  ];
  for (const b of bodies)
    await store.db
      .insertInto('corpus_bodies')
      .values({
        ...b,
        match_key: b.name,
        province: null,
        region: `${b.city}${b.county ?? ''}`,
        merged_into: null,
        created_at: now,
      })
      .execute();
  for (const [i, r] of rows.entries()) {
    const id = await storeRow(
      store,
      {
        sha256: `h${i}`,
        body_id: r.body,
        agency_name: r.body,
        year: r.year,
        version: r.version ?? 1,
        format: r.format,
        file: `${i}.txt`,
        published_on: r.publishedOn === undefined ? `${r.year + 1}-01-20` : r.publishedOn,
        deadline: `${r.year + 1}-01-31`,
        late: r.late ?? 0,
        errors: r.errors ?? 0,
        warnings: r.warnings ?? 0,
      },
      r.measures,
    );
    for (const [ordinal, f] of (r.findings ?? []).entries())
      await store.db
        .insertInto('corpus_findings')
        .values({
          report_id: id,
          ordinal,
          ...f,
          message: '',
          line: null,
          col: null,
          keys: '[]',
          actual: null,
          expected: null,
          note: null,
        })
        .execute();
  }
}

/** Every measure 0 but those given. */
const sums = (given: Record<string, number>) => ({
  ...Object.fromEntries(statsMeasureLabels.map((m) => [m.id, 0])),
  ...given,
});

const rows: Row[] = [
  {
    // An older version: left out of the statistics.
    body: 'A',
    year: 2021,
    format: '2021',
    measures: { applications_new: 99, fees_disclosure: 99 },
    findings: [{ code: 'check.old', severity: 'error' }],
  },
  {
    body: 'A',
    year: 2021,
    version: 2,
    format: '2021',
    errors: 2,
    measures: {
      applications_new: 12,
      applications_answered: 10,
      outcome_open: 5,
      outcome_partial: 2.5,
      review_total: 2,
      review_corrected: 1,
      litigation_total: 1,
      litigation_corrected: 0,
      fees_administrative: 1.25,
      fees_unpaid: 1,
      fees_disclosure: 3940,
    },
    findings: [
      { code: 'check.balance', severity: 'error' },
      { code: 'check.balance', severity: 'error' },
    ],
  },
  {
    body: 'B',
    year: 2020,
    format: '2019',
    late: 1,
    publishedOn: '2021-02-10',
    warnings: 1,
    measures: { applications_new: 3, applications_answered: 3, outcome_open: 3, fees_disclosure: 0 },
    findings: [{ code: 'check.late', severity: 'warning' }],
  },
  {
    body: 'C',
    year: 2021,
    format: '2021',
    publishedOn: null,
    errors: 1,
    measures: { applications_new: 1, applications_answered: 0, fees_administrative: 0.5 },
    findings: [{ code: 'check.balance', severity: 'error' }],
  },
];

describeEachBackend('corpus stats over stored measures', (backend) => {
  let target: Target;
  let store: Store;
  let tmp: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
    tmp = tempDir();
    await insert(store, rows);
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
    tmp?.dispose();
  });

  it('sums the newest version of each report, exactly', async () => {
    const stats = await corpusStats(store.db, {});
    expect(stats.by).toBeNull();
    expect(stats.rows).toEqual([
      {
        group: '',
        label: '全部',
        reports: 3,
        onTime: 1,
        late: 1,
        undated: 1,
        format2019: 1,
        format2021: 2,
        withErrors: 2,
        errors: 3,
        warnings: 1,
        measures: sums({
          'applications.new': 16,
          'applications.answered': 13,
          'outcome.open': 8,
          'outcome.partial': 2.5,
          'review.total': 2,
          'review.corrected': 1,
          'litigation.total': 1,
          'fees.administrative': 1.75,
          'fees.unpaid': 1,
          'fees.disclosure': 3940,
          'fees.disclosureStated': 2,
          'fees.disclosureCharged': 1,
        }),
        rates: {
          onTime: 0.3333,
          'outcome.open': 0.6154,
          'outcome.partial': 0.1923,
          'outcome.deny': 0,
          'outcome.none': 0,
          'outcome.reject': 0,
          'outcome.other': 0,
          'review.correctedRate': 0.5,
          'litigation.correctedRate': 0,
        },
        findings: { 'check.balance': 3, 'check.late': 1 },
      },
    ]);
    expect(stats.findings).toEqual([
      { code: 'check.balance', severity: 'error', count: 3 },
      { code: 'check.late', severity: 'warning', count: 1 },
    ]);
  });

  it('groups by kind, region, year and agency', async () => {
    const pick = async (by: 'kind' | 'region' | 'year' | 'agency') =>
      (await corpusStats(store.db, {}, by)).rows.map((r) => [
        r.group,
        r.label,
        r.reports,
        r.measures['applications.new'],
        r.measures['fees.disclosure'],
        r.rates['review.correctedRate'],
      ]);
    expect(await pick('kind')).toEqual([
      ['department', '部门', 2, 4, 0, null],
      ['government', '人民政府', 1, 12, 3940, 0.5],
    ]);
    expect(await pick('region')).toEqual([
      ['宿迁市', '宿迁市', 1, 1, 0, null],
      ['泉州市洛江区', '泉州市洛江区', 2, 15, 3940, 0.5],
    ]);
    expect(await pick('year')).toEqual([
      ['2020', '2020', 1, 3, 0, null],
      ['2021', '2021', 2, 13, 3940, 0.5],
    ]);
    expect(await pick('agency')).toEqual([
      ['A', '泉州市洛江区人民政府', 1, 12, 3940, 0.5],
      ['B', '泉州市洛江区财政局', 1, 3, 0, null],
      ['C', '宿迁市财政局', 1, 1, 0, null],
    ]);
    const filtered = await corpusStats(store.db, { kind: 'department', year: 2021 });
    expect(filtered.rows.map((r) => [r.reports, r.measures['fees.administrative']])).toEqual([[1, 0.5]]);
  });

  it('exports the groups: CSV a row a group, XLSX with the columns named and the findings by code', async () => {
    const stats = await corpusStats(store.db, {}, 'kind');
    let text = '';
    expect(await exportStatsCsv(stats, { write: (chunk) => (text += String(chunk)) })).toBe(2);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      `\ufeff${[
        'group,label,reports,onTime,late,undated,format2019,format2021,withErrors,errors,warnings',
        ...statsMeasureLabels.map((m) => m.id),
        'rate.onTime,rate.outcome.open,rate.outcome.partial,rate.outcome.deny,rate.outcome.none,rate.outcome.reject,rate.outcome.other,rate.review.correctedRate,rate.litigation.correctedRate',
      ].join(',')}`,
    );
    // The government's row: 1 report, on time, 12 new applications, 3940 元 stated, half corrected.
    const government = (lines[2] as string).split(',');
    const column = (name: string) => government[statsColumns.indexOf(name)];
    expect([column('group'), column('label'), column('reports'), column('onTime')]).toEqual([
      'government',
      '人民政府',
      '1',
      '1',
    ]);
    expect([
      column('applications.new'),
      column('fees.disclosure'),
      column('rate.review.correctedRate'),
    ]).toEqual(['12', '3940', '0.5']);
    expect(lines.slice(3)).toEqual(['']);
    const out = join(tmp.dir, 'stats.xlsx');
    const file = createWriteStream(out);
    expect(await exportStatsXlsx(stats, file)).toBe(2);
    await finished(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['统计', '说明', '问题']);
    expect(sheetRows(workbook, '统计').map((r) => r.slice(0, 4))).toEqual([
      ['group', 'label', 'reports', 'onTime'],
      ['department', '部门', 2, 0],
      ['government', '人民政府', 1, 1],
    ]);
    expect(sheetRows(workbook, '说明').slice(0, 3)).toEqual([
      ['column', 'name'],
      ['group', '机关类型（代码）'],
      ['label', '机关类型'],
    ]);
    expect(sheetRows(workbook, '问题')).toEqual([
      ['code', 'name', 'severity', 'count'],
      ['check.balance', expect.any(String), 'error', 3],
      ['check.late', expect.any(String), 'warning', 1],
    ]);
  });

  it('stores the measures at ingest, and measures reports stored without them when asked for stats', async () => {
    const files = [
      writeFile(
        join(tmp.dir, 'in', 'a.txt'),
        renderAs(makeReport({ agency: '宿迁市宿城区财政局', year: 2022 }), 'txt'),
      ),
      writeFile(
        join(tmp.dir, 'in', 'b.html'),
        renderAs(makeReport({ agency: '宿迁市宿城区财政局', year: 2020 }), 'html'),
      ),
    ];
    const summary = await ingestPaths(store, files);
    expect(summary.added).toBe(2);
    const ids = summary.results.map((r) => r.id as number).sort((a, b) => a - b);
    const measured = () =>
      store.db
        .selectFrom('corpus_measures')
        .select(['report_id', 'latest', ...statsMeasures.map((m) => m.column)])
        .where('report_id', 'in', ids)
        .orderBy('report_id')
        .execute();
    const stored = await measured();
    const expected = [];
    for (const id of ids) {
      const report = await store.db
        .selectFrom('corpus_reports')
        .select(['format', 'sections'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const cells = Object.fromEntries(
        (
          await store.db
            .selectFrom('corpus_cells')
            .select(['key', 'value'])
            .where('report_id', '=', id)
            .execute()
        ).map((c) => [c.key, c.value]),
      );
      expected.push({
        report_id: id,
        latest: 1,
        ...measuresOf(report.format, cells, JSON.parse(report.sections)),
      });
    }
    expect(stored).toEqual(expected);
    // The 2019 format has no 表二 fees and no unpaid-fee row: null, not 0. (By format: the two files
    // are ingested concurrently, so either may get the lower id.)
    const formats = new Map(
      (
        await store.db.selectFrom('corpus_reports').select(['id', 'format']).where('id', 'in', ids).execute()
      ).map((r) => [Number(r.id), r.format]),
    );
    expect(
      stored
        .map((s) => [formats.get(s.report_id), s.fees_administrative === null, s.fees_unpaid === null])
        .sort(),
    ).toEqual([
      ['2019', true, true],
      ['2021', false, false],
    ]);
    expect(stored[0]?.applications_new).toBeGreaterThan(0);

    // As if stored before the measures existed (a store opened anew): statistics measure them first.
    await store.db.deleteFrom('corpus_measures').where('report_id', 'in', ids).execute();
    await store.close();
    store = await openStore(target.options);
    const before = await corpusStats(store.db, { agency: '宿城区' });
    expect(before.rows[0]?.reports).toBe(2);
    const again = await measured();
    expect(again).toEqual(expected);
    expect(before.rows[0]?.measures['applications.new']).toBe(
      (expected[0]?.applications_new ?? 0) + (expected[1]?.applications_new ?? 0),
    );
  });
});

describe('measures', () => {
  it('has a stored column for every crosswalk measure, and the disclosure fee', () => {
    expect(statsMeasures.map((m) => m.column)).toEqual([
      'applications_new',
      'applications_carried_in',
      'applications_answered',
      'applications_carried_over',
      'outcome_open',
      'outcome_partial',
      'outcome_deny',
      'outcome_none',
      'outcome_reject',
      'outcome_other',
      'review_total',
      'review_corrected',
      'litigation_total',
      'litigation_corrected',
      'fees_administrative',
      'fees_unpaid',
      'fees_disclosure',
    ]);
    expect(statsMeasures.slice(0, crosswalk.length).map((m) => m.id)).toEqual(crosswalk.map((m) => m.id));
  });

  it('reads the 信息处理费 from prose: an amount, none, or not stated', () => {
    expect(
      disclosureFee('依据《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。'),
    ).toBe(3940);
    expect(disclosureFee('本年度发出信息处理费收费通知3件，收取信息处理费120元。')).toBe(120);
    expect(disclosureFee('共收取信息处理费１．５万元。')).toBe(15_000);
    expect(disclosureFee('2021年未收取信息处理费。')).toBe(0);
    expect(disclosureFee('六、其他需要报告的事项2023年，无收取信息处理费情况')).toBe(0);
    expect(disclosureFee('嘉祥县工业和信息化局2021年没有收取信息处理费情况。')).toBe(0);
    expect(disclosureFee('暂无其他需要报告的事项。')).toBeNull();
    expect(disclosureFee('认真贯彻执行《政府信息公开信息处理费管理办法》。')).toBeNull();
  });

  it('reads it from a published report (test/fixtures/real/011: 3940 元 in section 六, no cell)', () => {
    const text = readFileSync(join(root, 'test/fixtures/real/011.txt'), 'utf8');
    expect(disclosureFee(text)).toBe(3940);
  });
});

describeEachBackend('corpus stats by province and city', (backend) => {
  let target: Target;
  let store: Store;

  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  /** Places as names give them: all three, some left out, none. */
  const placeChoices: RegionPlaces[] = [
    { province: '青海省', city: '西宁市', county: '城东区' },
    { province: '青海省', city: '西宁市', county: '城西区' },
    { province: '青海省', city: '海东市', county: '乐都区' },
    { province: '青海省', city: null, county: '化隆县' },
    { province: '甘肃省', city: null, county: null },
    { province: null, city: '西宁市', county: '湟中区' },
    { province: null, city: null, county: '湟源县' },
    { province: null, city: null, county: null },
  ];

  it('sums up regions as 发布情况 does (regionAt in SQL), every report once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...placeChoices), { minLength: 1, maxLength: 8 }),
        async (places) => {
          await store.db.deleteFrom('corpus_measures').execute();
          await store.db.deleteFrom('corpus_reports').execute();
          await store.db.deleteFrom('corpus_bodies').execute();
          for (const [i, p] of places.entries()) {
            await store.db
              .insertInto('corpus_bodies')
              .values({
                id: `b${i}`,
                name: `第${i}局`,
                match_key: `b${i}`,
                ...p,
                region: regionOf(p),
                kind: 'department',
                merged_into: null,
                created_at: now,
              })
              .execute();
            await storeRow(
              store,
              {
                sha256: `s${i}`,
                body_id: `b${i}`,
                agency_name: null,
                year: 2023,
                version: 1,
                format: '2021',
                file: `${i}.txt`,
                published_on: '2024-01-20',
                deadline: '2024-01-31',
                late: 0,
                errors: 0,
                warnings: 0,
              },
              { applications_new: i + 1 },
            );
          }
          for (const level of ['province', 'city'] as const) {
            const model = new Map<string, [number, number]>();
            places.forEach((p, i) => {
              const [reports, received] = model.get(regionAt(p, level)) ?? [0, 0];
              model.set(regionAt(p, level), [reports + 1, received + i + 1]);
            });
            const stats = await corpusStats(store.db, {}, level);
            expect(stats.rows.map((r) => [r.group, r.reports, r.measures['applications.new']])).toEqual(
              [...model]
                .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
                .map(([group, [reports, received]]) => [group, reports, received]),
            );
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
