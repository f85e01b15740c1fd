// A probe of reading web pages dumped by text-mode browsers, cell by cell (not part of npm test:
// it needs w3m, lynx, links and elinks, `apt-get install w3m lynx links elinks`; run after npm
// run build).
//
//   node scripts/probe-text-browser.mjs [COUNT] [--blanks] [--keep DIR]
//
// Generates COUNT reports (default 40; both formats), renders each as a web page (Gongkai's HTML
// renderer) and dumps it six ways: `w3m -dump` 200 and 80 columns wide, `links -dump` and
// `elinks -dump` 200 wide (figures lined up in terminal columns, a CJK character two wide), and
// `lynx -dump` 200 and 80 wide (lined up in characters). Reads each dump and prints, for each way, the cells read exactly, the cells
// an error names and the cells wrong without an error (the number that must stay 0), with the
// first of those. With --blanks, cells are left blank as withBlankCells does (whole columns of
// table 三, a group of table 四). PROBE_OFFSET picks another batch of seeds. Writes the files to DIR
// with --keep (NAME.truth.json beside each), else to a temporary directory it deletes.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { probeOptions, scoreWay } from './probe-common.mjs';

const root = new URL('..', import.meta.url).pathname;
const { generateReport } = await import(join(root, 'dist/generate/random-report.js'));
const { withBlankCells } = await import(join(root, 'dist/generate/blanks.js'));
const { getRenderer } = await import(join(root, 'dist/render/index.js'));
const { processBytes } = await import(join(root, 'dist/pipeline.js'));

const { count, blanks, dir, cleanup } = probeOptions();

const ways = {
  w3m: (page) => ['w3m', ['-dump', '-cols', '200', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8', page]],
  w3m80: (page) => ['w3m', ['-dump', '-cols', '80', '-T', 'text/html', '-I', 'UTF-8', '-O', 'UTF-8', page]],
  lynx: (page) => [
    'lynx',
    ['-dump', '-nolist', '-width=200', '-assume_charset=utf-8', '-display_charset=utf-8', page],
  ],
  links: (page) => ['links', ['-dump', '-width', '200', '-codepage', 'utf-8', page]],
  elinks: (page) => ['elinks', ['-dump', '-dump-width', '200', '-dump-charset', 'utf-8', page]],
  lynx80: (page) => [
    'lynx',
    ['-dump', '-nolist', '-width=80', '-assume_charset=utf-8', '-display_charset=utf-8', page],
  ],
};

try {
  const html = getRenderer('html');
  const names = [];
  for (let i = 0; i < count; i++) {
    const seed = (blanks ? 7000 : 5000) + i + Number(process.env.PROBE_OFFSET ?? 0);
    const format = i % 2 === 0 ? '2021' : '2019';
    const generated = generateReport(seed, format);
    const report = blanks ? withBlankCells(generated, seed) : generated;
    const name = `${blanks ? 'blanks' : 'seed'}-${seed}`;
    const page = join(dir, `${name}.html`);
    writeFileSync(page, await html.render(report, {}));
    writeFileSync(join(dir, `${name}.truth.json`), JSON.stringify({ format, cells: report.cells }));
    for (const [way, command] of Object.entries(ways)) {
      const [program, argv] = command(page);
      writeFileSync(join(dir, `${name}.${way}.txt`), execFileSync(program, argv, { maxBuffer: 1 << 26 }));
    }
    names.push(name);
  }
  for (const way of Object.keys(ways))
    await scoreWay({
      processBytes,
      dir,
      names,
      way,
      pathOf: (name) => join(dir, `${name}.${way}.txt`),
      pad: 7,
      show: 10,
    });
} finally {
  cleanup();
}
