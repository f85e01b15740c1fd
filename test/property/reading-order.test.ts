/**
 * PDF text extracted in reading order (pdftotext without -layout, and what many portals serve as
 * text): one cell per line, header cells one after another, labels and prose hard-wrapped, page
 * numbers and running heads between rows, table 三's row labels written after their figures or
 * further down (a tall merged label cell), group labels one character a line. A report reads
 * back exactly; with blank cells, which
 * leave no line at all there, every cell reads back exactly or is named by an error, never
 * silently wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import { renderReadingOrder } from '../../src/generate/reading-order.js';
import { processBytes } from '../../src/pipeline.js';
import type { FormatId } from '../../src/spec/types.js';
import { describeFindings, differingKeys, errors, fcParams, toBytes } from '../support/parse.js';

const seeded = () =>
  fc
    .tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.constantFrom<FormatId>('2019', '2021'))
    .map(([seed, format]) => ({ seed, format }));

const read = async (text: string) => (await processBytes(toBytes(text), 'report.txt')).report;

describe('reading-order PDF text', () => {
  it('reads back exactly: every cell, agency, year and dates, no error', async () => {
    await fc.assert(
      fc.asyncProperty(seeded(), async ({ seed, format }) => {
        const report = generateReport(seed, format);
        const back = await read(renderReadingOrder(report, seed));
        const context = `renderReadingOrder(generateReport(${seed}, '${format}'), ${seed})\n${describeFindings(back.findings)}`;
        expect(errors(back.findings), context).toEqual([]);
        expect(differingKeys(report.cells, back.cells), context).toEqual([]);
        expect([back.agency, back.year, back.publishedOn, back.signedOn], context).toEqual([
          report.agency,
          report.year,
          report.publishedOn,
          report.signedOn,
        ]);
      }),
      fcParams(40, 20261203),
    );
  }, 180_000);

  it('with blank cells (no line at all): every cell exact or named by an error, never silently wrong', async () => {
    await fc.assert(
      fc.asyncProperty(seeded(), async ({ seed, format }) => {
        const report = withBlankCells(generateReport(seed, format), seed);
        const back = await read(renderReadingOrder(report, seed));
        const flagged = new Set(errors(back.findings).flatMap((f) => f.keys));
        const silent = differingKeys(report.cells, back.cells).filter(
          (k) => back.cells[k] !== null && !flagged.has(k),
        );
        const context = `renderReadingOrder(withBlankCells(generateReport(${seed}, '${format}'), ${seed}), ${seed})\n${describeFindings(back.findings)}`;
        expect(silent, context).toEqual([]);
      }),
      fcParams(40, 20261204),
    );
  }, 180_000);
});
