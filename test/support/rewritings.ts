/**
 * Properties of the form «a report written, its text rewritten any of these ways, reads back
 * exactly» (test/property/html-variants.test.ts, docx-variants.test.ts): any non-empty combination
 * of the rewritings, applied in their order, to what `write` makes of a random report; every cell
 * back, no error.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { processBytes } from '../../src/pipeline.js';
import { arbitrarySeededReport } from './arbitraries.js';
import { describeFindings, differingKeys, errors, fcParams } from './parse.js';

export type Rewritings = Record<string, (text: string) => string>;

export async function assertRewritingsReadBack(options: {
  rewritings: Rewritings;
  /** The report written with its text rewritten, as the bytes of a file named `path`. */
  write: (report: Report, rewrite: (text: string) => string) => Promise<Uint8Array>;
  path: string;
  /** The rewritings applied of those chosen (default: all of them). */
  applied?: (chosen: readonly string[]) => string[];
  runs: number;
  seed: number;
  /** How a failing case is written: the call that made the report. */
  made: (seed: number, report: Report) => string;
}): Promise<void> {
  const names = Object.keys(options.rewritings);
  await fc.assert(
    fc.asyncProperty(
      arbitrarySeededReport(),
      fc.subarray(names, { minLength: 1 }),
      async ({ seed, report }, chosen) => {
        const applied = (options.applied ?? ((c) => [...c]))(names.filter((n) => chosen.includes(n)));
        const rewrite = (text: string) =>
          applied.reduce((t, n) => (options.rewritings[n] as (t: string) => string)(t), text);
        const { report: back } = await processBytes(await options.write(report, rewrite), options.path);
        const context = `${options.made(seed, report)} with ${applied.join(' + ')}\n${describeFindings(back.findings)}`;
        expect(differingKeys(report.cells, back.cells), context).toEqual([]);
        expect(errors(back.findings), context).toEqual([]);
      },
    ),
    fcParams(options.runs, options.seed),
  );
}
