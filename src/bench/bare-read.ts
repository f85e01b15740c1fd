/**
 * The bare cost that `gongkai parse --json` over many files is measured against, as a process of
 * its own: read each file, decode it as UTF-8, NFKC-normalise it and write a JSON line.
 * `node dist/bench/bare-read.js FILE…` (the benchmark runs it over the same files as the CLI).
 */
import { readFileSync, writeSync } from 'node:fs';

const decoder = new TextDecoder();
for (const path of process.argv.slice(2)) {
  const text = decoder.decode(readFileSync(path)).normalize('NFKC');
  writeSync(1, `${JSON.stringify({ path, length: text.length })}\n`);
}
