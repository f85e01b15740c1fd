/**
 * The findings counted by code for the statistics (corpus_finding_counts, migration
 * 2026-12-02-05): the migration counts the findings of an existing store, and the counts' copies of
 * a report's body and newest-version flag follow new versions and merges, on both backends; the
 * filter by the kind of error (problem-kinds.ts) reads them.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { corpusStats } from '../../src/corpus/aggregate.js';
import { mergeBodies } from '../../src/corpus/bodies/store.js';
import {
  type MeasureRow,
  statsMeasures,
  storeFindingCounts,
  storeMeasures,
} from '../../src/corpus/measures.js';
import { listReports } from '../../src/corpus/query.js';
import { systemActor } from '../../src/store/context.js';
import { migrations, openStore, type Store } from '../../src/store/index.js';
import { describeEachBackend, type Target } from '../store/backends.js';

const now = '2024-03-01T00:00:00.000Z';
const figures = Object.fromEntries(statsMeasures.map((m) => [m.column, 1])) as unknown as MeasureRow;

async function addBody(store: Store, id: string, name: string, county: string): Promise<void> {
  await store.db
    .insertInto('corpus_bodies')
    .values({
      id,
      name,
      match_key: name,
      province: null,
      city: '泉州市',
      county,
      region: `泉州市${county}`,
      kind: 'department',
      merged_into: null,
      created_at: now,
    })
    .execute();
}

/** A report of the body and year with its measures and findings (codes), as ingest stores them. */
async function addReport(
  store: Store,
  body: string,
  year: number,
  version: number,
  codes: readonly string[],
  counted: boolean | 'old' = true,
): Promise<number> {
  const report = {
    sha256: `${body}-${year}-${version}`,
    body_id: body,
    agency_name: body,
    year,
    version,
    format: '2021' as const,
    source_type: 'text',
    file: 'f.txt',
    size: 1,
    published_on: `${year + 1}-01-20`,
    signed_on: null,
    deadline: `${year + 1}-01-31`,
    late: 0,
    errors: codes.length,
    warnings: 0,
    infos: 0,
    sections: '[]',
    text: '',
    source: null,
    ingested_at: now,
  };
  const id = Number(
    (await store.db.insertInto('corpus_reports').values(report).returning('id').executeTakeFirstOrThrow()).id,
  );
  if (counted === 'old')
    // The store before the counts: its measures written as that version's code wrote them.
    await store.db
      .insertInto('corpus_measures')
      .values({
        report_id: id,
        body_id: body,
        year,
        format: '2021',
        late: 0,
        dated: 1,
        errors: codes.length,
        warnings: 0,
        latest: 1,
        ...figures,
      })
      .execute();
  else await storeMeasures(store.db, { ...report, id }, figures);
  for (const [ordinal, code] of codes.entries())
    await store.db
      .insertInto('corpus_findings')
      .values({
        report_id: id,
        ordinal,
        code,
        severity: 'error',
        message: '',
        line: null,
        col: null,
        keys: '[]',
        actual: null,
        expected: null,
        note: null,
      })
      .execute();
  if (counted === true) await storeFindingCounts(store.db, id);
  return id;
}

const findingsBy = async (store: Store, by: 'agency' | 'region' | null) =>
  (await corpusStats(store.db, {}, by)).rows.map((r) => [r.group, r.reports, r.findings]);

const counts = (store: Store) =>
  store.db
    .selectFrom('corpus_finding_counts')
    .select(['report_id', 'code', 'severity', 'n', 'body_id', 'year', 'latest'])
    .orderBy('report_id')
    .orderBy('code')
    .execute();

