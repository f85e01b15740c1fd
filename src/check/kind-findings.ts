/**
 * The findings that depend on the kind of body a report is from (部门 or 人民政府): the deadline of
 * 条例第四十九条 (`check.late`) and the contents of 条例第五十条 (`check.article-50`).
 *
 * The checker takes the kind from the report's agency name. The corpus knows better once a person
 * has corrected a body's kind (`gongkai corpus bodies set --kind`): it recomputes these findings from
 * what it stores of each report (src/corpus/bodies/kind-revision.ts), with these same functions.
 */
import type { Finding, Point } from '../core/finding.js';
import { makeFinding } from '../core/finding.js';
import { type BodyKindName, bodyKindNames } from '../corpus/bodies/names.js';

/** What the kind-dependent checks read of a report. */
export interface KindFacts {
  year: number | null;
  publishedOn: string | null;
  signedOn: string | null;
  /** Where the two dates were read (`null` when unknown). */
  publishedPlace: Point | null;
  signedPlace: Point | null;
  /** The prose of every section, joined. */
  prose: string;
}

/** The codes of the findings this module makes. */
export const kindFindingCodes: ReadonlySet<string> = new Set(['check.late', 'check.article-50']);

/**
 * 条例第四十九条: a department (部门) publishes its report on a year by 31 January of the next year;
 * a people's government's own report (县级以上地方人民政府, and a zone's 管委会 with government
 * powers) is published by 31 March.
 */
const deadlineMonthDay: Record<BodyKindName, string> = { department: '01-31', government: '03-31' };
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The last day to publish the report on `year` of a body of this kind. */
export const deadlineFor = (year: number, kind: BodyKindName): string =>
  `${year + 1}-${deadlineMonthDay[kind]}`;

/** True when a date of the report falls after the deadline. */
export function isLate(
  report: { publishedOn: string | null; signedOn: string | null },
  deadline: string,
): boolean {
  return [report.publishedOn, report.signedOn].some((d) => d !== null && isoDate.test(d) && d > deadline);
}

/** Publication or signature date after the statutory deadline of the body's kind. */
export function lateFindings(facts: Omit<KindFacts, 'prose'>, kind: BodyKindName): Finding[] {
  if (facts.year === null) return [];
  const deadline = deadlineFor(facts.year, kind);
  const dates: [string, string | null, Point | null][] = [
    ['发布', facts.publishedOn, facts.publishedPlace],
    ['落款', facts.signedOn, facts.signedPlace],
  ];
  const findings: Finding[] = [];
  for (const [what, date, place] of dates) {
    if (date === null || !isoDate.test(date) || date <= deadline) continue;
    findings.push(
      makeFinding(
        'warning',
        'check.late',
        `${what}日期 ${date} 晚于《政府信息公开条例》第四十九条规定的期限（${bodyKindNames[kind]}应于 ${deadline} 前公布上一年度报告）`,
        { place, actual: date, expected: `≤ ${deadline}` },
      ),
    );
  }
  return findings;
}

/**
 * 条例第五十条: a people's government's report also covers 工作考核、社会评议和责任追究结果情况.
 * A report of a government whose prose mentions none of one of the three is warned.
 */
const topics: readonly [string, RegExp][] = [
  ['工作考核', /考核/],
  ['社会评议', /评议/],
  ['责任追究结果', /责任追究|追责|问责/],
];

export function article50Findings(prose: string, kind: BodyKindName): Finding[] {
  if (kind !== 'government') return [];
  const missing = topics.filter(([, pattern]) => !pattern.test(prose)).map(([name]) => name);
  if (missing.length === 0) return [];
  return [
    makeFinding(
      'warning',
      'check.article-50',
      `人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条），未写${missing.join('、')}`,
      { expected: '工作考核、社会评议和责任追究结果情况', actual: `缺少：${missing.join('、')}` },
    ),
  ];
}

/** Every kind-dependent finding of a report from a body of this kind. */
export const kindFindings = (facts: KindFacts, kind: BodyKindName): Finding[] => [
  ...lateFindings(facts, kind),
  ...article50Findings(facts.prose, kind),
];
