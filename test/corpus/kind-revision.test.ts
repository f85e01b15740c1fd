/**
 * A body's kind decides its deadline (条例第四十九条) and whether 条例第五十条 applies. When a person
 * corrects the kind, or merges a body into one of the other kind, the reports already ingested are
 * judged again: deadline, lateness, `check.late` and `check.article-50`, with the copies the
 * statistics read, on both backends.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { correctBody, mergeBodies } from '../../src/corpus/bodies/store.js';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { systemActor } from '../../src/store/context.js';
import { openStore, type Store } from '../../src/store/index.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { makeReport, renderAs } from './helpers.js';

const now = '2024-03-01T00:00:00.000Z';
const text = (agency: string, year: number, publishedOn: string) =>
  new TextEncoder().encode(renderAs(makeReport({ agency, year, publishedOn }), 'txt'));

/** Ingests a generated report as a new one; its id. */
async function ingestNew(store: Store, path: string, bytes: Uint8Array): Promise<number> {
  const result = await ingestBytes(store, path, bytes);
  if (result.status !== 'new' || result.id === undefined) throw new Error(`${path}: ${result.status}`);
  return result.id;
}

async function judgement(store: Store, reportId: number) {
  const report = await store.db
    .selectFrom('corpus_reports')
    .select(['body_id', 'deadline', 'late', 'warnings'])
    .where('id', '=', reportId)
    .executeTakeFirstOrThrow();
  const codes = (
    await store.db
      .selectFrom('corpus_findings')
      .select(['code', 'line'])
      .where('report_id', '=', reportId)
      .orderBy('ordinal')
      .execute()
  ).filter((f) => f.code === 'check.late' || f.code === 'check.article-50');
  const measures = await store.db
    .selectFrom('corpus_measures')
    .select(['late', 'warnings'])
    .where('report_id', '=', reportId)
    .executeTakeFirstOrThrow();
  const counted = await store.db
    .selectFrom('corpus_finding_counts')
    .select(['code', 'late'])
    .where('report_id', '=', reportId)
    .where('code', 'in', ['check.late', 'check.article-50'])
    .orderBy('code')
    .execute();
  return { report, codes, measures, counted };
}

describeEachBackend('kind revision', (backend) => {
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

  it('judges a corrected body’s reports again, and a report ingested afterwards by the corrected kind', async () => {
    store = await openStore(target.options);
    const a = await ingestNew(store, 'a.txt', text('泉州市洛江区工业和信息化局', 2022, '2023-02-10'));
    const before = await judgement(store, a);
    expect(before.report).toMatchObject({ deadline: '2023-01-31', late: 1 });
    expect(before.codes).toEqual([{ code: 'check.late', line: expect.any(Number) }]);
    expect(before.measures).toEqual({ late: 1, warnings: before.report.warnings });
    expect(before.counted).toEqual([{ code: 'check.late', late: 1 }]);

    await correctBody(store.db, systemActor, before.report.body_id as string, { kind: 'government' }, now);
    const after = await judgement(store, a);
    expect(after.report).toEqual({
      body_id: before.report.body_id,
      deadline: '2023-03-31',
      late: 0,
      warnings: before.report.warnings - 1 + after.codes.length,
    });
    expect(after.codes).toEqual([{ code: 'check.article-50', line: null }]);
    expect(after.measures).toEqual({ late: 0, warnings: after.report.warnings });
    expect(after.counted).toEqual([{ code: 'check.article-50', late: 0 }]);

    // Ingested after the correction: judged as a government, though its name reads as a department.
    const b = await ingestNew(store, 'b.txt', text('泉州市洛江区工业和信息化局', 2023, '2024-02-10'));
    expect(await judgement(store, b)).toMatchObject({
      report: { body_id: before.report.body_id, deadline: '2024-03-31', late: 0 },
      codes: [{ code: 'check.article-50', line: null }],
    });

    // Corrected back: the same judgement as at ingest, the date's place included.
    await correctBody(store.db, systemActor, before.report.body_id as string, { kind: 'department' }, now);
    expect(await judgement(store, a)).toEqual(before);
  });

  it('judges the reports of a body merged into one of the other kind by the kind they now belong to', async () => {
    store = await openStore(target.options);
    const gov = await ingestNew(store, 'g.txt', text('泉州市洛江区人民政府', 2022, '2023-03-01'));
    const dept = await ingestNew(store, 'd.txt', text('洛江区政府办', 2022, '2023-03-01'));
    const moved = await judgement(store, dept);
    expect(moved.report).toMatchObject({ deadline: '2023-01-31', late: 1 });
    const into = (await judgement(store, gov)).report.body_id as string;
    await mergeBodies(store.db, systemActor, moved.report.body_id as string, into, now);
    expect(await judgement(store, dept)).toMatchObject({
      report: { body_id: into, deadline: '2023-03-31', late: 0 },
      codes: [{ code: 'check.article-50', line: null }],
      measures: { late: 0 },
      counted: [{ code: 'check.article-50', late: 0 }],
    });
  });
});
