/**
 * The annual report that compiles itself: table 三 from the applications, table 四 from the cases,
 * table 二 from the figures the office gives, every total from the spec's identities, and the six
 * parts drafted from the figures. The result satisfies every identity of the format by construction.
 */
import type { Cells, Report } from '../core/report.js';
import { cellKeys, cellsOf, formatForYear } from '../spec/registry.js';
import type { FormatSpec } from '../spec/types.js';
import { type ApplicantType, applicantName, applicantTypes } from './applicant.js';
import type { Application } from './application.js';
import {
  calendar as defaultCalendar,
  MissingHolidayYearError,
  type WorkingCalendar,
} from './calendar/working-days.js';
import type { Case } from './cases.js';
import { draftSections, type Prose } from './draft.js';
import { WorkflowError, type WorkflowIssue } from './issues.js';
import { outcomeRow } from './outcome.js';
import { applicationStatus } from './status.js';
import { type ApplicantCounts, emptyCounts, placeApplications, placeCases } from './tally.js';

export interface CompileInput {
  agency: string;
  year: number;
  /** Every application on record (any year: those that don't belong to the year are left out). */
  applications: readonly Application[];
  cases: readonly Case[];
  /** Figures of table 二 by codebook key (`p.*` of the year's format); a figure not given stays blank. */
  proactive: Cells;
  /**
   * The previous report's 四 结转下年度 by applicant (see `carryOverOf`): when given, the applications
   * carried over must match it.
   */
  previousCarryOver?: Partial<ApplicantCounts>;
  calendar?: WorkingCalendar;
  /** The office's text of parts (by number), in place of the draft (see `draftSections`). */
  prose?: Prose;
}

const fail = (code: string, message: string): never => {
  throw new WorkflowError([{ code, severity: 'error', message, event: null }]);
};

/** A report's 四 结转下年度继续办理 by applicant: next year's 上年结转. */
export function carryOverOf(report: Report): ApplicantCounts {
  const counts = emptyCounts();
  for (const t of applicantTypes) counts[t] = report.cells[`a.next.${t}`] ?? 0;
  return counts;
}

function checkProactive(spec: FormatSpec, proactive: Cells): void {
  const cells = cellsOf(spec);
  const issues: WorkflowIssue[] = [];
  for (const [key, value] of Object.entries(proactive)) {
    const at = cells.get(key);
    const issue = (message: string) =>
      issues.push({ code: 'workflow.proactive', severity: 'error', message, event: null });
    if (at?.table.id !== 'proactive') {
      issue(`「${key}」不是${spec.document}表二的单元格`);
      continue;
    }
    if (value === null) continue;
    const { type } = at.cell;
    if (typeof value !== 'number' || !Number.isFinite(value)) issue(`表二「${key}」应为数字`);
    else if (type !== 'decimal' && !Number.isInteger(value)) issue(`表二「${key}」应为整数，实际为 ${value}`);
    else if (type !== 'signed int' && value < 0) issue(`表二「${key}」不能为负数，实际为 ${value}`);
  }
  if (issues.length > 0) throw new WorkflowError(issues);
}

/** Fills the left side of each single-cell sum identity from its right side, until nothing changes. */
function fillTotals(spec: FormatSpec, cells: Cells): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const identity of spec.identities) {
      if (identity.derived || identity.left.length !== 1) continue;
      const [left] = identity.left as [string];
      if (left in cells || !identity.right.every((k) => typeof cells[k] === 'number')) continue;
      cells[left] = identity.right.reduce((sum, k) => sum + (cells[k] ?? 0), 0);
      changed = true;
    }
  }
}

/** Label of a table 二 cell for messages: 「规章·本年制发件数」. */
function proactiveLabel(spec: FormatSpec, key: string): string {
  const at = cellsOf(spec).get(key);
  if (!at) return key;
  const row = at.row.path.at(-1)?.official ?? at.row.id;
  const column = at.part.columns[at.column]?.path.at(-1)?.official ?? '';
  return `「${row}·${column}」`;
}

