/**
 * `npm run bench`: the speed of every reader and writer, each against its baseline or goal, with
 * the workloads being compared run in turn and the medians of their rounds kept (see measure.ts),
 * so that each ratio comes from one run on one machine under the same load.
 *
 * - Parse in process: the five seeds and a generated corpus in every text layout (the flattened
 *   one, where the solver runs, PDF text in reading order and a converter's Markdown included),
 *   against decoding and NFKC-normalising the same bytes.
 * - Parse as users run it: `gongkai parse --json` over many files in one call, against a process
 *   that reads, decodes, normalises each file and writes a JSON line (bare-read.ts).
 * - Each published form read and written; real PDFs read against `pdftotext -layout`.
 *
 * Options: --corpus N (generated reports, default 2000), --files N (files for the CLI, default
 * 2000), --rounds N (default 5), --round-ms MS (shortest round, default 400), --parse-only (the
 * two parse tables and their rows, without the published forms), --forms-only (the published forms
 * and their rows, without the parse tables).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../core/report.js';
import { renderConverterMarkdown } from '../generate/converter-markdown.js';
import { generateReport } from '../generate/random-report.js';
import { renderReadingOrder } from '../generate/reading-order.js';
import { processBytes } from '../pipeline.js';
import { renderText, type TextLayout, textRenderers } from '../render/text/index.js';
import type { FormatId } from '../spec/types.js';
import { benchForms } from './formats.js';
import { interleave, type Timing, table } from './measure.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const decoder = new TextDecoder();

/** The baseline: what any reader of the bytes must do anyway. */
const baseline = (bytes: Uint8Array): number => decoder.decode(bytes).normalize('NFKC').length;

/**
 * The writers have no baseline of their own: each is timed beside writing HTML (the same reports)
 * and compared with that ratio as README recorded it before issue #13 (2026-11-22: HTML 1305
 * reports/s, DOCX 26 reports/s, PDF 81 pages/s). The goal is twice the ratio.
 */
const before13 = { docx: 26 / 1305, pdf: 81 / 1305 };

/**
 * Every text layout the reader is built for: the six text renderers (the flattened one, where the
 * solver runs, included), PDF text in reading order (`pdftotext` without `-layout`: labels away
 * from their figures, page furniture between rows) and a converter's Markdown (one table in
 * several pipe tables). Each is rendered from the same random reports in turn.
 */
const corpusLayouts: Record<string, (report: Report, seed: number) => string> = {
  ...Object.fromEntries(
    (Object.keys(textRenderers) as TextLayout[]).map((layout) => [
      layout,
      (report: Report) => renderText(report, layout),
    ]),
  ),
  'reading-order': renderReadingOrder,
  'converter-markdown': renderConverterMarkdown,
};
const layouts = Object.keys(corpusLayouts);
const renderers = Object.values(corpusLayouts);

function generateCorpus(size: number): Uint8Array[] {
  const encoder = new TextEncoder();
  const corpus: Uint8Array[] = [];
  for (let i = 0; i < size; i++) {
    const format: FormatId = i % 2 === 0 ? '2021' : '2019';
    const render = renderers[i % renderers.length] as (report: Report, seed: number) => string;
    corpus.push(encoder.encode(render(generateReport(i, format), i)));
  }
  return corpus;
}

const each = (inputs: readonly Uint8Array[], work: (bytes: Uint8Array) => unknown) => async () => {
  for (const input of inputs) await work(input);
};

const byName = (timings: readonly Timing[], name: string): Timing => {
  const t = timings.find((x) => x.name === name);
  if (!t) throw new Error(`no timing ${name}`);
  return t;
};

function printTimings(timings: readonly Timing[], unit: string): void {
  console.log(
    table(
      ['workload', `ms/${unit}`, `${unit}/s`, 'fastest round', 'slowest round'],
      timings.map((t) => [
        t.name,
        t.ms.toFixed(3),
        (1000 / t.ms).toFixed(1),
        t.min.toFixed(3),
        t.max.toFixed(3),
      ]),
    ),
  );
}

/** The rows of the issue's table for the published forms. */
function formRows(forms: readonly Timing[]): string[][] {
  const ratio = (a: Timing, b: Timing) => a.ms / b.ms;
  const rate = (t: Timing) => 1000 / t.ms;
  const rows: string[][] = [];
  const docxRead = rate(byName(forms, 'docx: read'));
  rows.push([
    'DOCX read',
    `${docxRead.toFixed(0)} reports/s = ${(docxRead / 300).toFixed(2)}× goal`,
    '≥ 300/s',
    docxRead >= 300 ? 'met' : 'not met',
  ]);
  const realRead = forms.find((t) => t.name === 'pdf: read, real reports');
  const pdftotext = forms.find((t) => t.name === 'pdf: pdftotext -layout, real reports');
  if (realRead) {
    const pages = rate(realRead);
    const r = pdftotext ? ratio(realRead, pdftotext) : Number.NaN;
    rows.push([
      'PDF read, real reports',
      `${pdftotext ? `${r.toFixed(1)}× pdftotext; ` : ''}${pages.toFixed(0)} pages/s`,
      '≤ 3×; ≥ 100/s',
      (pdftotext ? r <= 3 : true) && pages >= 100 ? 'met' : 'not met',
    ]);
  }
  rows.push(['PDF read, own PDFs', `${rate(byName(forms, 'pdf: read')).toFixed(0)} pages/s`, '', '']);
  const html = rate(byName(forms, 'html: write'));
  for (const [target, unit] of [
    ['docx', 'reports/s'],
    ['pdf', 'pages/s'],
  ] as const) {
    const written = rate(byName(forms, `${target}: write`));
    const r = written / html / before13[target];
    rows.push([
      `${target.toUpperCase()} write`,
      `${written.toFixed(0)} ${unit}; ${r.toFixed(2)}× before, beside HTML write`,
      '≥ 2×',
      r >= 2 ? 'met' : 'not met',
    ]);
  }
  return rows;
}

