/**
 * Holiday arrangements entered by a user: the State Council publishes each year's notice in the
 * autumn before, and deadlines that reach that year can't be worked out until it is in the table.
 * A year entered here is data (stored by the register, see store/repositories/holidays.ts), read
 * with the same shape as the built-in table and checked before it is taken: every date is a real
 * date near its year, closures don't overlap, and a make-up working day is a weekend day outside
 * the closures. Pure (no Node import): the web form checks with the same rules.
 */
import { dateParts, dayNumber, type IsoDate, isIsoDate, isWeekend } from './date.js';
import type { Festival, Notice, YearArrangement } from './holidays.js';

/** The years an arrangement may be entered for. */
export const enteredYears = { min: 2019, max: 2100 } as const;

/** The longest closure a notice has set (2020's Spring Festival, extended, ran 10 days). */
const longestClosure = 15;

/** The usual title of a year's notice. */
export const noticeTitle = (year: number): string => `国务院办公厅关于${year}年部分节假日安排的通知`;

/** The festivals a notice names, in the order it names them. */
export const festivalNames = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

/** A problem with an entered arrangement, in Chinese, and where it is (`festivals.2.off`). */
export interface ArrangementProblem {
  path: string;
  message: string;
}

/**
 * The days an arrangement of `year` may name: its own year, and from 24 December of the year before
 * (a notice's 元旦 closure or make-up day may fall there, as 2019's did).
 */
export const arrangementWindow = (year: number): [IsoDate, IsoDate] => [`${year - 1}-12-24`, `${year}-12-31`];

/** What is wrong with an arrangement entered for its year ([] when it can be taken). */
export function arrangementProblems(a: YearArrangement): ArrangementProblem[] {
  const problems: ArrangementProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!Number.isInteger(a.year) || a.year < enteredYears.min || a.year > enteredYears.max) {
    problem(
      'year',
      `年度应为 ${enteredYears.min}–${enteredYears.max} 之间的整数，实际为「${String(a.year)}」`,
    );
    return problems;
  }
  const [from, to] = arrangementWindow(a.year);
  noticeProblems(a.notice, a.year, 'notice', problem);
  a.amendments.forEach((n, i) => {
    noticeProblems(n, a.year, `amendments.${i}`, problem);
    if (n.change.trim() === '') problem(`amendments.${i}.change`, '调整通知应说明调整了什么');
  });
  if (a.festivals.length === 0) problem('festivals', '至少应有一个节日的放假安排');

  const inWindow = (date: IsoDate, path: string, what: string): boolean => {
    if (!isIsoDate(date)) {
      problem(path, `${what}「${date}」不是有效的日期（YYYY-MM-DD）`);
      return false;
    }
    if (date < from || date > to) {
      problem(path, `${what} ${date} 不在 ${a.year} 年的安排之内（应在 ${from} 至 ${to} 之间）`);
      return false;
    }
    return true;
  };
  /** Closures already seen, as day-number ranges, with their festival's name. */
  const closures: { first: number; last: number; name: string }[] = [];
  const makeUp = new Map<IsoDate, { name: string; path: string }>();
  a.festivals.forEach((f, i) => {
    const at = `festivals.${i}`;
    const name = f.name.trim();
    if (name === '') problem(`${at}.name`, '节日名称不能为空');
    const label = name || `第 ${i + 1} 个节日`;
    const [start, end] = f.off;
    const startOk = inWindow(start, `${at}.off.0`, `${label}放假的第一天`);
    const endOk = inWindow(end, `${at}.off.1`, `${label}放假的最后一天`);
    if (startOk && endOk) {
      const first = dayNumber(start);
      const last = dayNumber(end);
      if (last < first) problem(`${at}.off`, `${label}放假的最后一天 ${end} 早于第一天 ${start}`);
      else if (last - first + 1 > longestClosure)
        problem(`${at}.off`, `${label}放假 ${last - first + 1} 天，超过 ${longestClosure} 天，请核对日期`);
      else {
        const overlap = closures.find((c) => first <= c.last && last >= c.first);
        if (overlap) problem(`${at}.off`, `${label}的放假日期与${overlap.name}重叠`);
        closures.push({ first, last, name: label });
      }
    }
    f.work.forEach((day, j) => {
      if (!inWindow(day, `${at}.work.${j}`, `${label}调休上班日`)) return;
      if (!isWeekend(day))
        problem(`${at}.work.${j}`, `${label}调休上班日 ${day} 不是星期六或星期日（工作日本来就上班）`);
      const other = makeUp.get(day);
      if (other !== undefined) problem(`${at}.work.${j}`, `${day} 已是${other.name}的调休上班日`);
      makeUp.set(day, { name: label, path: `${at}.work.${j}` });
    });
  });
  for (const [day, { name, path }] of makeUp) {
    const n = dayNumber(day);
    const closed = closures.find((c) => n >= c.first && n <= c.last);
    if (closed) problem(path, `${name}的调休上班日 ${day} 在${closed.name}的放假日期之内`);
  }
  return problems;
}

