/**
 * A simulated year through the API: a few dozen applications entered one by one with their events,
 * cases and the table 二 figures, then POST /api/compile. The report draws no error (nor warning)
 * from the checker, and its cells equal a count made here from the simulation's own plan.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { emptyEvidence } from '../../src/assemble/evidence.js';
import { runChecks } from '../../src/check/index.js';
import type { Cells, Report } from '../../src/core/report.js';
import { SourceFile } from '../../src/core/source-file.js';
import { processBytes } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { getFormat } from '../../src/spec/registry.js';
import { applicantTypes } from '../../src/workflow/applicant.js';
import type { Case } from '../../src/workflow/cases.js';
import { describeEachBackend } from '../store/backends.js';
import { type PlannedApplication, simulateApplications, simulateCases } from '../workflow/simulate.js';
import { type Harness, harness } from './helpers.js';

const year = 2024;
const proactive: Cells = {
  'p.rules.issued': 1,
  'p.rules.repealed': 0,
  'p.rules.inForce': 4,
  'p.normative.issued': 3,
  'p.normative.repealed': 1,
  'p.normative.inForce': 12,
  'p.license.decisions': 140,
  'p.penalty.decisions': 25,
  'p.coercion.decisions': 0,
  'p.fees.amount': 1.25,
};

/** What the office writes for the parts the records can't tell (else they are left 【待补充】). */
const prose = {
  '1': `${year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续加强政府信息管理和平台建设。`,
  '5': '政府信息公开栏目更新还不够及时。下一步将加强栏目维护，及时发布政府信息。',
  '6': '本年度没有其他需要报告的事项。',
};

/** Table 三 counted from the plan: by receipt and closure dates only. */
function expectedApplications(planned: readonly PlannedApplication[]): Cells {
  const cells: Cells = {};
  const bump = (row: string, applicant: string) => {
    for (const key of [`a.${row}.${applicant}`, `a.${row}.total`]) cells[key] = (cells[key] ?? 0) + 1;
  };
  for (const { app, receivedOn, closure } of planned) {
    if (receivedOn > `${year}-12-31`) continue;
    if (closure && closure.closedOn < `${year}-01-01`) continue;
    bump(receivedOn >= `${year}-01-01` ? 'new' : 'prev', app.applicant);
    if (closure && closure.closedOn <= `${year}-12-31`) {
      bump(closure.outcome, app.applicant);
      bump('total', app.applicant);
    } else bump('next', app.applicant);
  }
  return cells;
}

function expectedCases(cases: readonly Case[]): Cells {
  const cells: Cells = {};
  for (const c of cases) {
    if (!c.filedOn.startsWith(`${year}-`)) continue;
    const outcome = c.decidedOn !== null && c.decidedOn <= `${year}-12-31` ? c.outcome : 'pending';
    for (const key of [`l.${c.kind}.${outcome}`, `l.${c.kind}.total`]) cells[key] = (cells[key] ?? 0) + 1;
  }
  return cells;
}

/** The non-zero cells with a prefix. */
const nonZero = (cells: Cells, prefix: string): Cells =>
  Object.fromEntries(Object.entries(cells).filter(([k, v]) => k.startsWith(prefix) && v !== 0));

/** Every check, with evidence made from the drafted parts so the prose checks run too. */
function findings(report: Report) {
  const spec = getFormat(report.format);
  const evidence = emptyEvidence();
  evidence.balanceNote = true;
  let line = 1;
  for (const section of report.sections) {
    evidence.headings.push({
      number: section.number,
      title: section.title,
      place: { line: line++, column: 1 },
    });
    for (const text of section.text.split('\n'))
      evidence.prose.push({ text, place: { line: line++, column: 1 }, section: section.number });
  }
  const file = new SourceFile('compiled.txt');
  runChecks({ report, spec, evidence }, file);
  return file.findings;
}

