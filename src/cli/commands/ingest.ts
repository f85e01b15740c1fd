/**
 * `gongkai ingest PATH…`: reads files, folders (recursive) and .zip archives into the corpus, in
 * worker threads over all cores, with a progress bar on a terminal and a summary in Chinese.
 * `--queue` (PostgreSQL) enqueues one job per file instead, for `gongkai worker` to drain.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { type IngestSummary, ingestPaths } from '../../corpus/ingest.js';
import { createPool } from '../../corpus/pool.js';
import { enqueuePaths, QueueConfigError } from '../../corpus/queue.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { withStore } from './register-shared.js';

export interface IngestOptions {
  queue?: boolean;
  keepSource?: boolean;
  json?: boolean;
  threads?: string;
}

/** The summary as the user reads it (ends with a line break). */
export function formatIngestSummary(summary: IngestSummary): string {
  const lines = [
    `共读取 ${summary.read} 个文件：新增 ${summary.added} 份，已有 ${summary.known} 份（内容相同），新版本 ${summary.versions} 份，无法读取 ${summary.unreadable.length} 个`,
  ];
  if (summary.unreadable.length > 0) {
    lines.push('无法读取：');
    for (const u of summary.unreadable) lines.push(`  ${u.path}: ${u.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

function progressBar(io: CliIO) {
  if (io.stderr.isTTY !== true) return { update: (_d: number, _t: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({
    stream: io.stderr as NodeJS.WritableStream,
    format: '导入中 {bar} {value}/{total} 个文件',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}

export async function runIngest(
  paths: readonly string[],
  options: IngestOptions,
  io: CliIO,
): Promise<number> {
  if (options.queue) {
    return withStore(io, async (store) => {
      let result: Awaited<ReturnType<typeof enqueuePaths>>;
      try {
        result = await enqueuePaths(store, paths);
      } catch (error) {
        if (!(error instanceof QueueConfigError)) throw error;
        io.stderr.write(`gongkai: 错误：${error.message}\n`);
        return ExitCode.usage;
      }
      io.stdout.write(
        `已加入队列 ${result.sent} 个文件（${result.skipped} 个已在队列或已导入），无法读取 ${result.unreadable.length} 个\n`,
      );
      for (const u of result.unreadable) io.stderr.write(`${u.path}: 错误：${u.reason}\n`);
      return result.unreadable.length > 0 ? ExitCode.unreadable : ExitCode.ok;
    });
  }
  const threads = options.threads === undefined ? undefined : Number(options.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) {
    io.stderr.write(`gongkai: 错误：线程数「${options.threads}」无效\n`);
    return ExitCode.usage;
  }
  return withStore(io, async (store) => {
    const pool = createPool(threads);
    const bar = progressBar(io);
    let summary: IngestSummary;
    try {
      summary = await ingestPaths(store, paths, {
        pool,
        keepSource: options.keepSource === true,
        onProgress: (done, total) => bar.update(done, total),
      });
    } finally {
      bar.stop();
      await pool.close();
    }
    if (options.json) for (const r of summary.results) io.stdout.write(`${JSON.stringify(r)}\n`);
    else io.stdout.write(formatIngestSummary(summary));
    return summary.unreadable.length > 0 ? ExitCode.unreadable : ExitCode.ok;
  });
}

export function defineIngest(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('ingest')
    .summary('把已发布的年度报告导入报告库（监督）')
    .description(
      [
        '读取文件、目录（递归）和 .zip 压缩包中的年度报告，存入报告库（与登记数据同库：默认 GONGKAI_DATA',
        '目录下的 SQLite，设置 DATABASE_URL 时为 PostgreSQL）。按文件内容的 SHA-256 去重：同一内容只存一份；',
        '同一机关同一年度的不同文件作为新版本保存，旧版本保留。',
        '',
        '最后输出汇总：读取、新增、已有、新版本、无法读取（逐个列出原因）。',
        '退出码：0 全部导入；2 有文件无法读取或用法错误。',
      ].join('\n'),
    )
    .usage('<路径...>')
    .argument('<路径...>', '报告文件、目录或 .zip 压缩包')
    .option('--queue', '不在本机解析：每个文件加入任务队列（需要 PostgreSQL），由 gongkai worker 处理')
    .option(
      '--keep-source',
      '在库中保存原文件的字节（默认只保存路径、SHA-256 和文字；文件仍在原处且未改动时照样可以重新读取、下载和检查）',
    )
    .option('--threads <N>', '解析用的工作线程数（默认：CPU 核数减一，至少 1；0 表示在主线程解析）')
    .option('--json', '每个文件输出一行 JSON：{path, status, sha256, id, version, reason}')
    .action(async (paths: string[], options: IngestOptions) => {
      done(await runIngest(paths, options, io));
    });
}
