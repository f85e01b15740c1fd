/**
 * 信息处理费 by 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号, in force from 1 January 2021).
 * An agency charges either 按件计收 or 按量计收 for one application, never both.
 *
 * 按件计收: 同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；累计申请11—30件（含30件）的部分：
 * 100元/件；累计申请30件以上的部分：以10件为一档，每增加10件，对应的收费标准提高100元/件
 * (31–40件 200元/件, 41–50件 300元/件, …).
 *
 * 按量计收: 同一政府信息公开申请中，30页以下（含30页）的，不收费；31—100页（含100页）的部分：10元/页；
 * 101—200页（含200页）的部分：20元/页；200页以上的部分：40元/页.
 *
 * Payment: 申请人应当在收到收费通知的次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请; the time from
 * the notice to payment does not count towards the reply period. These two rules are written from
 * memory of the 办法 (the 20 working days and the pause): see `feePaymentWorkingDays`.
 */

/** First day the 办法 applies. */
export const feesFrom = '2021-01-01';

/** Working days the applicant has to pay, counted from the day after the notice. */
export const feePaymentWorkingDays = 20;

export type FeeMethod = 'perItem' | 'perPage';

const positiveInteger = (n: number, what: string): void => {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what}应为正整数，实际为 ${n}`);
};

/** 按件计收: the fee in yuan for the applicant's `nth` application of the calendar month. */
export function perItemFee(nth: number): number {
  positiveInteger(nth, '本月申请序号');
  if (nth <= 10) return 0;
  if (nth <= 30) return 100;
  return 100 + 100 * Math.ceil((nth - 30) / 10);
}

/** 按件计收: the total in yuan for `count` applications by one applicant in one calendar month. */
export function perItemTotal(count: number): number {
  if (count === 0) return 0;
  positiveInteger(count, '本月申请件数');
  let total = 0;
  for (let nth = 11; nth <= count; nth++) total += perItemFee(nth);
  return total;
}

/** 按量计收: the fee in yuan for `pages` pages (A4) supplied for one application. */
export function perPageFee(pages: number): number {
  if (pages === 0) return 0;
  positiveInteger(pages, '页数');
  const band = (from: number, to: number) => Math.max(0, Math.min(pages, to) - from);
  return 10 * band(30, 100) + 20 * band(100, 200) + 40 * band(200, Number.POSITIVE_INFINITY);
}

/** The fee the 办法 allows for a notice: by item (`quantity` = the application's number in the month) or by page. */
export function standardFee(method: FeeMethod, quantity: number): number {
  return method === 'perItem' ? perItemFee(quantity) : perPageFee(quantity);
}
