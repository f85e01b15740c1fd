/**
 * 应发布名录: a list of the bodies that must publish makes each owe its reports from a year, so that
 * one that never published anything is overdue in 发布情况 and 机关档案 — on both backends, through
 * importRoster, `gongkai corpus bodies roster|set --expected-from` and POST /api/corpus/bodies/roster.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { hashPassword } from '../../src/auth/password.js';
import { LoginLimiter } from '../../src/auth/rate-limit.js';
import { bodyHistory } from '../../src/corpus/bodies/history.js';
import { correctBody, importRoster, mergeBodies } from '../../src/corpus/bodies/store.js';
import { publicationOf } from '../../src/corpus/publication.js';
import { openStore, type Store, systemActor } from '../../src/store/index.js';
import { run } from '../cli/helpers.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { cliCorpus, storeBody, storeReport, tempDir } from './helpers.js';

const now = '2025-03-01T00:00:00.000Z';

/** 洛江区教育局, first seen with its report of 2023. */
async function seed(store: Store): Promise<void> {
  await storeBody(store, {
    id: 'edu',
    name: '泉州市洛江区教育局',
    province: '福建省',
    city: '泉州市',
    county: '洛江区',
    region: '福建省泉州市洛江区',
  });
  await storeReport(store, {
    sha256: 'edu-2023',
    body_id: 'edu',
    agency_name: '泉州市洛江区教育局',
    year: 2023,
    version: 1,
    file: 'edu-2023.txt',
    published_on: '2024-01-20',
    signed_on: null,
  });
}

const statuses = async (store: Store, year: number, today: string) =>
  (await publicationOf(store.db, {}, year, today)).bodies.map((b) => [b.name, b.status]);

describeEachBackend('应发布名录 (importRoster)', (backend) => {
  let target: Target;
  let store: Store;

  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
    await seed(store);
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  it('makes the bodies listed owe their reports from the year, a body never published overdue too', async () => {
    // Before: 2022 owes nothing (教育局's first report is of 2023), and 财政局 is not in the corpus.
    expect(await statuses(store, 2022, '2025-03-01')).toEqual([]);
    const entries = await importRoster(
      store.db,
      systemActor,
      ['泉州市洛江区教育局', '  泉州市洛江区财政局 ', '', '泉州市洛江区财政局'],
      2022,
      now,
    );
    expect(entries.map((e) => [e.name, e.bodyName, e.created, e.expectedFrom])).toEqual([
      ['泉州市洛江区教育局', '泉州市洛江区教育局', false, 2022],
      ['泉州市洛江区财政局', '泉州市洛江区财政局', true, 2022],
    ]);
    expect(entries[0]?.bodyId).toBe('edu');
    // 2022: both owe it and have none; 2023: 教育局 published, 财政局 still hasn't.
    expect(await statuses(store, 2022, '2025-03-01')).toEqual([
      ['泉州市洛江区教育局', 'overdue'],
      ['泉州市洛江区财政局', 'overdue'],
    ]);
    expect(await statuses(store, 2023, '2025-03-01')).toEqual([
      ['泉州市洛江区财政局', 'overdue'],
      ['泉州市洛江区教育局', 'onTime'],
    ]);
    // The new body: its places and kind from its name; its profile from 2022 to the year due last.
    const history = await bodyHistory(store.db, entries[1]?.bodyId as string, '2025-03-01');
    // (Its name gives no province: none is guessed.)
    expect([history?.body.region, history?.body.kind, history?.body.expectedFrom]).toEqual([
      '泉州市洛江区',
      'department',
      2022,
    ]);
    expect(history?.years.map((y) => [y.year, y.status, y.daysLate])).toEqual([
      [2022, 'overdue', 760],
      [2023, 'overdue', 395],
      [2024, 'overdue', 29],
    ]);
    const audit = await store.audit.list();
    expect(audit.filter((a) => a.action === 'import-roster').map((a) => a.entityId)).toEqual(['roster-2022']);
  });

  it('carries a misspelt name’s year over when a person merges its body into the right one', async () => {
    // 「泉州市洛江区教育厅」 (a slip) made a body of its own; merged into 教育局, its year goes along.
    const [slip] = await importRoster(store.db, systemActor, ['泉州市洛江区教育厅'], 2019, now);
    expect(slip?.created).toBe(true);
    const merged = await mergeBodies(store.db, systemActor, slip?.bodyId as string, 'edu', now);
    expect(merged.expectedFrom).toBe(2019);
    expect((await bodyHistory(store.db, 'edu', '2025-03-01'))?.years[0]?.year).toBe(2019);
    await correctBody(store.db, systemActor, 'edu', { expectedFrom: 2022 }, now);
  });

  it('keeps the earlier of two years, and a person clears it', async () => {
    const years = async () =>
      (
        await store.db
          .selectFrom('corpus_bodies')
          .select(['name', 'expected_from'])
          .where('merged_into', 'is', null)
          .orderBy('name')
          .execute()
      ).map((b) => [b.name, b.expected_from]);
    await importRoster(store.db, systemActor, ['泉州市洛江区教育局'], 2024, now);
    await importRoster(store.db, systemActor, ['泉州市洛江区财政局'], 2020, now);
    expect(await years()).toEqual([
      ['泉州市洛江区教育局', 2022],
      ['泉州市洛江区财政局', 2020],
    ]);
    const cleared = await correctBody(store.db, systemActor, 'edu', { expectedFrom: null }, now);
    expect([cleared.expectedFrom, cleared.corrected]).toEqual([null, true]);
    expect(await statuses(store, 2022, '2025-03-01')).toEqual([['泉州市洛江区财政局', 'overdue']]);
  });
});

