/**
 * Real reports with other figures: a random report's figures (its identities holding) written into
 * a real report's complete rows where the real figures stand, as the layout prints them — on their
 * own line, in the same columns (right-aligned where the row's spaces allow; else the real figure
 * stays), or run together with their neighbours. The real text around them (headings, labels, page
 * furniture) stays; some figures may also be left blank (as real-blanks.test.ts leaves them). Each cell reads back exact or named by an error, never silently wrong.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generate/random-report.js';
import { describeFindings, errors, fcParams, withExamples } from '../support/parse.js';
import { readReal as read, real, realTexts, spotsOf } from '../support/real-spots.js';

describe('real reports with other figures', () => {
  for (const [name, runs] of realTexts(40, 30, 15))
    it(`${name}: every cell exact or named by an error`, async () => {
      const expectedJson = JSON.parse(readFileSync(real(name.replace('.txt', '.expected.json')), 'utf8'));
      const truth: Record<string, number | null> = expectedJson.cells;
      const text = readFileSync(real(name), 'utf8');
      const spots = await spotsOf(name, truth);
      expect(spots.length).toBeGreaterThan(60);
      await fc.assert(
        // Some figures also left blank: each with one chance in `odds` (none when odds is 1).
        fc.asyncProperty(
          fc.integer({ min: 1, max: 0x7ffffffe }),
          fc.integer({ min: 1, max: 12 }),
          async (seed, odds) => {
            const other = generateReport(seed, expectedJson.format).cells;
            let state = seed;
            const blank = () => {
              state = (state * 48271) % 0x7fffffff;
              return odds > 1 && state % odds === 0;
            };
            const lines = text.split('\n');
            const expected: Record<string, number | null> = { ...truth };
            // From the end of each line back, so that a figure of another length moves nothing still to come.
            for (const s of [...spots].sort((a, b) => b.from - a.from)) {
              const l = lines[s.line] as string;
              if (blank()) {
                lines[s.line] =
                  l.slice(0, s.from) + (s.remove ? '' : ' '.repeat(s.to - s.from)) + l.slice(s.to);
                expected[s.key] = null;
                continue;
              }
              const value = other[s.key];
              if (typeof value !== 'number') continue;
              const figure = String(value);
              let from = s.from;
              const width = s.to - s.from;
              if (!s.remove && figure.length !== width && l.trim() !== l.slice(s.from, s.to).trim()) {
                // In columns: right-aligned where the real figure ends, a longer one into the
                // spaces before it (one space kept between it and what stands before).
                if (figure.length < width) {
                  lines[s.line] = l.slice(0, s.from) + figure.padStart(width) + l.slice(s.to);
                  expected[s.key] = value;
                  continue;
                }
                from = s.to - figure.length;
                if (from < 1 || !/^ +$/.test(l.slice(from - 1, s.from))) continue;
              }
              lines[s.line] = l.slice(0, from) + figure + l.slice(s.to);
              expected[s.key] = value;
            }
            const { report } = await read(lines.join('\n'), name);
            // The real prose still states the real figures (「其中49件保留…1件予以废止」): where a row's
            // run-together digits admit the figure it states, the reader takes the prose's word and
            // says so (assemble.split-prose).
            const named = new Set(
              [
                ...errors(report.findings),
                ...report.findings.filter((f) => f.code === 'assemble.split-prose'),
              ].flatMap((f) => f.keys),
            );
            const wrong = Object.keys(expected).filter(
              (k) => (report.cells[k] ?? null) !== expected[k] && !named.has(k),
            );
            expect(
              wrong.map((k) => `${k}: ${expected[k]} → ${report.cells[k]}`),
              `${name}, figures of report ${seed}, one in ${odds} blank\n${describeFindings(report.findings)}`,
            ).toEqual([]);
          },
        ),
        withExamples({
          ...fcParams(runs, 20261207),
          // A case that once read wrong (see real-blanks.test.ts).
          examples: name === '011.txt' ? ([[2147483631, 10]] as [number, number][]) : [],
        }),
      );
    }, 120_000);
});
