/**
 * The calendar's prefix sums agree with walking day by day: addWorkingDays and workingDaysBetween
 * against a naive walk over isWorkingDay, for random dates and counts, refusals included.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { addDays, calendar, dayNumber, fromDayNumber } from '../../src/workflow/calendar/index.js';

const walkAdd = (date: string, n: number): string => {
  calendar.dayInfo(date); // the start must be covered too
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) left--;
  }
  return day;
};

const outcome = (run: () => unknown): unknown => {
  try {
    return run();
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  }
};

const dates = fc
  .integer({ min: dayNumber('2019-01-01'), max: dayNumber('2026-12-31') })
  .map((d) => fromDayNumber(d));

it('adds working days as a walk would, and refuses where it would', () => {
  fc.assert(
    fc.property(dates, fc.integer({ min: 0, max: 80 }), (date, n) => {
      expect(outcome(() => calendar.addWorkingDays(date, n))).toEqual(outcome(() => walkAdd(date, n)));
    }),
    { numRuns: 2000 },
  );
});

it('counts working days between two dates as a walk would', () => {
  fc.assert(
    fc.property(dates, fc.integer({ min: -60, max: 60 }), (from, k) => {
      const to = addDays(from, k);
      const walk = () => {
        const [a, b, sign] = to < from ? [to, from, -1] : [from, to, 1];
        calendar.dayInfo(a);
        let count = 0;
        for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) count++;
        return sign * count;
      };
      expect(outcome(() => calendar.workingDaysBetween(from, to))).toEqual(outcome(walk));
    }),
    { numRuns: 2000 },
  );
  expect(calendar.isWorkingDayNumber(dayNumber('2024-02-18'))).toBe(true);
  expect(calendar.isWorkingDayNumber(dayNumber('2024-02-12'))).toBe(false);
});
