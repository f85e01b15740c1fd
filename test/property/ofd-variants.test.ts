/**
 * OFD as producers write it, not only as the fixture is written: real report 011's PDF items
 * written as an OFD with each item in its own way (test/support/ofd.ts `ItemStyle`): DeltaX with
 * or without `g N d`, with or without a delta for the last character (most producers write one
 * fewer than the characters), split into two TextObjects or two TextCodes at any character, placed
 * by its Boundary, by its TextCodes' X and Y, or by a CTM that moves and scales the object's space.
 * Every way reads to the PDF's cells, with no error.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';
import { openNativePdf } from '../../src/read/pdf/native/index.js';
import { type ItemStyle, ofdFromPdfPages } from '../support/ofd.js';
import { errors, fcParams } from '../support/parse.js';

const pdf = readFileSync(new URL('../fixtures/real/011.pdf', import.meta.url));
const doc = openNativePdf(pdf, 8 * 1024 * 1024);
const pages = Array.from({ length: doc.numPages }, (_, i) => doc.page(i + 1));

const itemStyle: fc.Arbitrary<ItemStyle> = fc.record({
  abbreviate: fc.boolean(),
  lastDelta: fc.boolean(),
  splitAt: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })),
  splitInto: fc.constantFrom('objects' as const, 'codes' as const),
  placement: fc.constantFrom('boundary' as const, 'code' as const, 'ctm' as const),
  scale: fc.constantFrom(1, 2, 0.5, 10),
});

describe('011 written as OFD the ways producers write it', () => {
  it('reads to the PDF’s cells, with no error', async () => {
    const { report: published } = await processBytes(pdf, '011.pdf');
    await fc.assert(
      // Styles are cycled over the items: a few dozen give each item one of many combinations.
      fc.asyncProperty(fc.array(itemStyle, { minLength: 1, maxLength: 40 }), async (styles) => {
        const { report } = await processBytes(ofdFromPdfPages(pages, styles), '011.ofd');
        expect(report.cells).toEqual(published.cells);
        expect(errors(report.findings)).toEqual([]);
      }),
      fcParams(25, 20261206),
    );
  });
});
