/**
 * Holiday arrangements entered by users: checked before they are taken (every built-in year, as
 * transcribed from the notices, passes the same check), and merged with the built-in table so that
 * deadlines reaching an entered year can be counted, exactly as for a built-in one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  arrangementProblems,
  createCalendar,
  dayNumber,
  festivalLine,
  fromDayNumber,
  holidayTable,
  isWeekend,
  MissingHolidayYearError,
  withEntered,
  type YearArrangement,
} from '../../src/workflow/index.js';
import { sample2027 } from '../support/holiday-notice.js';

/** The sample 2027 with a third festival. */
const year2027: YearArrangement = {
  ...sample2027,
  festivals: [
    ...sample2027.festivals,
    { name: '国庆节', off: ['2027-10-01', '2027-10-07'], work: ['2027-09-26', '2027-10-09'] },
  ],
};

const problemsOf = (change: Partial<YearArrangement>) =>
  arrangementProblems({ ...year2027, ...change }).map((p) => `${p.path}: ${p.message}`);

describe('checking an entered arrangement', () => {
  it('takes every built-in year, as the notices set them', () => {
    for (const a of holidayTable) expect(arrangementProblems(a), String(a.year)).toEqual([]);
    expect(arrangementProblems(year2027)).toEqual([]);
  });

  it('names each problem with its place, in Chinese', () => {
    expect(problemsOf({ year: 2018 })).toEqual(['year: 年度应为 2019–2100 之间的整数，实际为「2018」']);
    expect(problemsOf({ notice: { title: '', number: ' ', date: '2027-02-30' } })).toEqual([
      'notice.title: 通知标题不能为空',
      'notice.number: 发文字号不能为空（如 国办发明电〔2025〕7号）',
      'notice.date: 成文日期「2027-02-30」不是有效的日期（YYYY-MM-DD）',
    ]);
    expect(problemsOf({ festivals: [] })).toEqual(['festivals: 至少应有一个节日的放假安排']);
    expect(
      problemsOf({
        festivals: [
          { name: '元旦', off: ['2026-12-20', '2027-01-01'], work: ['2027-01-04'] },
          { name: '春节', off: ['2027-02-14', '2027-02-06'], work: ['2027-02-10'] },
          { name: '清明节', off: ['2027-04-03', '2027-04-30'], work: [] },
          { name: '劳动节', off: ['2027-05-01', '2027-05-05'], work: ['2027-05-02', '2027-05-08'] },
          { name: '端午节', off: ['2027-05-05', '2027-05-06'], work: ['2027-05-08'] },
          { name: '', off: ['2028-01-01', '2028-01-01'], work: [] },
        ],
      }),
    ).toEqual([
      'festivals.0.off.0: 元旦放假的第一天 2026-12-20 不在 2027 年的安排之内（应在 2026-12-24 至 2027-12-31 之间）',
      'festivals.0.work.0: 元旦调休上班日 2027-01-04 不是星期六或星期日（工作日本来就上班）',
      'festivals.1.off: 春节放假的最后一天 2027-02-06 早于第一天 2027-02-14',
      'festivals.1.work.0: 春节调休上班日 2027-02-10 不是星期六或星期日（工作日本来就上班）',
      'festivals.2.off: 清明节放假 28 天，超过 15 天，请核对日期',
      'festivals.4.off: 端午节的放假日期与劳动节重叠',
      'festivals.4.work.0: 2027-05-08 已是劳动节的调休上班日',
      'festivals.5.name: 节日名称不能为空',
      'festivals.5.off.0: 第 6 个节日放假的第一天 2028-01-01 不在 2027 年的安排之内（应在 2026-12-24 至 2027-12-31 之间）',
      'festivals.5.off.1: 第 6 个节日放假的最后一天 2028-01-01 不在 2027 年的安排之内（应在 2026-12-24 至 2027-12-31 之间）',
      'festivals.3.work.0: 劳动节的调休上班日 2027-05-02 在劳动节的放假日期之内',
    ]);
  });

  it('prints a festival in one line', () => {
    expect(year2027.festivals.map(festivalLine)).toEqual([
      '元旦 2027-01-01 至 2027-01-03 放假',
      '春节 2027-02-06 至 2027-02-14 放假，2027-02-20 上班',
      '国庆节 2027-10-01 至 2027-10-07 放假，2027-09-26、2027-10-09 上班',
    ]);
  });
});

