/**
 * The annual report that compiles itself: exact figures for a small year, and a simulated year of
 * about 500 applications whose table 三 equals an independent count, which the checker accepts, and
 * whose 结转下年度 is the next year's 上年结转.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyEvidence } from '../../src/assemble/evidence.js';
import { runChecks } from '../../src/check/index.js';
import type { Finding } from '../../src/core/finding.js';
import type { Cells, Report } from '../../src/core/report.js';
import { SourceFile } from '../../src/core/source-file.js';
import { cellKeys, cellsOf, getFormat } from '../../src/spec/registry.js';
import type { FormatSpec } from '../../src/spec/types.js';
import { foldText } from '../../src/text/fold.js';
import { applicantTypes } from '../../src/workflow/applicant.js';
import type { Application } from '../../src/workflow/application.js';
import type { Case } from '../../src/workflow/cases.js';
import { carryOverOf, compileReport } from '../../src/workflow/compile.js';
import { WorkflowError } from '../../src/workflow/issues.js';
import type { Outcome } from '../../src/workflow/outcome.js';
import { type PlannedApplication, simulateApplications, simulateCases } from './simulate.js';

/** What the office writes for the parts the records can't tell. */
const officeProse = {
  1: '2024年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续加强政府信息管理和平台建设。',
  5: '政府信息公开栏目更新还不够及时。下一步将加强栏目维护，及时发布政府信息。',
  6: '本年度没有其他需要报告的事项。',
};

/** Runs every check, with evidence made from the drafted parts so the prose checks run too. */
function check(report: Report): Finding[] {
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
    // Folded, as the assembler gives its prose.
    for (const text of section.text.split('\n'))
      evidence.prose.push({
        text: foldText(text).text,
        place: { line: line++, column: 1 },
        section: section.number,
      });
  }
  const file = new SourceFile('compiled.txt');
  runChecks({ report, spec, evidence }, file);
  runChecks({ report, spec }, file);
  return file.findings;
}

const proactive2021: Cells = {
  'p.rules.issued': 0,
  'p.rules.repealed': 0,
  'p.rules.inForce': 0,
  'p.normative.issued': 3,
  'p.normative.repealed': 1,
  'p.normative.inForce': 12,
  'p.license.decisions': 140,
  'p.penalty.decisions': 25,
  'p.coercion.decisions': 0,
  'p.fees.amount': 1.25,
};

const base = { channel: 'inPerson' as const };

