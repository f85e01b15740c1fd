/** Small helpers the checks share: reading cells and finding where they were printed. */
import type { Point } from '../core/finding.js';
import type { Cells } from '../core/report.js';
import { cellKeys } from '../spec/registry.js';
import type { FormatSpec } from '../spec/types.js';
import type { CheckInput } from './types.js';

const keyIndexes = new WeakMap<FormatSpec, Map<string, number>>();

/** The place of each cell key of the format in its codebook order. */
export function keyIndex(spec: FormatSpec): ReadonlyMap<string, number> {
  let index = keyIndexes.get(spec);
  if (!index) {
    index = new Map(cellKeys(spec).map((key, i) => [key, i]));
    keyIndexes.set(spec, index);
  }
  return index;
}

/** A cell's value as the checks read it: a finite number, or `null` (blank, unreadable, absent). */
const numberOf = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * The cells of the format's codebook, in its order: the finite numbers, NaN for the others (one
 * typed array: the same kind of elements for every report, no number boxed). An assembled
 * report's cells already hold every key in that order: their values are read in one go (a lookup
 * by key in a 200-member object costs several times more).
 */
export function cellNumbers(cells: Cells, spec: FormatSpec): Float64Array {
  const keys = cellKeys(spec);
  const numbers = new Float64Array(keys.length);
  const own = Object.keys(cells);
  const values =
    own.length === keys.length && own.every((key, i) => key === keys[i]) ? Object.values(cells) : null;
  for (let i = 0; i < keys.length; i++) {
    const value = values ? values[i] : cells[keys[i] as string];
    numbers[i] = typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
  }
  return numbers;
}

const computed = new WeakMap<CheckInput, Float64Array>();

/** `input.numbers`, or (for a check called alone) the same computed once for the input. */
export function numbersOf(input: CheckInput): Float64Array {
  if (input.numbers) return input.numbers;
  let numbers = computed.get(input);
  if (!numbers) {
    numbers = cellNumbers(input.report.cells, input.spec);
    computed.set(input, numbers);
  }
  return numbers;
}

/** The value of a cell, or `null` when it is blank, unreadable or absent. */
export function cellValue(input: CheckInput, key: string): number | null {
  const at = keyIndex(input.spec).get(key);
  // A key outside the codebook (a report given as JSON may have one) is read from the cells.
  if (at === undefined) return numberOf(input.report.cells[key]);
  const value = numbersOf(input)[at] as number;
  return Number.isNaN(value) ? null : value;
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

/**
 * The sum of the cells at these codebook places (in order, as `sum` adds), or `null` when any of
 * them has no value.
 */
export function sumAt(numbers: Float64Array, places: readonly number[]): number | null {
  let total = 0;
  for (let i = 0; i < places.length; i++) {
    // NaN: no value (and a place outside the codebook, -1, reads as undefined).
    const value = numbers[places[i] as number];
    if (value === undefined || Number.isNaN(value)) return null;
    total += value;
  }
  return total;
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
