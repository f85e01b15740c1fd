// The Node half of scripts/office-check.sh (run after `npm run build`).
//
//   node scripts/office-check.mjs render <dir>   seeds 000 and 002 → <dir>/seed-NNN.docx (+ .json)
//   node scripts/office-check.mjs verify <dir>   <dir>/seed-NNN.pdf: every table label and figure
//                                                 is in the PDF's text; notes the page of table 三
//
// Exits 1 with a message naming what is missing.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const seedsDir = join(root, 'test/fixtures/seeds');
const seeds = ['000', '002'];

const { processBytes } = await import(join(root, 'dist/pipeline.js'));
const { renderDocx } = await import(join(root, 'dist/render/docx/index.js'));
const { getFormat } = await import(join(root, 'dist/spec/registry.js'));

/** Every LabelSpec of the format's tables, official wording. */
function tableLabels(spec) {
  const labels = new Set();
  for (const table of spec.tables)
    for (const part of table.parts) {
      for (const l of [part.caption, part.corner, part.note]) if (l) labels.add(l.official);
      for (const c of part.columns) for (const l of c.path) labels.add(l.official);
      for (const r of part.rows) for (const l of r.path) labels.add(l.official);
    }
  return [...labels];
}

const squeeze = (s) => s.replace(/\s+/g, '');

async function render(dir) {
  const files = readdirSync(seedsDir);
  for (const seed of seeds) {
    const name = files.find((f) => f.startsWith(`${seed}_`) && f.endsWith('.txt'));
    if (!name) throw new Error(`no seed ${seed} in ${seedsDir}`);
    const { report } = await processBytes(new Uint8Array(readFileSync(join(seedsDir, name))), name);
    writeFileSync(join(dir, `seed-${seed}.docx`), await renderDocx(report));
    const figures = Object.values(report.cells)
      .filter((v) => v !== null)
      .map(String);
    const labels = tableLabels(getFormat(report.format));
    const anchor = getFormat(report.format).tables.find((t) => t.id === 'applications')?.parts[0]?.note?.official;
    writeFileSync(join(dir, `seed-${seed}.json`), JSON.stringify({ name, labels, figures, anchor }));
    console.log(`office-check: ${name} → seed-${seed}.docx (${figures.length} figures, ${labels.length} labels)`);
  }
}

/** Numbers standing alone between whitespace (not 「1.属于国家秘密」's numbering). */
const numbers = (text) => text.match(/(?<=^|\s)-?\d+(?:\.\d+)?(?=\s|$)/g) ?? [];

function verify(dir) {
  let failed = false;
  for (const seed of seeds) {
    const { name, labels, figures, anchor } = JSON.parse(readFileSync(join(dir, `seed-${seed}.json`), 'utf8'));
    // -raw: text in the order LibreOffice draws it, so a table cell's wrapped lines stay together.
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, `seed-${seed}.pdf`), '-'], {
      encoding: 'utf8',
    });
    const flat = squeeze(text);
    const missingLabels = labels.filter((l) => !flat.includes(squeeze(l)));
    const found = new Map();
    for (const n of numbers(text)) found.set(n, (found.get(n) ?? 0) + 1);
    const missingFigures = [];
    for (const f of figures) {
      const left = found.get(f) ?? 0;
      if (left === 0) missingFigures.push(f);
      else found.set(f, left - 1);
    }
    if (missingLabels.length > 0) {
      failed = true;
      console.error(`office-check: ${name}: ${missingLabels.length} table labels missing from the PDF text:`);
      for (const l of missingLabels) console.error(`  「${l}」`);
    }
    if (missingFigures.length > 0) {
      failed = true;
      console.error(
        `office-check: ${name}: ${missingFigures.length} of ${figures.length} figures missing from the PDF text: ${missingFigures.join(' ')}`,
      );
    }
    if (missingLabels.length === 0 && missingFigures.length === 0)
      console.log(`office-check: ${name}: all ${labels.length} labels and ${figures.length} figures in the PDF`);
    if (seed === seeds[0]) {
      const pages = text.split('\f');
      const page = pages.findIndex((p) => squeeze(p).includes(squeeze(anchor)));
      writeFileSync(join(dir, `seed-${seed}.table-page`), String(page + 1));
    }
  }
  if (failed) process.exit(1);
}

const [command, dir] = process.argv.slice(2);
if (command === 'render' && dir) await render(dir);
else if (command === 'verify' && dir) verify(dir);
else {
  console.error('usage: node scripts/office-check.mjs render|verify <dir>');
  process.exit(2);
}
