/**
 * The applicant's name, contact and the form they asked for (条例第二十九条), and correcting an
 * application's own fields (PATCH /api/applications/{id}): the change is checked with the record's
 * events (a record made impossible is refused, nothing stored), audited field by field, and the
 * notices address the applicant by name.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditChangedFields, auditFieldNames } from '../../src/store/audit-names.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness } from './helpers.js';

describeEachBackend('an application’s applicant and corrections', (backend) => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(backend);
    const res = await h.call('a-reviewer', 'POST', '/api/applications', {
      number: '2024-007',
      applicant: 'np',
      applicantName: '张三',
      applicantContact: '13800000000；某市某路1号',
      delivery: '邮寄纸质件',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '某路段改造工程的环境影响评价文件',
      events: [{ type: 'replied', on: '2024-05-30', outcome: 'open' }],
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  afterEach(async () => {
    await h.close();
  });

  it('keeps the applicant’s name, contact and the form asked for', async () => {
    const app = (await h.call('a-clerk', 'GET', '/api/applications/2024-007')).json();
    expect([app.applicantName, app.applicantContact, app.delivery]).toEqual([
      '张三',
      '13800000000；某市某路1号',
      '邮寄纸质件',
    ]);
    const md = await h.call('a-clerk', 'GET', '/api/applications/2024-007/events/0/notice?to=md');
    const paragraphs = md.body.split('\n\n');
    expect(paragraphs[1]).toBe('张三：');
    expect(paragraphs).toContain('上述信息按照你申请时要求的方式（邮寄纸质件）提供。');
  });

  it('shows the contact to the agency’s own users only, not to its supervisor', async () => {
    const sup = (await h.call('a-supervisor', 'GET', '/api/applications/2024-007')).json();
    expect([sup.applicantName, sup.applicantContact]).toEqual(['张三', null]);
    const list = (await h.call('a-supervisor', 'GET', '/api/applications?agency=A')).json();
    expect(list.map((a: { applicantContact: unknown }) => a.applicantContact)).toEqual([null]);
    const ledger = await h.call('a-supervisor', 'GET', '/api/applications/export?agency=A&to=csv');
    expect(ledger.body).not.toContain('13800000000');
    expect((await h.call('a-clerk', 'GET', '/api/applications?agency=A')).json()[0].applicantContact).toBe(
      '13800000000；某市某路1号',
    );
  });

  it('corrects the record’s own fields and audits each change', async () => {
    const res = await h.call('a-clerk', 'PATCH', '/api/applications/2024-007', {
      applicantName: '张三丰',
      requestText: '某路段改造工程的环境影响评价报告书',
    });
    expect(res.statusCode, res.body).toBe(200);
    const app = res.json();
    expect([app.applicantName, app.requestText, app.applicantContact]).toEqual([
      '张三丰',
      '某路段改造工程的环境影响评价报告书',
      '13800000000；某市某路1号',
    ]);
    expect(app.events).toHaveLength(1);
    const audit = (await h.call('a-admin', 'GET', '/api/audit?entity=application&action=update')).json();
    expect(audit.entries).toHaveLength(1);
    const [entry] = audit.entries;
    // PostgreSQL's jsonb keeps the keys in its own order.
    const changed = auditChangedFields(entry.before, entry.after).map((f) => auditFieldNames[f] ?? f);
    expect(changed.sort()).toEqual(['修改时间', '申请人姓名或名称', '申请内容'].sort());
  });

  it('refuses a change that makes the record impossible, and stores nothing', async () => {
    const res = await h.call('a-clerk', 'PATCH', '/api/applications/2024-007', {
      submittedOn: '2024-06-03',
      applicantName: '李四',
    });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toBe('记录不符合办理规则：答复日期 2024-05-30 早于收到申请之日 2024-06-03');
    const app = (await h.call('a-clerk', 'GET', '/api/applications/2024-007')).json();
    expect([app.submittedOn, app.applicantName]).toEqual(['2024-05-06', '张三']);
  });

  it('moves the deadline with a corrected date of receipt', async () => {
    const created = await h.call('a-clerk', 'POST', '/api/applications', {
      number: '2024-008',
      applicant: 'biz',
      channel: 'post',
      submittedOn: '2024-05-06',
      signedForOn: '2024-05-07',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect([created.json().receivedOn, created.json().state.dueOn]).toEqual(['2024-05-07', '2024-06-03']);
    const res = await h.call('a-clerk', 'PATCH', '/api/applications/2024-008', { signedForOn: '2024-05-08' });
    expect(res.statusCode, res.body).toBe(200);
    expect([res.json().receivedOn, res.json().state.dueOn]).toEqual(['2024-05-08', '2024-06-04']);
  });

  it('refuses an empty change, a supervisor, another agency and control characters', async () => {
    const empty = await h.call('a-clerk', 'PATCH', '/api/applications/2024-007', {});
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).message).toContain('至少应修改一项');
    const sup = await h.call('a-supervisor', 'PATCH', '/api/applications/2024-007', { applicantName: 'x' });
    expect(sup.statusCode).toBe(403);
    const other = await h.call('b-clerk', 'PATCH', '/api/applications/2024-007', { applicantName: 'x' });
    expect(other.statusCode).toBe(404);
    const nul = await h.call('a-clerk', 'PATCH', '/api/applications/2024-007', { applicantName: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    expect(errorOf(nul).message).toContain('控制字符');
    const events = await h.call('a-clerk', 'PATCH', '/api/applications/2024-007', { events: [] });
    expect(events.statusCode).toBe(400);
  });
});
