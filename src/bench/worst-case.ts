/**
 * The splitter's worst cases: a crafted flattened report with a long run of digits in every row
 * of tables 三 and 四, and random reports of the same kind. Prints each workload's slowest report
 * against the goal of 50 ms per report whatever its digits. Run with `npm run bench`
 * (options: --reports N, the random reports per format).
 */
import { pathToFileURL } from 'node:url';
import { longRunReport } from '../generate/long-runs.js';
import { processBytes } from '../pipeline.js';
import { renderText } from '../render/text/index.js';
import type { FormatId } from '../spec/types.js';

export const goalMs = 50;

const encoder = new TextEncoder();

/** The crafted report: three-digit row totals and two-digit cells in every row of table 三. */
export function craftedText(format: FormatId = '2021'): string {
  return renderText(longRunReport(7, format, { min: 10, max: 99 }), 'flattened');
}

/** Random long-run reports, flattened: cells of 1–3 digits. */
export function randomTexts(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const format: FormatId = i % 2 === 0 ? '2021' : '2019';
    const max = [9, 99, 99, 150, 400][i % 5] as number;
    out.push(renderText(longRunReport(1000 + i, format, { min: max > 9 ? 1 : 0, max }), 'flattened'));
  }
  return out;
}

interface Timing {
  workload: string;
  reports: number;
  slowestMs: number;
  meanMs: number;
}

/**
 * Each report's time is the least of `repeat` runs after a warm-up run (what the report costs,
 * less what other processes on the machine took); the slowest report is the figure that counts.
 */
async function time(workload: string, texts: readonly string[], repeat: number): Promise<Timing> {
  let slowest = 0;
  let total = 0;
  for (const text of texts) {
    const bytes = encoder.encode(text);
    await processBytes(bytes, 'worst-case.txt', { check: false });
    let least = Number.POSITIVE_INFINITY;
    for (let k = 0; k < repeat; k++) {
      const started = performance.now();
      await processBytes(bytes, 'worst-case.txt', { check: false });
      least = Math.min(least, performance.now() - started);
    }
    slowest = Math.max(slowest, least);
    total += least;
  }
  return { workload, reports: texts.length, slowestMs: slowest, meanMs: total / texts.length };
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--reports');
  const count = i >= 0 ? Math.max(1, Number(process.argv[i + 1]) || 40) : 40;
  // Warm up the pipeline on one ordinary report.
  await processBytes(encoder.encode(randomTexts(1)[0] as string), 'warm.txt', { check: false });
  const rows = [
    await time('crafted: long runs in every row (2021)', [craftedText('2021')], 7),
    await time('crafted: long runs in every row (2019)', [craftedText('2019')], 7),
    await time(`random long runs (${count} reports)`, randomTexts(count), 3),
  ];
  console.log('\nworst case of the splitter (parse, flattened text)');
  for (const r of rows)
    console.log(
      `${r.workload.padEnd(42)} slowest ${r.slowestMs.toFixed(1).padStart(7)} ms  mean ${r.meanMs.toFixed(1).padStart(7)} ms`,
    );
  const slowest = Math.max(...rows.map((r) => r.slowestMs));
  console.log(
    `slowest report: ${slowest.toFixed(1)} ms against the goal of ${goalMs} ms: ${slowest <= goalMs ? 'met' : 'NOT met'}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
