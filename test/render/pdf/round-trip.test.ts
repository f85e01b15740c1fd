/**
 * read(renderPdf(report)) gives the report back, for both formats: every cell, the format,
 * agency, year, dates and each part's text. Skips itself while no PDF reader is registered (the
 * registry's PDF entry still answers 「暂不支持」).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report.js';
import { UnreadableInputError } from '../../../src/core/source-file.js';
import { generateReport } from '../../../src/generate/random-report.js';
import { processBytes } from '../../../src/pipeline.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import type { FormatId } from '../../../src/spec/types.js';
import { describeFindings, differingKeys, errors, fcParams } from '../../support/parse.js';

const creationDate = new Date('2022-01-25T09:00:00+08:00');

async function readBack(report: Report) {
  return processBytes(await renderPdf(report, { creationDate }), 'generated.pdf');
}

/** Whether the registry has a PDF reader (not the 「暂不支持」 placeholder). */
async function pdfReaderRegistered(): Promise<boolean> {
  try {
    await readBack(generateReport(1, '2021'));
    return true;
  } catch (error) {
    if (error instanceof UnreadableInputError && /暂不支持/.test(error.message)) return false;
    throw error;
  }
}

/** Prose as the readers give it back: NFKC-folded (「，」→「,」), each paragraph on a line. */
const folded = (text: string): string => text.normalize('NFKC');

/** The parts whose text differs, with both texts. */
function differingSections(expected: Report, actual: Report) {
  return expected.sections
    .map((s) => ({
      number: s.number,
      expected: folded(s.text),
      actual: folded(actual.sections.find((a) => a.number === s.number)?.text ?? ''),
    }))
    .filter((d) => d.expected !== d.actual);
}

/** Seeds only, so that a counterexample prints as a seed: generateReport(seed, format). */
const seeds = fc.integer({ min: 0, max: 0x7fffffff });

const registered = await pdfReaderRegistered();

describe.skipIf(!registered)('round trip through the PDF renderer', () => {
  for (const format of ['2021', '2019'] as FormatId[]) {
    it(`${format} format: cells, format, agency, year and dates`, async () => {
      await fc.assert(
        fc.asyncProperty(seeds, async (seed) => {
          const report = generateReport(seed, format);
          const { report: read } = await readBack(report);
          const context = `generateReport(${seed}, '${format}') as PDF\n${describeFindings(read.findings)}`;
          expect(errors(read.findings), context).toEqual([]);
          expect(
            {
              format: read.format,
              agency: read.agency,
              year: read.year,
              publishedOn: read.publishedOn,
              signedOn: read.signedOn,
            },
            context,
          ).toEqual({
            format: report.format,
            agency: report.agency,
            year: report.year,
            publishedOn: report.publishedOn,
            signedOn: report.signedOn,
          });
          expect(differingKeys(report.cells, read.cells), context).toEqual([]);
        }),
        fcParams(12, 20260301),
      );
    });

    it(`${format} format: the text of each part`, async () => {
      await fc.assert(
        fc.asyncProperty(seeds, async (seed) => {
          const report = generateReport(seed, format);
          const { report: read } = await readBack(report);
          const context = `generateReport(${seed}, '${format}') as PDF`;
          expect(differingSections(report, read), context).toEqual([]);
        }),
        fcParams(12, 20260302),
      );
    });
  }
});
