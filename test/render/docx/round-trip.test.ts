/**
 * Round trip through the DOCX reader: random reports of both formats → renderDocx → processBytes
 * read back cell for cell with their format, agency, year and dates. Skips itself while no DOCX
 * reader is registered (the registry's reader for a .docx still answers 「暂不支持」).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceFile, UnreadableInputError } from '../../../src/core/source-file.js';
import { generateReport } from '../../../src/generate/random-report.js';
import { processBytes } from '../../../src/pipeline.js';
import { readers } from '../../../src/read/registry.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { arbitrarySeededReport } from '../../support/arbitraries.js';
import { describeFindings, differingKeys, errors, fcParams, foldedProse } from '../../support/parse.js';

async function docxReaderRegistered(): Promise<boolean> {
  const bytes = await renderDocx(generateReport(1, '2021'));
  const reader = readers.find((r) => r.sniff(bytes));
  if (reader?.type !== 'docx') return false;
  try {
    await reader.read(bytes, new SourceFile('probe.docx'));
    return true;
  } catch (error) {
    return !(error instanceof UnreadableInputError && /暂不支持/.test(error.message));
  }
}

const registered = await docxReaderRegistered();

describe.skipIf(!registered)('DOCX round trip through the registered reader', () => {
  it('reads back every cell, the format, agency, year and dates of random reports', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySeededReport(), async ({ seed, report }) => {
        const { report: back } = await processBytes(await renderDocx(report), `seed-${seed}.docx`);
        const context = `seed ${seed} (${report.format}):\n${describeFindings(back.findings)}`;
        expect(errors(back.findings), context).toEqual([]);
        expect(differingKeys(report.cells, back.cells), context).toEqual([]);
        expect(
          {
            format: back.format,
            agency: back.agency,
            year: back.year,
            publishedOn: back.publishedOn,
            signedOn: back.signedOn,
          },
          context,
        ).toEqual({
          format: report.format,
          agency: report.agency,
          year: report.year,
          publishedOn: report.publishedOn,
          signedOn: report.signedOn,
        });
      }),
      fcParams(20, 9704),
    );
  }, 120_000);

  it("reads back each part's text of random reports", async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySeededReport(), async ({ seed, report }) => {
        const { report: back } = await processBytes(await renderDocx(report), `seed-${seed}.docx`);
        expect(
          back.sections.map((s) => [s.number, s.text]),
          `seed ${seed} (${report.format})`,
        ).toEqual(report.sections.map((s) => [s.number, foldedProse(s.text)]));
      }),
      fcParams(20, 9705),
    );
  }, 120_000);
});
