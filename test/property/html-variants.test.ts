/**
 * Web pages written the ways government sites publish them: any combination of cell text wrapped
 * in Word's paragraphs and spans (`MsoNormal`, `<o:p>`), upper-case tags, no-break spaces in labels,
 * the tables inside a layout table or a centred `<div>`, figures in `<font>`, a unit typed after a
 * count (「5件」), label cells as `<th>`,
 * labels broken by `<br>`, cell widths and borders, conditional comments, markup across lines, a
 * `<tbody>` for each row, and a table broken in pieces (a converter's page break, with or without
 * a page number between them). Every cell reads back exactly, with no error.
 */
import { describe, it } from 'vitest';
import { renderHtml } from '../../src/render/html/index.js';
import { toBytes } from '../support/parse.js';
import { assertRewritingsReadBack, type Rewritings } from '../support/rewritings.js';

/** Each rewriting of the page, by name, in the order they are applied. */
const rewritings: Rewritings = {
  wordParagraphs: (h) =>
    h.replace(
      /<td([^>]*)>([^<]*)<\/td>/g,
      '<td$1><p class="MsoNormal" align="center"><span style="font-family:宋体;font-size:10.5pt">$2<o:p></o:p></span></p></td>',
    ),
  noBreakSpaces: (h) => h.replace(/<td([^>]*)>([^<\d]*) ([^<\d]*)<\/td>/g, '<td$1>$2&nbsp;$3</td>'),
  fonts: (h) => h.replace(/<td([^>]*)>(\d+)<\/td>/g, '<td$1><font face="仿宋">$2</font></td>'),
  // A count's unit typed into its cell (「5件」).
  countUnits: (h) => h.replace(/<td([^>]*)>(\d+)<\/td>/g, '<td$1>$2件</td>'),
  headerCells: (h) => h.replace(/<td([^>]*)>([^<\d][^<]*)<\/td>/g, '<th$1>$2</th>'),
  brokenLabels: (h) => h.replace(/<td([^>]*)>([^<\d]{6})([^<\d]{4,})<\/td>/g, '<td$1>$2<br>$3</td>'),
  cellStyles: (h) =>
    h.replace(
      /<td/g,
      '<td width="64" valign="center" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt"',
    ),
  comments: (h) => h.replace(/<tr/g, '<!--[if !supportMisalignedRows]--><tr'),
  bodyPerRow: (h) => h.replace(/<tr/g, '<tbody><tr').replace(/<\/tr>/g, '</tr></tbody>'),
  pieces: (h) => {
    let n = 0;
    return h.replace(/<\/tr>/g, (m) => (++n % 12 === 0 ? '</tr></table><p>&nbsp;</p><table>' : m));
  },
  numberedPieces: (h) => {
    let n = 0;
    return h.replace(/<\/tr>/g, (m) =>
      ++n % 15 === 0 ? `</tr></table><p align="center">- ${n} -</p><table>` : m,
    );
  },
  layoutTable: (h) =>
    h
      .replace(/<table/g, '<table width="100%"><tr><td><table')
      .replace(/<\/table>/g, '</table></td></tr></table>'),
  centred: (h) => h.replace(/<table/g, '<div align="center"><table').replace(/<\/table>/g, '</table></div>'),
  upperCase: (h) =>
    h.replace(/<(\/?)(table|tr|td|th|tbody|thead|p|div|h[1-6])\b/gi, (_, s, t) => `<${s}${t.toUpperCase()}`),
  lines: (h) => h.replace(/></g, '>\n    <'),
};
describe('web pages written the ways sites publish them', () => {
  it('any combination of the rewritings: every cell back, no error', async () => {
    await assertRewritingsReadBack({
      rewritings,
      write: async (report, rewrite) => toBytes(rewrite(renderHtml(report))),
      path: 'report.html',
      // One kind of pieces at a time.
      applied: (chosen) => chosen.filter((n) => !(n === 'pieces' && chosen.includes('numberedPieces'))),
      runs: 40,
      seed: 20261209,
      made: (seed, report) => `renderHtml(generateReport(${seed}, '${report.format}'))`,
    });
  }, 120_000);
});
