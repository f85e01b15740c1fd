/**
 * OCR on generated scans: pages per second and the share of cells read exactly, flagged (null, or
 * named by an error) and silently wrong, on a clean 200-dpi scan and on a degraded one (turned,
 * speckled, shaded, JPEG). Part of `npm run bench`; options: --reports N (per kind, default 1).
 */
import { availableParallelism } from 'node:os';
import { UnreadableInputError } from '../core/source-file.js';
import { generateReport } from '../generate/random-report.js';
import { type ScanOptions, scanReport } from '../generate/scan.js';
import { processBytes } from '../pipeline.js';
import { engineName, ocrInstalled } from '../read/ocr/tesseract.js';
import type { FormatId } from '../spec/types.js';

const option = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const kinds: { name: string; options: ScanOptions }[] = [
  { name: '清晰扫描 200 dpi', options: { dpi: 200 } },
  {
    name: '劣化扫描 200 dpi',
    options: { dpi: 200, rotation: 0.6, noise: 0.005, shade: 0.3, jpegQuality: 50 },
  },
];

async function main(): Promise<void> {
  if (!(await ocrInstalled())) {
    console.log('OCR：未安装 tesseract（chi_sim）或 poppler，跳过');
    return;
  }
  const reports = option('reports', 1);
  console.log(`OCR（${await engineName()}，${availableParallelism()} 核）`);
  console.log('扫描件              页数  秒      页/秒  单元格  准确    标出    静默错误');
  for (const kind of kinds) {
    let pages = 0;
    let seconds = 0;
    let cells = 0;
    let exact = 0;
    let flagged = 0;
    let wrong = 0;
    for (let r = 0; r < reports; r++) {
      const format: FormatId = r % 2 === 0 ? '2021' : '2019';
      const report = generateReport(100 + r, format);
      const scan = await scanReport(report, { ...kind.options, seed: r + 1 });
      const start = performance.now();
      let got: Awaited<ReturnType<typeof processBytes>> | null = null;
      try {
        got = await processBytes(scan.pdf, 'scan.pdf');
      } catch (error) {
        if (!(error instanceof UnreadableInputError)) throw error;
      }
      seconds += (performance.now() - start) / 1000;
      pages += scan.images.length;
      const named = new Set(
        (got?.report.findings ?? []).filter((f) => f.severity === 'error').flatMap((f) => f.keys),
      );
      for (const [key, value] of Object.entries(report.cells)) {
        cells++;
        const read = got?.report.cells[key] ?? null;
        if (read === value) exact++;
        else if (read === null || named.has(key)) flagged++;
        else wrong++;
      }
    }
    const share = (n: number) => `${((100 * n) / Math.max(1, cells)).toFixed(1)}%`.padEnd(8);
    console.log(
      `${kind.name.padEnd(16)}  ${String(pages).padEnd(5)} ${seconds.toFixed(1).padEnd(7)} ${(pages / seconds).toFixed(2).padEnd(6)} ${String(cells).padEnd(7)} ${share(exact)}${share(flagged)}${wrong}`,
    );
  }
}

await main();
