/**
 * Working days (工作日) in the sense of 《政府信息公开条例》: Monday to Friday, less the closures of the
 * year's holiday notice, plus its make-up working days (调休上班). Periods are counted the way the
 * 条例 counts them: 「自收到申请之日起20个工作日内」 starts counting on the next day, so the 20th working
 * day after the day of receipt is the last day of the period.
 *
 * A date can only be classified when the table has its year; a date from 24 December on also needs
 * the next year's notice, which may move the last weekend of December (the 2019 notice made
 * 2018-12-29 a working day). Anything else refuses with a MissingHolidayYearError: never a guess.
 */
import { dayNumber, fromDayNumber, type IsoDate, isWeekend, yearOf } from './date.js';
import { type Festival, holidayTable, type YearArrangement } from './holidays.js';

/** From this day of December on, the next year's notice may change a date (元旦 make-up days). */
export const lateDecemberFrom = '12-24';

/** Thrown when a computation needs a year the holiday table lacks. */
export class MissingHolidayYearError extends Error {
  override name = 'MissingHolidayYearError';
  constructor(
    /** The year whose notice is missing. */
    readonly year: number,
    /** The date that needed it. */
    readonly date: IsoDate,
  ) {
    const needed = yearOf(date);
    super(
      needed === year
        ? `缺少 ${year} 年节假日安排，无法计算期限`
        : `缺少 ${year} 年节假日安排，无法计算期限（${year} 年的安排可能调整 ${needed} 年 12 月下旬的工作日，涉及 ${date}）`,
    );
  }
}

export type DayKind = 'workday' | 'makeupWorkday' | 'holiday' | 'weekend';

export interface DayInfo {
  date: IsoDate;
  kind: DayKind;
  /** The festival whose closure or make-up day it is. */
  festival: string | null;
}

export interface WorkingCalendar {
  /** The years the table covers, ascending. */
  readonly years: readonly number[];
  dayInfo(date: IsoDate): DayInfo;
  isWorkingDay(date: IsoDate): boolean;
  /** The `n`th working day after `date` (`n` = 0: `date` itself). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days d with from < d ≤ to (negative when `to` is before `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /**
   * Whether the day with this day number (days since 1970-01-01) is a working day, for loops over
   * days that would otherwise make a date string per day. Same refusals as `isWorkingDay`.
   */
  isWorkingDayNumber(day: number): boolean;
}

export function createCalendar(table: readonly YearArrangement[] = holidayTable): WorkingCalendar {
  const marks = new Map<IsoDate, { kind: 'holiday' | 'makeupWorkday'; festival: Festival }>();
  for (const arrangement of table)
    for (const festival of arrangement.festivals) {
      for (let day = dayNumber(festival.off[0]); day <= dayNumber(festival.off[1]); day++)
        marks.set(fromDayNumber(day), { kind: 'holiday', festival });
      for (const date of festival.work) marks.set(date, { kind: 'makeupWorkday', festival });
    }
  const years = new Set(table.map((a) => a.year));

  const covered = (date: IsoDate): void => {
    const year = yearOf(date);
    if (!years.has(year)) throw new MissingHolidayYearError(year, date);
    if (date.slice(5) >= lateDecemberFrom && !years.has(year + 1))
      throw new MissingHolidayYearError(year + 1, date);
  };

  const dayInfo = (date: IsoDate): DayInfo => {
    covered(date);
    const mark = marks.get(date);
    if (mark) return { date, kind: mark.kind, festival: mark.festival.name };
    return { date, kind: isWeekend(date) ? 'weekend' : 'workday', festival: null };
  };

  // The covered span as day numbers: a flag per day and prefix sums of working days, so that a
  // period of n working days is a binary search and a count is a subtraction (no walk day by day).
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted.length > 0 ? dayNumber(`${sorted[0]}-01-01`) : 0;
  const last = sorted.length > 0 ? dayNumber(`${sorted[sorted.length - 1]}-12-31`) : -1;
  const span = last - first + 1;
  const working = new Uint8Array(Math.max(0, span));
  /** 1 where the date is covered: its year is in the table, and from 24 December the next one too. */
  const coveredDay = new Uint8Array(Math.max(0, span));
  /** prefix[i]: working days among the first i days of the span. */
  const prefix = new Int32Array(Math.max(0, span) + 1);
  for (let i = 0; i < span; i++) {
    const date = fromDayNumber(first + i);
    const mark = marks.get(date);
    const isWorking = mark ? mark.kind === 'makeupWorkday' : !isWeekend(date);
    working[i] = isWorking ? 1 : 0;
    prefix[i + 1] = (prefix[i] as number) + (isWorking ? 1 : 0);
    const year = yearOf(date);
    coveredDay[i] = years.has(year) && (date.slice(5) < lateDecemberFrom || years.has(year + 1)) ? 1 : 0;
  }
  const isCovered = (day: number): boolean => day >= first && day <= last && coveredDay[day - first] === 1;
  /** nextGap[i]: the index of the first uncovered day at or after index i (span when none). */
  const nextGap = new Int32Array(Math.max(0, span) + 1);
  nextGap[span] = span;
  for (let i = span - 1; i >= 0; i--) nextGap[i] = coveredDay[i] === 1 ? (nextGap[i + 1] as number) : i;
  /** Refuses, as a walk would, when a day after index i up to index j is not covered. */
  const walkable = (i: number, j: number): void => {
    const gap = i + 1 > span ? span : (nextGap[i + 1] as number);
    if (gap <= j) covered(fromDayNumber(first + gap));
  };

  const isWorkingDayNumber = (day: number): boolean => {
    if (!isCovered(day)) covered(fromDayNumber(day));
    return working[day - first] === 1;
  };

  const isWorkingDay = (date: IsoDate): boolean => {
    covered(date);
    return working[dayNumber(date) - first] === 1;
  };

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数，实际为 ${n}`);
    covered(date);
    if (n === 0) return date;
    const i = dayNumber(date) - first;
    const want = (prefix[i + 1] as number) + n;
    // The first index j with prefix[j + 1] >= want is the nth working day after `date`.
    let lo = i + 1;
    let hi = span;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((prefix[mid + 1] as number) >= want) hi = mid;
      else lo = mid + 1;
    }
    // A day on the way the table lacks (or one past its end) refuses, as a walk day by day would.
    walkable(i, lo);
    return fromDayNumber(first + lo);
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    if (to < from) return -workingDaysBetween(to, from);
    covered(from);
    if (to === from) return 0;
    const i = dayNumber(from) - first;
    const j = dayNumber(to) - first;
    walkable(i, j);
    return (prefix[j + 1] as number) - (prefix[i + 1] as number);
  };

  return {
    years: [...years].sort((a, b) => a - b),
    dayInfo,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    isWorkingDayNumber,
  };
}

/** The calendar of the holiday table in the repository. */
export const calendar: WorkingCalendar = createCalendar();

export const isWorkingDay = (date: IsoDate): boolean => calendar.isWorkingDay(date);
export const addWorkingDays = (date: IsoDate, n: number): IsoDate => calendar.addWorkingDays(date, n);
export const workingDaysBetween = (from: IsoDate, to: IsoDate): number =>
  calendar.workingDaysBetween(from, to);
