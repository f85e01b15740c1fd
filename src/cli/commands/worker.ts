/**
 * `gongkai worker`: drains the ingest queue (PostgreSQL, pg-boss) that `gongkai ingest --queue`
 * fills; any number of workers on any machines. SIGINT or SIGTERM stops fetching, finishes the jobs
 * in hand and exits; a worker killed outright loses nothing: its jobs expire and are retried, and a
 * report already stored is not stored twice.
 */
import type { Command } from 'commander';
import { QueueConfigError, startWorker } from '../../corpus/queue.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { stopSignal } from '../stop-signal.js';
import { withStore } from './register-shared.js';

export interface WorkerOptions {
  concurrency?: string;
  expire?: string;
}

export async function runWorker(
  options: WorkerOptions,
  io: CliIO,
  stopped: Promise<unknown> = stopSignal(),
): Promise<number> {
  const concurrency = options.concurrency === undefined ? undefined : Number(options.concurrency);
  const expire = options.expire === undefined ? undefined : Number(options.expire);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1)) {
    io.stderr.write(`gongkai: 错误：并发数「${options.concurrency}」无效\n`);
    return ExitCode.usage;
  }
  if (expire !== undefined && !(Number.isInteger(expire) && expire >= 1)) {
    io.stderr.write(`gongkai: 错误：超时秒数「${options.expire}」无效\n`);
    return ExitCode.usage;
  }
  return withStore(io, async (store) => {
    let worker: Awaited<ReturnType<typeof startWorker>>;
    try {
      worker = await startWorker(store, {
        ...(concurrency !== undefined ? { concurrency } : {}),
        ...(expire !== undefined ? { expireInSeconds: expire } : {}),
        onResult: (r) =>
          io.stdout.write(
            `${r.path}: ${{ new: '新增', version: '新版本', known: '已有', unreadable: `无法读取（${r.reason ?? ''}）` }[r.status]}\n`,
          ),
      });
    } catch (error) {
      if (!(error instanceof QueueConfigError)) throw error;
      io.stderr.write(`gongkai: 错误：${error.message}\n`);
      return ExitCode.usage;
    }
    io.stderr.write('gongkai worker 已启动，等待任务（Ctrl-C 停止）\n');
    await stopped;
    io.stderr.write('正在停止……\n');
    await worker.stop();
    return ExitCode.ok;
  });
}

export function defineWorker(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('worker')
    .summary('处理导入任务队列（PostgreSQL）')
    .description(
      [
        '处理 gongkai ingest --queue 加入队列的文件（需要设置 DATABASE_URL 为 PostgreSQL）。',
        '可以在多台机器上同时运行多个；Ctrl-C（SIGINT）或 SIGTERM 处理完手头的任务后退出。',
        '被强行终止的任务超时后自动重试，不会丢失，也不会重复入库。',
      ].join('\n'),
    )
    .usage('[选项]')
    .option('--concurrency <N>', '同时处理的任务数（默认：CPU 核数）')
    .option('--expire <秒>', '一个任务最长处理时间，超时视为失败并重试（默认 300）')
    .action(async (options: WorkerOptions) => {
      done(await runWorker(options, io));
    });
}
