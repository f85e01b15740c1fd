/**
 * POST /api/compile with the office's prose for parts of the report: a part given replaces the
 * drafted text in the report, in every rendered form and in what checking the output finds; a
 * 【待补充】 left is an error finding; an unknown part, a blank part or an overlong one is a 400.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { describeEachBackend } from '../store/backends.js';
import { type Harness, harness } from './helpers.js';

const year = 2024;
const problems = '一是政府信息公开栏目更新还不够及时。\n二是答复文书的说理还不够充分。';

describeEachBackend('compile with the parts’ prose', (backend) => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(backend, { today: '2025-01-15' });
  });
  afterAll(async () => {
    await h.close();
  });

  const compile = (body: Record<string, unknown>, to?: string) =>
    h.call('a-clerk', 'POST', `/api/compile${to ? `?to=${to}` : ''}`, { year, ...body });

  it('leaves 【待补充】 where the records can’t tell, and checking the output finds each one', async () => {
    const res = await compile({});
    expect(res.statusCode, res.body).toBe(200);
    const { report, findings } = res.json() as {
      report: Report;
      findings: { code: string; severity: string; line: number; actual: string }[];
    };
    expect(report.sections[4]?.text).toBe('【待补充：存在的主要问题及改进措施。】');
    expect(
      findings.filter((f) => f.code === 'check.placeholder').map((f) => [f.severity, f.line, f.actual]),
    ).toEqual([
      ['error', 15, '【待补充：主动公开、政府信息管理、平台建设、监督保障等方面的工作情况。】'],
      [
        'error',
        21,
        '【待补充：表中尚缺「规章·本年制发件数」、「规章·本年废止件数」、「规章·现行有效件数」、「行政规范性文件·本年制发件数」、「行政规范性文件·本年废止件数」、「行政规范性文件·现行有效件数」、「行政许可·本年处理决定数量」、「行政处罚·本年处理决定数量」、「行政强制·本年处理决定数量」、「行政事业性收费·本年收费金额（单位：万元）」等数据。】',
      ],
      ['error', 93, '【待补充：存在的主要问题及改进措施。】'],
      ['error', 99, '【待补充：其他需要报告的事项；没有的可删去本句。】'],
    ]);
    const md = await compile({}, 'md');
    expect(md.headers['x-gongkai-errors']).toBe('4');
  });

  it('puts a part’s prose in place of its draft, in the report, the Markdown and the findings', async () => {
    const res = await compile({ prose: { '5': `  ${problems.replace('\n', '\r\n\r\n')}\n` } });
    expect(res.statusCode, res.body).toBe(200);
    const { report, findings } = res.json() as { report: Report; findings: { actual?: string }[] };
    expect(report.sections.map((s) => [s.title, s.text === problems])).toEqual([
      ['一、总体情况', false],
      ['二、主动公开政府信息情况', false],
      ['三、收到和处理政府信息公开申请情况', false],
      ['四、政府信息公开行政复议、行政诉讼情况', false],
      ['五、存在的主要问题及改进情况', true],
      ['六、其他需要报告的事项', false],
    ]);
    expect(findings.map((f) => f.actual)).not.toContain('【待补充：存在的主要问题及改进措施。】');

    const md = await compile({ prose: { '5': problems } }, 'md');
    expect(md.statusCode).toBe(200);
    expect(md.headers['x-gongkai-errors']).toBe('3');
    const lines = md.body.split('\n');
    const at = lines.indexOf('## 五、存在的主要问题及改进情况');
    expect(lines.slice(at, at + 6)).toEqual([
      '## 五、存在的主要问题及改进情况',
      '',
      '一是政府信息公开栏目更新还不够及时。',
      '',
      '二是答复文书的说理还不够充分。',
      '',
    ]);
    const html = await compile({ prose: { '5': problems } }, 'html');
    expect(html.body).toContain('二是答复文书的说理还不够充分。');
    expect(html.body).not.toContain('存在的主要问题及改进措施。】');
  });

  it('refuses an unknown part, a blank one and one too long, in Chinese', async () => {
    const refused = async (prose: unknown) => {
      const res = await compile({ prose });
      expect(res.statusCode, res.body).toBe(400);
      return (res.json() as { error: { code: string; message: string } }).error;
    };
    expect(await refused({ '7': '第七部分', '5': '正文' })).toMatchObject({
      code: 'invalid-input',
      message: '输入有误：「prose」中有未知的字段：7（部分序号应为 1、2、3、4、5、6）',
    });
    expect(await refused({ overview: '正文' })).toMatchObject({
      code: 'invalid-input',
      message: '输入有误：「prose」中有未知的字段：overview（部分序号应为 1、2、3、4、5、6）',
    });
    expect((await refused({ '6': ' \n　' })).message).toBe(
      '输入有误：「prose.6」：正文不能为空；要用生成的默认文字，省略这一部分即可',
    );
    expect((await refused({ '1': '字'.repeat(20_001) })).message).toBe(
      '输入有误：「prose.1」太长（至多 20000 个字符）',
    );
    expect((await refused({ '1': '正文\u0000' })).message).toBe(
      '输入有误：「prose.1」：不能包含控制字符（如 NUL）',
    );
    expect((await refused(['正文'])).message).toBe('输入有误：「prose」应为对象');
  });

  it('documents prose in the OpenAPI document, one property per part', async () => {
    const doc = (await h.call(null, 'GET', '/openapi.json')).json() as {
      paths: Record<
        string,
        Record<string, { requestBody: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    const body = doc.paths['/api/compile']?.post?.requestBody.content['application/json']?.schema as {
      properties: { prose: { properties: Record<string, { description: string; maxLength: number }> } };
    };
    const parts = body.properties.prose.properties;
    expect(Object.entries(parts).map(([k, p]) => `${k} ${p.description} ${p.maxLength}`)).toEqual([
      '1 一、总体情况 20000',
      '2 二、主动公开政府信息情况 20000',
      '3 三、收到和处理政府信息公开申请情况 20000',
      '4 四、政府信息公开行政复议、行政诉讼情况 20000',
      '5 五、存在的主要问题及改进情况 20000',
      '6 六、其他需要报告的事项 20000',
    ]);
  });
  it('keeps the office’s saved prose, which every compile uses unless the request gives the part', async () => {
    const saved = await h.call('a-clerk', 'PUT', `/api/report-prose/A/${year}`, {
      prose: { '5': problems, '6': '本年度没有其他需要报告的事项。' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      agencyId: 'A',
      year,
      prose: { '5': problems, '6': '本年度没有其他需要报告的事项。' },
    });
    expect((await h.call('a-supervisor', 'GET', `/api/report-prose/A/${year}`)).json()).toEqual(saved.json());
    expect(
      (await h.call('a-supervisor', 'PUT', `/api/report-prose/A/${year}`, { prose: { '5': '改写' } }))
        .statusCode,
    ).toBe(403);

    const texts = async (body: Record<string, unknown>) =>
      ((await compile(body)).json() as { report: Report }).report.sections.map((s) => s.text);
    expect((await texts({})).slice(4)).toEqual([problems, '本年度没有其他需要报告的事项。']);
    expect((await texts({ prose: { '6': '另有一事。' } })).slice(4)).toEqual([problems, '另有一事。']);
    expect((await texts({ prose: { '6': '另有一事。' }, savedProse: false })).slice(4)).toEqual([
      '【待补充：存在的主要问题及改进措施。】',
      '另有一事。',
    ]);

    const cleared = await h.call('a-clerk', 'PUT', `/api/report-prose/A/${year}`, {
      prose: { '5': null, '6': null },
    });
    expect(cleared.json()).toEqual({ agencyId: 'A', year, prose: {} });
    expect((await texts({}))[4]).toBe('【待补充：存在的主要问题及改进措施。】');
    const audit = await h.store.audit.list({ entity: 'report_prose', entityId: `A/${year}` });
    expect(audit.map((a) => a.action)).toEqual(['set', 'set']);
  });
});