describe('compileReport: a small year by hand (2024)', () => {
  const applications: Application[] = [
    // Carried over from 2023, answered in 2024.
    {
      ...base,
      id: 'A1',
      applicant: 'np',
      submittedOn: '2023-12-20',
      events: [{ type: 'replied', on: '2024-01-10', outcome: 'open' }],
    },
    // Closed in 2023: not in the 2024 report.
    {
      ...base,
      id: 'A2',
      applicant: 'np',
      submittedOn: '2023-11-01',
      events: [{ type: 'replied', on: '2023-11-20', outcome: 'partial' }],
    },
    // New in 2024, answered.
    {
      ...base,
      id: 'A3',
      applicant: 'biz',
      submittedOn: '2024-03-01',
      events: [{ type: 'replied', on: '2024-03-20', outcome: 'deny.thirdParty' }],
    },
    // New, 补正 never supplied: （六）1 on 2024-05-01.
    {
      ...base,
      id: 'A4',
      applicant: 'np',
      submittedOn: '2024-04-01',
      events: [{ type: 'correctionRequested', on: '2024-04-03', correctBy: '2024-04-30' }],
    },
    // New, fee unpaid: （六）2 (20 working days after 2024-06-03, across 端午, is 2024-07-02).
    {
      ...base,
      id: 'A5',
      applicant: 'law',
      submittedOn: '2024-05-20',
      events: [{ type: 'feeNotified', on: '2024-06-03', method: 'perPage', quantity: 40, amount: 100 }],
    },
    // New, still open on 31 December: 结转下年度.
    {
      ...base,
      id: 'A6',
      applicant: 'np',
      submittedOn: '2024-12-20',
      events: [{ type: 'replied', on: '2025-01-06', outcome: 'open' }],
    },
    // Received in 2025: not in the 2024 report.
    { ...base, id: 'A7', applicant: 'np', submittedOn: '2025-01-02', events: [] },
  ];
  const cases: Case[] = [
    { id: 'C1', kind: 'review', filedOn: '2024-04-01', decidedOn: '2024-06-01', outcome: 'upheld' },
    { id: 'C2', kind: 'direct', filedOn: '2024-10-01', decidedOn: '2025-02-01', outcome: 'corrected' },
    { id: 'C3', kind: 'review', filedOn: '2023-10-01', decidedOn: '2024-01-05', outcome: 'corrected' },
  ];
  const report = compileReport({
    agency: '测试县人民政府办公室',
    year: 2024,
    applications,
    cases,
    proactive: proactive2021,
  });

  it('counts each application once, by its state on 31 December', () => {
    const nonZero = Object.fromEntries(
      Object.entries(report.cells).filter(([k, v]) => k.startsWith('a.') && v !== 0),
    );
    expect(nonZero).toEqual({
      'a.new.np': 2,
      'a.new.biz': 1,
      'a.new.law': 1,
      'a.new.total': 4,
      'a.prev.np': 1,
      'a.prev.total': 1,
      'a.open.np': 1,
      'a.open.total': 1,
      'a.deny.thirdParty.biz': 1,
      'a.deny.thirdParty.total': 1,
      'a.other.noCorrection.np': 1,
      'a.other.noCorrection.total': 1,
      'a.other.noFee.law': 1,
      'a.other.noFee.total': 1,
      'a.total.np': 2,
      'a.total.biz': 1,
      'a.total.law': 1,
      'a.total.total': 4,
      'a.next.np': 1,
      'a.next.total': 1,
    });
  });

  it('table 四 counts the cases filed in the year, with their result on 31 December', () => {
    const nonZero = Object.fromEntries(
      Object.entries(report.cells).filter(([k, v]) => k.startsWith('l.') && v !== 0),
    );
    expect(nonZero).toEqual({
      'l.review.upheld': 1,
      'l.review.total': 1,
      'l.direct.pending': 1,
      'l.direct.total': 1,
    });
  });

  it('table 二 is the figures given, and the report has the format of its year', () => {
    expect(report.format).toBe('2021');
    expect(report.year).toBe(2024);
    expect(report.publishedOn).toBeNull();
    for (const [key, value] of Object.entries(proactive2021)) expect(report.cells[key]).toBe(value);
    expect(Object.keys(report.cells)).toEqual(cellKeys(getFormat('2021')));
  });

  it('drafts the six parts from the figures', () => {
    expect(report.sections.map((s) => s.title)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    const text = report.sections.map((s) => s.text).join('\n');
    expect(text).toContain('本年度共收到政府信息公开申请4件；上年结转1件。');
    expect(text).toContain(
      '本年度作出办理结果4件，予以公开1件、不予公开1件、其他处理2件；结转下年度继续办理1件。',
    );
    expect(text).toContain('本年度作出的答复均在法定期限内作出，共2件。');
    expect(text).toContain(
      '本年度因政府信息公开工作发生行政复议1件（结果维持1件），未经复议直接起诉1件（尚未审结1件）。',
    );
    expect(text).toContain('本年度发出信息处理费收费通知1件，收取信息处理费0元。');
    expect(text).toContain('【待补充：存在的主要问题及改进措施。】');
  });

  it('the checker finds only the 【待补充】 left for the office, and nothing once the office writes them', () => {
    const left = [
      '【待补充：主动公开、政府信息管理、平台建设、监督保障等方面的工作情况。】',
      '【待补充：存在的主要问题及改进措施。】',
      '【待补充：其他需要报告的事项；没有的可删去本句。】',
    ].map((p) => `check.placeholder ${p}`);
    const found = check(report)
      .filter((f) => f.severity !== 'info')
      .map((f) => `${f.code} ${f.actual}`);
    // Checked twice (see check): with the drafted parts as evidence, and without.
    expect(found).toEqual([...left, ...left]);
    const written = compileReport({
      agency: '测试县人民政府办公室',
      year: 2024,
      applications,
      cases,
      proactive: proactive2021,
      prose: officeProse,
    });
    expect(check(written).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it("the office's prose replaces a part's draft: lines trimmed, blank lines left out", () => {
    const written = compileReport({
      agency: '测试县人民政府办公室',
      year: 2024,
      applications,
      cases,
      proactive: proactive2021,
      prose: { 5: '　　一是平台栏目更新不及时。\r\n\r\n  二是答复文书不够规范。 \n' },
    });
    expect(written.sections.map((s) => s.text)).toEqual(
      report.sections.map((s) =>
        s.number === 5 ? '一是平台栏目更新不及时。\n二是答复文书不够规范。' : s.text,
      ),
    );
    const refused = (prose: Record<number, string>) => {
      try {
        compileReport({ agency: '某局', year: 2024, applications: [], cases: [], proactive: {}, prose });
      } catch (e) {
        return e instanceof WorkflowError ? e.issues.map((i) => `${i.code} ${i.message}`) : e;
      }
      return 'accepted';
    };
    expect(refused({ 7: '正文' })).toEqual([
      'workflow.prose 国办公开办函〔2021〕30号规定的年度报告没有第「7」部分（应为 1～6）',
    ]);
    expect(refused({ 6: ' \n　' })).toEqual(['workflow.prose 「六、其他需要报告的事项」的正文不能为空']);
  });

  it('checks the carry-over against the previous report', () => {
    expect(() =>
      compileReport({
        agency: '测试县人民政府办公室',
        year: 2024,
        applications,
        cases,
        proactive: proactive2021,
        previousCarryOver: { np: 1 },
      }),
    ).not.toThrow();
    expect(() =>
      compileReport({
        agency: '测试县人民政府办公室',
        year: 2024,
        applications,
        cases,
        proactive: proactive2021,
        previousCarryOver: { np: 2, biz: 1 },
      }),
    ).toThrow(
      '上年结转的申请与上年度报告「结转下年度继续办理」不一致：自然人记录 1 件，上年报告 2 件；商业企业记录 0 件，上年报告 1 件',
    );
  });

  it('refuses bad input: a record that cannot be, a cell of another table, a year without a format', () => {
    const bad: Application = {
      ...base,
      id: 'B1',
      applicant: 'np',
      submittedOn: '2024-03-01',
      events: [{ type: 'replied', on: '2024-02-01', outcome: 'open' }],
    };
    expect(() =>
      compileReport({ agency: 'x', year: 2024, applications: [bad], cases: [], proactive: {} }),
    ).toThrow('申请 B1：答复日期 2024-02-01 早于收到申请之日 2024-03-01');
    expect(() =>
      compileReport({ agency: 'x', year: 2024, applications: [], cases: [], proactive: { 'a.new.np': 1 } }),
    ).toThrow('「a.new.np」不是国办公开办函〔2021〕30号表二的单元格');
    expect(() =>
      compileReport({
        agency: 'x',
        year: 2024,
        applications: [],
        cases: [],
        proactive: { 'p.rules.issued': 1.5 },
      }),
    ).toThrow(WorkflowError);
    expect(() =>
      compileReport({ agency: 'x', year: 2018, applications: [], cases: [], proactive: {} }),
    ).toThrow('2018 年没有适用的年度报告格式');
  });

  it('a year with nothing leaves table 二 blank where no figure is given, and says so', () => {
    const empty = compileReport({ agency: '某局', year: 2022, applications: [], cases: [], proactive: {} });
    expect(empty.cells['p.rules.issued']).toBeNull();
    expect(empty.cells['a.new.total']).toBe(0);
    expect(empty.sections[1]?.text).toContain('【待补充：表中尚缺「规章·本年制发件数」');
    expect(empty.sections[0]?.text).toContain('本年度未收到政府信息公开申请，也没有上年结转的申请。');
    // The parts the office writes, and the figures of table 二 it has not given, are left 【待补充】.
    expect(
      check(empty)
        .filter((f) => f.severity !== 'info')
        .map((f) => f.code),
    ).toEqual(Array(8).fill('check.placeholder'));
  });
});

/** Table 三 counted from the plan, without the workflow code. */
function expectedApplications(spec: FormatSpec, planned: readonly PlannedApplication[], year: number): Cells {
  const cells: Cells = {};
  for (const [key, at] of cellsOf(spec)) if (at.table.id === 'applications') cells[key] = 0;
  const add = (key: string) => {
    cells[key] = (cells[key] ?? 0) + 1;
  };
  const rowOf = (o: Outcome) => (spec.id === '2019' && o.startsWith('other.') ? 'other' : o);
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  for (const { app, receivedOn, closure } of planned) {
    if (receivedOn > end) continue;
    const closedBefore = (day: string) => closure !== null && closure.closedOn <= day;
    if (receivedOn >= start) add(`a.new.${app.applicant}`);
    else if (!closedBefore(`${year - 1}-12-31`)) add(`a.prev.${app.applicant}`);
    else continue;
    if (closure && closedBefore(end)) {
      add(`a.${rowOf(closure.outcome)}.${app.applicant}`);
      add(`a.total.${app.applicant}`);
    } else add(`a.next.${app.applicant}`);
  }
  const rows = new Set(
    [...cellsOf(spec).keys()].filter((k) => k.startsWith('a.')).map((k) => k.slice(2, k.lastIndexOf('.'))),
  );
  for (const row of rows)
    cells[`a.${row}.total`] = applicantTypes.reduce((s, t) => s + (cells[`a.${row}.${t}`] ?? 0), 0);
  return cells;
}

function expectedCases(cases: readonly Case[], year: number): Cells {
  const cells: Cells = {};
  for (const kind of ['review', 'direct', 'afterReview'])
    for (const o of ['upheld', 'corrected', 'other', 'pending', 'total']) cells[`l.${kind}.${o}`] = 0;
  for (const c of cases) {
    if (!c.filedOn.startsWith(`${year}-`)) continue;
    const o = c.decidedOn !== null && c.decidedOn <= `${year}-12-31` ? c.outcome : 'pending';
    cells[`l.${c.kind}.${o}`] = (cells[`l.${c.kind}.${o}`] ?? 0) + 1;
    cells[`l.${c.kind}.total`] = (cells[`l.${c.kind}.total`] ?? 0) + 1;
  }
  return cells;
}

const pick = (cells: Cells, prefix: string): Cells =>
  Object.fromEntries(Object.entries(cells).filter(([k]) => k.startsWith(prefix)));

describe('a simulated year', () => {
  it('about 500 applications compile to a report the checker accepts, equal to an independent count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.integer({ min: 2019, max: 2025 }),
        fc.integer({ min: 450, max: 550 }),
        fc.integer({ min: 0, max: 12 }),
        (seed, year, count, caseCount) => {
          const planned = simulateApplications(seed, year, count);
          const applications = planned.map((p) => p.app);
          const cases = simulateCases(seed, year, caseCount);
          const report = compileReport({
            agency: '某市某区人民政府办公室',
            year,
            applications,
            cases,
            proactive: {},
          });
          const spec = getFormat(report.format);
          expect(report.format).toBe(year <= 2020 ? '2019' : '2021');
          // The parts the office writes are left 【待补充】 (see above): the placeholder check's.
          expect(
            check(report).filter((f) => f.severity !== 'info' && f.code !== 'check.placeholder'),
          ).toEqual([]);
          expect(pick(report.cells, 'a.')).toEqual(expectedApplications(spec, planned, year));
          expect(pick(report.cells, 'l.')).toEqual(expectedCases(cases, year));
          expect(report.cells['a.new.total']).toBeGreaterThan(300);

          const next = compileReport({
            agency: '某市某区人民政府办公室',
            year: year + 1,
            applications,
            cases,
            proactive: {},
            previousCarryOver: carryOverOf(report),
          });
          for (const t of [...applicantTypes, 'total'])
            expect(next.cells[`a.prev.${t}`]).toBe(report.cells[`a.next.${t}`]);
          expect(check(next).filter((f) => f.severity !== 'info' && f.code !== 'check.placeholder')).toEqual(
            [],
          );
        },
      ),
      { numRuns: 25, seed: 20260402 },
    );
  });
});
