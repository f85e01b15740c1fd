/**
 * Where a real fixture prints each figure of its complete rows (test/property/real-*.test.ts): the
 * reader's own places for each row's start, then the figures from there as the layout prints them.
 */
import { readFileSync } from 'node:fs';
import { processBytes } from '../../src/pipeline.js';
import { toBytes } from './parse.js';

export const real = (name: string) => new URL(`../fixtures/real/${name}`, import.meta.url);

/**
 * The real text fixtures, each a layout of its own, with how many cases a property tries on each
 * (most where the layout has most to get wrong: columns, then a cell a line, then run together).
 */
export const realTexts = (columns: number, cellALine: number, runTogether: number): [string, number][] => [
  ['011.txt', columns],
  ['008.txt', cellALine],
  ['007.txt', Math.round(cellALine * 0.65)],
  ...['001', '002', '003', '014', '016', '018'].map((n): [string, number] => [`${n}.txt`, runTogether]),
];
export const readReal = async (text: string, name: string) => processBytes(toBytes(text), name);

/** Where each figure of the report's complete rows is printed: its line and columns. */
export interface Spot {
  key: string;
  line: number;
  from: number;
  to: number;
  /** Figures run together: a blank cell takes its characters out (else they become spaces). */
  remove: boolean;
}

/**
 * The figures of the rows read whole (every cell a figure in the truth), found from where the
 * reader says each row starts: a cell a line, the row's figures are the next figure lines; in
 * columns, the figures on the row's line from its first on; run together, the truth's figures one
 * after another there.
 */
export async function spotsOf(name: string, truth: Record<string, number | null>): Promise<Spot[]> {
  const text = readFileSync(real(name), 'utf8');
  const lines = text.split('\n');
  const { evidence } = await readReal(text, name);
  // The keys of each row, by where it starts (each key's place is its row's first figure).
  const rows = new Map<string, { line: number; column: number; keys: string[] }>();
  for (const [key, place] of evidence.cellPlaces) {
    const at = `${place.line}:${place.column}`;
    const row = rows.get(at) ?? { line: place.line - 1, column: place.column - 1, keys: [] };
    row.keys.push(key);
    rows.set(at, row);
  }
  const figureLine = (l: string) => /^\s*-?\d+(?:\.\d+)?\s*$/.test(l);
  const spots: Spot[] = [];
  for (const { line, column, keys } of rows.values()) {
    if (keys.some((k) => truth[k] === null || truth[k] === undefined)) continue;
    const l = lines[line] as string;
    if (figureLine(l)) {
      // A cell a line: the row's figures are the next figure lines.
      const next: number[] = [];
      for (let i = line; i < lines.length && next.length < keys.length; i++)
        if (figureLine(lines[i] as string)) next.push(i);
      if (next.length !== keys.length) continue;
      keys.forEach((key, j) => {
        const at = next[j] as number;
        spots.push({ key, line: at, from: 0, to: (lines[at] as string).length, remove: false });
      });
      continue;
    }
    const runs = [...l.matchAll(/-?\d+(?:\.\d+)?/g)].filter((m) => (m.index ?? 0) >= column);
    if (
      runs.length >= keys.length &&
      runs.slice(0, keys.length).every((m, j) => m[0] === String(truth[keys[j] as string]))
    ) {
      // In columns: the figures on the row's line.
      keys.forEach((key, j) => {
        const m = runs[j] as RegExpMatchArray;
        spots.push({ key, line, from: m.index ?? 0, to: (m.index ?? 0) + m[0].length, remove: false });
      });
      continue;
    }
    // Run together: the row's figures one after another from its first.
    let at = column;
    const row: Spot[] = [];
    for (const key of keys) {
      while (at < l.length && /\s/.test(l[at] as string)) at++;
      const figure = String(truth[key]);
      if (l.slice(at, at + figure.length) !== figure) break;
      row.push({ key, line, from: at, to: at + figure.length, remove: true });
      at += figure.length;
    }
    if (row.length === keys.length) spots.push(...row);
  }
  return spots;
}
