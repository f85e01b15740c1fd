// What the reading probes (probe-office-pdf.mjs, probe-text-browser.mjs, probe-chromium-text.mjs)
// share: their options and the cell-by-cell score of one way of reading.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
