/** The holiday table against the chinese-days package, day by day, and the working-day arithmetic. */
import chineseDays from 'chinese-days';
import holidaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateParts, datesFrom, dayNumber, weekday } from '../../src/workflow/calendar/date.js';
import { holidayTable, type YearArrangement } from '../../src/workflow/calendar/holidays.js';
import {
  addWorkingDays,
  calendar,
  createCalendar,
  isWorkingDay,
  MissingHolidayYearError,
  workingDaysBetween,
} from '../../src/workflow/calendar/working-days.js';

/**
 * The table plus empty 2018 and 2027 entries, for the cross-check only: they let the days of 2018
 * in the 2019 notice and the last week of December 2026 be classified by the table alone (the real
 * calendar refuses those days).
 */
const emptyYear = (year: number): YearArrangement => ({
  year,
  notice: { title: '测试用', number: '无', date: `${year - 1}-12-01` },
  amendments: [],
  festivals: [],
});
const through2026 = createCalendar([emptyYear(2018), ...holidayTable, emptyYear(2027)]);
const allDays = datesFrom('2019-01-01', '2026-12-31');

describe('holiday table', () => {
  it('has one entry per year 2019–2026, each citing its State Council notice', () => {
    expect(holidayTable.map((a) => a.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const { year, notice, amendments } of holidayTable) {
      expect(notice.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
      expect(notice.number).toMatch(new RegExp(`^国办发明电〔${year - 1}〕\\d+号$`));
      expect(notice.date < `${year}-01-01`).toBe(true);
      for (const a of amendments) expect(a.number).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
    }
  });

  it('lists valid ranges, and make-up working days fall on weekends outside any closure', () => {
    const closed = new Set<string>();
    for (const { year, festivals } of holidayTable)
      for (const f of festivals) {
        expect(f.off[0] <= f.off[1]).toBe(true);
        expect(dateParts(f.off[1])[0]).toBe(year);
        for (const d of datesFrom(f.off[0], f.off[1])) closed.add(d);
      }
    for (const { festivals } of holidayTable)
      for (const f of festivals)
        for (const d of f.work) {
          expect([0, 6]).toContain(weekday(d));
          expect(closed.has(d)).toBe(false);
        }
  });
});

describe('cross-check with chinese-days', () => {
  it('agrees on working days for every day of 2019–2026 (and the 2019 notice’s days of 2018)', () => {
    const disagreements: string[] = [];
    for (const d of [...datesFrom('2018-12-29', '2018-12-31'), ...allDays]) {
      const ours = through2026.isWorkingDay(d);
      if (ours !== chineseDays.isWorkday(d) || ours === chineseDays.isHoliday(d))
        disagreements.push(`${d}: 本表 ${ours ? '工作日' : '休息日'}`);
    }
    expect(disagreements).toEqual([]);
    expect(allDays.length).toBe(2922);
  });

  it('agrees on which days are closures and which are make-up working days', () => {
    const inRange = (d: string) => d >= '2018-12-29' && d <= '2026-12-31';
    const theirHolidays = Object.keys(holidaysData.holidays).filter(inRange).sort();
    const theirWorkdays = Object.keys(holidaysData.workdays).filter(inRange).sort();
    const ours = datesFrom('2018-12-29', '2026-12-31').map((d) => through2026.dayInfo(d));
    expect(ours.filter((i) => i.kind === 'holiday').map((i) => i.date)).toEqual(theirHolidays);
    expect(ours.filter((i) => i.kind === 'makeupWorkday').map((i) => i.date)).toEqual(theirWorkdays);
  });
});

describe('refusal for years missing from the table', () => {
  const message2018 = '缺少 2018 年节假日安排，无法计算期限';
  const message2027 = '缺少 2027 年节假日安排，无法计算期限';
  it.each([
    ['2018-06-01', message2018],
    ['2018-12-31', message2018],
    ['2027-01-04', message2027],
    ['2027-12-31', message2027],
  ])('%s: %s', (date, message) => {
    expect(() => isWorkingDay(date)).toThrow(message);
    expect(() => addWorkingDays(date, 1)).toThrow(MissingHolidayYearError);
    expect(() => workingDaysBetween('2026-06-01', date)).toThrow(MissingHolidayYearError);
  });

  it('refuses the last week of 2026, which the 2027 notice may change, and counting into it', () => {
    expect(() => isWorkingDay('2026-12-24')).toThrow(message2027);
    expect(isWorkingDay('2026-12-23')).toBe(true);
    expect(() => addWorkingDays('2026-12-01', 20)).toThrow(message2027);
    expect(addWorkingDays('2026-11-20', 20)).toBe('2026-12-18');
  });

  it('refuses a counting that crosses into 2018 or 2027', () => {
    expect(() => workingDaysBetween('2018-12-20', '2019-01-10')).toThrow(message2018);
  });

  it('a table without a year refuses that year', () => {
    const only2024 = createCalendar(holidayTable.filter((a) => a.year === 2024));
    expect(() => only2024.isWorkingDay('2025-01-02')).toThrow('缺少 2025 年节假日安排，无法计算期限');
    expect(() => only2024.isWorkingDay('2024-12-30')).toThrow(/缺少 2025 年节假日安排/);
    expect(only2024.isWorkingDay('2024-12-20')).toBe(true);
  });
});

describe('dates are days, not instants', () => {
  it('day numbers and weekdays come from UTC arithmetic', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(weekday('2024-02-10')).toBe(6);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(() => dateParts('2023-02-29')).toThrow('日期「2023-02-29」不是有效的 YYYY-MM-DD 格式日期');
    expect(() => dateParts('2023-2-1')).toThrow(RangeError);
  });
});

describe('working-day arithmetic', () => {
  const day = fc.integer({ min: 0, max: allDays.length - 60 }).map((i) => allDays[i] as string);
  it('counts from the next day: n working days after d, and back again', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 }), (d, n) => {
        const due = addWorkingDays(d, n);
        expect(workingDaysBetween(d, due)).toBe(n);
        expect(workingDaysBetween(due, d) + n).toBe(0);
        if (n > 0) {
          expect(isWorkingDay(due)).toBe(true);
          expect(workingDaysBetween(d, addDays(due, -1))).toBe(n - 1);
        } else expect(due).toBe(d);
        // chinese-days' findWorkday counts the same way.
        if (n > 0) expect(due).toBe(chineseDays.findWorkday(n, d));
      }),
      { numRuns: 400, seed: 20260401 },
    );
  });

  it('rejects a negative or fractional count', () => {
    expect(() => addWorkingDays('2024-01-02', -1)).toThrow('工作日数应为非负整数，实际为 -1');
    expect(() => addWorkingDays('2024-01-02', 1.5)).toThrow(RangeError);
  });

  it('classifies days with their festival', () => {
    expect(calendar.dayInfo('2024-02-18')).toEqual({
      date: '2024-02-18',
      kind: 'makeupWorkday',
      festival: '春节',
    });
    expect(calendar.dayInfo('2020-02-01')).toEqual({ date: '2020-02-01', kind: 'holiday', festival: '春节' });
    expect(calendar.dayInfo('2024-06-08')).toEqual({ date: '2024-06-08', kind: 'weekend', festival: null });
    expect(calendar.dayInfo('2024-06-11')).toEqual({ date: '2024-06-11', kind: 'workday', festival: null });
  });
});
