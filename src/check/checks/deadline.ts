import type { Point } from '../../core/finding.js';
import { type BodyKindName, bodyKindNames } from '../../corpus/bodies/names.js';
import { agencyKind } from '../body-kind.js';
import type { Check } from '../types.js';

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
export const checkDeadline: Check = ({ report, evidence }, file) => {
  if (report.year === null) return;
  const kind = agencyKind(report.agency);
  const deadline = deadlineFor(report.year, kind);
  const dates: [string, string | null, Point | null][] = [
    ['发布', report.publishedOn, evidence?.publishedPlace ?? null],
    ['落款', report.signedOn, evidence?.signedPlace ?? null],
  ];
  for (const [what, date, place] of dates) {
    if (date === null || !isoDate.test(date) || date <= deadline) continue;
    file.warn(
      'check.late',
      `${what}日期 ${date} 晚于《政府信息公开条例》第四十九条规定的期限（${bodyKindNames[kind]}应于 ${deadline} 前公布上一年度报告）`,
      { place, actual: date, expected: `≤ ${deadline}` },
    );
  }
};
