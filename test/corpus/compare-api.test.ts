/**
 * GET /api/corpus/compare: one body's 2021 and 2022 reports, generated from the same seed so their
 * figures agree except the two cells the 2022 edit changes, and prose of which two sentences are
 * carried over (figures changed: still copies, digits being folded) and one is new.
 */
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApi } from '../../src/api/server.js';
import { hashPassword } from '../../src/auth/password.js';
import { LoginLimiter } from '../../src/auth/rate-limit.js';
import { ingestPaths } from '../../src/corpus/ingest.js';
import { openStore, type Store, systemActor } from '../../src/store/index.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { compareReport } from './compare-fixture.js';
import { makeReport, renderAs, tempDir, writeFile } from './helpers.js';

const password = 'correct-horse-1';

describeEachBackend('corpus compare API', (backend) => {
  let target: Target;
  let store: Store;
  let app: FastifyInstance;
  let tmp: ReturnType<typeof tempDir>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
    tmp = tempDir();
    const passwordHash = await hashPassword(password);
    await store.agencies.create(systemActor, { id: 'A', name: '泉州市洛江区人民政府' });
    for (const u of [
      { username: 'eva', role: 'evaluator', agencyId: null },
      { username: 'sup', role: 'supervisor', agencyId: null },
    ] as const)
      await store.users.create(systemActor, {
        ...u,
        displayName: u.username,
        passwordHash,
        id: `u-${u.username}`,
      });
    await store.users.setSupervisedAgencies(systemActor, 'u-sup', ['A']);
    for (const year of [2021, 2022] as const)
      writeFile(
        join(tmp.dir, 'in', `${year}.txt`),
        renderAs(compareReport('宿迁市宿城区财政局', year), 'txt'),
      );
    writeFile(
      join(tmp.dir, 'in', 'one.txt'),
      renderAs(makeReport({ agency: '宿迁市人民政府', year: 2022 }), 'txt'),
    );
    // Another body whose 2021 report is 宿城区's with its own name: the same figures, the same prose.
    writeFile(
      join(tmp.dir, 'in', 'suyu-2021.txt'),
      renderAs(compareReport('宿迁市宿豫区财政局', 2021), 'txt'),
    );
    await ingestPaths(store, [join(tmp.dir, 'in')]);
    app = await buildApi({ store, limiter: new LoginLimiter({ maxFailures: 1000 }), version: 'test' });
    for (const username of ['eva', 'sup']) {
      const res = await app.inject({ method: 'POST', url: '/api/login', payload: { username, password } });
      tokens.set(username, (res.json() as { token: string }).token);
    }
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await target?.dispose();
    tmp?.dispose();
  });

  const get = (user: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens.get(user)}` } });
  const bodyId = async (name: string) => {
    const bodies = (await get('eva', '/api/corpus/bodies')).json().rows as { id: string; name: string }[];
    return bodies.find((b) => b.name === name)?.id as string;
  };

  it('answers the changed cells with their differences, the measures and the copied sentences', async () => {
    const id = await bodyId('宿迁市宿城区财政局');
    const res = await get('eva', `/api/corpus/compare?body=${encodeURIComponent(id)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.body).toEqual({ id, name: '宿迁市宿城区财政局' });
    expect(body.years).toEqual([2021, 2022]);
    expect([body.from.report.year, body.to.report.year]).toEqual([2021, 2022]);
    expect(body.sameFormat).toBe(true);
    const base = compareReport('宿迁市宿城区财政局', 2021).cells;
    const np = base['a.new.np'] as number;
    const total = base['a.new.total'] as number;
    expect(body.changes).toEqual([
      { key: 'a.new.np', from: np, to: np + 5, delta: 5 },
      { key: 'a.new.total', from: total, to: total + 5, delta: 5 },
    ]);
    expect(body.measures.find((m: { id: string }) => m.id === 'applications.new')).toEqual({
      id: 'applications.new',
      label: '本年新收申请',
      from: total,
      to: total + 5,
      delta: 5,
    });
    // The reader folds full-width commas and colons to ASCII; the conclusion (part 五) is the
    // generator's, the same both years.
    expect(body.copied).toEqual([
      {
        text: '2022年,本局认真贯彻落实政府信息公开条例,持续推进政务公开标准化规范化建设。',
        previous: '2021年,本局认真贯彻落实政府信息公开条例,持续推进政务公开标准化规范化建设。',
        section: 1,
      },
      {
        text: '全年共发布政府信息140条,其中政策文件15件。',
        previous: '全年共发布政府信息125条,其中政策文件12件。',
        section: 1,
      },
      {
        text: '2022年,我办政府信息公开工作取得一定成效,但仍存在一些不足:一是部分信息公开不够及时;',
        previous: '2021年,我办政府信息公开工作取得一定成效,但仍存在一些不足:一是部分信息公开不够及时;',
        section: 5,
      },
      ...[
        '二是公开内容的深度和广度有待拓展;',
        '三是工作人员业务水平有待进一步提高。',
        '下一步,我办将从以下方面加以改进:一是加强业务培训,提升工作人员能力水平;',
        '二是强化监督考核,推动工作落实;',
        '三是丰富政策解读形式,增强解读效果,推动政务公开工作再上新台阶。',
      ].map((text) => ({ text, previous: text, section: 5 })),
    ]);
    expect([body.from.sentences, body.to.sentences]).toEqual([9, 9]);
    const first = body.to.sections.find((s: { number: number }) => s.number === 1);
    expect(first.text).toContain('本年新建政务公开专区');
  });

  it('takes the years asked for, and refuses a single year, reversed years and bodies out of scope', async () => {
    const id = await bodyId('宿迁市宿城区财政局');
    const ok = await get('eva', `/api/corpus/compare?body=${encodeURIComponent(id)}&from=2021&to=2022`);
    expect(ok.statusCode).toBe(200);
    const reversed = await get('eva', `/api/corpus/compare?body=${encodeURIComponent(id)}&from=2022&to=2021`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toBe('输入有误：较早的年度应早于较晚的年度');
    const missing = await get('eva', `/api/corpus/compare?body=${encodeURIComponent(id)}&from=2019&to=2022`);
    expect(missing.statusCode).toBe(404);
    const single = await get(
      'eva',
      `/api/corpus/compare?body=${encodeURIComponent(await bodyId('宿迁市人民政府'))}`,
    );
    expect(single.statusCode).toBe(400);
    expect(single.json().error.message).toBe('「宿迁市人民政府」在报告库中不足两个年度的报告，无法对比');
    const hidden = await get('sup', `/api/corpus/compare?body=${encodeURIComponent(id)}`);
    expect(hidden.statusCode).toBe(404);
    expect((await get('eva', '/api/corpus/compare')).statusCode).toBe(400);
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.paths['/api/corpus/compare'].get).toBeDefined();
  });

  it('compares two bodies (甲 and 乙): by default the last year both have; any year of each; the same body refused', async () => {
    const a = await bodyId('宿迁市宿城区财政局');
    const b = await bodyId('宿迁市宿豫区财政局');
    const url = (query: string) =>
      `/api/corpus/compare?body=${encodeURIComponent(a)}&other=${encodeURIComponent(b)}${query}`;
    const same = await get('eva', url(''));
    expect(same.statusCode, same.body).toBe(200);
    const d = same.json();
    expect([d.body.name, d.other, d.years, d.otherYears]).toEqual([
      '宿迁市宿城区财政局',
      { id: b, name: '宿迁市宿豫区财政局' },
      [2021, 2022],
      [2021],
    ]);
    // 2021 of both: the same report under two names — every cell equal, every sentence the same.
    expect([d.from.report.year, d.from.report.agency, d.to.report.year, d.to.report.agency]).toEqual([
      2021,
      '宿迁市宿城区财政局',
      2021,
      '宿迁市宿豫区财政局',
    ]);
    expect(d.changes).toEqual([]);
    expect([d.copied.length, d.to.sentences]).toEqual([9, 9]);
    expect(d.copied.every((c: { text: string; previous: string }) => c.text === c.previous)).toBe(true);

    // 甲's 2022 against 乙's 2021: the two cells 2022 changed, as 乙 minus 甲.
    const years = (await get('eva', url('&from=2022&to=2021'))).json();
    const base = compareReport('宿迁市宿城区财政局', 2021).cells;
    expect(years.changes).toEqual([
      { key: 'a.new.np', from: (base['a.new.np'] as number) + 5, to: base['a.new.np'], delta: -5 },
      { key: 'a.new.total', from: (base['a.new.total'] as number) + 5, to: base['a.new.total'], delta: -5 },
    ]);
    // 乙 has no 2022 report; the same body twice; 乙 out of a supervisor's scope.
    expect((await get('eva', url('&from=2022&to=2022'))).statusCode).toBe(404);
    const itself = await get(
      'eva',
      `/api/corpus/compare?body=${encodeURIComponent(a)}&other=${encodeURIComponent(a)}`,
    );
    expect([itself.statusCode, itself.json().error.message]).toEqual([400, '输入有误：请选择另一个机关对比']);
    expect((await get('sup', url(''))).statusCode).toBe(404);
    // Without 乙 the answer says so.
    const plain = (await get('eva', `/api/corpus/compare?body=${encodeURIComponent(a)}`)).json();
    expect([plain.other, plain.otherYears]).toEqual([null, []]);
  });
});