async function main(): Promise<void> {
  const corpusSize = option('corpus', 2000);
  const fileCount = option('files', 2000);
  const rounds = option('rounds', 5);
  const roundMs = option('round-ms', 400);
  const seedDir = new URL('../../test/fixtures/seeds/', import.meta.url);
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => new Uint8Array(readFileSync(new URL(f, seedDir))));
  if (process.argv.includes('--forms-only')) {
    const forms = await benchForms(seeds, rounds, roundMs);
    console.log('published forms: the five seeds written and read (reports; pages for PDF), real PDFs:\n');
    printTimings(forms, 'unit');
    console.log('\nissue #13, each row against its baseline (ratios within this run) or goal:\n');
    console.log(table(['work', 'measured', 'goal', ''], formRows(forms)));
    return;
  }

  const started = performance.now();
  const corpus = generateCorpus(Math.max(corpusSize, fileCount));
  const corpusBytes = corpus.reduce((s, b) => s + b.length, 0);
  console.log(
    `corpus: ${corpus.length} generated reports in ${layouts.length} layouts (${layouts.join(', ')}), ` +
      `${(corpusBytes / 1e6).toFixed(1)} MB, built in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `node ${process.version}; ${rounds} rounds, the workloads of each table in turn; figures are medians\n`,
  );

  // Parse in process.
  const inProcess = corpus.slice(0, corpusSize);
  const parse = await interleave(
    [
      { name: 'seeds: baseline (decode + NFKC)', units: seeds.length, run: each(seeds, baseline) },
      {
        name: 'seeds: parse',
        units: seeds.length,
        run: each(seeds, (b) => processBytes(b, 'seed.txt', { check: false })),
      },
      { name: 'seeds: check', units: seeds.length, run: each(seeds, (b) => processBytes(b, 'seed.txt')) },
      { name: 'corpus: baseline (decode + NFKC)', units: inProcess.length, run: each(inProcess, baseline) },
      {
        name: 'corpus: parse',
        units: inProcess.length,
        run: each(inProcess, (b) => processBytes(b, 'corpus.txt', { check: false })),
      },
      {
        name: 'corpus: check',
        units: inProcess.length,
        run: each(inProcess, (b) => processBytes(b, 'corpus.txt')),
      },
    ],
    rounds,
    roundMs,
  );
  console.log('parse in process (reports):\n');
  printTimings(parse, 'report');

  // Parse as users run it: the CLI over many files, one process per call.
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  let cli: Timing[];
  try {
    const paths = corpus.slice(0, fileCount).map((bytes, i) => {
      const path = join(dir, `${String(i).padStart(5, '0')}.txt`);
      writeFileSync(path, bytes);
      return path;
    });
    const bin = fileURLToPath(new URL('../../bin/gongkai.js', import.meta.url));
    const bare = fileURLToPath(new URL('./bare-read.js', import.meta.url));
    const run = (args: string[]) => () => {
      execFileSync(process.execPath, args, { stdio: 'ignore', maxBuffer: 1 << 30 });
    };
    cli = await interleave(
      [
        {
          name: 'files: bare read (read, decode, NFKC, a JSON line)',
          units: paths.length,
          run: run([bare, ...paths]),
        },
        {
          name: 'files: gongkai parse --json',
          units: paths.length,
          run: run([bin, 'parse', '--json', ...paths]),
        },
      ],
      Math.min(rounds, 3),
      0,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n${fileCount} files, one process each call (files):\n`);
  printTimings(cli, 'file');

  const parseOnly = process.argv.includes('--parse-only');
  const forms = parseOnly ? [] : await benchForms(seeds, rounds, roundMs);
  if (!parseOnly) {
    console.log('\npublished forms: the five seeds written and read (reports; pages for PDF), real PDFs:\n');
    printTimings(forms, 'unit');
  }

  // The issue's table, each row against its baseline or goal.
  const ratio = (a: Timing, b: Timing) => a.ms / b.ms;
  const rate = (t: Timing) => 1000 / t.ms;
  const rows: string[][] = [];
  const cliRatio = ratio(byName(cli, 'files: gongkai parse --json'), byName(cli, cli[0]?.name ?? ''));
  const cliRate = rate(byName(cli, 'files: gongkai parse --json'));
  rows.push([
    `parse --json, ${fileCount} files`,
    `${cliRatio.toFixed(1)}× bare read; ${cliRate.toFixed(0)} reports/s`,
    '≤ 5×; ≥ 5000/s',
    cliRatio <= 5 && cliRate >= 5000 ? 'met' : 'not met',
  ]);
  for (const set of ['seeds', 'corpus'] as const) {
    const r = ratio(byName(parse, `${set}: parse`), byName(parse, `${set}: baseline (decode + NFKC)`));
    rows.push([
      `parse in process, ${set}`,
      `${r.toFixed(1)}× decode + NFKC`,
      '(≤ 5×)',
      r <= 5 ? 'met' : 'not met',
    ]);
  }
  if (parseOnly) {
    console.log('\nissue #13, each row against its baseline (ratios within this run) or goal:\n');
    console.log(table(['work', 'measured', 'goal', ''], rows));
    return;
  }
  rows.push(...formRows(forms));
  console.log('\nissue #13, each row against its baseline (ratios within this run) or goal:\n');
  console.log(table(['work', 'measured', 'goal', ''], rows));
}

await main();
