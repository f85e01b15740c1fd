/**
 * GET /api/cases/export and POST /api/cases/import: the 复议诉讼台账 of the agencies a user sees, one
 * row per case (kind, dates, result as table 四 names it, the linked application); CSV with the keys
 * as headings, XLSX with Chinese headings and a sheet naming the keys. Read back, every row is
 * checked as the case API checks a case before any is stored; exporting one agency's cases and
 * importing them into another gives the same records.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/store/index.js';
import { encodeGbk } from '../read/html/support/gbk.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness } from './helpers.js';

const boundary = 'gongkaicases';
const multipart = (name: string, bytes: Uint8Array | string): Buffer =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);

interface CaseJson {
  number: string;
  kind: string;
  filedOn: string;
  decidedOn: string | null;
  outcome: string | null;
  applicationNumber: string | null;
}
/** A case as both agencies would hold it: without ids and agency. */
const comparable = ({ number, kind, filedOn, decidedOn, outcome, applicationNumber }: CaseJson) => ({
  number,
  kind,
  filedOn,
  decidedOn,
  outcome,
  applicationNumber,
});

const header = 'number,agency,kind,filedOn,decidedOn,outcome,applicationNumber';

describeEachBackend('the cases’ ledger', (backend) => {
  let h: Harness;
  const upload = (user: string, query: string, name: string, bytes: Uint8Array | string) =>
    h.call(user, 'POST', `/api/cases/import${query}`, multipart(name, bytes), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  const cases = async (user: string, agency: string) =>
    ((await h.call(user, 'GET', `/api/cases?agency=${agency}`)).json() as CaseJson[])
      .map(comparable)
      .sort((a, b) => a.number.localeCompare(b.number));

  beforeEach(async () => {
    h = await harness(backend);
    await h.store.applications.create(systemActor, {
      id: 'a-app',
      number: '2024-001',
      agencyId: 'A',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-01-08',
      requestText: '某文件',
      events: [{ type: 'replied', on: '2024-01-20', outcome: 'deny.secret' }],
    });
    const add = (input: Parameters<typeof h.store.cases.create>[1]) =>
      h.store.cases.create(systemActor, input);
    await add({
      number: '2024-002',
      agencyId: 'A',
      kind: 'review',
      filedOn: '2024-03-01',
      decidedOn: '2024-04-20',
      outcome: 'upheld',
      applicationId: 'a-app',
    });
    await add({ number: '2024-001', agencyId: 'A', kind: 'direct', filedOn: '2024-02-10' });
    await add({
      number: '2024-003',
      agencyId: 'A',
      kind: 'afterReview',
      filedOn: '2024-05-06',
      decidedOn: '2024-06-01',
      outcome: 'corrected',
    });
    await add({
      number: '2023-001',
      agencyId: 'A',
      kind: 'review',
      filedOn: '2023-11-20',
      decidedOn: '2024-01-15',
      outcome: 'other',
    });
    await add({ number: '2024-001', agencyId: 'B', kind: 'direct', filedOn: '2024-01-03' });
  });

  afterEach(async () => {
    await h.close();
  });

  it('writes a CSV of the agency’s cases in number order, the results named as table 四 names them', async () => {
    const res = await h.call('a-clerk', 'GET', '/api/cases/export?to=csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['x-rows']).toBe('4');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toBe(
      "attachment; filename*=UTF-8''甲县人民政府办公室-复议诉讼台账.csv",
    );
    expect(res.body.split('\r\n')).toEqual([
      `\ufeff${header}`,
      '2023-001,甲县人民政府办公室,行政复议,2023-11-20,2024-01-15,其他结果,',
      '2024-001,甲县人民政府办公室,未经复议直接起诉,2024-02-10,,尚未审结,',
      '2024-002,甲县人民政府办公室,行政复议,2024-03-01,2024-04-20,结果维持,2024-001',
      '2024-003,甲县人民政府办公室,复议后起诉,2024-05-06,2024-06-01,结果纠正,',
      '',
    ]);
  });

  it('writes an XLSX with Chinese headings, for a supervisor of two agencies, by year', async () => {
    const res = await h.call('ab-supervisor', 'GET', '/api/cases/export?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toBe(
      "attachment; filename*=UTF-8''2024年复议诉讼台账.xlsx",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('复议诉讼台账');
    if (!sheet) throw new Error('no sheet 复议诉讼台账');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['编号', '机关', '案件类型', '收案日期', '审结日期', '结果', '关联申请编号']);
    expect(sheet.rowCount).toBe(5);
    expect(values(2)).toEqual([
      '2024-001',
      '甲县人民政府办公室',
      '未经复议直接起诉',
      '2024-02-10',
      undefined,
      '尚未审结',
    ]);
    expect(values(3)).toEqual([
      '2024-002',
      '甲县人民政府办公室',
      '行政复议',
      '2024-03-01',
      '2024-04-20',
      '结果维持',
      '2024-001',
    ]);
    expect(values(5)).toEqual([
      '2024-001',
      '乙县人民政府办公室',
      '未经复议直接起诉',
      '2024-01-03',
      undefined,
      '尚未审结',
    ]);
    const about = book.getWorksheet('说明');
    expect(about?.rowCount).toBe(8);
    expect(about?.getRow(2).values).toEqual([undefined, 'number', '编号']);
    expect(about?.getRow(8).values).toEqual([undefined, 'applicationNumber', '关联申请编号']);
  });

  it('refuses another agency, and a format it does not write', async () => {
    const other = await h.call('b-clerk', 'GET', '/api/cases/export?agency=A');
    expect(other.statusCode).toBe(404);
    const bad = await h.call('a-clerk', 'GET', '/api/cases/export?to=pdf');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/xlsx/);
  });

  for (const to of ['csv', 'xlsx'] as const)
    it(`stores an exported ${to} ledger in another agency as the same records`, async () => {
      const exported = await h.call('a-admin', 'GET', `/api/cases/export?to=${to}`);
      expect(exported.statusCode).toBe(200);
      await h.store.cases.remove(systemActor, (await h.store.cases.find('2024-001', ['B']))[0]?.id as string);
      // The linked application is B's own: until B has one of that number, the row is refused.
      const unlinked = await upload('b-admin', '?dryRun=true', `台账.${to}`, exported.rawPayload);
      expect(unlinked.json()).toEqual({
        dryRun: true,
        rows: 4,
        created: 0,
        results: [{ line: 4, number: '2024-002', messages: ['申请「2024-001」不存在或无权查看'] }],
      });
      await h.store.applications.create(systemActor, {
        number: '2024-001',
        agencyId: 'B',
        applicant: 'np',
        channel: 'inPerson',
        submittedOn: '2024-01-08',
        requestText: '某文件',
      });
      const checked = await upload('b-admin', '?dryRun=true', `台账.${to}`, exported.rawPayload);
      expect(checked.json()).toEqual({ dryRun: true, rows: 4, created: 0, results: [] });
      expect(await h.store.cases.list({ agencyIds: ['B'] })).toEqual([]);
      const res = await upload('b-admin', '', `台账.${to}`, exported.rawPayload);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        dryRun: false,
        rows: 4,
        created: 4,
        results: [
          { line: 2, number: '2023-001', messages: [] },
          { line: 3, number: '2024-001', messages: [] },
          { line: 4, number: '2024-002', messages: [] },
          { line: 5, number: '2024-003', messages: [] },
        ],
      });
      expect(await cases('b-admin', 'B')).toEqual(await cases('a-admin', 'A'));
    });

  it('reads an office’s own sheet: Chinese headings in GB18030, names and dates as written', async () => {
    const csv = [
      '序号,类型,立案日期,结案日期,审结结果,关联申请',
      '1,复议,2024/7/1,2024年8月30日,维持,2024-001',
      '2,行政诉讼,2024-07-05,,尚未审结,',
    ].join('\r\n');
    const res = await upload('a-clerk', '?dryRun=true', '台账.csv', encodeGbk(csv));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toEqual([
      {
        line: 3,
        number: null,
        messages: ['案件类型「行政诉讼」不是可选的值（行政复议、未经复议直接起诉、复议后起诉）'],
      },
    ]);
    const stored = await upload('a-clerk', '', '台账.csv', encodeGbk(csv.replace('行政诉讼', '复议后起诉')));
    expect(stored.json().results.map((r: { number: string }) => r.number)).toEqual(['2024-004', '2024-005']);
    const [first, second] = (await cases('a-clerk', 'A')).slice(-2);
    expect([first, second]).toEqual([
      {
        number: '2024-004',
        kind: 'review',
        filedOn: '2024-07-01',
        decidedOn: '2024-08-30',
        outcome: 'upheld',
        applicationNumber: '2024-001',
      },
      {
        number: '2024-005',
        kind: 'afterReview',
        filedOn: '2024-07-05',
        decidedOn: null,
        outcome: null,
        applicationNumber: null,
      },
    ]);
  });

  it('stores nothing when a row is wrong, and says why for each', async () => {
    const csv = [
      'number,kind,filedOn,decidedOn,outcome,applicationNumber',
      '2024-001,review,2024-03-01,,,',
      '2024-010,appeal,2024-03-01,,,',
      '2024-011,direct,2024-03-01,2024-02-01,upheld,',
      '2024-012,direct,2024-03-01,2024-04-01,,',
      '2024-013,review,2024-03-01,,结果纠正,',
      '2024-014,review,2024-13-01,,,2024-009',
      '2024-015,review,2024-03-01,,,2024-009',
      '2024-015,review,1999-03-01,,,',
      '2024-016,review,2024-03-01,,,',
      // Values the ledger reads but the API's limits refuse: each named by its column.
      '2024-017,review,2024-03-01,2100-01-04,结果维持,',
      '2024-018,review,2024-03-01,,,2024/009',
    ].join('\n');
    const res = await upload('a-admin', '', 'x.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      dryRun: false,
      rows: 11,
      created: 0,
      results: [
        { line: 2, number: '2024-001', messages: ['编号 2024-001 已登记'] },
        {
          line: 3,
          number: '2024-010',
          messages: ['案件类型「appeal」不是可选的值（行政复议、未经复议直接起诉、复议后起诉）'],
        },
        {
          line: 4,
          number: '2024-011',
          messages: ['审结日期 2024-02-01 早于收案日期 2024-03-01'],
        },
        {
          line: 5,
          number: '2024-012',
          messages: ['已审结的案件应记录结果（结果维持、结果纠正或其他结果）'],
        },
        {
          line: 6,
          number: '2024-013',
          messages: ['结果为「结果纠正」但没有审结日期（尚未审结的案件结果留空）'],
        },
        {
          line: 7,
          number: '2024-014',
          messages: ['收案日期「2024-13-01」不是日期（应为 2024-05-06 这样的日期）'],
        },
        { line: 8, number: '2024-015', messages: ['申请「2024-009」不存在或无权查看'] },
        {
          line: 9,
          number: '2024-015',
          messages: ['「收案日期」：日期应在 2000-01-01 至 2099-12-31 之间', '编号 2024-015 与第 8 行重复'],
        },
        {
          line: 11,
          number: '2024-017',
          messages: ['「审结日期」：日期应在 2000-01-01 至 2099-12-31 之间'],
        },
        {
          line: 12,
          number: '2024-018',
          messages: ['「关联申请编号」：只能包含字母、数字和 . _ -', '申请「2024/009」不存在或无权查看'],
        },
      ],
    });
    expect((await h.store.cases.list({ agencyIds: ['A'] })).length).toBe(4);
  });

  it('refuses a supervisor, a file without the needed headings, an empty one, and no file', async () => {
    const csv = 'kind,filedOn\nreview,2024-03-01\n';
    const supervisor = await upload('a-supervisor', '?agency=A', 'x.csv', csv);
    expect(supervisor.statusCode).toBe(403);
    const headerless = await upload('a-clerk', '', 'x.csv', 'kind,decidedOn\nreview,2024-03-01\n');
    expect(headerless.statusCode).toBe(400);
    expect(errorOf(headerless).message).toBe(
      '表头缺少「收案日期」列（第一行应为列名，如导出的复议诉讼台账）',
    );
    const empty = await upload('a-clerk', '', 'x.csv', '案件类型,收案日期\n');
    expect(errorOf(empty).message).toBe('文件中只有表头，没有案件');
    const none = await h.call('a-clerk', 'POST', '/api/cases/import', {});
    expect(none.statusCode).toBe(400);
    const clerk = await upload('a-clerk', '', 'x.csv', csv);
    expect(clerk.json()).toEqual({
      dryRun: false,
      rows: 1,
      created: 1,
      results: [{ line: 2, number: '2024-004', messages: [] }],
    });
  });
});
