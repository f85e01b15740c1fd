/**
 * The holiday table: for each year, the closures (放假) and make-up working days (调休上班) set by
 * the State Council's notice on that year's holidays (国务院办公厅关于YYYY年部分节假日安排的通知),
 * with any later notice that changed it. Weekends not named here are rest days; weekdays not named
 * here are working days. A year is added here when its notice is published, never guessed: a
 * computation that reaches a year missing from this table refuses (see working-days.ts).
 *
 * The ranges are transcribed from the notices. Every date of 2019–2026 is cross-checked against
 * the `chinese-days` package in test/workflow/calendar.test.ts.
 */
import type { IsoDate } from './date.js';

/** Bump when an entry is added or corrected, so stored deadlines can say which table they used. */
export const holidayTableVersion = '2025-11-04';

export interface Notice {
  title: string;
  /** 发文字号, e.g. 国办发明电〔2023〕7号. */
  number: string;
  /** 成文日期. */
  date: IsoDate;
}

export interface Festival {
  /** 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节. */
  name: string;
  /** 放假: from and to, both included (may start in the previous year: 元旦). */
  off: readonly [IsoDate, IsoDate];
  /** 调休上班: weekend days that are working days. */
  work: readonly IsoDate[];
}

export interface YearArrangement {
  year: number;
  notice: Notice;
  /** Later notices that changed the arrangement (already applied to `festivals`). */
  amendments: readonly (Notice & { change: string })[];
  festivals: readonly Festival[];
}

const notice = (year: number, number: string, date: IsoDate): Notice => ({
  title: `国务院办公厅关于${year}年部分节假日安排的通知`,
  number,
  date,
});

