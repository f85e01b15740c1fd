/**
 * DOCX as Word writes it, not as Gongkai does: any combination of runs split a character each (as
 * editing leaves them, each with its own rsid), proofing marks, bookmarks, each cell in a content
 * control (`w:sdt`), runs inside tracked insertions, smart tags and hyperlinks, a tracked deletion
 * of a figure in every cell (deleted text is no text), and Word's rendered page breaks. Every cell
 * reads back exactly, with no error.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, it } from 'vitest';
import { renderDocx } from '../../src/render/docx/index.js';
import { assertRewritingsReadBack, type Rewritings } from '../support/rewritings.js';

/** A run with its properties and its text: `<w:r><w:rPr>…</w:rPr><w:t>…</w:t></w:r>`. */
const run =
  /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t(?: xml:space="preserve")?>([^<]+)<\/w:t><\/w:r>/g;

/** A run's opening tag, with or without attributes (not `<w:rPr>`, `<w:rFonts>`). */
const runOpen = /<w:r(?=[ >])[^>]*>/g;
/** Each run wrapped in an element. */
const wrapRuns = (x: string, open: string, close: string) =>
  x.replace(runOpen, (m) => `${open}${m}`).replace(/<\/w:r>/g, `</w:r>${close}`);

/** Each rewriting of word/document.xml, by name, in the order they are applied. */
const rewritings: Rewritings = {
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
describe('DOCX as Word writes it', () => {
  it('any combination of the rewritings: every cell back, no error', async () => {
    await assertRewritingsReadBack({
      rewritings,
      write: async (report, rewrite) => {
        const files = unzipSync(await renderDocx(report));
        const xml = strFromU8(files['word/document.xml'] as Uint8Array);
        return zipSync({ ...files, 'word/document.xml': strToU8(rewrite(xml)) });
      },
      path: 'report.docx',
      runs: 25,
      seed: 20261210,
      made: (seed, report) => `renderDocx(generateReport(${seed}, '${report.format}'))`,
    });
  }, 120_000);
});
