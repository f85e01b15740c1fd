/**
 * GET /api/applications/export and `gongkai applications export`: the 办理台账 of the agencies a user
 * sees, one row per application with its steps, deadline and result; CSV with the keys as headings,
 * XLSX with Chinese headings and a sheet naming the keys.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness } from './helpers.js';

const header =
  'number,agency,applicantName,applicant,applicantContact,channel,submittedOn,receivedOn,requestText,delivery,steps,extendedDays,fee,status,dueOn,repliedOn,outcome,late';

describeEachBackend('the register’s ledger', (backend) => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(backend);
    await h.store.applications.create(systemActor, {
      number: '2024-002',
      agencyId: 'A',
      applicant: 'biz',
      channel: 'post',
      submittedOn: '2024-05-06',
      signedForOn: '2024-05-07',
      requestText: '某项目的批复，含 "引号" 和,逗号',
      events: [
        { type: 'extended', on: '2024-06-01', days: 10, approvedBy: '王主任' },
        { type: 'replied', on: '2024-06-20', outcome: 'deny.process' },
      ],
    });
    await h.store.applications.create(systemActor, {
      number: '2024-001',
      agencyId: 'A',
      applicant: 'np',
      applicantName: '张三',
      applicantContact: '13800000000',
      delivery: '电子邮件',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '某路段改造工程的环境影响评价文件',
      events: [{ type: 'consultationSent', on: '2024-05-08', party: 'thirdParty' }],
    });
    await h.store.applications.create(systemActor, {
      number: '2024-001',
      agencyId: 'B',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-01-03',
      requestText: '乙方申请',
    });
  });

  afterEach(async () => {
    await h.close();
  });

  it('writes a CSV of the agency’s applications, in number order, as of a day', async () => {
    const res = await h.call('a-clerk', 'GET', '/api/applications/export?to=csv&asOf=2024-07-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['x-rows']).toBe('2');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toBe(
      "attachment; filename*=UTF-8''甲县人民政府办公室-依申请公开办理台账.csv",
    );
    expect(res.body.split('\r\n')).toEqual([
      `\ufeff${header}`,
      '2024-001,甲县人民政府办公室,张三,自然人,13800000000,当面提交,2024-05-06,2024-05-06,某路段改造工程的环境影响评价文件,电子邮件,2024-05-08 征求意见（第三方）,,,已超期,2024-06-24,,,',
      // Due 2024-06-04, ten working days more from 2024-06-01 (端午 2024-06-10 off): 2024-06-19.
      '2024-002,甲县人民政府办公室,,商业企业,,邮寄（需签收）,2024-05-06,2024-05-07,"某项目的批复，含 ""引号"" 和,逗号",,2024-06-01 延长答复期限（10 个工作日，王主任 批准）；2024-06-20 答复（6.属于四类过程性信息）,10,,已答复,,2024-06-20,6.属于四类过程性信息,是',
      '',
    ]);
  });

  it('writes an XLSX with Chinese headings, for a supervisor of two agencies, by year', async () => {
    const res = await h.call('ab-supervisor', 'GET', '/api/applications/export?year=2024&asOf=2024-06-03');
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toBe(
      "attachment; filename*=UTF-8''2024年依申请公开办理台账.xlsx",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('办理台账');
    if (!sheet) throw new Error('no sheet 办理台账');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1).slice(0, 6)).toEqual(['编号', '机关', '申请人', '申请人类型', '联系方式', '提交渠道']);
    expect(sheet.rowCount).toBe(4);
    expect(values(2).slice(0, 3)).toEqual(['2024-001', '甲县人民政府办公室', '张三']);
    expect(book.getWorksheet('说明')?.getRow(2).values).toEqual([undefined, 'number', '编号']);
  });

  it('counts each agency’s applications by where they stand, for a supervisor of two', async () => {
    const res = await h.call('ab-supervisor', 'GET', '/api/applications/summary?year=2024&asOf=2024-07-01');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      asOf: '2024-07-01',
      year: 2024,
      days: 5,
      rows: [
        {
          agencyId: 'A',
          agencyName: '甲县人民政府办公室',
          received: 2,
          open: 1,
          overdue: 1,
          dueSoon: 0,
          closed: 1,
          answeredLate: 1,
          unknown: 0,
        },
        {
          agencyId: 'B',
          agencyName: '乙县人民政府办公室',
          received: 1,
          open: 1,
          overdue: 1,
          dueSoon: 0,
          closed: 0,
          answeredLate: 0,
          unknown: 0,
        },
      ],
    });
    const clerk = (await h.call('a-clerk', 'GET', '/api/applications/summary?year=2023')).json();
    expect(clerk.rows.map((r: { agencyId: string; received: number }) => [r.agencyId, r.received])).toEqual([
      ['A', 0],
    ]);
  });

  it('refuses another agency, and a format it does not write', async () => {
    const other = await h.call('b-clerk', 'GET', '/api/applications/export?agency=A');
    expect(other.statusCode).toBe(404);
    const bad = await h.call('a-clerk', 'GET', '/api/applications/export?to=pdf');
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).message).toMatch(/xlsx/);
  });
});