export const holidayTable: readonly YearArrangement[] = [
  {
    year: 2019,
    notice: notice(2019, '国办发明电〔2018〕15号', '2018-12-06'),
    amendments: [
      {
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        number: '国办发明电〔2019〕3号',
        date: '2019-03-22',
        change: '劳动节改为5月1日至4日放假，4月28日（星期日）、5月5日（星期日）上班',
      },
    ],
    festivals: [
      { name: '元旦', off: ['2018-12-30', '2019-01-01'], work: ['2018-12-29'] },
      { name: '春节', off: ['2019-02-04', '2019-02-10'], work: ['2019-02-02', '2019-02-03'] },
      { name: '清明节', off: ['2019-04-05', '2019-04-07'], work: [] },
      { name: '劳动节', off: ['2019-05-01', '2019-05-04'], work: ['2019-04-28', '2019-05-05'] },
      { name: '端午节', off: ['2019-06-07', '2019-06-09'], work: [] },
      { name: '中秋节', off: ['2019-09-13', '2019-09-15'], work: [] },
      { name: '国庆节', off: ['2019-10-01', '2019-10-07'], work: ['2019-09-29', '2019-10-12'] },
    ],
  },
  {
    year: 2020,
    notice: notice(2020, '国办发明电〔2019〕16号', '2019-11-21'),
    amendments: [
      {
        title: '国务院办公厅关于延长2020年春节假期的通知',
        number: '国办发明电〔2020〕1号',
        date: '2020-01-26',
        change: '春节假期延长至2月2日（星期日），2月3日起正常上班；原定2月1日（星期六）上班取消',
      },
    ],
    festivals: [
      { name: '元旦', off: ['2020-01-01', '2020-01-01'], work: [] },
      { name: '春节', off: ['2020-01-24', '2020-02-02'], work: ['2020-01-19'] },
      { name: '清明节', off: ['2020-04-04', '2020-04-06'], work: [] },
      { name: '劳动节', off: ['2020-05-01', '2020-05-05'], work: ['2020-04-26', '2020-05-09'] },
      { name: '端午节', off: ['2020-06-25', '2020-06-27'], work: ['2020-06-28'] },
      { name: '国庆节、中秋节', off: ['2020-10-01', '2020-10-08'], work: ['2020-09-27', '2020-10-10'] },
    ],
  },
  {
    year: 2021,
    notice: notice(2021, '国办发明电〔2020〕27号', '2020-11-25'),
    amendments: [],
    festivals: [
      { name: '元旦', off: ['2021-01-01', '2021-01-03'], work: [] },
      { name: '春节', off: ['2021-02-11', '2021-02-17'], work: ['2021-02-07', '2021-02-20'] },
      { name: '清明节', off: ['2021-04-03', '2021-04-05'], work: [] },
      { name: '劳动节', off: ['2021-05-01', '2021-05-05'], work: ['2021-04-25', '2021-05-08'] },
      { name: '端午节', off: ['2021-06-12', '2021-06-14'], work: [] },
      { name: '中秋节', off: ['2021-09-19', '2021-09-21'], work: ['2021-09-18'] },
      { name: '国庆节', off: ['2021-10-01', '2021-10-07'], work: ['2021-09-26', '2021-10-09'] },
    ],
  },
  {
    year: 2022,
    notice: notice(2022, '国办发明电〔2021〕11号', '2021-10-25'),
    amendments: [],
    festivals: [
      { name: '元旦', off: ['2022-01-01', '2022-01-03'], work: [] },
      { name: '春节', off: ['2022-01-31', '2022-02-06'], work: ['2022-01-29', '2022-01-30'] },
      { name: '清明节', off: ['2022-04-03', '2022-04-05'], work: ['2022-04-02'] },
      { name: '劳动节', off: ['2022-04-30', '2022-05-04'], work: ['2022-04-24', '2022-05-07'] },
      { name: '端午节', off: ['2022-06-03', '2022-06-05'], work: [] },
      { name: '中秋节', off: ['2022-09-10', '2022-09-12'], work: [] },
      { name: '国庆节', off: ['2022-10-01', '2022-10-07'], work: ['2022-10-08', '2022-10-09'] },
    ],
  },
  {
    year: 2023,
    notice: notice(2023, '国办发明电〔2022〕16号', '2022-12-08'),
    amendments: [],
    festivals: [
      { name: '元旦', off: ['2022-12-31', '2023-01-02'], work: [] },
      { name: '春节', off: ['2023-01-21', '2023-01-27'], work: ['2023-01-28', '2023-01-29'] },
      { name: '清明节', off: ['2023-04-05', '2023-04-05'], work: [] },
      { name: '劳动节', off: ['2023-04-29', '2023-05-03'], work: ['2023-04-23', '2023-05-06'] },
      { name: '端午节', off: ['2023-06-22', '2023-06-24'], work: ['2023-06-25'] },
      { name: '中秋节、国庆节', off: ['2023-09-29', '2023-10-06'], work: ['2023-10-07', '2023-10-08'] },
    ],
  },
  {
    year: 2024,
    notice: notice(2024, '国办发明电〔2023〕7号', '2023-10-25'),
    amendments: [],
    festivals: [
      { name: '元旦', off: ['2024-01-01', '2024-01-01'], work: [] },
      { name: '春节', off: ['2024-02-10', '2024-02-17'], work: ['2024-02-04', '2024-02-18'] },
      { name: '清明节', off: ['2024-04-04', '2024-04-06'], work: ['2024-04-07'] },
      { name: '劳动节', off: ['2024-05-01', '2024-05-05'], work: ['2024-04-28', '2024-05-11'] },
      { name: '端午节', off: ['2024-06-10', '2024-06-10'], work: [] },
      { name: '中秋节', off: ['2024-09-15', '2024-09-17'], work: ['2024-09-14'] },
      { name: '国庆节', off: ['2024-10-01', '2024-10-07'], work: ['2024-09-29', '2024-10-12'] },
    ],
  },
  {
    year: 2025,
    notice: notice(2025, '国办发明电〔2024〕12号', '2024-11-12'),
    amendments: [],
    festivals: [
      { name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [] },
      { name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] },
      { name: '清明节', off: ['2025-04-04', '2025-04-06'], work: [] },
      { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
      { name: '端午节', off: ['2025-05-31', '2025-06-02'], work: [] },
      { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    notice: notice(2026, '国办发明电〔2025〕7号', '2025-11-04'),
    amendments: [],
    festivals: [
      { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
      { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] },
      { name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [] },
      { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
      { name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [] },
      { name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: [] },
      { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-09-20', '2026-10-10'] },
    ],
  },
];
