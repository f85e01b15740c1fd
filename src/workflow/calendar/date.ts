/**
 * Calendar dates as ISO strings (YYYY-MM-DD) in China's calendar. A date is a day, not an instant:
 * all arithmetic goes through a day number computed with Date.UTC, so the local time zone of the
 * machine never matters (no `new Date('2024-01-01')`, no local-time getters).
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const msPerDay = 86_400_000;

/** The value of the decimal digits of `text` from `start` to `end`, or -1 when one isn't a digit. */
function digits(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Year, month (1–12) and day of a valid ISO date; throws a RangeError otherwise. Read character by
 * character (this runs for every date of every status): years before 100 are refused, as
 * Date.UTC would read them as 19xx.
 */
export function dateParts(date: IsoDate): [number, number, number] {
  if (typeof date === 'string' && date.length === 10 && date[4] === '-' && date[7] === '-') {
    const y = digits(date, 0, 4);
    const mo = digits(date, 5, 7);
    const d = digits(date, 8, 10);
    if (y >= 100 && mo >= 1 && mo <= 12 && d >= 1)
      if (d <= (mo === 2 && isLeap(y) ? 29 : (monthDays[mo - 1] as number))) return [y, mo, d];
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

/** Day numbers and dates already converted: the same few hundred dates recur in every request. */
const dayOf = new Map<IsoDate, number>();
const dateOf = new Map<number, IsoDate>();
const memoLimit = 100_000;

/** Days since 1970-01-01. */
export function dayNumber(date: IsoDate): number {
  let day = dayOf.get(date);
  if (day === undefined) {
    const [y, m, d] = dateParts(date);
    day = Date.UTC(y, m - 1, d) / msPerDay;
    if (dayOf.size >= memoLimit) dayOf.clear();
    dayOf.set(date, day);
  }
  return day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function fromDayNumber(day: number): IsoDate {
  let date = dateOf.get(day);
  if (date === undefined) {
    const d = new Date(day * msPerDay);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    if (dateOf.size >= memoLimit) dateOf.clear();
    dateOf.set(day, date);
  }
  return date;
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
