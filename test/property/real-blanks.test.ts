/**
 * Real reports with cells left blank: any set of a real report's figures taken out, as a report
 * that leaves those cells blank would print them, reads back with each cell exact (a blank one as
 * null) or named by an error, never silently wrong. The real layouts where blank cells keep their
 * place: a cell a line (the spider's text of 008 and 007, a blank cell an empty line) and
 * `pdftotext -layout` (011, its figures in columns, a blank cell spaces; its table 三 runs over a
 * page break, where the columns are spaced afresh).
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
}

/**
 * The figures of the rows read whole (every cell a figure in the truth), found from where the
 * reader says each row starts: a cell a line, the row's figures are the next figure lines; in
 * columns, the figures on the row's line from its first on.
 */
async function spotsOf(name: string, truth: Record<string, number | null>): Promise<Spot[]> {
  const text = readFileSync(real(name), 'utf8');
  const lines = text.split('\n');
  const { evidence } = await read(text, name);
  const rows = new Map<number, string[]>();
  for (const [key, place] of evidence.cellPlaces) {
    const list = rows.get(place.line - 1) ?? [];
    list.push(key);
    rows.set(place.line - 1, list);
  }
  const figureLine = (l: string) => /^\s*-?\d+(?:\.\d+)?\s*$/.test(l);
  const spots: Spot[] = [];
  for (const [line, keys] of rows) {
    if (keys.some((k) => truth[k] === null || truth[k] === undefined)) continue;
    const l = lines[line] as string;
    const column = (evidence.cellPlaces.get(keys[0] as string)?.column ?? 1) - 1;
    const runs = [...l.matchAll(/-?\d+(?:\.\d+)?/g)].filter((m) => (m.index ?? 0) >= column);
    if (!figureLine(l)) {
      if (runs.length !== keys.length) continue;
      keys.forEach((key, j) => {
        const m = runs[j] as RegExpMatchArray;
        spots.push({ key, line, from: m.index ?? 0, to: (m.index ?? 0) + m[0].length });
      });
      continue;
    }
    const next: number[] = [];
    for (let i = line; i < lines.length && next.length < keys.length; i++)
      if (figureLine(lines[i] as string)) next.push(i);
    if (next.length !== keys.length) continue;
    keys.forEach((key, j) => {
      const at = next[j] as number;
      spots.push({ key, line: at, from: 0, to: (lines[at] as string).length });
    });
  }
  return spots;
}

describe('real reports with figures left blank', () => {
  for (const [name, runs] of [
    ['011.txt', 60],
    ['008.txt', 40],
    ['007.txt', 25],
  ] as const)
    it(`${name}: every cell exact (a blank one null) or named by an error`, async () => {
      const truth = JSON.parse(readFileSync(real(name.replace('.txt', '.expected.json')), 'utf8')).cells;
      const text = readFileSync(real(name), 'utf8');
      const spots = await spotsOf(name, truth);
      expect(spots.length).toBeGreaterThan(60);
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
            spots.forEach((s, i) => {
              if (!drop[i]) return;
              const l = lines[s.line] as string;
              lines[s.line] = l.slice(0, s.from) + ' '.repeat(s.to - s.from) + l.slice(s.to);
              expected[s.key] = null;
            });
            const { report } = await read(lines.join('\n'), name);
            const named = new Set(errors(report.findings).flatMap((f) => f.keys));
            const wrong = Object.keys(expected).filter(
              (k) => (report.cells[k] ?? null) !== expected[k] && !named.has(k),
            );
            const blanked = spots.filter((_, i) => drop[i]).map((s) => s.key);
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
