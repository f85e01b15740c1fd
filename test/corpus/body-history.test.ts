import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyHistory } from '../../src/corpus/bodies/history.js';
import { correctBody } from '../../src/corpus/bodies/store.js';
import { defaultPublicationYear, publicationOf } from '../../src/corpus/publication.js';
import { openStore, type Store, systemActor } from '../../src/store/index.js';
import { run } from '../cli/helpers.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { cliCorpus, storeBody, storeReport, storeVersions, tempStore } from './helpers.js';

const now = '2024-03-01T00:00:00.000Z';

const bodies = [
  { id: 'edu', name: '泉州市洛江区教育局', kind: 'department' as const, merged_into: null },
  { id: 'gov', name: '泉州市洛江区人民政府', kind: 'government' as const, merged_into: null },
  { id: 'old', name: '泉州市洛江区教委', kind: 'department' as const, merged_into: 'edu' },
];

interface Row {
  body: string;
  agency: string;
  year: number | null;
  version?: number;
  publishedOn?: string | null;
  signedOn?: string | null;
}

const rows: Row[] = [
  // 2021 on time; 2022 missing (overdue); 2023 late, its second version on time; 2024 undated.
  { body: 'edu', agency: '泉州市洛江区教育局', year: 2021, publishedOn: '2022-01-20' },
  { body: 'edu', agency: '洛江区教育局', year: 2023, publishedOn: '2024-02-05' },
  { body: 'edu', agency: '泉州市洛江区教育局', year: 2023, version: 2, publishedOn: '2024-01-25' },
  { body: 'edu', agency: '泉州市洛江区教育局', year: 2024, publishedOn: null },
  // A version whose year could not be read.
  { body: 'edu', agency: '泉州市洛江区教育局', year: null, publishedOn: null },
  // A government: 2024 signed in time but published late.
  {
    body: 'gov',
    agency: '泉州市洛江区人民政府',
    year: 2024,
    publishedOn: '2025-04-03',
    signedOn: '2025-03-28',
  },
];

async function insert(store: Store): Promise<Map<string, number>> {
  for (const b of bodies)
    await storeBody(store, {
      ...b,
      province: '福建省',
      city: '泉州市',
      county: '洛江区',
      region: '福建省泉州市洛江区',
    });
  for (const [i, r] of rows.entries())
    await storeReport(store, {
      sha256: `h${i}`,
      body_id: r.body,
      agency_name: r.agency,
      year: r.year,
      version: r.version ?? 1,
      file: `${r.body}-${r.year ?? 'x'}-${r.version ?? 1}.txt`,
      published_on: r.publishedOn ?? null,
      signed_on: r.signedOn ?? null,
    });
  const stored = await store.db.selectFrom('corpus_reports').select(['id', 'file']).execute();
  return new Map(stored.map((r) => [r.file, Number(r.id)]));
}

/** A year as the tests read it: its status, days, versions and the newest version's file. */
const yearsOf = (h: NonNullable<Awaited<ReturnType<typeof bodyHistory>>>) =>
  h.years.map((y) => [
    y.year,
    y.status,
    y.deadline,
    y.daysLate,
    y.daysLeft,
    y.versions,
    y.report?.file ?? null,
  ]);

describeEachBackend('机关档案 (bodyHistory)', (backend) => {
  let target: Target;
  let store: Store;
  let ids: Map<string, number>;

  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
    ids = await insert(store);
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  it('lists every year from the first report to the year due last, with its status and newest version', async () => {
    const h = await bodyHistory(store.db, 'edu', '2025-02-10');
    expect(h?.body).toEqual({
      id: 'edu',
      name: '泉州市洛江区教育局',
      province: '福建省',
      city: '泉州市',
      county: '洛江区',
      region: '福建省泉州市洛江区',
      kind: 'department',
      mergedInto: null,
      dissolvedIn: null,
      expectedFrom: null,
      corrected: false,
      names: ['泉州市洛江区教育局', '洛江区教育局'],
      reports: 5,
    });
    expect(h?.today).toBe('2025-02-10');
    expect(yearsOf(h as NonNullable<typeof h>)).toEqual([
      [2021, 'onTime', '2022-01-31', null, null, 1, 'edu-2021-1.txt'],
      [2022, 'overdue', '2023-01-31', 741, null, 0, null],
      [2023, 'onTime', '2024-01-31', null, null, 2, 'edu-2023-2.txt'],
      [2024, 'undated', '2025-01-31', null, null, 1, 'edu-2024-1.txt'],
    ]);
    expect(h?.years[2]?.report).toMatchObject({ id: ids.get('edu-2023-2.txt'), version: 2, bodyId: 'edu' });
    expect(h?.undated.map((r) => [r.id, r.file])).toEqual([[ids.get('edu-x-1.txt'), 'edu-x-1.txt']]);
  });

  it('goes on to the year due as of the day, not yet due or overdue', async () => {
    // On 2026-03-10 the 2025 report of a government is not yet due, of a department overdue.
    const gov = await bodyHistory(store.db, 'gov', '2026-03-10');
    expect(yearsOf(gov as NonNullable<typeof gov>)).toEqual([
      [2024, 'late', '2025-03-31', 3, null, 1, 'gov-2024-1.txt'],
      [2025, 'pending', '2026-03-31', null, 21, 0, null],
    ]);
    const edu = await bodyHistory(store.db, 'edu', '2026-03-10');
    expect(yearsOf(edu as NonNullable<typeof edu>).at(-1)).toEqual([
      2025,
      'overdue',
      '2026-01-31',
      38,
      null,
      0,
      null,
    ]);
  });

  it('answers a merged body with the body it was merged into, and nothing for an unknown one', async () => {
    expect((await bodyHistory(store.db, 'old', '2025-02-10'))?.body.id).toBe('edu');
    expect(await bodyHistory(store.db, 'nobody', '2025-02-10')).toBeUndefined();
  });

  it('stops at the 撤销年份, unless a report of the year is there', async () => {
    await correctBody(store.db, systemActor, 'edu', { dissolvedIn: 2022 }, now);
    const h = await bodyHistory(store.db, 'edu', '2026-03-10');
    expect(h?.body.dissolvedIn).toBe(2022);
    expect(h?.body.corrected).toBe(true);
    expect(h?.years.map((y) => [y.year, y.status])).toEqual([
      [2021, 'onTime'],
      [2023, 'onTime'],
      [2024, 'undated'],
    ]);
    await correctBody(store.db, systemActor, 'edu', { dissolvedIn: null }, now);
  });
});

