/**
 * Markdown as PDF-to-Markdown converters write it: each table in several small pipe tables, every
 * piece after the first under a row of its own taken for a header, page footers and empty `-`
 * tables in between, row labels lifted onto loose lines. The pieces read as one grid again: every
 * cell reads back exactly, each blank one null with the blank-cell warning.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withBlankCells } from '../../src/generate/blanks.js';
import { renderConverterMarkdown } from '../../src/generate/converter-markdown.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import type { FormatId } from '../../src/spec/types.js';
import {
  describeFindings,
  differingKeys,
  errors,
  fcParams,
  toBytes,
  withExamples,
} from '../support/parse.js';

const seeded = () =>
  fc
    .tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.constantFrom<FormatId>('2019', '2021'), fc.boolean())
    .map(([seed, format, blanks]) => ({ seed, format, blanks }));

describe('converter Markdown', () => {
  it('reads back exactly: every cell, each blank one null with a blank-cell warning, no error', async () => {
    await fc.assert(
      fc.asyncProperty(seeded(), async ({ seed, format, blanks }) => {
        const base = generateReport(seed, format);
        const report = blanks ? withBlankCells(base, seed) : base;
        const back = (await processBytes(toBytes(renderConverterMarkdown(report, seed)), 'report.md')).report;
        const built = blanks
          ? `withBlankCells(generateReport(${seed}, '${format}'), ${seed})`
          : `generateReport(${seed}, '${format}')`;
        const context = `renderConverterMarkdown(${built}, ${seed})\n${describeFindings(back.findings)}`;
        expect(differingKeys(report.cells, back.cells), context).toEqual([]);
        expect(errors(back.findings), context).toEqual([]);
        const warned = new Set(
          back.findings.filter((f) => f.code === 'assemble.blank-cell').flatMap((f) => f.keys),
        );
        const blank = Object.keys(report.cells).filter((k) => report.cells[k] === null);
        expect(
          blank.filter((k) => !warned.has(k)),
          context,
        ).toEqual([]);
        expect([back.agency, back.year, back.publishedOn, back.signedOn], context).toEqual([
          report.agency,
          report.year,
          report.publishedOn,
          report.signedOn,
        ]);
      }),
      withExamples({
        ...fcParams(60, 20261205),
        // A case that once read wrong: 「行政强制」 lifted out of the two-column piece after
        // table 二's four-column one, the pieces of table 二 one block (their width then four).
        // And a piece whose first row, taken for its header, is blank in every cell (its labels
        // lifted out): that row was dropped as an empty table's leftover.
        examples: [
          [{ seed: 1514053638, format: '2021' as FormatId, blanks: true }],
          [{ seed: 962921948, format: '2019' as FormatId, blanks: true }],
        ],
      }),
    );
  }, 180_000);
});