describe('gongkai corpus bodies roster and set --expected-from', () => {
  const corpus = cliCorpus(seed);

  it('imports a list (a name a line, the first field of a line), says what it made, and sets one body', async () => {
    const file = join(corpus.dir, '名录.csv');
    writeFileSync(file, '泉州市洛江区教育局,部门\n泉州市洛江区水利局\t部门\n\n洛江区教育局\n');
    const result = await run(['corpus', 'bodies', 'roster', file, '--from', '2022']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      '应发布名录：3 个机关自 2022 年度起应发布年度报告（报告库中原来没有、已新建 1 个）',
    );
    expect(lines[1]).toBe('新建：');
    expect(lines[2]).toMatch(/^ {2}泉州市洛江区水利局（.+）$/);
    expect(lines.slice(3)).toEqual([
      '名录的写法与报告库不同（按同一机关计）：',
      '  洛江区教育局 → 泉州市洛江区教育局（edu）',
      '',
    ]);
    const overdue = JSON.parse(
      (await run(['corpus', 'publication', '--year', '2022', '--today', '2025-03-01', '--json'])).stdout,
    ).counts.overdue;
    expect(overdue).toBe(2);
    // The new body's row: no report of the year nor before it in the corpus.
    const text = (await run(['corpus', 'publication', '--year', '2022', '--today', '2025-03-01'])).stdout;
    expect(text.split('\n').find((l) => l.includes('泉州市洛江区水利局'))).toMatch(
      /逾期 760 天 +报告库中没有 +\S+$/,
    );
    expect(await run(['corpus', 'bodies', 'set', 'edu', '--expected-from', '2021'])).toEqual({
      code: 0,
      stdout: '已修改机关「泉州市洛江区教育局」（edu）：福建省泉州市洛江区，部门，自 2021 年度起应发布\n',
      stderr: '',
    });
    // 机关档案 says so, and owes from 2021: two years without a report before its first (2023).
    const show = (await run(['corpus', 'bodies', 'show', 'edu', '--today', '2025-03-01'])).stdout.split('\n');
    expect(show[1]).toBe(
      '地区：福建省泉州市洛江区　类型：部门　报告 1 份　应发布名录：自 2021 年度　人工修改过',
    );
    expect(show.slice(4).map((l) => l.split(/ {2,}/).slice(0, 2))).toEqual([
      ['2024', '逾期未发布'],
      ['2023', '按时发布'],
      ['2022', '逾期未发布'],
      ['2021', '逾期未发布'],
      [''],
    ]);
    expect((await run(['corpus', 'bodies', 'roster', file, '--from', '22'])).stderr).toBe(
      'gongkai: 错误：应发布起始年度「22」无效，应为 2000–2100 年之间的年份\n',
    );
    writeFileSync(join(corpus.dir, '空.txt'), '\n\n');
    expect(
      (await run(['corpus', 'bodies', 'roster', join(corpus.dir, '空.txt'), '--from', '2022'])).stderr,
    ).toBe(`gongkai: 错误：名录「${join(corpus.dir, '空.txt')}」中没有机关名称\n`);
  });
});

