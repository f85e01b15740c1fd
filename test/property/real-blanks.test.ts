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
import { describeFindings, errors, fcParams, withExamples } from '../support/parse.js';
import { readReal as read, real, realTexts, spotsOf } from '../support/real-spots.js';

describe('real reports with figures left blank', () => {
  for (const [name, runs] of realTexts(60, 40, 15))
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
        withExamples({
          ...fcParams(runs, 20261206),
          // Cases that once read wrong: a row placed by the columns of complete rows further down
          // 011's table 三 (they drift with the labels' width) rather than the row next to it.
          examples:
            name === '011.txt'
              ? ([
                  [165107465, 3],
                  [1554979509, 7],
                  // Half the figures blank: the right-aligned 「108」「103」 and 「1」「6」 of 自然人
                  // made two places by their left ends, and 商业企业, blank in every row, one fewer.
                  [493747278, 2],
                  // 法律服务机构's 「61」「50」「10」 (67–69) and 「0」 (71–72) aligned by no edge made two
                  // places, and 总计, blank in every row of the page, one fewer: rows a column off.
                  [640216244, 2],
                ] as [number, number][])
              : [],
        }),
      );
    }, 120_000);
});
