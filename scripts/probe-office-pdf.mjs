// A probe of reading PDFs a word processor made, cell by cell (not part of npm test: it needs
// LibreOffice and poppler, as npm run test:office does; run after npm run build).
//
//   node scripts/probe-office-pdf.mjs [COUNT] [--blanks] [--keep DIR]
//
// Generates COUNT reports (default 40; both formats), renders each to DOCX, converts them all to
// PDF, to a web page, to text and to Word 97–2003 (.doc) with LibreOffice, and reads each seven
// ways: the PDF itself, `pdftotext -layout`, plain `pdftotext` (reading order), `pdftotext -raw`,
// the web page, the text (a table cell a line) and the .doc. With --blanks, zeros are left blank (a tenth,
// half, all of them, in turn). Prints, for each way, the cells read exactly, the cells an error
// names, and the cells wrong without an error (the number that must stay 0), with the first of
// those. Writes the files to DIR with --keep (NAME.truth.json beside each), else to a temporary
// directory it deletes.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { built, probeOptions, scoreWay } from './probe-common.mjs';

const root = new URL('..', import.meta.url).pathname;
const { generateReport } = await built('generate/random-report.js');
const { createRandom } = await built('generate/prng.js');
const { renderDocx } = await built('render/docx/index.js');
const { processBytes } = await built('pipeline.js');

const { count, blanks, dir, cleanup } = probeOptions();

try {
  const names = [];
  for (let i = 0; i < count; i++) {
    const seed = (blanks ? 9000 : 1000) + i + Number(process.env.PROBE_OFFSET ?? 0);
    const report = generateReport(seed, i % 2 === 0 ? '2021' : '2019');
    if (blanks) {
      const random = createRandom(i);
      const share = [0.1, 0.5, 1][i % 3];
      for (const [k, v] of Object.entries(report.cells))
        if (v === 0 && random.chance(share)) report.cells[k] = null;
    }
    const name = `${blanks ? 'blanks' : 'seed'}-${seed}`;
    writeFileSync(join(dir, `${name}.docx`), await renderDocx(report));
    writeFileSync(join(dir, `${name}.truth.json`), JSON.stringify(report));
    names.push(name);
  }
  const office = ['libreoffice', 'soffice'].find((c) => {
    try {
      execFileSync('which', [c], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!office) throw new Error('libreoffice (or soffice) not found');
  for (const target of ['pdf', 'html', 'txt:Text (encoded):UTF8', 'doc:MS Word 97'])
    execFileSync(
      office,
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--convert-to',
        target,
        '--outdir',
        dir,
        ...names.map((n) => join(dir, `${n}.docx`)),
      ],
      { stdio: 'ignore', env: { ...process.env, FONTCONFIG_FILE: join(root, 'scripts/office-fonts.conf') } },
    );
  const ways = {
    pdf: null,
    'layout.txt': ['-layout'],
    'plain.txt': [],
    'raw.txt': ['-raw'],
    html: null,
    txt: null,
    doc: null,
  };
  for (const [way, flags] of Object.entries(ways)) {
    const pathOf = (name) => join(dir, `${name}.${way}`);
    if (flags)
      for (const name of names)
        execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', join(dir, `${name}.pdf`), pathOf(name)]);
    await scoreWay({ processBytes, dir, names, way, pathOf, pad: 10, show: 5 });
  }
} finally {
  cleanup();
}
