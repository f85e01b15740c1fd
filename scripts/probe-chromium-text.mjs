// A probe of reading web pages copied as text from a browser, cell by cell (not part of npm test:
// it needs Debian's chromium, as the browser tests do; run after npm run build).
//
//   node scripts/probe-chromium-text.mjs [COUNT] [--blanks] [--keep DIR]
//
// Generates COUNT reports (default 40; both formats), renders each as a web page (Gongkai's HTML
// renderer), opens it in chromium and takes its text three ways: `innerText` of the body (what a
// script or a crawler driving a browser keeps: a tab between cells, a row a line), the text of
// the whole page selected (what Ctrl+A, Ctrl+C copies), `textContent` (the text nodes joined,
// no separators at all), and `innerText` of the page rewritten as a word processor exports it
// (each cell's text in a paragraph, column headers broken into two), and each table written as a
// script reading a document's tables writes it (every grid cell, a merged cell's text repeated in
// each cell it covers, joined by tabs); it also prints the page to
// PDF (read as a PDF, and as `pdftotext -layout` reads it; needs poppler-utils). Reads each and
// prints, for each way, the cells read exactly, the cells an error names and the cells wrong
// without an error (the number that must stay 0), with the first of those. With --blanks, cells are left blank as withBlankCells does. PROBE_OFFSET picks another
// batch of seeds. Writes the files to DIR with --keep (NAME.truth.json beside each), else to a
// temporary directory it deletes.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { built, probeOptions, scoreTextWays, scoreWay, webProbeReports } from './probe-common.mjs';

const { getRenderer } = await built('render/index.js');
const { processBytes } = await built('pipeline.js');

const { count, blanks, keep, dir, cleanup } = probeOptions();

const ways = {
  innerText: () => document.body.innerText,
  selection: () => {
    const selection = window.getSelection();
    selection.selectAllChildren(document.body);
    return selection.toString();
  },
  textContent: () => document.body.textContent,
  // Each table as a script reading a document's tables writes it (python-docx's `row.cells`): every
  // grid cell in turn, a merged cell's text repeated in each cell it covers, joined by a tab; the
  // paragraphs between as they are.
  repeatedMerges: () => {
    const gridOf = (table) => {
      const grid = [];
      [...table.rows].forEach((tr, r) => {
        grid[r] ??= [];
        let c = 0;
        for (const cell of tr.cells) {
          while (grid[r][c] !== undefined) c++;
          const text = cell.textContent.trim().replace(/\s+/g, ' ');
          for (let dr = 0; dr < cell.rowSpan; dr++)
            for (let dc = 0; dc < cell.colSpan; dc++) {
              grid[r + dr] ??= [];
              grid[r + dr][c + dc] = text;
            }
          c += cell.colSpan;
        }
      });
      return grid.map((row) => [...row].map((t) => t ?? '').join('\t')).join('\n');
    };
    for (const table of document.querySelectorAll('table')) {
      const pre = document.createElement('pre');
      pre.textContent = gridOf(table);
      table.replaceWith(pre);
    }
    return document.body.innerText;
  },
  // The page as a word processor's HTML export writes it (what most government pages are): every
  // cell's text in a paragraph of its own, a blank cell a paragraph holding a no-break space, and
  // column headers of more than four characters broken into two paragraphs (「商业」「企业」).
  wordInnerText: () => {
    for (const cell of document.querySelectorAll('td, th')) {
      const text = cell.textContent.trim();
      const column = cell.tagName === 'TH' && cell.getAttribute('scope') === 'col';
      const half = Math.ceil(text.length / 2);
      const parts = column && text.length > 4 ? [text.slice(0, half), text.slice(half)] : [text];
      cell.innerHTML = parts.map((part) => `<p class="MsoNormal">${part || '\u00a0'}</p>`).join('');
    }
    return document.body.innerText;
  },
};

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  const html = getRenderer('html');
  const names = [];
  for (const { name, report } of await webProbeReports(dir, count, blanks)) {
    const source = await html.render(report, {});
    writeFileSync(join(dir, `${name}.html`), source);
    await page.setContent(String(source));
    // Printed to PDF by the browser (before the page is rewritten): read as a PDF, and as
    // `pdftotext -layout` reads it.
    const pdf = join(dir, `${name}.pdf`);
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    execFileSync('pdftotext', ['-layout', pdf, join(dir, `${name}.pdf-layout.txt`)]);
    for (const [way, take] of Object.entries(ways)) {
      // Some ways rewrite the page: each starts from the page as rendered.
      await page.setContent(String(source));
      writeFileSync(join(dir, `${name}.${way}.txt`), await page.evaluate(take));
    }
    names.push(name);
  }
  await scoreWay({
    processBytes,
    dir,
    names,
    way: 'pdf',
    pathOf: (name) => join(dir, `${name}.pdf`),
    pad: 13,
  });
  await scoreTextWays({ processBytes, dir, names, ways: ['pdf-layout', ...Object.keys(ways)], pad: 13 });
  console.log(
    `\n${names.length} reports, ${blanks ? 'with blank cells' : 'every cell filled'}${keep ? `; files in ${dir}` : ''}`,
  );
} finally {
  await browser.close();
  cleanup();
}
