/**
 * 机关 listed by the store a page at a time: the standing bodies by region, name and id, chosen by
 * text in the name or region (LIKE's own characters taken literally), by kind and by the bodies a
 * user may see, with their count before paging — on both backends, and as a property against a
 * model that filters, sorts and slices in memory.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BodiesQuery, countBodies, listBodies } from '../../src/corpus/bodies/store.js';
import { type CorpusFilter, standingBodies } from '../../src/corpus/query.js';
import { openStore, type Store } from '../../src/store/index.js';
import type { BodyKind } from '../../src/store/schema.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { storeReport } from './helpers.js';

const now = '2024-03-01T00:00:00.000Z';

interface Fixture {
  id: string;
  name: string;
  region: string;
  kind: BodyKind;
  mergedInto?: string;
}

const fixtures: Fixture[] = [
  { id: 'b1', name: '泉州市洛江区教育局', region: '福建省泉州市洛江区', kind: 'department' },
  { id: 'b2', name: '泉州市洛江区人民政府', region: '福建省泉州市洛江区', kind: 'government' },
  { id: 'b3', name: '宿迁市宿城区财政局', region: '江苏省宿迁市宿城区', kind: 'department' },
  { id: 'b4', name: '宿迁市人民政府', region: '江苏省宿迁市', kind: 'government' },
  // Another spelling of b1, merged into it: not listed.
  { id: 'b5', name: '洛江区教委', region: '洛江区', kind: 'department', mergedInto: 'b1' },
  // Names with LIKE's own characters, and one a pattern left unescaped would also find.
  { id: 'b6', name: '某地50%_档案局', region: '', kind: 'department' },
  { id: 'b7', name: '某地500档案局', region: '', kind: 'department' },
  { id: 'b8', name: 'a\\b档案馆', region: '', kind: 'department' },
  // Two bodies of one name and region: by id.
  { id: 'b9', name: '湟源县财政局', region: '青海省西宁市湟源县', kind: 'department' },
  { id: 'b10', name: '湟源县财政局', region: '青海省西宁市湟源县', kind: 'department' },
];

async function insert(store: Store, bodies: readonly Fixture[]): Promise<void> {
  for (const b of bodies)
    await store.db
      .insertInto('corpus_bodies')
      .values({
        id: b.id,
        name: b.name,
        match_key: b.id,
        province: null,
        city: null,
        county: null,
        region: b.region,
        kind: b.kind,
        merged_into: b.mergedInto ?? null,
        created_at: now,
      })
      .execute();
}

describeEachBackend('机关 listed a page at a time (listBodies, countBodies)', (backend) => {
  let target: Target;
  let store: Store;

  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
    await insert(store, fixtures);
    // b1: two versions of one year; b2: one report.
    for (const [i, [body, version]] of (
      [
        ['b1', 1],
        ['b1', 2],
        ['b2', 1],
      ] as const
    ).entries())
      await storeReport(store, {
        sha256: `h${i}`,
        body_id: body,
        agency_name: null,
        year: 2023,
        version,
        file: `${i}.txt`,
        published_on: null,
        signed_on: null,
      });
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  const ids = async (query: BodiesQuery = {}) => (await listBodies(store.db, query)).map((b) => b.id);
  const all = ['b8', 'b6', 'b7', 'b4', 'b3', 'b2', 'b1', 'b10', 'b9'];

  it('lists every standing body by region, name and id, each with its reports', async () => {
    const listed = await listBodies(store.db);
    expect(listed.map((b) => [b.id, b.region, b.reports])).toEqual([
      ['b8', '', 0],
      ['b6', '', 0],
      ['b7', '', 0],
      ['b4', '江苏省宿迁市', 0],
      ['b3', '江苏省宿迁市宿城区', 0],
      ['b2', '福建省泉州市洛江区', 1],
      ['b1', '福建省泉州市洛江区', 2],
      ['b10', '青海省西宁市湟源县', 0],
      ['b9', '青海省西宁市湟源县', 0],
    ]);
    expect(listed[6]).toEqual({
      id: 'b1',
      name: '泉州市洛江区教育局',
      province: null,
      city: null,
      county: null,
      region: '福建省泉州市洛江区',
      kind: 'department',
      mergedInto: null,
      dissolvedIn: null,
      expectedFrom: null,
      corrected: false,
      reports: 2,
    });
    expect(await countBodies(store.db)).toBe(9);
  });

  it('finds text in the name or in the region, trimmed; empty text finds every body', async () => {
    expect(await ids({ q: '教育' })).toEqual(['b1']);
    expect(await ids({ q: '宿迁' })).toEqual(['b4', 'b3']);
    // In the region only (江苏省), and in both.
    expect(await ids({ q: '江苏省' })).toEqual(['b4', 'b3']);
    expect(await ids({ q: '  洛江 ' })).toEqual(['b2', 'b1']);
    expect(await countBodies(store.db, { q: '  洛江 ' })).toBe(2);
    expect(await ids({ q: '' })).toEqual(all);
    expect(await ids({ q: '   ' })).toEqual(all);
    expect(await ids({ q: '北京' })).toEqual([]);
    expect(await countBodies(store.db, { q: '北京' })).toBe(0);
    // A merged body is not found by its own name.
    expect(await ids({ q: '教委' })).toEqual([]);
  });

  it('takes LIKE’s own characters literally', async () => {
    expect(await ids({ q: '50%' })).toEqual(['b6']);
    expect(await ids({ q: '%' })).toEqual(['b6']);
    expect(await ids({ q: '_' })).toEqual(['b6']);
    expect(await ids({ q: '%_档' })).toEqual(['b6']);
    expect(await ids({ q: '\\' })).toEqual(['b8']);
    expect(await ids({ q: 'a\\b' })).toEqual(['b8']);
    expect(await ids({ q: '某地50' })).toEqual(['b6', 'b7']);
    // The corpus filters' agency and region (发布情况's bodies) take them literally too.
    const standing = async (filter: CorpusFilter) =>
      (await standingBodies(store.db, filter).select('id').orderBy('id').execute()).map((r) => r.id);
    expect(await standing({ agency: '50%_' })).toEqual(['b6']);
    expect(await standing({ agency: '_' })).toEqual(['b6']);
    expect(await standing({ region: '%' })).toEqual([]);
  });

  it('chooses by kind, and by kind and text together', async () => {
    expect(await ids({ kind: 'government' })).toEqual(['b4', 'b2']);
    expect(await countBodies(store.db, { kind: 'department' })).toBe(7);
    expect(await ids({ q: '洛江', kind: 'department' })).toEqual(['b1']);
    expect(await countBodies(store.db, { q: '洛江', kind: 'department' })).toBe(1);
  });

  it('answers a page: offset skips, limit caps, all from offset without a limit', async () => {
    expect(await ids({ offset: 0, limit: 3 })).toEqual(['b8', 'b6', 'b7']);
    expect(await ids({ offset: 3, limit: 3 })).toEqual(['b4', 'b3', 'b2']);
    expect(await ids({ offset: 6, limit: 3 })).toEqual(['b1', 'b10', 'b9']);
    expect(await ids({ offset: 9, limit: 3 })).toEqual([]);
    expect(await ids({ offset: 7 })).toEqual(['b10', 'b9']);
    expect(await ids({ limit: 2 })).toEqual(['b8', 'b6']);
    expect(await ids({ offset: 100 })).toEqual([]);
    expect(await ids({ q: '档案', offset: 1, limit: 1 })).toEqual(['b6']);
  });

  it('lists only the bodies in view, and counts only them', async () => {
    expect(await ids({ bodyIds: ['b1', 'b3', 'b5'] })).toEqual(['b3', 'b1']);
    expect(await countBodies(store.db, { bodyIds: ['b1', 'b3', 'b5'] })).toBe(2);
    expect(await ids({ bodyIds: ['b1', 'b3'], q: '洛江' })).toEqual(['b1']);
    expect(await ids({ bodyIds: ['b1', 'b3'], offset: 1, limit: 5 })).toEqual(['b1']);
    expect(await ids({ bodyIds: [] })).toEqual([]);
    expect(await countBodies(store.db, { bodyIds: [] })).toBe(0);
    expect(await ids({ bodyIds: null })).toEqual(all);
  });

  // Few characters, so that texts are often found; LIKE's own among them. Lower case only: SQLite's
  // LIKE ignores the case of ASCII letters, PostgreSQL's doesn't.
  const char = fc.constantFrom('洛', '江', '区', '局', 'a', '%', '_', '\\');
  const text = (maxLength: number) => fc.array(char, { maxLength }).map((cs) => cs.join(''));
  const model = fc.record({
    bodies: fc.array(
      fc.record({
        name: text(4),
        region: text(3),
        kind: fc.constantFrom('government' as const, 'department' as const),
        merged: fc.boolean(),
      }),
      { maxLength: 12 },
    ),
    q: fc.option(
      fc.tuple(text(2), fc.constantFrom('', ' ')).map(([t, pad]) => `${pad}${t}${pad}`),
      { nil: undefined },
    ),
    kind: fc.option(fc.constantFrom('government' as const, 'department' as const), { nil: undefined }),
    offset: fc.option(fc.nat(14), { nil: undefined }),
    limit: fc.option(fc.integer({ min: 1, max: 14 }), { nil: undefined }),
    scope: fc.option(fc.array(fc.nat(11), { maxLength: 6 }), { nil: null }),
  });

  it('answers what filtering, sorting and slicing in memory gives', async () => {
    await fc.assert(
      fc.asyncProperty(model, async ({ bodies, q, kind, offset, limit, scope }) => {
        await store.db.deleteFrom('corpus_reports').execute();
        await store.db.deleteFrom('corpus_bodies').execute();
        const made = bodies.map((b, i) => ({ ...b, id: `p${String(i).padStart(2, '0')}` }));
        // A merged body points at the first one (which stands).
        await insert(
          store,
          made.map((b, i) => ({ ...b, ...(b.merged && i > 0 ? { mergedInto: 'p00' } : {}) })),
        );
        const bodyIds = scope === null ? null : scope.map((i) => `p${String(i).padStart(2, '0')}`);
        const words = q?.trim() ?? '';
        const expected = made
          .filter((b, i) => !(b.merged && i > 0))
          .filter((b) => bodyIds === null || bodyIds.includes(b.id))
          .filter((b) => kind === undefined || b.kind === kind)
          .filter((b) => words === '' || b.name.includes(words) || b.region.includes(words))
          .sort((x, y) =>
            x.region !== y.region
              ? x.region < y.region
                ? -1
                : 1
              : x.name !== y.name
                ? x.name < y.name
                  ? -1
                  : 1
                : x.id < y.id
                  ? -1
                  : 1,
          )
          .map((b) => b.id);
        const from = offset ?? 0;
        const query = { q, kind, bodyIds };
        expect(await ids({ ...query, offset, limit })).toEqual(
          expected.slice(from, limit === undefined ? undefined : from + limit),
        );
        expect(await countBodies(store.db, query)).toBe(expected.length);
      }),
      { numRuns: 60 },
    );
  });
});
