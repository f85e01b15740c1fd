/**
 * The 节假日安排 page's pure parts: the line that says how far deadlines can be counted, the request
 * body of the form's values, and where a problem of an arrangement goes on the form. Unit-tested in
 * test/web/pure.test.ts.
 */
import type { HolidayTableView } from '../../../../src/api/contract/responses.js';
import {
  arrangementProblems,
  coverageText,
  noticeTitle,
  reminderFrom,
} from '../../../../src/workflow/calendar/entered.js';

/**
 * 「已有 2019–2026 年的安排；2027 年的安排尚未录入：2026-12-23 以后的工作日期限无法计算」, and whether
 * it is a warning: today within two months of the last day that can be counted, or past it.
 */
export function coverage(
  table: { years: readonly { year: number }[] } & Pick<HolidayTableView, 'coveredThrough' | 'nextYear'>,
  today: string | undefined,
): { text: string; warn: boolean } {
  return {
    text: coverageText(table),
    warn: today !== undefined && today >= reminderFrom(table.coveredThrough),
  };
}

/** The form's values with its dates as YYYY-MM-DD. */
export interface ArrangementInput {
  year: number;
  notice: { number: string; date: string; title?: string | undefined };
  amendments?: { title: string; number: string; date: string; change: string }[];
  festivals: { name: string; off: [string, string]; work: string[] }[];
}

/** The request body of the form (PUT /api/holidays): names and texts trimmed, the title left out when empty. */
export function bodyOf(input: ArrangementInput) {
  const title = input.notice.title?.trim();
  return {
    year: input.year,
    notice: { number: input.notice.number.trim(), date: input.notice.date, ...(title ? { title } : {}) },
    ...(input.amendments && input.amendments.length > 0 ? { amendments: input.amendments } : {}),
    festivals: input.festivals.map((f) => ({
      name: f.name.trim(),
      off: f.off,
      work: [...f.work].sort(),
    })),
  };
}

/** What the server would refuse in the arrangement (the same check, src/workflow/calendar/entered.ts). */
export function problemsOf(input: ArrangementInput) {
  const body = bodyOf(input);
  return arrangementProblems({
    ...body,
    notice: { ...body.notice, title: body.notice.title ?? noticeTitle(body.year) },
    amendments: body.amendments ?? [],
  });
}

/**
 * The form field a problem's path names (`festivals.2.work.0` → festivals, 2, work; `notice.date`
 * → notice, date); null for a problem of the whole (`festivals`) or of a part the form doesn't show.
 */
export function fieldOf(path: string): (string | number)[] | null {
  const parts = path.split('.');
  const [head, a, b] = parts;
  if (head === 'year') return ['year'];
  if (head === 'notice' && (a === 'number' || a === 'date' || a === 'title')) return ['notice', a];
  if (
    head === 'festivals' &&
    a !== undefined &&
    /^\d+$/.test(a) &&
    (b === 'name' || b === 'off' || b === 'work')
  )
    return ['festivals', Number(a), b];
  return null;
}
