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
import { built, probeOptions, scoreTextWays, webProbeReports } from './probe-common.mjs';

const { getRenderer } = await built('render/index.js');
const { processBytes } = await built('pipeline.js');

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
  for (const { name, report } of await webProbeReports(dir, count, blanks)) {
    const page = join(dir, `${name}.html`);
    writeFileSync(page, await html.render(report, {}));
    for (const [way, command] of Object.entries(ways)) {
      const [program, argv] = command(page);
      writeFileSync(join(dir, `${name}.${way}.txt`), execFileSync(program, argv, { maxBuffer: 1 << 26 }));
    }
    names.push(name);
  }
  await scoreTextWays({ processBytes, dir, names, ways: Object.keys(ways), pad: 7, show: 10 });
} finally {
  cleanup();
}
