/**
 * The holiday table the register works with: the built-in one, with the years users have entered
 * (a year's notice comes out after the release that would carry it). Deadlines, statuses and the
 * compiled report all count working days with `holidayCalendar(store)`; it is built again only when
 * an entered year changes, in this process or another (the data version `holidayVersionKey`).
 */
import { ArrangementError, type Store, StoreError } from '../../store/index.js';
import { holidayVersionKey } from '../../store/repositories/holidays.js';
import {
  createCalendar,
  holidayTable,
  type IsoDate,
  type WorkingCalendar,
  withEntered,
  type YearArrangement,
} from '../../workflow/index.js';
import { ApiError } from '../errors.js';
import { type Principal, requireRight } from './principal.js';
import { share } from './shared.js';

interface CachedCalendar {
  version: number;
  calendar: WorkingCalendar;
  /** The table as the API answers it (shared: its JSON is made once per version). */
  table: Readonly<HolidayTable>;
}

/** A year of the table as the API shows it. */
export interface HolidayYear extends YearArrangement {
  /** builtIn: in Gongkai's own table; entered: entered by a user (replacing a built-in one or not). */
  source: 'builtIn' | 'entered';
  /** An entered year that replaces the built-in arrangement of the same year. */
  replacesBuiltIn: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  /** The display name of the user who entered it (null for the system or a user since removed). */
  updatedByName: string | null;
}

export interface HolidayTable {
  years: readonly HolidayYear[];
  /**
   * The last day whose working days can be counted without a gap from the first year: 23 December of
   * the last year in an unbroken run (the next year's notice may move the days after it).
   */
  coveredThrough: IsoDate;
  /** The first year the table lacks after that run: the one to enter next. */
  nextYear: number;
}

const builtInYears = new Set(holidayTable.map((a) => a.year));
const cache = new WeakMap<Store, CachedCalendar>();

/** The calendar and table as of an entered-years version (read by the caller, before the rows). */
async function at(store: Store, version: number): Promise<CachedCalendar> {
  const cached = cache.get(store);
  if (cached?.version === version) return cached;
  const entered = await store.holidays.list();
  const arrangements = withEntered(
    holidayTable,
    entered.map((e) => e.arrangement),
  );
  const byYear = new Map(entered.map((e) => [e.arrangement.year, e]));
  const names = new Map<string, string>();
  for (const id of new Set(entered.flatMap((e) => e.updatedBy ?? []))) {
    const user = await store.users.get(id);
    if (user) names.set(id, user.displayName);
  }
  const years = arrangements.map((a): HolidayYear => {
    const e = byYear.get(a.year);
    return {
      ...a,
      source: e ? 'entered' : 'builtIn',
      replacesBuiltIn: e !== undefined && builtInYears.has(a.year),
      updatedAt: e?.updatedAt ?? null,
      updatedBy: e?.updatedBy ?? null,
      updatedByName: names.get(e?.updatedBy ?? '') ?? null,
    };
  });
  // The end of the unbroken run of years from the first (years are in order).
  let last = (years[0] as HolidayYear).year;
  while (years.some((y) => y.year === last + 1)) last++;
  const table = share({ years, coveredThrough: `${last}-12-23`, nextYear: last + 1 });
  const fresh = { version, calendar: createCalendar(arrangements), table };
  cache.set(store, fresh);
  return fresh;
}

/** The version of the entered years, from data versions already read with it (see fromRecords). */
export const holidayVersionOf = (versions: ReadonlyMap<string, number>): number =>
  versions.get(holidayVersionKey) ?? 0;

export { holidayVersionKey };

/** The working calendar of the built-in and entered years, as of a version already read. */
export const holidayCalendarAt = async (store: Store, version: number): Promise<WorkingCalendar> =>
  (await at(store, version)).calendar;

/** The working calendar of the built-in and entered years (one small query when nothing changed). */
export async function holidayCalendar(store: Store): Promise<WorkingCalendar> {
  const versions = await store.dataVersions([holidayVersionKey]);
  return holidayCalendarAt(store, holidayVersionOf(versions));
}

/** The table, for anyone signed in: holidays are public, and every role counts deadlines by them. */
export async function holidayTableOf(store: Store): Promise<Readonly<HolidayTable>> {
  return (await at(store, holidayVersionOf(await store.dataVersions([holidayVersionKey])))).table;
}

/** Enters a year's arrangement (管理员): replaces the one entered before, or the built-in one. */
export async function putHolidayYear(
  store: Store,
  p: Principal,
  arrangement: YearArrangement,
): Promise<Readonly<HolidayTable>> {
  requireRight(p, 'manage');
  try {
    await store.holidays.put(p.actor, arrangement);
  } catch (error) {
    if (error instanceof ArrangementError)
      throw new ApiError(
        400,
        'holidays.invalid',
        error.message,
        error.problems.map((problem) => ({
          code: `holidays.${problem.path}`,
          severity: 'error' as const,
          message: problem.message,
          event: null,
        })),
      );
    throw error;
  }
  return holidayTableOf(store);
}

/** Removes an entered year (管理员): the built-in arrangement of that year, if any, applies again. */
export async function removeHolidayYear(
  store: Store,
  p: Principal,
  year: number,
): Promise<Readonly<HolidayTable>> {
  requireRight(p, 'manage');
  try {
    await store.holidays.remove(p.actor, year);
  } catch (error) {
    if (error instanceof StoreError && error.code === 'store.not-found')
      throw new ApiError(404, 'not-found', error.message);
    throw error;
  }
  return holidayTableOf(store);
}
