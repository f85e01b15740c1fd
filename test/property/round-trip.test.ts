/**
 * parse(render(report)) gives the report back, in every seed layout and a word processor's text
 * export, for both formats.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedLayouts } from '../../src/render/text/index.js';
import type { FormatId } from '../../src/spec/types.js';
import { arbitrarySeededReport } from '../support/arbitraries.js';
import { describeFindings, differingKeys, errors, fcParams, parseReport } from '../support/parse.js';

describe('round trip through the text layouts', () => {
  for (const format of ['2021', '2019'] as FormatId[])
    for (const layout of [...seedLayouts, 'word-text'] as const)
      it(`${format} format in the ${layout} layout`, async () => {
        await fc.assert(
          fc.asyncProperty(arbitrarySeededReport(format), async ({ seed, report }) => {
            const { report: read } = await parseReport(report, layout);
            const context = `generateReport(${seed}, '${format}') in ${layout}\n${describeFindings(read.findings)}`;
            expect(errors(read.findings), context).toEqual([]);
            expect({ format: read.format, agency: read.agency, year: read.year }, context).toEqual({
              format: report.format,
              agency: report.agency,
              year: report.year,
            });
            expect({ publishedOn: read.publishedOn, signedOn: read.signedOn }, context).toEqual({
              publishedOn: report.publishedOn,
              signedOn: report.signedOn,
            });
            expect(differingKeys(report.cells, read.cells), context).toEqual([]);
          }),
          fcParams(100, 20260201),
        );
      });
});
