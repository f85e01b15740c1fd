/**
 * Calendar dates as ISO strings (YYYY-MM-DD) in China's calendar. A date is a day, not an instant:
 * all arithmetic goes through a day number computed with Date.UTC, so the local time zone of the
 * machine never matters (no `new Date('2024-01-01')`, no local-time getters).
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const msPerDay = 86_400_000;

/** Year, month (1–12) and day of a valid ISO date; throws a RangeError otherwise. */
export function dateParts(date: IsoDate): [number, number, number] {
  const m = isoPattern.exec(date);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const back = new Date(Date.UTC(y, mo - 1, d));
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d)
      return [y, mo, d];
  }
  throw new RangeError(`日期「${date}」不是有效的 YYYY-MM-DD 格式日期`);
}

export const isIsoDate = (value: unknown): value is IsoDate => {
  if (typeof value !== 'string') return false;
  try {
    dateParts(value);
    return true;
  } catch {
    return false;
  }
};

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = dateParts(date);
  return Date.UTC(y, m - 1, d) / msPerDay;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function fromDayNumber(day: number): IsoDate {
  const date = new Date(day * msPerDay);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayNumber(dayNumber(date) + days);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayNumber(to) - dayNumber(from);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: IsoDate): number => (((dayNumber(date) + 4) % 7) + 7) % 7;

export const isWeekend = (date: IsoDate): boolean => {
  const w = weekday(date);
  return w === 0 || w === 6;
};

export const yearOf = (date: IsoDate): number => dateParts(date)[0];

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let day = dayNumber(from), end = dayNumber(to); day <= end; day++) out.push(fromDayNumber(day));
  return out;
}

/** 「2024-02-09」 → 「2024年2月9日」. */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = dateParts(date);
  return `${y}年${m}月${d}日`;
}
