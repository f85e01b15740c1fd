import type { Point } from '../../core/finding.js';
import type { Check } from '../types.js';

/** 条例第四十九条: the report on a year is published by 31 January of the next year. */
const deadlineMonthDay = '01-31';
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Publication or signature date after the statutory deadline. */
export const checkDeadline: Check = ({ report, evidence }, file) => {
  if (report.year === null) return;
  const deadline = `${report.year + 1}-${deadlineMonthDay}`;
  const dates: [string, string | null, Point | null][] = [
    ['发布', report.publishedOn, evidence?.publishedPlace ?? null],
    ['落款', report.signedOn, evidence?.signedPlace ?? null],
  ];
  for (const [what, date, place] of dates) {
    if (date === null || !isoDate.test(date) || date <= deadline) continue;
    file.warn(
      'check.late',
      `${what}日期 ${date} 晚于《政府信息公开条例》第四十九条规定的期限（${deadline} 前公布上一年度报告）`,
      { place, actual: date, expected: `≤ ${deadline}` },
    );
  }
};