export function compileReport(input: CompileInput): Report {
  const { agency, year, applications, cases, proactive } = input;
  const cal = input.calendar ?? defaultCalendar;
  if (!Number.isInteger(year)) fail('workflow.year', `报告年度「${String(year)}」无效`);
  const spec = formatForYear(year) ?? fail('workflow.year', `${year} 年没有适用的年度报告格式`);
  checkProactive(spec, proactive);

  // Base cells: the applicant columns of 一, 二, the result rows and 四; the outcomes of table 四.
  const base: Cells = {};
  for (const [key, at] of cellsOf(spec)) {
    if (at.table.id === 'proactive') continue;
    const column = key.split('.').at(-1) as string;
    const isTotal = column === 'total' || key.startsWith('a.total.');
    if (!isTotal) base[key] = 0;
  }
  const bump = (key: string) => {
    if (!(key in base)) throw new Error(`compile: no cell ${key} in ${spec.document}`);
    base[key] = (base[key] ?? 0) + 1;
  };

  const places = placeApplications(applications, year, cal);
  for (const place of places) {
    bump(`a.${place.from}.${place.applicant}`);
    bump(
      place.to === 'next'
        ? `a.next.${place.applicant}`
        : `a.${outcomeRow(spec, place.to).id}.${place.applicant}`,
    );
  }
  for (const place of placeCases(cases, year)) bump(`l.${place.kind}.${place.outcome}`);

  if (input.previousCarryOver) {
    const wrong = applicantTypes.filter(
      (t: ApplicantType) => (input.previousCarryOver?.[t] ?? 0) !== (base[`a.prev.${t}`] ?? 0),
    );
    if (wrong.length > 0)
      fail(
        'workflow.carry-over',
        `上年结转的申请与上年度报告「结转下年度继续办理」不一致：${wrong
          .map(
            (t) =>
              `${applicantName(t)}记录 ${base[`a.prev.${t}`] ?? 0} 件，上年报告 ${input.previousCarryOver?.[t] ?? 0} 件`,
          )
          .join('；')}`,
      );
  }

  fillTotals(spec, base);
  const cells: Cells = {};
  const missingProactive: string[] = [];
  for (const key of cellKeys(spec)) {
    if (cellsOf(spec).get(key)?.table.id === 'proactive') {
      const value = proactive[key] ?? null;
      if (value === null) missingProactive.push(proactiveLabel(spec, key));
      cells[key] = value;
    } else cells[key] = base[key] ?? 0;
  }

  // Facts for the prose: replies on time and late, applications overdue at the end of the year, fees.
  const end = `${year}-12-31`;
  let replies: { onTime: number; late: number } | null = { onTime: 0, late: 0 };
  let overdueAtYearEnd: number | null = 0;
  const fees = { notices: 0, paidYuan: 0 };
  for (const place of places) {
    const app = place.application;
    for (const event of app.events) {
      if (event.type === 'feeNotified' && event.on.startsWith(`${year}-`)) fees.notices++;
      if (event.type === 'feePaid' && event.on.startsWith(`${year}-`)) {
        const notice = app.events.find((e) => e.type === 'feeNotified');
        if (notice?.type === 'feeNotified') fees.paidYuan += notice.amount;
      }
    }
    try {
      const status = applicationStatus(app, end, { calendar: cal });
      if (replies && status.status === 'answered' && status.closedOn?.startsWith(`${year}-`)) {
        if (status.answeredLate) replies.late++;
        else replies.onTime++;
      }
      if (overdueAtYearEnd !== null && status.status === 'overdue') overdueAtYearEnd++;
    } catch (e) {
      if (!(e instanceof MissingHolidayYearError)) throw e;
      replies = null;
      overdueAtYearEnd = null;
    }
  }

  return {
    format: spec.id,
    agency,
    year,
    publishedOn: null,
    signedOn: null,
    cells,
    sections: draftSections(
      spec,
      { agency, year, cells, replies, overdueAtYearEnd, fees, missingProactive },
      input.prose,
    ),
  };
}
