/**
 * Real reports with cells left blank: any set of a real report's figures taken out, as a report
 * that leaves those cells blank would print them, reads back with each cell exact (a blank one as
 * null) or named by an error, never silently wrong. Every real layout: a cell a line (the spider's
 * text of 008 and 007, a blank cell an empty line), `pdftotext -layout` (011, its figures in
 * columns, a blank cell spaces; its table 三 runs over a page break, where the columns are spaced
 * afresh), and figures run together (001–003, 014–018: a blank cell leaves no trace at all).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';
import { describeFindings, errors, fcParams, toBytes } from '../support/parse.js';

const real = (name: string) => new URL(`../fixtures/real/${name}`, import.meta.url);
const read = async (text: string, name: string) => processBytes(toBytes(text), name);

/** Where each figure of the report's complete rows is printed: its line and columns. */
interface Spot {
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
async function spotsOf(name: string, truth: Record<string, number | null>): Promise<Spot[]> {
  const text = readFileSync(real(name), 'utf8');
  const lines = text.split('\n');
  const { evidence } = await read(text, name);
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

describe('real reports with figures left blank', () => {
  for (const [name, runs] of [
    ['011.txt', 60],
    ['008.txt', 40],
    ['007.txt', 25],
    ['001.txt', 15],
    ['002.txt', 15],
    ['003.txt', 15],
    ['014.txt', 15],
    ['016.txt', 15],
    ['018.txt', 15],
  ] as const)
    it(`${name}: every cell exact (a blank one null) or named by an error`, async () => {
      const truth = JSON.parse(readFileSync(real(name.replace('.txt', '.expected.json')), 'utf8')).cells;
      const text = readFileSync(real(name), 'utf8');
      const spots = await spotsOf(name, truth);
      expect(spots.length).toBeGreaterThan(60);
      expect(new Set(spots.map((s) => s.key)).size).toBe(spots.length);
      await fc.assert(
        // Each figure left blank with one chance in `odds` (a PRNG seeded by the case).
        fc.asyncProperty(
          fc.integer({ min: 1, max: 0x7ffffffe }),
          fc.integer({ min: 2, max: 20 }),
          async (seed, odds) => {
            let state = seed;
            const drop = spots.map(() => {
              state = (state * 48271) % 0x7fffffff;
              return state % odds === 0;
            });
            const lines = text.split('\n');
            const expected: Record<string, number | null> = { ...truth };
            // From the end of each line back, so that what is taken out moves nothing still to come.
            const chosen = spots.filter((_, i) => drop[i]).sort((a, b) => b.from - a.from);
            for (const s of chosen) {
              const l = lines[s.line] as string;
              lines[s.line] =
                l.slice(0, s.from) + (s.remove ? '' : ' '.repeat(s.to - s.from)) + l.slice(s.to);
              expected[s.key] = null;
            }
            const { report } = await read(lines.join('\n'), name);
            const named = new Set(errors(report.findings).flatMap((f) => f.keys));
            const wrong = Object.keys(expected).filter(
              (k) => (report.cells[k] ?? null) !== expected[k] && !named.has(k),
            );
            const blanked = chosen.map((s) => s.key);
            expect(
              wrong.map((k) => `${k}: ${expected[k]} → ${report.cells[k]}`),
              `${name} with ${blanked.join(' ')} blank\n${describeFindings(report.findings)}`,
            ).toEqual([]);
          },
        ),
        fcParams(runs, 20261206),
      );
    }, 120_000);
});