describeEachBackend('corpus finding counts', (backend) => {
  let target: Target;
  let store: Store | undefined;

  beforeEach(async () => {
    target = await backend.fresh();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    await target.dispose();
  });

  it('are counted by the migration for the findings of an existing store', async () => {
    const before = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < '2026-12-02-05'),
    ) as typeof migrations;
    store = await openStore({ ...target.options, migrations: before });
    await addBody(store, 'A', '泉州市洛江区财政局', '洛江区');
    // Written as the store before the counts did: measures and findings only.
    const old = await addReport(store, 'A', 2021, 1, ['check.old'], 'old');
    const newest = await addReport(
      store,
      'A',
      2021,
      2,
      ['check.balance', 'check.balance', 'check.late'],
      'old',
    );
    await store.db.updateTable('corpus_measures').set({ latest: 0 }).where('report_id', '=', old).execute();
    await store.close();

    store = await openStore(target.options);
    expect(await counts(store)).toEqual([
      { report_id: old, code: 'check.old', severity: 'error', n: 1, body_id: 'A', year: 2021, latest: 0 },
      {
        report_id: newest,
        code: 'check.balance',
        severity: 'error',
        n: 2,
        body_id: 'A',
        year: 2021,
        latest: 1,
      },
      { report_id: newest, code: 'check.late', severity: 'error', n: 1, body_id: 'A', year: 2021, latest: 1 },
    ]);
    expect(await findingsBy(store, null)).toEqual([['', 1, { 'check.balance': 2, 'check.late': 1 }]]);
  });

  it('follow new versions and merges, and are made for findings written without them', async () => {
    store = await openStore(target.options);
    await addBody(store, 'A', '泉州市洛江区财政局', '洛江区');
    await addBody(store, 'B', '洛江区财政局', '洛江区');
    await addBody(store, 'C', '泉州市鲤城区财政局', '鲤城区');
    await addReport(store, 'A', 2021, 1, ['check.old']);
    await addReport(store, 'A', 2021, 2, ['check.balance']);
    await addReport(store, 'B', 2020, 1, ['check.late', 'check.late']);
    await addReport(store, 'C', 2020, 1, ['check.balance']);
    expect(await findingsBy(store, 'agency')).toEqual([
      ['A', 1, { 'check.balance': 1 }],
      ['B', 1, { 'check.late': 2 }],
      ['C', 1, { 'check.balance': 1 }],
    ]);

    // B's 2020 report moves to A (a new year for A): A has both.
    await mergeBodies(store.db, systemActor, 'B', 'A', now);
    expect(await findingsBy(store, 'agency')).toEqual([
      ['A', 2, { 'check.balance': 1, 'check.late': 2 }],
      ['C', 1, { 'check.balance': 1 }],
    ]);
    expect(await findingsBy(store, 'region')).toEqual([
      ['泉州市洛江区', 2, { 'check.balance': 1, 'check.late': 2 }],
      ['泉州市鲤城区', 1, { 'check.balance': 1 }],
    ]);

    // A third version of A's 2021 report replaces the second; its findings are written straight to
    // the tables (no counts): a store opened anew counts them when asked for statistics.
    await addReport(store, 'A', 2021, 3, ['check.sum'], false);
    await store.close();
    store = await openStore(target.options);
    expect(await findingsBy(store, 'agency')).toEqual([
      ['A', 2, { 'check.late': 2, 'check.sum': 1 }],
      ['C', 1, { 'check.balance': 1 }],
    ]);
    expect((await corpusStats(store.db, {})).findings).toEqual([
      { code: 'check.late', severity: 'error', count: 2 },
      { code: 'check.balance', severity: 'error', count: 1 },
      { code: 'check.sum', severity: 'error', count: 1 },
    ]);
  });

  it('choose reports by the kind of their errors: of the report itself, or figures not read', async () => {
    store = await openStore(target.options);
    await addBody(store, 'A', '泉州市洛江区教育局', '洛江区');
    const wrong = await addReport(store, 'A', 2021, 1, ['check.row-sum']);
    const unread = await addReport(store, 'A', 2022, 1, ['assemble.row-shape']);
    const both = await addReport(store, 'A', 2023, 1, ['read.ocr-doubt', 'check.late']);
    const clean = await addReport(store, 'A', 2024, 1, []);
    const ids = async (filter: Parameters<typeof listReports>[1]) =>
      (await listReports(store?.db as Store['db'], filter)).rows.map((r) => r.id);
    expect(await ids({})).toEqual([wrong, unread, both, clean]);
    expect(await ids({ problem: 'report' })).toEqual([wrong, both]);
    expect(await ids({ problem: 'reading' })).toEqual([unread, both]);
    expect(await ids({ problem: 'reading', year: 2022 })).toEqual([unread]);
    // Each row counts its errors of reading apart (the list's 「其中 1 个未能读出」, the export's unread).
    const counts = (await listReports(store.db, {})).rows.map((r) => [r.errors, r.unread]);
    expect(counts).toEqual([
      [1, 0],
      [1, 1],
      [2, 1],
      [0, 0],
    ]);
    // The statistics (over the measures' copies) choose the same reports.
    const reports = async (filter: Parameters<typeof corpusStats>[1]) =>
      (await corpusStats(store?.db as Store['db'], filter, 'year')).rows.map((r) => [r.group, r.reports]);
    expect(await reports({ problem: 'report' })).toEqual([
      ['2021', 1],
      ['2023', 1],
    ]);
    expect(await reports({ problem: 'reading' })).toEqual([
      ['2022', 1],
      ['2023', 1],
    ]);
  });
});