describe('POST /api/corpus/bodies/roster', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  let app: FastifyInstance;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    tmp = tempDir();
    store = await openStore({ dataDir: join(tmp.dir, 'data'), env: {} });
    await seed(store);
    await store.agencies.create(systemActor, { id: 'A', name: '泉州市洛江区人民政府' });
    const passwordHash = await hashPassword('roster-test-password-1');
    for (const [username, role] of [
      ['eva', 'evaluator'],
      ['sup', 'supervisor'],
    ] as const)
      await store.users.create(systemActor, {
        id: `u-${username}`,
        username,
        displayName: username,
        role,
        agencyId: null,
        passwordHash,
      });
    await store.users.setSupervisedAgencies(systemActor, 'u-sup', ['A']);
    app = await buildApi({ store, limiter: new LoginLimiter({ maxFailures: 1000 }), version: 'test' });
    for (const username of ['eva', 'sup']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username, password: 'roster-test-password-1' },
      });
      tokens.set(username, (res.json() as { token: string }).token);
    }
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    tmp?.dispose();
  });

  const post = (user: string, payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/corpus/bodies/roster',
      payload,
      headers: { authorization: `Bearer ${tokens.get(user)}` },
    });

  it('imports the list for an evaluator, a supervisor’s within their scope only, refuses bad input in Chinese', async () => {
    const ok = await post('eva', { names: ['泉州市洛江区教育局', '泉州市洛江区民政局'], from: 2023 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().map((e: { bodyName: string; created: boolean }) => [e.bodyName, e.created])).toEqual([
      ['泉州市洛江区教育局', false],
      ['泉州市洛江区民政局', true],
    ]);
    // A supervisor of 洛江区's government imports the bodies of 洛江区, not another district's: then
    // nothing of the list is imported.
    const mine = await post('sup', { names: ['泉州市洛江区财政局'], from: 2023 });
    expect([mine.statusCode, mine.json()[0]?.created]).toEqual([200, true]);
    const bodies = async () => (await store.db.selectFrom('corpus_bodies').select('name').execute()).length;
    const before = await bodies();
    const other = await post('sup', { names: ['泉州市洛江区审计局', '泉州市丰泽区财政局'], from: 2023 });
    expect([other.statusCode, other.json().error.message]).toEqual([
      403,
      '名录中的机关不在查看范围内：泉州市丰泽区财政局（只能导入查看范围内的机关：监督角色为所监督的机关及其辖区）',
    ]);
    expect(await bodies()).toBe(before);
    const year = await post('eva', { names: ['泉州市洛江区教育局'], from: 1999 });
    expect([year.statusCode, JSON.stringify(year.json())]).toEqual([
      400,
      expect.stringContaining('应发布起始年度应为 2000–2100 年之间的年份'),
    ]);
    const empty = await post('eva', { names: ['', ' '], from: 2023 });
    expect([empty.statusCode, JSON.stringify(empty.json())]).toEqual([
      400,
      expect.stringContaining('名录中没有机关名称'),
    ]);
  });
});
