/**
 * OCR on generated scans, for each engine (PaddleOCR and tesseract, where installed): pages per
 * second, CPU seconds a page (this process and its child processes: the fairer figure on a busy
 * machine) and pages a CPU second (pages per second on one core), characters right (the blocks'
 * text against the text layer of the same report's PDF), and the share of cells read exactly,
 * flagged (null, or named by an error) and silently wrong, on a clean 200-dpi scan and on a
 * degraded one (turned, speckled, shaded, JPEG). The table is measured with the models loaded (as
 * when a corpus is read); the process's first file, which starts the page workers and loads the
 * models on each, is measured apart. Part of `npm run bench`; options: --reports N (per kind,
 * default 1), --engine paddle|tesseract.
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
import { chooseEngine, type OcrEngineId, popplerInstalled } from '../read/ocr/engine.js';
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

interface Sample {
  report: ReturnType<typeof generateReport>;
  scan: Awaited<ReturnType<typeof scanReport>>;
  /** The text of the same report's PDF text layer. */
  truth: string;
}

/** Reads a scan as `npm run bench` would parse it; null where it is refused. */
async function readScan(
  sample: Sample,
  engine: OcrEngineId,
): Promise<{ cells: Record<string, unknown>; blocks: Block[]; file: SourceFile } | null> {
  const file = new SourceFile('scan.pdf');
  try {
    const { blocks } = await read(sample.scan.pdf, file, { engine });
    const assembled = assemble(blocks, file);
    settleOcr(assembled.report, assembled.evidence, assembled.spec, file);
    runChecks(assembled, file);
    return { cells: assembled.report.cells, blocks, file };
  } catch (error) {
    if (!(error instanceof UnreadableInputError)) throw error;
    return null;
  }
}

async function main(): Promise<void> {
  const reports = option('reports', 1);
  const only = process.argv[process.argv.indexOf('--engine') + 1];
  const engines = (['paddle', 'tesseract'] as const).filter(
    (id) => !process.argv.includes('--engine') || only === id,
  );
  console.log(`OCR（${availableParallelism()} 核，开始时负载 ${loadavg()[0]?.toFixed(1)}）`);
  // The scans are made by rasterising PDFs with poppler, which either engine reads pages through:
  // without it there is nothing to measure, and the rest of `npm run bench` goes on.
  if (!(await popplerInstalled())) {
    console.log(
      '未安装 poppler-utils（pdftoppm），无法生成和读取扫描件：跳过文字识别（apt-get install poppler-utils）',
    );
    return;
  }
  // The scans first (rendering and degrading them is not what is measured).
  const samples: Sample[][] = [];
  for (const kind of kinds) {
    const list: Sample[] = [];
    for (let r = 0; r < reports; r++) {
      const format: FormatId = r % 2 === 0 ? '2021' : '2019';
      const report = generateReport(100 + r, format);
      const scan = await scanReport(report, { ...kind.options, seed: r + 1 });
      const pdf = await renderPdf(report, { creationDate: new Date('2022-01-25T09:00:00+08:00') });
      list.push({ report, scan, truth: textOf((await read(pdf, new SourceFile('t.pdf'))).blocks) });
    }
    samples.push(list);
  }
  // The first file of a process is a report of its own: the recogniser reuses the readings of lines
  // whose pixels it has seen (paddle/recognise.ts), and reading a measured scan twice would flatter it.
  const coldReport = generateReport(99, '2021');
  const coldSample: Sample = {
    report: coldReport,
    scan: await scanReport(coldReport, { ...(kinds[0] as (typeof kinds)[number]).options, seed: 99 }),
    truth: '',
  };
  console.log(
    '引擎/扫描件                     页数  秒      页/秒  CPU秒/页 页/秒/核 字符正确 单元格 准确    标出    静默错误',
  );
  for (const id of engines) {
    const engine = await chooseEngine(id as OcrEngineId);
    if (!engine) {
      console.log(`${id}：未安装，跳过`);
      continue;
    }
    // The first file of a process also starts the page workers, each of which loads the models
    // (PaddleOCR): measured apart, then every kind with the models loaded, as a corpus is read.
    const first = coldSample;
    const coldStart = cpuSeconds();
    const coldWall = performance.now();
    await readScan(first, id);
    const cold = cpuSeconds() - coldStart;
    const coldSeconds = (performance.now() - coldWall) / 1000;
    const coldPages = first.scan.images.length;
    for (const [k, kind] of kinds.entries()) {
      let pages = 0;
      let seconds = 0;
      let cpu = 0;
      let cells = 0;
      let exact = 0;
      let flagged = 0;
      let wrong = 0;
      let characters = 0;
      let missed = 0;
      for (const sample of samples[k] as Sample[]) {
        const start = performance.now();
        const cpuStart = cpuSeconds();
        const got = await readScan(sample, id);
        seconds += (performance.now() - start) / 1000;
        cpu += cpuSeconds() - cpuStart;
        pages += sample.scan.images.length;
        characters += sample.truth.length;
        missed += Math.min(sample.truth.length, distance(sample.truth, got ? textOf(got.blocks) : ''));
        const named = new Set(
          (got?.file.findings ?? []).filter((f) => f.severity === 'error').flatMap((f) => f.keys),
        );
        for (const [key, value] of Object.entries(sample.report.cells)) {
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
        `${`${id} ${kind.name}`.padEnd(26)}  ${String(pages).padEnd(5)} ${seconds.toFixed(1).padEnd(7)} ${(pages / seconds).toFixed(2).padEnd(6)} ${(cpu / pages).toFixed(2).padEnd(8)} ${(pages / cpu).toFixed(2).padEnd(8)} ${share(characters - missed, characters)} ${String(cells).padEnd(6)} ${share(exact)}${share(flagged)}${wrong}`,
      );
    }
    console.log(
      `${id} 进程的第一个文件（${kinds[0]?.name}，${coldPages} 页，含启动页面线程、各线程加载模型）：${(cold / coldPages).toFixed(2)} CPU 秒/页，${coldSeconds.toFixed(1)} 秒（上表为模型已加载时）`,
    );
  }
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(
    `结束时负载 ${loadavg()[0]?.toFixed(1)}，进程峰值内存 ${peak.toFixed(0)} MB（${engines.join('、')}）`,
  );
}

await main();
