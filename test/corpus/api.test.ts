import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checksMaxBodies, uploadLimitBytes } from '../../src/api/corpus-contract.js';
import { buildApi } from '../../src/api/server.js';
import { hashPassword } from '../../src/auth/password.js';
import { LoginLimiter } from '../../src/auth/rate-limit.js';
import { ingestPaths } from '../../src/corpus/ingest.js';
import { openStore, type Store, systemActor } from '../../src/store/index.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { makeReport, renderAs, tempDir, writeFile } from './helpers.js';

const password = 'correct-horse-1';

describeEachBackend('corpus API', (backend) => {
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
    await store.agencies.create(systemActor, { id: 'B', name: '宿迁市宿城区财政局' });
    const users = [
      { username: 'eva', role: 'evaluator', agencyId: null },
      { username: 'sup', role: 'supervisor', agencyId: null },
      { username: 'b-clerk', role: 'clerk', agencyId: 'B' },
    ] as const;
    for (const u of users)
      await store.users.create(systemActor, {
        ...u,
        displayName: u.username,
        passwordHash,
        id: `u-${u.username}`,
      });
    await store.users.setSupervisedAgencies(systemActor, 'u-sup', ['A']);
    const bodies = ['洛江区工信局', '宿迁市宿城区财政局', '宿迁市人民政府'];
    for (const [i, agency] of bodies.entries())
      for (const year of [2021, 2022])
        writeFile(
          join(tmp.dir, 'in', `${i}-${year}.txt`),
          renderAs(
            makeReport({ agency, year, publishedOn: year === 2022 && i === 0 ? '2023-02-10' : undefined }),
            'txt',
          ),
        );
    await ingestPaths(store, [join(tmp.dir, 'in')]);
    app = await buildApi({
      store,
      limiter: new LoginLimiter({ maxFailures: 1000 }),
      version: 'test',
      // The day the publication of 2023's reports is judged by (发布情况).
      today: () => '2024-02-15',
    });
    for (const u of users) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username: u.username, password },
      });
      tokens.set(u.username, (res.json() as { token: string }).token);
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

  it('lists the whole corpus to an evaluator, with filters and keyset paging', async () => {
    const all = (await get('eva', '/api/corpus/reports')).json();
    expect(all.total).toBe(6);
    const first = (await get('eva', '/api/corpus/reports?limit=4')).json();
    expect(first.rows).toHaveLength(4);
    const second = (await get('eva', `/api/corpus/reports?limit=4&after=${first.next}`)).json();
    expect(second.rows.map((r: { id: number }) => r.id)).toEqual([5, 6]);
    expect(second.next).toBeNull();
    const late = (await get('eva', '/api/corpus/reports?late=true')).json();
    expect(late.rows.map((r: { agency: string; year: number }) => [r.agency, r.year])).toEqual([
      ['洛江区工业和信息化局', 2022],
    ]);
    const gov = (await get('eva', '/api/corpus/reports?kind=government&year=2022')).json();
    expect(gov.rows.map((r: { agency: string }) => r.agency)).toEqual(['宿迁市人民政府']);
    expect((await get('eva', '/api/corpus/reports?after=bad')).statusCode).toBe(400);
  });

  it('shows a supervisor the bodies of the governments supervised, a clerk their own, and an evaluator no register', async () => {
    const sup = (await get('sup', '/api/corpus/reports')).json();
    expect(new Set(sup.rows.map((r: { agency: string }) => r.agency))).toEqual(
      new Set(['洛江区工业和信息化局']),
    );
    const clerk = (await get('b-clerk', '/api/corpus/reports')).json();
    expect(new Set(clerk.rows.map((r: { agency: string }) => r.agency))).toEqual(
      new Set(['宿迁市宿城区财政局']),
    );
    const all = (await get('eva', '/api/corpus/reports')).json();
    const hidden = all.rows.find((r: { agency: string }) => r.agency !== '洛江区工业和信息化局');
    expect((await get('sup', `/api/corpus/reports/${hidden.id}`)).statusCode).toBe(404);
    expect((await get('eva', '/api/agencies')).json()).toEqual([]);
    expect((await get('eva', '/api/applications')).statusCode).toBe(403);
  });

  it('chooses reports by the kind of their errors, and refuses an unknown kind', async () => {
    const all = (await get('eva', '/api/corpus/reports')).json();
    const report = (await get('eva', '/api/corpus/reports?problem=report')).json();
    const reading = (await get('eva', '/api/corpus/reports?problem=reading')).json();
    // Generated reports read back whole: no figure left unread; their own errors are the checks'.
    expect(reading.rows).toEqual([]);
    expect(report.rows.map((r: { id: number }) => r.id)).toEqual(
      all.rows.filter((r: { errors: number }) => r.errors > 0).map((r: { id: number }) => r.id),
    );
    const bad = await get('eva', '/api/corpus/reports?problem=typo');
    expect(bad.statusCode).toBe(400);
  });

  it('gives one report with cells, findings and its source: the file ingested while it is unchanged, else the text', async () => {
    // Ingest runs on worker threads, so which file got which id is not fixed: look the report up.
    const list = (await get('eva', '/api/corpus/reports')).json();
    const row = list.rows.find(
      (r: { agency: string; year: number }) => r.agency === '宿迁市宿城区财政局' && r.year === 2021,
    );
    const res = await get('eva', `/api/corpus/reports/${row.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.report).toMatchObject({ id: row.id, year: 2021, version: 1 });
    expect(Object.keys(body.cells).length).toBeGreaterThan(100);
    expect(body.source.text).toContain('政府信息公开');
    expect(body.versions).toEqual([{ id: row.id, version: 1, sha256: body.report.sha256 }]);
    // Not kept (ingestPaths without keepSource), but the file is still where it was read from.
    expect(body.source.hasBytes).toBe(true);
    const source = await get('eva', `/api/corpus/reports/${row.id}/source`);
    expect(source.headers['content-type']).toBe('application/octet-stream');
    expect(source.rawPayload).toEqual(readFileSync(body.report.file));
    // Changed since: not the report's file any more; the stored text stands in for it.
    const original = readFileSync(body.report.file);
    writeFileSync(body.report.file, `${original.toString('utf8')}\n改动`);
    try {
      expect((await get('eva', `/api/corpus/reports/${row.id}`)).json().source.hasBytes).toBe(false);
      const text = await get('eva', `/api/corpus/reports/${row.id}/source`);
      expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(text.body).toBe(body.source.text);
    } finally {
      writeFileSync(body.report.file, original);
    }
  });

  it('drafts 核查意见: one report’s letter to those who see it, and a ZIP of the letters of a scope', async () => {
    const list = (await get('eva', '/api/corpus/reports')).json();
    const late = list.rows.find(
      (r: { agency: string; year: number }) => r.agency === '洛江区工业和信息化局' && r.year === 2022,
    );
    const md = await get(
      'eva',
      `/api/corpus/reports/${late.id}/letter?to=md&issuer=${encodeURIComponent('泉州市人民政府办公室')}`,
    );
    expect([md.statusCode, md.headers['content-type']]).toEqual([200, 'text/markdown; charset=utf-8']);
    expect(md.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('洛江区工业和信息化局2022年度报告核查意见.md')}`,
    );
    expect(md.body.split('\n').filter((l) => l.startsWith('报告'))).toEqual([
      '报告发布日期为2023年2月10日，晚于《中华人民共和国政府信息公开条例》第四十九条规定的期限（2023年1月31日） 10 天。',
    ]);
    expect(md.body).toContain('于2024年2月15日自动核查生成');
    expect(md.body).toContain('\n泉州市人民政府办公室\n\n2024年2月15日\n');
    const docx = await get('sup', `/api/corpus/reports/${late.id}/letter`);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const hidden = list.rows.find((r: { agency: string }) => r.agency === '宿迁市宿城区财政局');
    expect((await get('sup', `/api/corpus/reports/${hidden.id}/letter`)).statusCode).toBe(404);
    expect((await get('eva', '/api/corpus/reports/99999/letter')).statusCode).toBe(404);

    const names = async (user: string, query: string) => {
      const res = await get(user, `/api/corpus/letters?${query}`);
      expect([res.statusCode, res.headers['content-type']]).toEqual([200, 'application/zip']);
      const [list, ...files] = Object.keys(unzipSync(res.rawPayload));
      // The list (清单) first, then a letter each.
      expect([list, res.headers['x-letters']]).toEqual(['核查意见清单.csv', String(files.length)]);
      return files;
    };
    // A supervisor's scope: the late report only (the others were on time with nothing found).
    expect(await names('sup', 'to=md')).toEqual(['洛江区工业和信息化局2022年度报告核查意见.md']);
    expect(await names('sup', 'to=md&all=true')).toEqual([
      '洛江区工业和信息化局2021年度报告核查意见.md',
      '洛江区工业和信息化局2022年度报告核查意见.md',
    ]);
    expect(await names('eva', `year=2021&all=true&region=${encodeURIComponent('宿迁')}`)).toEqual([
      '宿迁市人民政府2021年度报告核查意见.docx',
      '宿迁市宿城区财政局2021年度报告核查意见.docx',
    ]);
    const zip = await get('eva', '/api/corpus/letters?year=2022');
    expect(zip.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('2022年度报告核查意见.zip')}`,
    );
    expect((await get('eva', '/api/corpus/letters?to=pdf')).statusCode).toBe(400);
  });

  it('answers 整改情况 in the caller’s scope, and exports it', async () => {
    type Row = { name: string; status: string; versions: number };
    const all = (await get('eva', '/api/corpus/corrections')).json() as { counts: unknown; rows: Row[] };
    const sup = (await get('sup', '/api/corpus/corrections')).json() as { rows: Row[] };
    // Every row of the supervisor's is of the bodies supervised, and is the evaluator's row too.
    expect(sup.rows.every((r) => r.name === '洛江区工业和信息化局')).toBe(true);
    for (const r of sup.rows) expect(all.rows).toContainEqual(r);
    expect(Object.keys(all.counts as object)).toEqual(['unchanged', 'notImproved', 'improved', 'corrected']);
    // A page of one status: the counts stay those of all, listed those of the status.
    const page = (await get('eva', '/api/corpus/corrections?status=unchanged&offset=0&limit=1')).json();
    expect(page.counts).toEqual(all.counts);
    expect(page.listed).toBe(all.rows.filter((r) => r.status === 'unchanged').length);
    expect(page.rows).toEqual(all.rows.filter((r) => r.status === 'unchanged').slice(0, 1));
    expect((await get('eva', '/api/corpus/corrections?status=fixed')).statusCode).toBe(400);
    const csv = await get('eva', '/api/corpus/corrections/export?to=csv&year=2022');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('2022年度报告整改情况.csv')}`,
    );
    expect(csv.body.split('\r\n')[0]).toBe(
      '\ufeffagency,region,kind,year,status,statusName,versions,firstErrors,firstWarnings,latestErrors,latestWarnings,fixed,remaining,bodyId,firstReportId,latestReportId',
    );
  });

  it('answers stats by kind and exports CSV', async () => {
    const stats = (await get('eva', '/api/corpus/stats?by=kind')).json();
    expect(
      stats.rows.map((r: { group: string; reports: number; late: number }) => [r.group, r.reports, r.late]),
    ).toEqual([
      ['department', 4, 1],
      ['government', 2, 0],
    ]);
    const csv = await get('eva', '/api/corpus/export?to=csv&year=2021');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('报告库.csv')}`,
    );
    expect(csv.body.startsWith('\ufeffagency,')).toBe(true);
    expect(csv.body.trimEnd().split('\r\n')).toHaveLength(4);
    // The statistics as a file: a row a group, in the caller's scope.
    const groups = (user: string, query: string) =>
      get(user, `/api/corpus/stats/export?${query}`).then((res) => ({
        disposition: res.headers['content-disposition'],
        rows: res.body
          .trimEnd()
          .split('\r\n')
          .slice(1)
          .map((line) => line.split(',').slice(0, 3)),
      }));
    expect(await groups('eva', 'by=region&to=csv')).toEqual({
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent('统计-按地区.csv')}`,
      rows: [
        ['宿迁市', '宿迁市', '2'],
        ['宿迁市宿城区', '宿迁市宿城区', '2'],
        ['洛江区', '洛江区', '2'],
      ],
    });
    expect((await groups('sup', 'by=region&to=csv')).rows).toEqual([['洛江区', '洛江区', '2']]);
    // Sorted by a column and paged: the groups with the most reports first, two at a time.
    const page = (
      await get('eva', '/api/corpus/stats?by=region&sort=reports&order=asc&offset=1&limit=1')
    ).json();
    expect([page.total, page.rows.map((r: { group: string }) => r.group)]).toEqual([3, ['宿迁市宿城区']]);
    const badSort = await get('eva', '/api/corpus/stats?by=region&sort=secret');
    expect([badSort.statusCode, badSort.json().error.message]).toEqual([
      400,
      '排序列「secret」无效，应为统计导出的列名（如 reports、applications.new、rate.onTime）',
    ]);
    expect((await groups('eva', 'by=region&sort=label&order=asc&to=csv')).rows.map((r) => r[0])).toEqual([
      '洛江区',
      '宿迁市',
      '宿迁市宿城区',
    ]);
    const xlsx = await get('eva', '/api/corpus/stats/export?to=xlsx');
    expect([xlsx.statusCode, xlsx.headers['content-disposition']]).toEqual([
      200,
      `attachment; filename*=UTF-8''${encodeURIComponent('统计.xlsx')}`,
    ]);
  });

  it("tells who has published a year on time, late or not at all, as of the server's day, in the caller's scope", async () => {
    const brief = (p: {
      bodies: { name: string; status: string; daysLate: number | null; daysLeft: number | null }[];
    }) => p.bodies.map((b) => [b.name, b.status, b.daysLate ?? b.daysLeft]);
    // Today 2024-02-15: 2023's reports were due by 31 January (departments) and are due by 31 March (governments).
    const due = (await get('eva', '/api/corpus/publication')).json();
    expect(due).toMatchObject({
      year: 2023,
      today: '2024-02-15',
      deadlines: { department: '2024-01-31', government: '2024-03-31' },
      counts: { expected: 3, overdue: 2, pending: 1, late: 0, undated: 0, onTime: 0 },
    });
    expect(brief(due)).toEqual([
      ['洛江区工业和信息化局', 'overdue', 15],
      ['宿迁市宿城区财政局', 'overdue', 15],
      ['宿迁市人民政府', 'pending', 45],
    ]);
    // By region: those with a body overdue first (by name among equals), then the one not yet due.
    const zero = { late: 0, undated: 0, onTime: 0 };
    expect([due.regions, due.regionCount]).toEqual([
      [
        { region: '洛江区', expected: 1, overdue: 1, pending: 0, ...zero },
        { region: '宿迁市宿城区', expected: 1, overdue: 1, pending: 0, ...zero },
        { region: '宿迁市', expected: 1, overdue: 0, pending: 1, ...zero },
      ],
      3,
    ]);
    expect(due.level).toBe('county');
    // By city: 宿迁市's two bodies are one region; 洛江区's name gives no city, so it stays itself.
    const byCity = (await get('eva', '/api/corpus/publication?level=city')).json();
    expect([byCity.level, byCity.regions, byCity.counts]).toEqual([
      'city',
      [
        { region: '宿迁市', expected: 2, overdue: 1, pending: 1, ...zero },
        { region: '洛江区', expected: 1, overdue: 1, pending: 0, ...zero },
      ],
      due.counts,
    ]);
    const badLevel = await get('eva', '/api/corpus/publication?level=town');
    expect([badLevel.statusCode, badLevel.json().error.message]).toEqual([
      400,
      '输入有误：「level」的值无效，应为 province、city、county 之一',
    ]);
    const published = (await get('eva', '/api/corpus/publication?year=2022')).json();
    expect(brief(published)).toEqual([
      ['洛江区工业和信息化局', 'late', 10],
      ['宿迁市人民政府', 'onTime', null],
      ['宿迁市宿城区财政局', 'onTime', null],
    ]);
    const supervised = (await get('sup', '/api/corpus/publication?year=2022')).json();
    expect(brief(supervised)).toEqual([['洛江区工业和信息化局', 'late', 10]]);
    expect([supervised.regions, supervised.regionCount]).toEqual([
      [{ region: '洛江区', expected: 1, overdue: 0, pending: 0, late: 1, undated: 0, onTime: 0 }],
      1,
    ]);
    expect((await get('b-clerk', '/api/corpus/publication?kind=government')).json().counts.expected).toBe(0);
    expect((await get('eva', '/api/corpus/publication?year=20')).statusCode).toBe(400);
    // Only the bodies of some statuses listed; the counts stay those of all.
    const pending = (await get('eva', '/api/corpus/publication?status=pending,late')).json();
    expect(brief(pending)).toEqual([['宿迁市人民政府', 'pending', 45]]);
    expect(pending.counts).toEqual(due.counts);
    const bad = await get('eva', '/api/corpus/publication?status=overdue,lost');
    expect([bad.statusCode, bad.json().error.message]).toEqual([
      400,
      expect.stringContaining('发布情况「lost」无效，应为 overdue、pending、late、undated、onTime'),
    ]);
    const csv = await get('eva', '/api/corpus/publication/export?to=csv&kind=department');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('2023年度报告发布情况.csv')}`,
    );
    expect(
      csv.body
        .split('\r\n')
        .slice(1, -1)
        .map((r) => r.split(',').slice(0, 6)),
    ).toEqual([
      ['洛江区工业和信息化局', '洛江区', '部门', '2023', 'overdue', '逾期未发布'],
      ['宿迁市宿城区财政局', '宿迁市宿城区', '部门', '2023', 'overdue', '逾期未发布'],
    ]);
    const xlsx = await get('eva', '/api/corpus/publication/export?to=xlsx');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // The notice (发布情况通报) of the caller's scope: a supervisor's names only the bodies supervised.
    const md = await get('sup', '/api/corpus/publication/export?to=md');
    expect([md.statusCode, md.headers['content-type']]).toEqual([200, 'text/markdown; charset=utf-8']);
    expect(md.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('2023年度报告发布情况通报.md')}`,
    );
    expect(md.body.split('\n').filter((l) => l.startsWith('| 1 |') || l.startsWith('截至'))).toEqual([
      '截至2024年2月15日，应发布2023年度报告的机关共1个（部门的发布期限为2024年1月31日，人民政府为2024年3月31日）。其中，按时发布0个（占0.0%），逾期未发布1个。',
      '| 1 | 洛江区工业和信息化局 | 洛江区 | 部门 | 2024-01-31 | 15 | 2022年度 |',
    ]);
    // 催报提醒: one for each body overdue in the caller's scope.
    const reminders = await get('sup', '/api/corpus/publication/reminders?to=md');
    expect([reminders.statusCode, reminders.headers['content-type'], reminders.headers['x-letters']]).toEqual(
      [200, 'application/zip', '1'],
    );
    expect(reminders.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('2023年度报告催报提醒.zip')}`,
    );
    expect(Object.keys(unzipSync(reminders.rawPayload))).toEqual([
      '催报提醒清单.csv',
      '洛江区工业和信息化局2023年度报告催报提醒.md',
    ]);
    expect(
      Object.keys(unzipSync((await get('eva', '/api/corpus/publication/reminders')).rawPayload)),
    ).toEqual([
      '催报提醒清单.csv',
      '洛江区工业和信息化局2023年度报告催报提醒.docx',
      '宿迁市宿城区财政局2023年度报告催报提醒.docx',
    ]);
    const docx = await get('eva', '/api/corpus/publication/export?to=docx');
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('pages 发布情况: the listed bodies from offset, at most limit of them, how many were listed, the counts of all', async () => {
    type Body = { bodyId: string; name: string; status: string };
    const all = (await get('eva', '/api/corpus/publication')).json();
    const [a, b, c] = all.bodies as Body[];
    expect([a, b, c].map((x) => x && [x.name, x.status])).toEqual([
      ['洛江区工业和信息化局', 'overdue'],
      ['宿迁市宿城区财政局', 'overdue'],
      ['宿迁市人民政府', 'pending'],
    ]);
    expect(all.listed).toBe(3);
    const page = async (query: string) => {
      const p = (await get('eva', `/api/corpus/publication?${query}`)).json();
      // The counts and the regions are those of every body, whatever the page lists.
      expect([p.counts, p.regions, p.regionCount]).toEqual([all.counts, all.regions, 3]);
      return [p.listed, p.bodies.map((x: Body) => x.bodyId)];
    };
    const ids = (...bodies: (Body | undefined)[]) => bodies.map((x) => x?.bodyId);
    expect(await page('offset=1&limit=1')).toEqual([3, ids(b)]);
    expect(await page('limit=2')).toEqual([3, ids(a, b)]);
    expect(await page('offset=1')).toEqual([3, ids(b, c)]);
    expect(await page('offset=2&limit=50')).toEqual([3, ids(c)]);
    expect(await page('offset=3&limit=50')).toEqual([3, []]);
    expect(await page('limit=1000')).toEqual([3, ids(a, b, c)]);
    // With a status: listed counts its bodies only, and the page is of them.
    expect(await page('status=overdue&offset=1&limit=1')).toEqual([2, ids(b)]);
    expect(await page('status=overdue,pending&offset=1&limit=50')).toEqual([3, ids(b, c)]);
    expect(await page('status=pending&limit=50')).toEqual([1, ids(c)]);
    expect(await page('status=late&limit=50')).toEqual([0, []]);
    // The page's bodies are the listed ones, whole.
    expect((await get('eva', '/api/corpus/publication?offset=2&limit=1')).json().bodies).toEqual([c]);
    const sup = (await get('sup', '/api/corpus/publication?year=2022&limit=1')).json();
    expect([sup.listed, sup.bodies.map((x: Body) => x.name)]).toEqual([1, ['洛江区工业和信息化局']]);

    for (const [query, message] of [
      ['limit=0', '输入有误：「limit」不能小于 1'],
      ['limit=1001', '输入有误：「limit」不能大于 1000'],
      ['limit=2.5', '输入有误：「limit」应为整数'],
      ['offset=-1', '输入有误：「offset」不能小于 0'],
    ]) {
      const res = await get('eva', `/api/corpus/publication?${query}`);
      expect([query, res.statusCode, res.json().error.message]).toEqual([query, 400, message]);
    }
    // The export stays whole: every body, and no paging parameters.
    const csv = await get('eva', '/api/corpus/publication/export?to=csv');
    expect(
      csv.body
        .split('\r\n')
        .slice(1, -1)
        .map((r) => r.split(',')[0]),
    ).toEqual([a, b, c].map((x) => x?.name));
    const paged = await get('eva', '/api/corpus/publication/export?to=csv&limit=1');
    expect([paged.statusCode, paged.json().error.message]).toEqual([
      400,
      '输入有误：请求中有未知的字段：limit',
    ]);
  });

  it('answers a body’s years (机关档案) to those who see it, as of the server’s day', async () => {
    type Listed = { id: string; name: string };
    const all = (await get('eva', '/api/corpus/bodies')).json().rows as Listed[];
    const gx = all.find((b) => b.name === '洛江区工业和信息化局') as Listed;
    const cz = all.find((b) => b.name === '宿迁市宿城区财政局') as Listed;
    const history = await get('eva', `/api/corpus/bodies/${gx.id}`);
    expect(history.statusCode).toBe(200);
    const h = history.json();
    expect([h.body.name, h.body.names, h.body.reports, h.today, h.undated]).toEqual([
      '洛江区工业和信息化局',
      ['洛江区工信局'],
      2,
      '2024-02-15',
      [],
    ]);
    // 2022's report was published on 10 February, ten days late for a department; 2023's is overdue.
    expect(
      h.years.map((y: { year: number; status: string; daysLate: number | null; versions: number }) => [
        y.year,
        y.status,
        y.daysLate,
        y.versions,
      ]),
    ).toEqual([
      [2021, 'onTime', null, 1],
      [2022, 'late', 10, 1],
      [2023, 'overdue', 15, 0],
    ]);
    expect(h.years[1].report).toMatchObject({ bodyId: gx.id, year: 2022, publishedOn: '2023-02-10' });
    // A supervisor sees the bodies of the governments supervised only; a clerk their own body.
    expect((await get('sup', `/api/corpus/bodies/${gx.id}`)).statusCode).toBe(200);
    const hidden = await get('sup', `/api/corpus/bodies/${cz.id}`);
    expect([hidden.statusCode, hidden.json().error.message]).toEqual([
      404,
      `机关「${cz.id}」不存在或无权查看`,
    ]);
    expect((await get('b-clerk', `/api/corpus/bodies/${cz.id}`)).statusCode).toBe(200);
    expect((await get('eva', '/api/corpus/bodies/nobody')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/corpus/bodies/${gx.id}` })).statusCode).toBe(401);
  });

  it('lists the shipped rule packs and scores the corpus by one of them or by a pack of one’s own', async () => {
    const post = (user: string, url: string, payload: unknown) =>
      app.inject({
        method: 'POST',
        url,
        payload: payload as object,
        headers: { authorization: `Bearer ${tokens.get(user)}` },
      });
    const packs = (await get('eva', '/api/corpus/packs')).json() as { id: string; rules: unknown[] }[];
    expect(packs.map((p) => p.id)).toEqual(['suqian-2026-department']);
    type Scored = {
      pack: { id: string };
      scores: {
        agency: string;
        year: number;
        score: number;
        items: { rule: string; count: number; points: number }[];
        notAssessed: string[];
      }[];
    };
    const shipped = (
      await post('eva', '/api/corpus/score', { pack: 'suqian-2026-department' })
    ).json() as Scored;
    expect(shipped.pack.id).toBe('suqian-2026-department');
    // Departments only (the pack applies to them), the newest version of each year.
    expect(shipped.scores.map((s) => [s.agency, s.year]).sort()).toEqual([
      ['宿迁市宿城区财政局', 2021],
      ['宿迁市宿城区财政局', 2022],
      ['洛江区工业和信息化局', 2021],
      ['洛江区工业和信息化局', 2022],
    ]);
    const late = shipped.scores.find((s) => s.agency === '洛江区工业和信息化局' && s.year === 2022);
    expect(late?.items.find((i) => i.rule === 'late')).toEqual(
      expect.objectContaining({ count: 1, points: -0.5 }),
    );
    expect(late?.notAssessed).toEqual([
      '依申请公开答复超过 20 个工作日（年度报告中没有此项数据：register.lateReplies）',
    ]);

    const own = {
      id: 'own',
      name: '逾期即扣分',
      source: '测试',
      rules: [
        {
          id: 'late',
          label: '逾期',
          finding: 'check.late',
          points: -1,
          per: 'report',
          citation: '条例第四十九条',
        },
      ],
    };
    const mine = (await post('sup', '/api/corpus/score?year=2022', { pack: own })).json() as Scored;
    expect(mine.scores.map((s) => [s.agency, s.year, s.score])).toEqual([['洛江区工业和信息化局', 2022, -1]]);

    // The same request exported: the ranking as CSV, by the supervisor's own pack.
    const csv = await post('sup', '/api/corpus/score/export?to=csv&year=2022', { pack: own });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('评分-own.csv')}`,
    );
    const [header, ...rows] = csv.body.split('\r\n');
    expect(header).toBe('\ufeffrank,agency,region,kind,year,score,items,notAssessed,file,reportId');
    expect(rows.map((r) => r.split(',').slice(0, 7))).toEqual([
      ['1', '洛江区工业和信息化局', '洛江区', '部门', '2022', '-1', '逾期：-1 分'],
      [''],
    ]);
    const xlsx = await post('eva', '/api/corpus/score/export?to=xlsx', { pack: 'suqian-2026-department' });
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await post('eva', '/api/corpus/score/export?to=ods', { pack: own })).statusCode).toBe(400);
    expect((await post('eva', '/api/corpus/score/export?to=csv', { pack: 'nope' })).statusCode).toBe(404);

    const unknown = await post('eva', '/api/corpus/score', { pack: 'nope' });
    expect([unknown.statusCode, unknown.json().error.message]).toEqual([
      404,
      '评估规则包「nope」不存在或无权查看',
    ]);
    const invalid = await post('eva', '/api/corpus/score', { pack: { ...own, rules: [] } });
    expect(invalid.statusCode).toBe(400);
    expect((await post('eva', '/api/corpus/score', {})).statusCode).toBe(400);
  });

  it('ingests an upload (multipart) and refuses a too large one', async () => {
    const report = renderAs(makeReport({ agency: '宿迁市人民政府', year: 2023 }), 'txt');
    const boundary = 'gongkaiboundary';
    const payload =
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="2023.txt"\r\nContent-Type: text/plain\r\n\r\n${report}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="empty.txt"\r\nContent-Type: text/plain\r\n\r\n\r\n` +
      `--${boundary}--\r\n`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/corpus/upload',
      payload,
      headers: {
        authorization: `Bearer ${tokens.get('eva')}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      read: 2,
      added: 1,
      unreadable: [{ path: 'empty.txt', reason: '文件为空' }],
    });
    // With Accept: application/x-ndjson, the progress as it goes: a line per report, the summary last.
    const again = renderAs(makeReport({ agency: '宿迁市人民政府', year: 2024 }), 'txt');
    const streamed = await app.inject({
      method: 'POST',
      url: '/api/corpus/upload',
      payload: payload.replace(report, again),
      headers: {
        authorization: `Bearer ${tokens.get('eva')}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        accept: 'application/x-ndjson',
      },
    });
    expect(streamed.statusCode).toBe(200);
    expect(streamed.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = streamed.body
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.count ?? l.result?.status ?? l.summary?.read])).toEqual([
      ['files', 1],
      ['file', 'new'],
      ['files', 1],
      ['file', 'unreadable'],
      ['summary', 2],
    ]);
    expect(lines[4].summary).toMatchObject({
      read: 2,
      added: 1,
      unreadable: [{ path: 'empty.txt', reason: '文件为空' }],
    });
    const big = (name: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${'x'.repeat(uploadLimitBytes + 1)}\r\n`;
    const upload = (body: string) =>
      app.inject({
        method: 'POST',
        url: '/api/corpus/upload',
        payload: body,
        headers: {
          authorization: `Bearer ${tokens.get('eva')}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          accept: 'application/x-ndjson',
        },
      });
    const tooLarge = `上传的文件过大或过多（共不超过 ${uploadLimitBytes / 1024 / 1024} MB、200 个文件）`;
    // Refused before any progress: an HTTP error, as without progress.
    const refused = await upload(`${big('big.txt')}--${boundary}--\r\n`);
    expect([refused.statusCode, refused.json().error.message]).toEqual([413, tooLarge]);
    // Refused after progress began: the last line, in Chinese.
    const third = renderAs(makeReport({ agency: '宿迁市人民政府', year: 2025 }), 'txt');
    const late = await upload(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="2025.txt"\r\nContent-Type: text/plain\r\n\r\n${third}\r\n${big('big.txt')}--${boundary}--\r\n`,
    );
    expect(late.statusCode).toBe(200);
    expect(
      late.body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l))
        .map((l) => l.type),
    ).toEqual(['files', 'file', 'error']);
    expect(JSON.parse(late.body.trimEnd().split('\n').at(-1) as string)).toEqual({
      type: 'error',
      code: 'too-large',
      message: tooLarge,
    });
    const clerk = await app.inject({
      method: 'POST',
      url: '/api/corpus/upload',
      payload,
      headers: {
        authorization: `Bearer ${tokens.get('b-clerk')}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    expect(clerk.statusCode).toBe(403);
  });

  it('lists the bodies a page at a time, found by text in the name or region and by kind, in the principal’s scope', async () => {
    type Page = { rows: { id: string; name: string; region: string; reports: number }[]; total: number };
    const page = async (user: string, query = '') => {
      const res = await get(user, `/api/corpus/bodies${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as Page;
      return [body.rows.map((b) => [b.name, b.region, b.reports]), body.total];
    };
    const sq = ['宿迁市人民政府', '宿迁市', 5];
    const cz = ['宿迁市宿城区财政局', '宿迁市宿城区', 2];
    const gx = ['洛江区工业和信息化局', '洛江区', 2];
    // By region, then name.
    expect(await page('eva')).toEqual([[sq, cz, gx], 3]);
    // Text in the name (工业), in the region (宿城区) or in either (宿迁), trimmed; empty is none.
    expect(await page('eva', `?q=${encodeURIComponent('工业')}`)).toEqual([[gx], 1]);
    expect(await page('eva', `?q=${encodeURIComponent('宿城区')}`)).toEqual([[cz], 1]);
    expect(await page('eva', `?q=${encodeURIComponent(' 宿迁 ')}`)).toEqual([[sq, cz], 2]);
    expect(await page('eva', '?q=')).toEqual([[sq, cz, gx], 3]);
    expect(await page('eva', `?q=${encodeURIComponent('%')}`)).toEqual([[], 0]);
    expect(await page('eva', '?kind=government')).toEqual([[sq], 1]);
    expect(await page('eva', `?kind=department&q=${encodeURIComponent('宿迁')}`)).toEqual([[cz], 1]);
    // A page: the total is of every body found.
    expect(await page('eva', '?offset=1&limit=1')).toEqual([[cz], 3]);
    expect(await page('eva', '?offset=2&limit=5')).toEqual([[gx], 3]);
    expect(await page('eva', '?offset=1')).toEqual([[cz, gx], 3]);
    expect(await page('eva', '?offset=3&limit=1')).toEqual([[], 3]);
    // A supervisor lists and counts only the bodies supervised, a clerk their own.
    expect(await page('sup')).toEqual([[gx], 1]);
    expect(await page('sup', `?q=${encodeURIComponent('宿迁')}`)).toEqual([[], 0]);
    expect(await page('sup', '?offset=1&limit=1')).toEqual([[], 1]);
    expect(await page('b-clerk')).toEqual([[cz], 1]);

    for (const [query, message] of [
      ['limit=0', '输入有误：「limit」不能小于 1'],
      ['limit=1001', '输入有误：「limit」不能大于 1000'],
      ['limit=2.5', '输入有误：「limit」应为整数'],
      ['offset=-1', '输入有误：「offset」不能小于 0'],
      ['kind=agency', '输入有误：「kind」的值无效，应为 government、department 之一'],
      ['sort=name', '输入有误：请求中有未知的字段：sort'],
    ]) {
      const res = await get('eva', `/api/corpus/bodies?${query}`);
      expect([query, res.statusCode, res.json().error.message]).toEqual([query, 400, message]);
    }
  });

  it('lets a supervisor or evaluator correct and merge the bodies they see, and judges their reports again', async () => {
    const send = (user: string, method: 'PATCH' | 'POST', url: string, payload: unknown) =>
      app.inject({
        method,
        url,
        payload: payload as object,
        headers: { authorization: `Bearer ${tokens.get(user)}` },
      });
    type Listed = { id: string; name: string; kind: string; reports: number; corrected: boolean };
    const bodies = async (user: string) => (await get(user, '/api/corpus/bodies')).json().rows as Listed[];
    const all = await bodies('eva');
    const byName = (name: string) => all.find((b) => b.name === name) as Listed;
    const gx = byName('洛江区工业和信息化局');
    const cz = byName('宿迁市宿城区财政局');
    const sq = byName('宿迁市人民政府');
    expect([gx, cz, sq].map((b) => [b.kind, b.reports >= 2, b.corrected])).toEqual([
      ['department', true, false],
      ['department', true, false],
      ['government', true, false],
    ]);
    expect((await bodies('sup')).map((b) => b.name)).toEqual(['洛江区工业和信息化局']);

    const clerk = await send('b-clerk', 'PATCH', `/api/corpus/bodies/${cz.id}`, { kind: 'government' });
    expect([clerk.statusCode, clerk.json().error.message]).toEqual([
      403,
      '录入角色无权修改或合并报告库中的机关',
    ]);
    const hidden = await send('sup', 'PATCH', `/api/corpus/bodies/${cz.id}`, { kind: 'government' });
    expect([hidden.statusCode, hidden.json().error.message]).toEqual([
      404,
      `机关「${cz.id}」不存在或无权查看`,
    ]);
    const empty = await send('sup', 'PATCH', `/api/corpus/bodies/${gx.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(JSON.stringify(empty.json())).toContain('没有要修改的内容');

    // 洛江区工信局's 2022 report, published 10 February, is late for a department, not for a government.
    const late = async () =>
      (
        (await get('eva', '/api/corpus/reports?late=true')).json().rows as { agency: string; year: number }[]
      ).map((r) => [r.agency, r.year]);
    expect(await late()).toEqual([['洛江区工业和信息化局', 2022]]);
    const corrected = await send('sup', 'PATCH', `/api/corpus/bodies/${gx.id}`, {
      kind: 'government',
      county: '',
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ id: gx.id, kind: 'government', county: null, corrected: true });
    expect(await late()).toEqual([]);

    const self = await send('eva', 'POST', `/api/corpus/bodies/${cz.id}/merge`, { into: cz.id });
    expect([self.statusCode, self.json().error.message]).toEqual([400, '不能把机关合并到它自己']);
    const nowhere = await send('eva', 'POST', `/api/corpus/bodies/${cz.id}/merge`, { into: 'nope' });
    expect(nowhere.statusCode).toBe(404);
    const outOfScope = await send('sup', 'POST', `/api/corpus/bodies/${gx.id}/merge`, { into: sq.id });
    expect(outOfScope.statusCode).toBe(404);
    const merged = await send('eva', 'POST', `/api/corpus/bodies/${cz.id}/merge`, { into: sq.id });
    expect([merged.statusCode, merged.json().id]).toEqual([200, sq.id]);
    const after = await bodies('eva');
    expect(after.find((b) => b.id === cz.id)).toBeUndefined();
    expect(after.find((b) => b.id === sq.id)?.reports).toBe(sq.reports + cz.reports);
  });

  it('takes a body dissolved in a year (撤销年份) out of 发布情况 from that year on, audited, and null clears it', async () => {
    const patch = (payload: unknown) =>
      app.inject({
        method: 'PATCH',
        url: `/api/corpus/bodies/${gx.id}`,
        payload: payload as object,
        headers: { authorization: `Bearer ${tokens.get('eva')}` },
      });
    type Listed = { id: string; name: string; dissolvedIn: number | null };
    const listed = async () => (await get('eva', '/api/corpus/bodies')).json().rows as Listed[];
    const gx = (await listed()).find((b) => b.name === '洛江区工业和信息化局') as Listed;
    const expected = async (year: number) => {
      const p = (await get('eva', `/api/corpus/publication?year=${year}`)).json();
      return [p.counts.expected, p.bodies.map((b: { name: string }) => b.name).sort()];
    };
    const both = ['宿迁市人民政府', '洛江区工业和信息化局'];
    expect((await listed()).map((b) => b.dissolvedIn)).toEqual([null, null]);
    expect(await expected(2023)).toEqual([2, both]);

    const dissolved = await patch({ dissolvedIn: 2023 });
    expect([dissolved.statusCode, dissolved.json()]).toEqual([
      200,
      expect.objectContaining({ id: gx.id, dissolvedIn: 2023, corrected: true }),
    ]);
    const years = async () => (await listed()).map((b) => [b.name, b.dissolvedIn]).sort();
    expect(await years()).toEqual([
      ['宿迁市人民政府', null],
      ['洛江区工业和信息化局', 2023],
    ]);
    // Not expected to publish 2023's report, still expected to have published 2022's.
    expect(await expected(2023)).toEqual([1, ['宿迁市人民政府']]);
    expect(await expected(2022)).toEqual([2, both]);
    const [audit] = (await store.audit.list({ entity: 'corpus_body', entityId: gx.id })).slice(-1);
    expect(audit).toMatchObject({
      action: 'correct',
      before: { dissolvedIn: null },
      after: { dissolvedIn: 2023, corrected: true },
    });

    for (const bad of [1999, 2101, 2023.5, '2023', true]) {
      const res = await patch({ dissolvedIn: bad });
      expect([res.statusCode, res.json().error.message], String(bad)).toEqual([
        400,
        expect.stringContaining('「dissolvedIn」'),
      ]);
    }
    expect((await patch({ dissolvedIn: 1999 })).json().error.message).toBe(
      '输入有误：「dissolvedIn」：撤销年份应为 2000–2100 年之间的年份',
    );
    // (Any bound the contract words itself is said in its words.)
    expect((await patch({ name: ' ' })).json().error.message).toBe('输入有误：「name」：请填写机关名称');

    const cleared = await patch({ dissolvedIn: null });
    expect([cleared.statusCode, cleared.json().dissolvedIn]).toEqual([200, null]);
    expect(await expected(2023)).toEqual([2, both]);
  });

  it('refuses cross-report checks over more bodies than one request may read, and runs them narrowed', async () => {
    await store.db
      .insertInto('corpus_bodies')
      .values(
        Array.from({ length: checksMaxBodies }, (_, i) => ({
          id: `bulk-${i}`,
          name: `某县第${i}局`,
          match_key: `某县第${i}局`,
          province: null,
          city: null,
          county: '某县',
          region: '某县',
          kind: 'department' as const,
          merged_into: null,
          created_at: '2024-03-01T00:00:00.000Z',
        })),
      )
      .execute();
    const all = await get('eva', '/api/corpus/checks');
    expect(all.statusCode).toBe(400);
    expect(all.json().error).toMatchObject({
      code: 'too-broad',
      message: `范围太大：共 ${checksMaxBodies + 2} 个机关，一次最多核查 ${checksMaxBodies} 个；请按地区、机关类型或机关缩小范围（整个报告库请用 gongkai corpus check）`,
    });
    expect((await get('eva', '/api/corpus/checks/export?to=csv')).json().error.code).toBe('too-broad');
    expect((await get('eva', '/api/corpus/letters')).json().error.code).toBe('too-broad');
    const narrowed = await get('eva', `/api/corpus/checks?region=${encodeURIComponent('宿迁')}`);
    expect(narrowed.statusCode).toBe(200);
    const found = narrowed.json() as { code: string; reportId: number }[];
    // The same findings as a file, one row each.
    const csv = await get('eva', `/api/corpus/checks/export?to=csv&region=${encodeURIComponent('宿迁')}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('跨报告核查.csv')}`,
    );
    const rows = csv.body.split('\r\n').slice(1, -1);
    expect(rows.map((r) => [r.split(',')[2], Number(r.split(',')[12])])).toEqual(
      found.map((f) => [f.code, f.reportId]),
    );
    expect(found.length).toBeGreaterThan(0);
    const xlsx = await get('eva', `/api/corpus/checks/export?to=xlsx&region=${encodeURIComponent('宿迁')}`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // A supervisor's scope is narrow already.
    expect((await get('sup', '/api/corpus/checks')).statusCode).toBe(200);
  });

  it('suggests the places other bodies’ names give (补全所属地区) to the curators who see them, and takes those confirmed', async () => {
    const body = (
      id: string,
      name: string,
      province: string | null,
      city: string | null,
      county: string | null,
    ) => ({
      id,
      name,
      match_key: name,
      province,
      city,
      county,
      region: [province, city, county].filter(Boolean).join(''),
      kind: 'department' as const,
      merged_into: null,
      created_at: '2024-03-01T00:00:00.000Z',
    });
    await store.db
      .insertInto('corpus_bodies')
      .values([
        body('pl-1', '鲤城区财政局', null, null, '鲤城区'),
        body('pl-2', '泉州市鲤城区教育局', null, '泉州市', '鲤城区'),
        body('pl-3', '福建省泉州市统计局', '福建省', '泉州市', null),
      ])
      .execute();
    const suggested = (user: string) => get(user, '/api/corpus/bodies/places');
    const all = await suggested('eva');
    expect(all.statusCode).toBe(200);
    // (In the bodies' order: by region, then name.)
    expect(all.json()).toEqual([
      {
        bodyId: 'pl-2',
        name: '泉州市鲤城区教育局',
        current: { province: null, city: '泉州市', county: '鲤城区' },
        suggested: { province: '福建省', city: '泉州市', county: '鲤城区' },
        evidence: ['福建省泉州市统计局'],
      },
      {
        bodyId: 'pl-1',
        name: '鲤城区财政局',
        current: { province: null, city: null, county: '鲤城区' },
        suggested: { province: '福建省', city: '泉州市', county: '鲤城区' },
        evidence: ['泉州市鲤城区教育局', '福建省泉州市统计局'],
      },
    ]);
    // The supervisor sees none of these bodies: no suggestion, and none taken; a clerk may not ask.
    expect((await suggested('sup')).json()).toEqual([]);
    const send = (user: string, payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/corpus/bodies/places',
        payload: payload as object,
        headers: { authorization: `Bearer ${tokens.get(user)}` },
      });
    expect((await send('sup', { bodyIds: ['pl-1'] })).statusCode).toBe(404);
    expect((await suggested('b-clerk')).statusCode).toBe(403);
    expect((await send('eva', { bodyIds: [] })).statusCode).toBe(400);
    // Taken for the body confirmed (a body without a suggestion is left as it is): a correction.
    const taken = await send('eva', { bodyIds: ['pl-1', 'pl-3'] });
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toEqual([
      expect.objectContaining({
        id: 'pl-1',
        province: '福建省',
        city: '泉州市',
        county: '鲤城区',
        region: '福建省泉州市鲤城区',
        corrected: true,
      }),
    ]);
    expect((await suggested('eva')).json().map((s: { bodyId: string }) => s.bodyId)).toEqual(['pl-2']);
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'corpus_body')
      .where('entity_id', '=', 'pl-1')
      .execute();
    expect(audit).toEqual([{ action: 'correct', entity_id: 'pl-1' }]);
  });

  it('documents every corpus route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    for (const path of [
      '/api/corpus/reports',
      '/api/corpus/reports/{reportId}',
      '/api/corpus/stats',
      '/api/corpus/export',
      '/api/corpus/upload',
      '/api/corpus/checks',
      '/api/corpus/checks/export',
      '/api/corpus/publication',
      '/api/corpus/publication/export',
      '/api/corpus/bodies',
      '/api/corpus/bodies/{bodyId}',
      '/api/corpus/bodies/{bodyId}/merge',
      '/api/corpus/packs',
      '/api/corpus/score',
      '/api/corpus/score/export',
    ])
      expect(doc.paths[path], path).toBeDefined();
    expect(doc.paths['/api/corpus/upload'].post.requestBody.content['multipart/form-data']).toBeDefined();
  });
});
