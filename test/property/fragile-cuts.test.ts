/**
 * Cuts of run-together digits that the identities settle (src/assemble/fragile.ts): a cut is
 * fragile when another cut fits with the identities of one cell, or one identity, relaxed. The
 * quick way of finding those other cuts finds what cutting every row again under each relaxation
 * finds; the cuts of a block of cells whose total is the sum of the others are those of all cuts
 * that keep the sums; a report that breaks one identity has no cell read wrong without a finding.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { fragility } from '../../src/assemble/fragile.js';
import { blockCuts } from '../../src/assemble/run-cuts.js';
import { Budget } from '../../src/assemble/solver.js';
import { splitRuns } from '../../src/assemble/split.js';
import type { Finding } from '../../src/core/finding.js';
import { breakOne } from '../../src/generate/long-runs.js';
import { createRandom } from '../../src/generate/prng.js';
import { generateReport } from '../../src/generate/random-report.js';
import { renderText } from '../../src/render/text/index.js';
import { getFormat } from '../../src/spec/registry.js';
import type { FormatId } from '../../src/spec/types.js';
import { fcParams, parseText } from '../support/parse.js';
import { violations } from '../support/verdict.js';

const seedAndFormat = () =>
  fc.tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.constantFrom<FormatId>('2019', '2021'));

/** The report flattened, with one identity broken (by `pick`) or none (null). */
function flattened(seed: number, format: FormatId, pick: number | null) {
  const report = generateReport(seed, format);
  if (pick === null) return { report, text: renderText(report, 'flattened') };
  const identities = getFormat(format).identities.filter((i) => !i.derived);
  const { report: broken } = breakOne(
    report,
    createRandom(seed),
    identities[pick % identities.length] as (typeof identities)[number],
  );
  return { report: broken, text: renderText(broken, 'flattened') };
}

/** What the splitting said, and the cells. */
const splitting = (findings: readonly Finding[]) =>
  findings
    .filter((f) => f.code.startsWith('assemble.split'))
    .map((f) => `${f.severity} ${f.code} ${f.keys.join(',')} ${f.message}`);

/** Whether the budget ran out deciding fragility. */
const outOfBudget = (findings: readonly Finding[]) =>
  findings.some((f) => f.code === 'assemble.split-fragile' && f.message.includes('未能逐一核对'));

afterEach(() => {
  fragility.exhaustive = false;
});

describe('fragile cuts', () => {
  it('the quick way finds the other cuts cutting every row again under each relaxation finds', async () => {
    await fc.assert(
      fc.asyncProperty(seedAndFormat(), fc.option(fc.nat(), { nil: null }), async ([seed, format], pick) => {
        const { text } = flattened(seed, format, pick);
        fragility.exhaustive = false;
        const quick = (await parseText(text)).report;
        fragility.exhaustive = true;
        const slow = (await parseText(text)).report;
        fragility.exhaustive = false;
        if (outOfBudget(quick.findings) || outOfBudget(slow.findings)) return;
        expect(splitting(quick.findings)).toEqual(splitting(slow.findings));
        expect(quick.cells).toEqual(slow.cells);
      }),
      fcParams(30, 20261210),
    );
  });

  it('a report that breaks one identity: no cell read wrong without an error naming it', async () => {
    await fc.assert(
      fc.asyncProperty(seedAndFormat(), fc.nat(), async ([seed, format], pick) => {
        const { report, text } = flattened(seed, format, pick);
        const result = await parseText(text);
        expect(violations(report, result, { breaks: true })).toEqual([]);
      }),
      fcParams(40, 20261211),
    );
  });

  it('the cuts of blocks that sum are the cuts of the runs that keep the sums', () => {
    const block = fc.record({ parts: fc.integer({ min: 1, max: 3 }), free: fc.boolean() });
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (shape, figures, pieces) => {
          // Figures that keep the sums, written as one run or a few.
          const values: number[] = [];
          const blocks: number[] = [];
          let f = 0;
          for (const { parts, free } of shape) {
            const first = values.length;
            let sum = 0;
            for (let k = 0; k < parts; k++) {
              const v = figures[f++ % figures.length] as number;
              values.push(v);
              sum += v;
            }
            values.push(free ? (figures[f++ % figures.length] as number) : sum);
            if (!free) blocks.push(first, values.length - 1);
          }
          const digits = values.map(String);
          const runs: string[] = [];
          const size = Math.ceil(digits.length / pieces);
          for (let k = 0; k < digits.length; k += size) runs.push(digits.slice(k, k + size).join(''));
          const n = values.length;
          const found = blockCuts(runs, n, blocks, new Budget(1e7));
          const split = splitRuns(runs, new Array(n).fill('int'), 1e7);
          expect(split.truncated).toBe(false);
          const all = split.candidates.filter((c) => {
            for (let b = 0; b < blocks.length; b += 2) {
              let sum = 0;
              for (let k = blocks[b] as number; k < (blocks[b + 1] as number); k++) sum += c[k] as number;
              if (sum !== c[blocks[b + 1] as number]) return false;
            }
            return true;
          });
          const text = (cuts: readonly number[][]) => cuts.map((c) => c.join(',')).sort();
          expect(text(found ?? [])).toEqual(text(all));
          expect(text(found ?? [])).toContain(values.join(','));
        },
      ),
      fcParams(300, 20261212),
    );
  });
});
