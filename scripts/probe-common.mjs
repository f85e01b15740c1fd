// What the reading probes (probe-office-pdf.mjs, probe-text-browser.mjs, probe-chromium-text.mjs)
// share: their options, the build's modules, the web-page probes' reports and the cell-by-cell
// score of one way of reading.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `[COUNT] [--blanks] [--keep DIR]` from the command line, and the directory the files go to (a
 * temporary one unless kept; `cleanup` deletes it then).
 */
export function probeOptions(argv = process.argv.slice(2)) {
  const count = Number(argv.find((a) => /^\d+$/.test(a)) ?? 40);
  const blanks = argv.includes('--blanks');
  const keep = argv.includes('--keep') ? argv[argv.indexOf('--keep') + 1] : undefined;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'gongkai-probe-'));
  mkdirSync(dir, { recursive: true });
  const cleanup = () => {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  };
  return { count, blanks, keep, dir, cleanup };
}

/**
 * Reads each NAME's file of one way (`pathOf(name)`) and prints the cells read exactly, the cells
 * an error names, and the cells wrong without an error (against DIR/NAME.truth.json), with the
 * first `show` of those.
 */
export async function scoreWay({ processBytes, dir, names, way, pathOf, pad = 10, show = 5 }) {
  let exact = 0;
  let named = 0;
  const silent = [];
  for (const name of names) {
    const truth = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8'));
    const path = pathOf(name);
    const { report } = await processBytes(new Uint8Array(readFileSync(path)), path);
    const flagged = new Set(
      report.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys ?? []),
    );
    for (const [key, value] of Object.entries(truth.cells)) {
      if ((report.cells[key] ?? null) === value) exact++;
      else if (flagged.has(key)) named++;
      else silent.push(`${name} ${key}: ${value} → ${report.cells[key]}`);
    }
  }
  console.log(
    `${way.padEnd(pad)} exact ${exact}, named by an error ${named}, wrong without an error ${silent.length}`,
  );
  for (const line of silent.slice(0, show)) console.log(`    ${line}`);
}

const root = new URL('..', import.meta.url).pathname;

/** A module of the build (run `npm run build` first), by its path under dist/. */
export const built = (path) => import(join(root, 'dist', path));

/**
 * The web-page probes' reports: `count` generated (2021 and 2019 formats in turn), with cells left
 * blank as withBlankCells leaves them when `blanks`; PROBE_OFFSET picks another batch of seeds.
 * Writes DIR/NAME.truth.json for each; returns their names and reports.
 */
export async function webProbeReports(dir, count, blanks) {
  const { generateReport } = await built('generate/random-report.js');
  const { withBlankCells } = await built('generate/blanks.js');
  const reports = [];
  for (let i = 0; i < count; i++) {
    const seed = (blanks ? 7000 : 5000) + i + Number(process.env.PROBE_OFFSET ?? 0);
    const format = i % 2 === 0 ? '2021' : '2019';
    const generated = generateReport(seed, format);
    const report = blanks ? withBlankCells(generated, seed) : generated;
    const name = `${blanks ? 'blanks' : 'seed'}-${seed}`;
    writeFileSync(join(dir, `${name}.truth.json`), JSON.stringify({ format, cells: report.cells }));
    reports.push({ name, report });
  }
  return reports;
}

/** Scores each way whose files are DIR/NAME.WAY.txt (see scoreWay). */
export async function scoreTextWays({ processBytes, dir, names, ways, pad, show }) {
  for (const way of ways)
    await scoreWay({
      processBytes,
      dir,
      names,
      way,
      pathOf: (name) => join(dir, `${name}.${way}.txt`),
      pad,
      show,
    });
}
