/**
 * Throughput of each published form, read and written: reports per second for HTML and DOCX and
 * pages per second for PDF, on the five seeds (rendered once, untimed, from their parsed reports).
 */
import type { Report } from '../core/report.js';
import { processBytes } from '../pipeline.js';
import { getRenderer } from '../render/index.js';

export interface FormRow {
  workload: string;
  /** Reports (or, for PDF, pages) handled. */
  units: number;
  unit: 'reports' | 'pages';
  seconds: number;
}

const encoder = new TextEncoder();

async function bytesOf(target: string, report: Report): Promise<Uint8Array> {
  const renderer = getRenderer(target);
  if (!renderer) throw new Error(`no renderer for ${target}`);
  const out = await renderer.render(report, {});
  return typeof out === 'string' ? encoder.encode(out) : out;
}

/** Pages of a PDF written by pdfkit (its page objects). */
export const pdfPages = (bytes: Uint8Array): number =>
  (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;

async function timed(
  seconds: number,
  round: () => Promise<number>,
): Promise<{ units: number; seconds: number }> {
  const start = performance.now();
  let units = 0;
  let elapsed = 0;
  do {
    units += await round();
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < seconds);
  return { units, seconds: elapsed };
}

export async function benchForms(seeds: readonly Uint8Array[], seconds: number): Promise<FormRow[]> {
  const reports = await Promise.all(seeds.map(async (b) => (await processBytes(b, 'seed.txt')).report));
  const rows: FormRow[] = [];
  for (const [target, unit] of [
    ['html', 'reports'],
    ['docx', 'reports'],
    ['pdf', 'pages'],
  ] as const) {
    const files = await Promise.all(reports.map((r) => bytesOf(target, r)));
    const count = (bytes: Uint8Array) => (unit === 'pages' ? pdfPages(bytes) : 1);
    const write = await timed(seconds, async () => {
      let n = 0;
      for (const r of reports) n += count(await bytesOf(target, r));
      return n;
    });
    rows.push({ workload: `${target}: write`, unit, ...write });
    const read = await timed(seconds, async () => {
      let n = 0;
      for (const f of files) {
        await processBytes(f, `seed.${target}`, { check: false });
        n += count(f);
      }
      return n;
    });
    rows.push({ workload: `${target}: read`, unit, ...read });
  }
  return rows;
}

export function printForms(rows: readonly FormRow[]): void {
  const header = ['workload', 'units', 'seconds', 'per second'];
  const body = rows.map((r) => [
    r.workload,
    `${r.units} ${r.unit}`,
    r.seconds.toFixed(2),
    `${(r.units / r.seconds).toFixed(1)} ${r.unit}/s`,
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
