/**
 * OCR on generated scans, for each engine (PaddleOCR and tesseract, where installed): pages per
 * second, CPU seconds a page (this process and its child processes: the fairer figure on a busy
 * machine), characters right (the blocks' text against the text layer of the same report's PDF),
 * and the share of cells read exactly, flagged (null, or named by an error) and silently wrong, on
 * a clean 200-dpi scan and on a degraded one (turned, speckled, shaded, JPEG). Part of
 * `npm run bench`; options: --reports N (per kind, default 1), --engine paddle|tesseract.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { assemble } from '../assemble/assemble.js';
import { runChecks } from '../check/index.js';
import { SourceFile, UnreadableInputError } from '../core/source-file.js';
import { generateReport } from '../generate/random-report.js';
import { type ScanOptions, scanReport } from '../generate/scan.js';
import { read } from '../pipeline.js';
import type { Block } from '../read/blocks.js';
import { chooseEngine, type OcrEngineId } from '../read/ocr/engine.js';
import { settleOcr } from '../read/ocr/index.js';
import { renderPdf } from '../render/pdf/index.js';
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

/** CPU seconds used by this process and its finished child processes (Linux; 0 elsewhere). */
function cpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime: fields 14–17, in clock ticks (100 a second).
    return [11, 12, 13, 14].reduce((s, i) => s + Number(f[i]), 0) / 100;
  } catch {
    return 0;
  }
}

/** The text of blocks, without white space: paragraphs and table cells in order. */
const textOf = (blocks: readonly Block[]): string =>
  blocks
    .flatMap((b) =>
      b.type === 'table' ? b.rows.flat().map((c) => c?.text ?? '') : [(b as { text?: string }).text ?? ''],
    )
    .join('')
    .replace(/\s+/g, '');

/** Edit distance (insertions, deletions, substitutions), in one row of memory. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Int32Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = new Int32Array(y.length + 1);
    next[0] = i;
    for (let j = 1; j <= y.length; j++)
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[y.length] as number;
}

async function main(): Promise<void> {
  const reports = option('reports', 1);
  const only = process.argv[process.argv.indexOf('--engine') + 1];
  const engines = (['paddle', 'tesseract'] as const).filter(
    (id) => !process.argv.includes('--engine') || only === id,
  );
  console.log(`OCR（${availableParallelism()} 核，开始时负载 ${loadavg()[0]?.toFixed(1)}）`);
  console.log(
    '引擎/扫描件                     页数  秒      页/秒  CPU秒/页 字符正确 单元格 准确    标出    静默错误',
  );
  for (const id of engines) {
    const engine = await chooseEngine(id as OcrEngineId);
    if (!engine) {
      console.log(`${id}：未安装，跳过`);
      continue;
    }
    for (const kind of kinds) {
      let pages = 0;
      let seconds = 0;
      let cpu = 0;
      let cells = 0;
      let exact = 0;
      let flagged = 0;
      let wrong = 0;
      let characters = 0;
      let missed = 0;
      for (let r = 0; r < reports; r++) {
        const format: FormatId = r % 2 === 0 ? '2021' : '2019';
        const report = generateReport(100 + r, format);
        const scan = await scanReport(report, { ...kind.options, seed: r + 1 });
        const truth = textOf(
          (
            await read(
              await renderPdf(report, { creationDate: new Date('2022-01-25T09:00:00+08:00') }),
              new SourceFile('t.pdf'),
            )
          ).blocks,
        );
        const start = performance.now();
        const cpuStart = cpuSeconds();
        const file = new SourceFile('scan.pdf');
        let got: { cells: Record<string, unknown>; blocks: Block[] } | null = null;
        try {
          const { blocks } = await read(scan.pdf, file, { engine: id });
          const assembled = assemble(blocks, file);
          settleOcr(assembled.report, assembled.evidence, assembled.spec, file);
          runChecks(assembled, file);
          got = { cells: assembled.report.cells, blocks };
        } catch (error) {
          if (!(error instanceof UnreadableInputError)) throw error;
        }
        seconds += (performance.now() - start) / 1000;
        cpu += cpuSeconds() - cpuStart;
        pages += scan.images.length;
        characters += truth.length;
        missed += Math.min(truth.length, distance(truth, got ? textOf(got.blocks) : ''));
        const named = new Set(file.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
        for (const [key, value] of Object.entries(report.cells)) {
          cells++;
          const value2 = got?.cells[key] ?? null;
          if (value2 === value) exact++;
          else if (value2 === null || named.has(key)) flagged++;
          else {
            wrong++;
            if (process.env.GONGKAI_BENCH_VERBOSE) console.log(`  静默错误 ${key}: ${value} → ${value2}`);
          }
        }
      }
      const share = (n: number, of = cells) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`.padEnd(8);
      console.log(
        `${`${id} ${kind.name}`.padEnd(26)}  ${String(pages).padEnd(5)} ${seconds.toFixed(1).padEnd(7)} ${(pages / seconds).toFixed(2).padEnd(6)} ${(cpu / pages).toFixed(2).padEnd(8)} ${share(characters - missed, characters)} ${String(cells).padEnd(6)} ${share(exact)}${share(flagged)}${wrong}`,
      );
    }
  }
  console.log(`结束时负载 ${loadavg()[0]?.toFixed(1)}（${engines.join('、')}）`);
}

await main();
