/** Small helpers the checks share: reading cells and finding where they were printed. */
import type { Point } from '../core/finding.js';
import type { Cells } from '../core/report.js';
import type { CheckInput } from './types.js';

/** The finite numbers among the cells, by key. */
export function cellNumbers(cells: Cells): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const key in cells) {
    const value = cells[key];
    if (typeof value === 'number' && Number.isFinite(value)) numbers.set(key, value);
  }
  return numbers;
}

/** The value of a cell, or `null` when it is blank, unreadable or absent. */
export function cellValue(input: CheckInput, key: string): number | null {
  if (input.numbers) return input.numbers.get(key) ?? null;
  const value = input.report.cells[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The values of the keys, or `null` when any of them is missing (the relation can't be checked). */
export function cellValues(input: CheckInput, keys: readonly string[]): number[] | null {
  const values: number[] = [];
  for (const key of keys) {
    const value = cellValue(input, key);
    if (value === null) return null;
    values.push(value);
  }
  return values;
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Formats a number for messages without floating-point noise (0.1 + 0.2 → 0.3). */
export const formatNumber = (value: number): string => String(Number(value.toPrecision(12)));

/** Where the first of the keys that has a known place was printed (null without evidence). */
export function cellPlace(input: CheckInput, keys: readonly string[]): Point | null {
  const places = input.evidence?.cellPlaces;
  if (!places) return null;
  for (const key of keys) {
    const place = places.get(key);
    if (place) return place;
  }
  return null;
}
