/**
 * GET /api/applications/{id}/events/{ordinal}/notice: the document an event sends, as DOCX (GB/T
 * 9704, like the corpus's letters) or Markdown, signed by the agency, named by the application's
 * number; an event that sends none is a 400 in Chinese; another agency's application a 404.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemActor } from '../../src/store/index.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness } from './helpers.js';

describeEachBackend('notices of application events', (backend) => {
  let h: Harness;

  beforeEach(async () => {
    h = await harness(backend);
    await h.store.applications.create(systemActor, {
      id: 'a-app',
      number: '2024-007',
      agencyId: 'A',
      applicant: 'np',
      channel: 'inPerson',
      submittedOn: '2024-05-06',
      requestText: '某路段改造工程的环境影响评价文件',
      events: [
        { type: 'consultationSent', on: '2024-05-08', party: 'thirdParty' },
        { type: 'consultationAnswered', on: '2024-05-20', party: 'thirdParty' },
        { type: 'replied', on: '2024-05-30', outcome: 'partial' },
      ],
    });
  });

  afterEach(async () => {
    await h.close();
  });

  it('writes the reply as Markdown and DOCX, by the application’s number or id', async () => {
    const md = await h.call('a-clerk', 'GET', '/api/applications/2024-007/events/2/notice?to=md');
    expect(md.statusCode, md.body).toBe(200);
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(decodeURIComponent(String(md.headers['content-disposition']))).toBe(
      "attachment; filename*=UTF-8''2024-007-政府信息公开申请答复书.md",
    );
    expect(md.body.split('\n\n').slice(0, 3)).toEqual([
      '# 政府信息公开申请答复书',
      '【待补充：申请人姓名或名称】：',
      '本机关于2024年5月6日收到你提交的政府信息公开申请（编号2024-007），申请内容为：“某路段改造工程的环境影响评价文件”。',
    ]);
    expect(md.body).toContain('第三十七条的规定');
    expect(md.body).toContain('甲县人民政府办公室\n\n2024年5月30日');
    const docx = await h.call('a-clerk', 'GET', '/api/applications/a-app/events/0/notice');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect([...docx.rawPayload.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('refuses an event that sends nothing, and another agency’s application', async () => {
    const none = await h.call('a-clerk', 'GET', '/api/applications/a-app/events/1/notice');
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).message).toBe('「收到意见」不需要向申请人或第三方发出文书');
    const missing = await h.call('a-clerk', 'GET', '/api/applications/a-app/events/9/notice');
    expect(missing.statusCode).toBe(404);
    expect((await h.call('b-clerk', 'GET', '/api/applications/a-app/events/0/notice')).statusCode).toBe(404);
  });
});