describe('the built-in table with entered years', () => {
  it('counts a deadline into an entered year; without it, refuses', () => {
    // Received 2026-12-05 (a Saturday): the 20th working day after is in 2027.
    expect(() => addWorkingDays('2026-12-07', 20)).toThrow(MissingHolidayYearError);
    const calendar = createCalendar(withEntered(holidayTable, [year2027]));
    expect(calendar.addWorkingDays('2026-12-07', 20)).toBe('2027-01-05');
    expect(calendar.dayInfo('2027-02-20')).toEqual({
      date: '2027-02-20',
      kind: 'makeupWorkday',
      festival: '春节',
    });
    expect(calendar.years.at(-1)).toBe(2027);
    expect(() => calendar.isWorkingDay('2027-12-24')).toThrow('缺少 2028 年节假日安排');
  });

  it('an entered year replaces the built-in one; the table stays in year order', () => {
    const amended: YearArrangement = {
      ...(holidayTable.find((a) => a.year === 2026) as YearArrangement),
      festivals: [{ name: '元旦', off: ['2026-01-01', '2026-01-05'], work: [] }],
    };
    const table = withEntered(holidayTable, [year2027, amended]);
    expect(table.map((a) => a.year)).toEqual([...holidayTable.map((a) => a.year), 2027]);
    expect(table.find((a) => a.year === 2026)).toBe(amended);
    expect(createCalendar(table).isWorkingDay('2026-01-05')).toBe(false);
    expect(createCalendar(holidayTable).isWorkingDay('2026-01-05')).toBe(true);
  });

  it('any arrangement that passes the check is counted as it says (property)', () => {
    const day = (from: string, span: number) =>
      fc.integer({ min: 0, max: span }).map((n) => fromDayNumber(dayNumber(from) + n));
    const festival = fc
      .tuple(
        day('2027-01-01', 350),
        fc.integer({ min: 0, max: 9 }),
        fc.array(day('2026-12-24', 372), { maxLength: 3 }),
      )
      .map(([start, length, work]) => ({
        name: '节日',
        off: [start, fromDayNumber(dayNumber(start) + length)] as [string, string],
        work: work.filter(isWeekend),
      }));
    fc.assert(
      fc.property(fc.array(festival, { minLength: 1, maxLength: 7 }), (festivals) => {
        const a = { ...year2027, festivals };
        fc.pre(arrangementProblems(a).length === 0);
        const calendar = createCalendar(withEntered(holidayTable, [a]));
        // Days from 24 December 2027 wait for 2028's notice (they refuse: see above).
        const known = (date: string) => date < '2027-12-24';
        for (const f of festivals) {
          for (let d = dayNumber(f.off[0]); d <= dayNumber(f.off[1]); d++)
            if (known(fromDayNumber(d))) expect(calendar.isWorkingDay(fromDayNumber(d))).toBe(false);
          for (const w of f.work.filter(known)) expect(calendar.isWorkingDay(w)).toBe(true);
        }
        // Every other day of 2027 (to 23 December) is a working day exactly when it is a weekday.
        const named = new Set(festivals.flatMap((f) => f.work));
        for (let d = dayNumber('2027-01-01'); d <= dayNumber('2027-12-23'); d++) {
          const date = fromDayNumber(d);
          const closed = festivals.some((f) => date >= f.off[0] && date <= f.off[1]);
          if (!closed && !named.has(date)) expect(calendar.isWorkingDay(date)).toBe(!isWeekend(date));
        }
      }),
      { numRuns: 60 },
    );
  });
});
