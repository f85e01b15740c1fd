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
import { addDays, dayNumber, fromDayNumber, type IsoDate, isWeekend, yearOf } from './date.js';
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

  const known = new Map<IsoDate, boolean>();
  const isWorkingDay = (date: IsoDate): boolean => {
    let working = known.get(date);
    if (working === undefined) {
      const { kind } = dayInfo(date);
      working = kind === 'workday' || kind === 'makeupWorkday';
      known.set(date, working);
    }
    return working;
  };

  const addWorkingDays = (date: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数，实际为 ${n}`);
    covered(date);
    let day = date;
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      if (isWorkingDay(day)) left--;
    }
    return day;
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    if (to < from) return -workingDaysBetween(to, from);
    covered(from);
    let count = 0;
    for (let day = dayNumber(from) + 1, end = dayNumber(to); day <= end; day++)
      if (isWorkingDay(fromDayNumber(day))) count++;
    return count;
  };

  return {
    years: [...years].sort((a, b) => a - b),
    dayInfo,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
  };
}

/** The calendar of the holiday table in the repository. */
export const calendar: WorkingCalendar = createCalendar();

export const isWorkingDay = (date: IsoDate): boolean => calendar.isWorkingDay(date);
export const addWorkingDays = (date: IsoDate, n: number): IsoDate => calendar.addWorkingDays(date, n);
export const workingDaysBetween = (from: IsoDate, to: IsoDate): number =>
  calendar.workingDaysBetween(from, to);