function noticeProblems(
  n: Notice,
  year: number,
  at: string,
  problem: (path: string, message: string) => void,
): void {
  if (n.title.trim() === '') problem(`${at}.title`, '通知标题不能为空');
  if (n.number.trim() === '') problem(`${at}.number`, '发文字号不能为空（如 国办发明电〔2025〕7号）');
  if (!isIsoDate(n.date)) problem(`${at}.date`, `成文日期「${n.date}」不是有效的日期（YYYY-MM-DD）`);
  else if (dateParts(n.date)[0] > year || dateParts(n.date)[0] < year - 2)
    problem(`${at}.date`, `成文日期 ${n.date} 与 ${year} 年的安排不符（应在 ${year - 2}–${year} 年之内）`);
}

/**
 * The built-in table with the entered years: an entered year is added, or replaces the built-in one
 * (a later notice changed it); ordered by year, so that a year's notice, coming after the year
 * before, has the last word on the late-December days both name.
 */
export function withEntered(
  builtIn: readonly YearArrangement[],
  entered: readonly YearArrangement[],
): YearArrangement[] {
  const byYear = new Map<number, YearArrangement>();
  for (const a of builtIn) byYear.set(a.year, a);
  for (const a of entered) byYear.set(a.year, a);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * How far the table reaches, in a sentence: 「已有 2019–2026 年的安排；2027 年的安排尚未录入：2026-12-23
 * 以后的工作日期限无法计算」 (years entered past a gap named apart). `coveredThrough` and `nextYear` as
 * the API gives them (the end of the unbroken run of years).
 */
export function coverageText(table: {
  years: readonly { year: number }[];
  coveredThrough: IsoDate;
  nextYear: number;
}): string {
  const years = table.years.map((y) => y.year).sort((a, b) => a - b);
  const first = years[0];
  const last = table.nextYear - 1;
  const later = years.filter((y) => y > table.nextYear);
  const have =
    first === undefined
      ? '尚无节假日安排'
      : first === last
        ? `已有 ${first} 年的安排`
        : `已有 ${first}–${last} 年的安排`;
  const also = later.length > 0 ? `（另有 ${later.join('、')} 年）` : '';
  return `${have}${also}；${table.nextYear} 年的安排尚未录入：${table.coveredThrough} 以后的工作日期限无法计算`;
}

/** From this day on, users are reminded to enter the next year: two months before the table runs out. */
export function reminderFrom(coveredThrough: IsoDate): IsoDate {
  const [y, m, d] = dateParts(coveredThrough);
  return new Date(Date.UTC(y, m - 3, d)).toISOString().slice(0, 10);
}

/** A festival in one line: 「春节 2027-02-05 至 2027-02-12 放假，2027-02-07、2027-02-20 上班」. */
export function festivalLine(f: Festival): string {
  const off = f.off[0] === f.off[1] ? `${f.off[0]} 放假` : `${f.off[0]} 至 ${f.off[1]} 放假`;
  return `${f.name} ${off}${f.work.length > 0 ? `，${f.work.join('、')} 上班` : ''}`;
}
