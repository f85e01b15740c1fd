/**
 * Throughput of reading and checking, printed as a small table: reports per second for parse
 * (processBytes with check:false) and check (full processBytes) on the five seeds (repeated for a
 * few seconds) and on a generated corpus, against a baseline that only decodes and NFKC-normalises
 * the same bytes. Run with `npm run bench` (options: --corpus N, --seconds S).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { generateReport } from '../generate/random-report.js';
import { processBytes } from '../pipeline.js';
import { renderText, seedLayouts } from '../render/text/index.js';
import type { FormatId } from '../spec/types.js';
import { benchForms, printForms } from './formats.js';

interface Row {
  workload: string;
  reports: number;
  seconds: number;
  bytes: number;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const decoder = new TextDecoder();

/** The baseline: what any reader of the bytes must do anyway. */
function baseline(bytes: Uint8Array): number {
  return decoder.decode(bytes).normalize('NFKC').length;
}

/**
 * Runs `work` over the inputs, round after round, until `seconds` have passed (at least one round
 * when `seconds` is 0).
 */
async function measure(
  workload: string,
  inputs: readonly Uint8Array[],
  work: (bytes: Uint8Array, index: number) => unknown,
  seconds: number,
): Promise<Row> {
  let reports = 0;
  let bytes = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i] as Uint8Array;
      const result = await work(input, i);
      if (typeof result === 'number') sink += result;
      reports++;
      bytes += input.length;
    }
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  if (sink < 0) console.log(sink);
  return { workload, reports, seconds: elapsed, bytes };
}

const perSecond = (r: Row) => r.reports / r.seconds;
const msPerReport = (r: Row) => (r.seconds * 1000) / r.reports;

function printTable(rows: readonly Row[]): void {
  const header = ['workload', 'reports', 'seconds', 'reports/s', 'ms/report', 'MB/s'];
  const body = rows.map((r) => [
    r.workload,
    String(r.reports),
    r.seconds.toFixed(2),
    perSecond(r).toFixed(1),
    msPerReport(r).toFixed(3),
    (r.bytes / r.seconds / 1e6).toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const b of body) console.log(line(b));
}

function ratio(name: string, parse: Row, base: Row): void {
  const n = msPerReport(parse) / msPerReport(base);
  console.log(
    `${name}: parse is ${n.toFixed(1)}× the baseline; goal ≤ 5×${n > 5 ? '  (over the goal)' : ''}`,
  );
}

async function main(): Promise<void> {
  const seconds = option('seconds', 3);
  const corpusSize = option('corpus', 10_000);
  const seedDir = new URL('../../test/fixtures/seeds/', import.meta.url);
  const seedPaths = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => new URL(f, seedDir));
  const seeds = seedPaths.map((p) => new Uint8Array(readFileSync(p)));

  const started = performance.now();
  const encoder = new TextEncoder();
  const corpus: Uint8Array[] = [];
  for (let i = 0; i < corpusSize; i++) {
    const format: FormatId = i % 2 === 0 ? '2021' : '2019';
    const layout = seedLayouts[i % seedLayouts.length] as (typeof seedLayouts)[number];
    corpus.push(encoder.encode(renderText(generateReport(i, format), layout)));
  }
  const corpusBytes = corpus.reduce((s, b) => s + b.length, 0);
  console.log(
    `corpus: ${corpusSize} generated reports in ${seedLayouts.length} layouts, ${(corpusBytes / 1e6).toFixed(1)} MB, ` +
      `built in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed below)`,
  );
  console.log(`node ${process.version}; seeds repeated for ${seconds} s per workload\n`);

  const rows: Row[] = [];
  const seedBase = await measure('seeds: baseline (decode + NFKC)', seeds, baseline, seconds);
  rows.push(seedBase);
  rows.push(
    await measure(
      'seeds: baseline with file read',
      seeds,
      (_bytes, i) => baseline(readFileSync(seedPaths[i] as URL)),
      seconds,
    ),
  );
  const seedParse = await measure(
    'seeds: parse',
    seeds,
    (bytes) => processBytes(bytes, 'seed.txt', { check: false }),
    seconds,
  );
  rows.push(seedParse);
  rows.push(await measure('seeds: check', seeds, (bytes) => processBytes(bytes, 'seed.txt'), seconds));
  const corpusBase = await measure('corpus: baseline (decode + NFKC)', corpus, baseline, 0);
  rows.push(corpusBase);
  const corpusParse = await measure(
    'corpus: parse',
    corpus,
    (bytes) => processBytes(bytes, 'corpus.txt', { check: false }),
    0,
  );
  rows.push(corpusParse);
  rows.push(await measure('corpus: check', corpus, (bytes) => processBytes(bytes, 'corpus.txt'), 0));

  printTable(rows);
  console.log('');
  ratio('seeds', seedParse, seedBase);
  ratio('corpus', corpusParse, corpusBase);

  console.log('\npublished forms (the five seeds, read back and written):\n');
  printForms(await benchForms(seeds, seconds));
}

await main();
