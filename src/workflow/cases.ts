/**
 * Administrative reconsideration and litigation about disclosure (table 四): 行政复议, 未经复议直接起诉,
 * 复议后起诉, each with its result (结果维持, 结果纠正, 其他结果) or still pending (尚未审结).
 */
import { type IsoDate, isIsoDate } from './calendar/date.js';
import { assertNoErrors, type WorkflowIssue } from './issues.js';

export const caseKinds = ['review', 'direct', 'afterReview'] as const;
/** 行政复议, 未经复议直接起诉, 复议后起诉 (the column groups of table 四). */
export type CaseKind = (typeof caseKinds)[number];

export const caseOutcomes = ['upheld', 'corrected', 'other'] as const;
/** 结果维持, 结果纠正, 其他结果. */
export type CaseOutcome = (typeof caseOutcomes)[number];

export const caseKindNames: Record<CaseKind, string> = {
  review: '行政复议',
  direct: '未经复议直接起诉',
  afterReview: '复议后起诉',
};

export const caseOutcomeNames: Record<CaseOutcome | 'pending', string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export interface Case {
  id: string;
  kind: CaseKind;
  /** The day the agency learnt of it (复议申请 or 起诉 received). */
  filedOn: IsoDate;
  /** The day of the decision or judgment; null while pending. */
  decidedOn: IsoDate | null;
  outcome: CaseOutcome | null;
  /** The application it is about, if recorded. */
  applicationId?: string | null;
}

/**
 * What is wrong with a case. The messages name the fields as the register shows them (收案日期,
 * 审结日期, 结果), not the case: the form, the import row (its line and number) or the caller
 * (`caseOutcomeAsOf`: 「案件 <id>：」) says which case, as the applications' rules leave that to theirs.
 */
export function validateCase(c: Case): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const error = (code: string, message: string) =>
    issues.push({ code, severity: 'error', message, event: null });
  if (!caseKinds.includes(c.kind)) error('workflow.case-kind', `案件类型「${String(c.kind)}」无效`);
  if (!isIsoDate(c.filedOn)) error('workflow.date', `收案日期「${String(c.filedOn)}」不是有效日期`);
  if (c.decidedOn === null) {
    if (c.outcome !== null)
      error(
        'workflow.case-outcome',
        `结果为「${caseOutcomeNames[c.outcome] ?? String(c.outcome)}」但没有审结日期（尚未审结的案件结果留空）`,
      );
    return issues;
  }
  if (!isIsoDate(c.decidedOn)) error('workflow.date', `审结日期「${String(c.decidedOn)}」不是有效日期`);
  else if (c.decidedOn < c.filedOn)
    error('workflow.case-order', `审结日期 ${c.decidedOn} 早于收案日期 ${c.filedOn}`);
  if (c.outcome === null || !caseOutcomes.includes(c.outcome))
    error('workflow.case-outcome', '已审结的案件应记录结果（结果维持、结果纠正或其他结果）');
  return issues;
}

/** The result of a case as of the end of `asOf`: pending until its decision. */
export function caseOutcomeAsOf(c: Case, asOf: IsoDate): CaseOutcome | 'pending' {
  assertNoErrors(validateCase(c).map((i) => ({ ...i, message: `案件 ${c.id}：${i.message}` })));
  return c.decidedOn !== null && c.decidedOn <= asOf && c.outcome !== null ? c.outcome : 'pending';
}
