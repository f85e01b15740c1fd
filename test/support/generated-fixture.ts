/**
 * Generated reports kept as fixtures in a form a reader meets (a text-mode browser's dump, a
 * browser's text): NAME.txt beside NAME.expected.json (the seed, the format and the generated cells).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { processBytes } from '../../src/pipeline.js';

/** The fixtures' text files in `dir`. */
export const fixtureNames = (dir: URL): string[] => readdirSync(dir).filter((f) => f.endsWith('.txt'));

/** Reads one fixture: its truth, the report read, the keys an error names, and the keys read otherwise. */
export async function readFixture(dir: URL, name: string) {
  const truth = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8'));
  const { report } = await processBytes(new Uint8Array(readFileSync(new URL(name, dir))), name);
  const flagged = new Set(report.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
  const keys = Object.keys(truth.cells) as string[];
  const wrong = keys.filter((k) => report.cells[k] !== truth.cells[k]);
  const rowOf = (prefix: string) => keys.filter((k) => k.startsWith(prefix));
  return { truth, report, flagged, keys, wrong, rowOf };
}