describe('gongkai corpus bodies show', () => {
  const corpus = cliCorpus(insert);

  it('prints the body and its years, newest first', async () => {
    const result = await run(['corpus', 'bodies', 'show', 'edu', '--today', '2025-02-10']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = (file: string) => String(corpus.value.get(file));
    expect(result.stdout).toBe(
      [
        '泉州市洛江区教育局（edu）',
        '地区：福建省泉州市洛江区　类型：部门　报告 5 份',
        '报告署名还有：洛江区教育局',
        '',
        '年度  状态        期限        发布日期    落款日期  天数         版本  错误  警告  报告编号',
        `2024  未注日期    2025-01-31  —           —                         1     0     0  ${id('edu-2024-1.txt')}`,
        `2023  按时发布    2024-01-31  2024-01-25  —                         2     0     0  ${id('edu-2023-2.txt')}`,
        '2022  逾期未发布  2023-01-31  —           —         逾期 741 天     0',
        `2021  按时发布    2022-01-31  2022-01-20  —                         1     0     0  ${id('edu-2021-1.txt')}`,
        `读不出年度的报告 1 份：edu-x-1.txt（编号 ${id('edu-x-1.txt')}）`,
        '',
      ].join('\n'),
    );
  });

  it('answers JSON, and refuses an unknown body or a bad day', async () => {
    const json = await run(['corpus', 'bodies', 'show', 'old', '--today', '2025-02-10', '--json']);
    const parsed = JSON.parse(json.stdout);
    expect([parsed.body.id, parsed.years.length, parsed.undated.length]).toEqual(['edu', 4, 1]);
    expect(await run(['corpus', 'bodies', 'show', 'nobody'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：机关「nobody」不存在（gongkai corpus bodies 列出机关及其编号）\n',
    });
    expect((await run(['corpus', 'bodies', 'show', 'edu', '--today', '2025-2-1'])).stderr).toBe(
      'gongkai: 错误：日期「2025-2-1」无效，应为 YYYY-MM-DD\n',
    );
  });
});

describe('bodyHistory against publicationOf (property)', () => {
  const temp = tempStore();

  const day = fc
    .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2027, 11, 31) })
    .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
  const corpus = fc.record({
    kinds: fc.array(fc.constantFrom('government' as const, 'department' as const), {
      minLength: 1,
      maxLength: 3,
    }),
    dissolved: fc.array(fc.option(fc.integer({ min: 2019, max: 2027 }), { nil: null }), {
      minLength: 3,
      maxLength: 3,
    }),
    // 应发布名录's year, or null.
    expected: fc.array(fc.option(fc.integer({ min: 2018, max: 2027 }), { nil: null }), {
      minLength: 3,
      maxLength: 3,
    }),
    reports: fc.array(
      fc.record({
        body: fc.nat(2),
        year: fc.integer({ min: 2019, max: 2026 }),
        publishedOn: fc.option(day, { nil: null }),
        signedOn: fc.option(day, { nil: null }),
      }),
      { maxLength: 10 },
    ),
    today: day,
  });

  it('says of every year what 发布情况 says of the body that year', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, async ({ kinds, dissolved, expected, reports, today }) => {
        const { store } = temp;
        await store.db.deleteFrom('corpus_reports').execute();
        await store.db.deleteFrom('corpus_bodies').execute();
        for (const [i, kind] of kinds.entries())
          await storeBody(store, {
            id: `b${i}`,
            name: `某县第${i}局`,
            kind,
            dissolved_in: dissolved[i] as number | null,
            expected_from: expected[i] as number | null,
          });
        await storeVersions(
          store,
          reports.filter((r) => r.body < kinds.length),
        );
        for (const [i] of kinds.entries()) {
          // To the year due as of the day, or the body's last report's year when later.
          const own = reports.filter((r) => r.body === i).map((r) => r.year);
          const last = Math.max(defaultPublicationYear(today), ...own);
          const h = await bodyHistory(store.db, `b${i}`, today);
          const fromHistory = (h?.years ?? []).map((y) => ({
            year: y.year,
            status: y.status,
            deadline: y.deadline,
            daysLate: y.daysLate,
            daysLeft: y.daysLeft,
            reportId: y.report?.id ?? null,
          }));
          const fromPublication = [];
          for (let year = 2018; year <= last; year++) {
            const row = (await publicationOf(store.db, { agency: `b${i}` }, year, today)).bodies[0];
            if (row) {
              const { status, deadline, daysLate, daysLeft, reportId } = row;
              fromPublication.push({ year, status, deadline, daysLate, daysLeft, reportId });
            }
          }
          expect(fromHistory).toEqual(fromPublication);
        }
      }),
      { numRuns: 40 },
    );
  });
});