describeEachBackend('a simulated year through the API', (backend) => {
  let h: Harness;
  const planned = simulateApplications(20_240_611, year, 48);
  const cases = simulateCases(20_240_611, year, 8);

  beforeAll(async () => {
    h = await harness(backend, { today: '2025-01-15' });
    for (const { app } of planned) {
      const { events, id, ...rest } = app;
      const created = await h.call('a-clerk', 'POST', '/api/applications', {
        id,
        ...rest,
        requestText: `申请 ${id}`,
      });
      expect(created.statusCode, created.body).toBe(201);
      for (const event of events) {
        const who = event.type === 'replied' || event.type === 'extended' ? 'a-reviewer' : 'a-clerk';
        const res = await h.call(who, 'POST', `/api/applications/${id}/events`, event);
        expect(res.statusCode, `${id} ${JSON.stringify(event)}: ${res.body}`).toBe(201);
      }
    }
    for (const c of cases) {
      const res = await h.call('a-clerk', 'POST', '/api/cases', c);
      expect(res.statusCode, res.body).toBe(201);
    }
    const figures = await h.call('a-clerk', 'PUT', `/api/proactive/A/${year}`, { cells: proactive });
    expect(figures.statusCode, figures.body).toBe(200);
  });

  afterAll(async () => {
    await h.close();
  });

  it('compiles a report the checker accepts, whose cells equal the count made here', async () => {
    const res = await h.call('a-supervisor', 'POST', '/api/compile', { agencyId: 'A', year, prose });
    expect(res.statusCode, res.body).toBe(200);
    const { report, findings: served } = res.json() as { report: Report; findings: { severity: string }[] };
    expect(report.agency).toBe('甲县人民政府办公室');
    expect(report.format).toBe('2021');
    expect(served.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings(report).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(nonZero(report.cells, 'a.')).toEqual(expectedApplications(planned));
    expect(nonZero(report.cells, 'l.')).toEqual(expectedCases(cases));
    for (const [key, value] of Object.entries(proactive)) expect(report.cells[key]).toBe(value);
    const total = planned.filter((p) => p.receivedOn.startsWith(`${year}-`)).length;
    expect(report.cells['a.new.total']).toBe(total);
    expect(total).toBeGreaterThan(30);
    for (const t of applicantTypes)
      expect(report.cells[`a.new.${t}`]).toBe(
        planned.filter((p) => p.receivedOn.startsWith(`${year}-`) && p.app.applicant === t).length,
      );
  });

  it('lists every application with its events as entered', async () => {
    const list = (await h.call('a-clerk', 'GET', '/api/applications')).json() as {
      number: string;
      events: unknown[];
    }[];
    expect(list.length).toBe(planned.length);
    // The ids given were kept as the agency's numbers (the ids themselves are generated).
    const byId = new Map(list.map((a) => [a.number, a.events]));
    for (const { app } of planned) expect(byId.get(app.id)).toEqual(app.events);
  });

  it('renders the compiled report as HTML, Markdown, DOCX and PDF', async () => {
    const html = await h.call('a-clerk', 'POST', '/api/compile?to=html', { year });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<html lang="zh-CN"');
    const md = await h.call('a-clerk', 'POST', '/api/compile?to=md', { year });
    expect(md.body.split('\n')[0]).toBe(`# 甲县人民政府办公室${year}年政府信息公开工作年度报告`);
    const docx = await h.call('a-clerk', 'POST', '/api/compile?to=docx', { year });
    expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await h.call('a-clerk', 'POST', '/api/compile?to=pdf', { year });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('signs and dates the report, and reports what checking its own output finds', async () => {
    const dates = { signedOn: '2025-01-20', publishedOn: '2025-01-24', prose };
    const res = await h.call('a-clerk', 'POST', '/api/compile', { year, ...dates });
    expect(res.statusCode, res.body).toBe(200);
    const json = res.json() as { report: Report; findings: unknown[]; checkedAs: string };
    expect(json.checkedAs).toBe('md');
    expect([json.report.signedOn, json.report.publishedOn]).toEqual(['2025-01-20', '2025-01-24']);
    const md = renderMarkdown(json.report);
    expect(md.split('\n').slice(-4)).toEqual(['甲县人民政府办公室', '', '2025年1月20日', '']);
    const read = await processBytes(new TextEncoder().encode(md), `甲县人民政府办公室-${year}.md`);
    expect(json.findings).toEqual(read.report.findings);
    expect(json.findings).toEqual([]);

    for (const to of ['html', 'docx', 'pdf']) {
      const out = await h.call('a-clerk', 'POST', `/api/compile?to=${to}`, { year, ...dates });
      expect(out.statusCode, to).toBe(200);
      const back = await processBytes(new Uint8Array(out.rawPayload), `r.${to}`);
      expect([back.report.signedOn, back.report.publishedOn], to).toEqual(['2025-01-20', '2025-01-24']);
      const count = (severity: string) =>
        String(back.report.findings.filter((f) => f.severity === severity).length);
      expect([out.headers['x-gongkai-errors'], out.headers['x-gongkai-warnings']], to).toEqual([
        count('error'),
        count('warning'),
      ]);
      expect(out.headers['x-gongkai-errors'], to).toBe('0');
    }

    const early = await h.call('a-clerk', 'POST', '/api/compile', { year, signedOn: '2024-12-31' });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      error: {
        code: 'invalid-input',
        message: `输入有误：「signedOn」：成文日期应在报告年度结束（${year}-12-31）之后`,
      },
    });
    const before = await h.call('a-clerk', 'POST', '/api/compile', {
      year,
      signedOn: '2025-01-20',
      publishedOn: '2025-01-19',
    });
    expect(before.json()).toMatchObject({
      error: { message: '输入有误：「publishedOn」：发布日期不能早于成文日期（2025-01-20）' },
    });
  });
});
