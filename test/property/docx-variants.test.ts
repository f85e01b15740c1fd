/**
 * DOCX as Word writes it, not as Gongkai does: any combination of runs split a character each (as
 * editing leaves them, each with its own rsid), proofing marks, bookmarks, each cell in a content
 * control (`w:sdt`), runs inside tracked insertions, smart tags and hyperlinks, a tracked deletion
 * of a figure in every cell (deleted text is no text), and Word's rendered page breaks. Every cell
 * reads back exactly, with no error.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { arbitrarySeededReport } from '../support/arbitraries.js';
import { describeFindings, differingKeys, errors, fcParams } from '../support/parse.js';

/** A run with its properties and its text: `<w:r><w:rPr>…</w:rPr><w:t>…</w:t></w:r>`. */
const run =
  /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]+)<\/w:t><\/w:r>/g;

/** A run's opening tag, with or without attributes (not `<w:rPr>`, `<w:rFonts>`). */
const runOpen = /<w:r(?=[ >])[^>]*>/g;
/** Each run wrapped in an element. */
const wrapRuns = (x: string, open: string, close: string) =>
  x.replace(runOpen, (m) => `${open}${m}`).replace(/<\/w:r>/g, `</w:r>${close}`);

/** Each rewriting of word/document.xml, by name, in the order they are applied. */
const rewritings: Record<string, (xml: string) => string> = {
  charRuns: (x) =>
    x.replace(run, (_, pr: string | undefined, text: string) =>
      [...text]
        .map((c) => `<w:r w:rsidR="00A1B2C3">${pr ?? ''}<w:t xml:space="preserve">${c}</w:t></w:r>`)
        .join(''),
    ),
  pageBreaks: (x) =>
    x.replace(
      /(<w:r(?=[ >])[^>]*>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)<w:t/g,
      '$1<w:lastRenderedPageBreak/><w:t',
    ),
  proofing: (x) => x.replace(runOpen, (m) => `<w:proofErr w:type="spellStart"/>${m}`),
  bookmarks: (x) =>
    x.replace(/<w:p>/g, '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'),
  deletions: (x) =>
    x.replace(
      /(<w:tc>(?:(?!<\/w:tc>).)*?)<w:p>/gs,
      '$1<w:p><w:del w:id="2" w:author="甲"><w:r><w:delText>999</w:delText></w:r></w:del>',
    ),
  insertions: (x) => wrapRuns(x, '<w:ins w:id="1" w:author="甲">', '</w:ins>'),
  smartTags: (x) => wrapRuns(x, '<w:smartTag w:uri="urn:x" w:element="y">', '</w:smartTag>'),
  hyperlinks: (x) => wrapRuns(x, '<w:hyperlink w:anchor="a">', '</w:hyperlink>'),
  contentControls: (x) =>
    x
      .replace(/<w:tc>/g, '<w:sdt><w:sdtPr/><w:sdtContent><w:tc>')
      .replace(/<\/w:tc>/g, '</w:tc></w:sdtContent></w:sdt>'),
};
const names = Object.keys(rewritings);

describe('DOCX as Word writes it', () => {
  it('any combination of the rewritings: every cell back, no error', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySeededReport(),
        fc.subarray(names, { minLength: 1 }),
        async ({ seed, report }, chosen) => {
          const files = unzipSync(await renderDocx(report));
          const xml = strFromU8(files['word/document.xml'] as Uint8Array);
          const applied = names.filter((n) => chosen.includes(n));
          const rewritten = applied.reduce((x, n) => (rewritings[n] as (x: string) => string)(x), xml);
          const bytes = zipSync({ ...files, 'word/document.xml': strToU8(rewritten) });
          const { report: back } = await processBytes(bytes, 'report.docx');
          const context = `renderDocx(generateReport(${seed}, '${report.format}')) with ${applied.join(' + ')}\n${describeFindings(back.findings)}`;
          expect(differingKeys(report.cells, back.cells), context).toEqual([]);
          expect(errors(back.findings), context).toEqual([]);
        },
      ),
      fcParams(25, 20261210),
    );
  }, 120_000);
});
