/**
 * Pictures of a rendered report for people: seed 000 read through the pipeline, rendered to PDF,
 * and its first page and the page with table 三 turned into PNGs by pdftoppm (poppler-utils) at
 * 60 dpi. `GONGKAI_PDF_PNGS=docs npx vitest run test/render/pdf/seed-pngs` rewrites the ones in
 * docs/ (docs/pdf-seed000-page1.png, docs/pdf-seed000-table.png).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processBytes } from '../../../src/pipeline.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { openPdf } from './pdf-reading.js';

const seeds = join(import.meta.dirname, '../../fixtures/seeds');

/** Seed 000 as the pipeline reads it. */
export async function seed000() {
  const name = readdirSync(seeds).find((f) => f.startsWith('000_') && f.endsWith('.txt')) as string;
  const { report } = await processBytes(readFileSync(join(seeds, name)), name);
  return report;
}

/** Whether pdftoppm can be run here. */
export function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One page of a PDF file as a PNG at 60 dpi. */
function pagePng(pdfPath: string, page: number, out: string): void {
  const stem = `${out}.tmp`;
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdfPath,
    stem,
  ]);
  renameSync(`${stem}.png`, out);
}

/** Renders seed 000 and writes its two PNGs into `dir`; returns their paths and the table's page. */
export async function writeSeedPngs(
  dir: string,
): Promise<{ page1: string; table: string; tablePage: number }> {
  const bytes = await renderPdf(await seed000(), { creationDate: new Date('2022-01-25T09:00:00+08:00') });
  const pdfPath = join(dir, 'pdf-seed000.pdf.tmp');
  writeFileSync(pdfPath, bytes);
  const pdf = await openPdf(bytes);
  const tablePage = pdf.pages.findIndex((p) => p.runs.some((r) => r.text.includes('勾稽关系'))) + 1;
  const page1 = join(dir, 'pdf-seed000-page1.png');
  const table = join(dir, 'pdf-seed000-table.png');
  pagePng(pdfPath, 1, page1);
  pagePng(pdfPath, tablePage, table);
  rmSync(pdfPath, { force: true });
  return { page1, table, tablePage };
}
