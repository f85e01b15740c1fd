/**
 * Throughput of each published form, read and written: reports per second for HTML and DOCX and
 * pages per second for PDF, on the five seeds (rendered once, untimed, from their parsed reports);
 * and PDF reading of real reports (not only Gongkai's own PDFs), in turn with `pdftotext -layout`
 * on the same files, page for page.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Report } from '../core/report.js';
import { processBytes } from '../pipeline.js';
import { getRenderer } from '../render/index.js';
import { interleave, type Timing, type Workload } from './measure.js';

const encoder = new TextEncoder();

async function bytesOf(target: string, report: Report): Promise<Uint8Array> {
  const renderer = getRenderer(target);
  if (!renderer) throw new Error(`no renderer for ${target}`);
  const out = await renderer.render(report, {});
  return typeof out === 'string' ? encoder.encode(out) : out;
}

/** Pages of a PDF (its page objects). */
export const pdfPages = (bytes: Uint8Array): number =>
  (
    Buffer.from(bytes)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;

/** The real PDFs kept as test fixtures (the benchmark's files), with their page counts. */
export function realPdfs(): { path: string; bytes: Uint8Array; pages: number }[] {
  const dir = new URL('../../test/fixtures/real/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => {
      const path = new URL(f, dir).pathname;
      const bytes = new Uint8Array(readFileSync(path));
      return { path, bytes, pages: pdfPages(bytes) };
    });
}

const hasPdftotext = (): boolean => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * Writing and reading each form, in turn round after round (units: reports, or pages for PDF),
 * then reading the real PDFs in turn with `pdftotext -layout` (units: pages).
 */
export async function benchForms(
  seeds: readonly Uint8Array[],
  rounds: number,
  minMs: number,
): Promise<Timing[]> {
  const reports = await Promise.all(seeds.map(async (b) => (await processBytes(b, 'seed.txt')).report));
  const workloads: Workload[] = [];
  for (const [target, unit] of [
    ['html', 'reports'],
    ['docx', 'reports'],
    ['pdf', 'pages'],
  ] as const) {
    const files = await Promise.all(reports.map((r) => bytesOf(target, r)));
    const units = unit === 'pages' ? files.reduce((n, f) => n + pdfPages(f), 0) : files.length;
    workloads.push({
      name: `${target}: write`,
      units,
      run: async () => {
        for (const r of reports) await bytesOf(target, r);
      },
    });
    workloads.push({
      name: `${target}: read`,
      units,
      run: async () => {
        for (const f of files) await processBytes(f, `seed.${target}`, { check: false });
      },
    });
  }
  const real = realPdfs();
  const realPages = real.reduce((n, f) => n + f.pages, 0);
  if (real.length > 0) {
    workloads.push({
      name: 'pdf: read, real reports',
      units: realPages,
      run: async () => {
        for (const f of real) await processBytes(f.bytes, 'real.pdf', { check: false });
      },
    });
    if (hasPdftotext())
      workloads.push({
        name: 'pdf: pdftotext -layout, real reports',
        units: realPages,
        run: () => {
          for (const f of real)
            execFileSync('pdftotext', ['-layout', f.path, '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
        },
      });
  }
  return interleave(workloads, rounds, minMs);
}
