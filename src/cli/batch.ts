/**
 * Runs a command over its file arguments in order: reads and processes each one (each report in a
 * ZIP argument, named `archive.zip!entry`, as the corpus names them), reports the inputs that
 * cannot be used (`file: 错误：reason` on standard error) and shows progress on long runs. While the progress bar is on screen, output meant for the terminal is held back and
 * written when it goes away.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { ExitCode, worst } from './exit-code.js';
import { inputProcessor, type Outcome, STDIN } from './input.js';
import type { CliIO, Output } from './io.js';
import { startProgress } from './progress.js';

/** Where a command writes, per file. */
export interface Sink {
  out(text: string): void;
  err(text: string): void;
}

export type ReadOutcome = Extract<Outcome, { ok: true }>;

export interface BatchResult {
  /** Exit code from the inputs alone: 2 if any could not be read, 70 on an internal error. */
  exitCode: number;
  /** Inputs processed or refused (each report of a ZIP argument counts). */
  files: number;
  unreadable: number;
}

/** A ZIP argument: its reports are the inputs (by name, as folder walks take them). */
const isZipArgument = (path: string) => path !== STDIN && extname(path).toLowerCase() === '.zip';

/** The reports of a ZIP argument, each with its bytes or why it can't be used. */
async function zipEntries(path: string): Promise<{ path: string; bytes?: Uint8Array; error?: string }[]> {
  // The corpus's bounded unzipper (refuses ZIP bombs), loaded only when a ZIP is given.
  const { readSource } = await import('../corpus/sources.js');
  const entries = await readSource(path);
  return entries.length > 0 ? entries : [{ path, error: '压缩包中没有报告文件' }];
}

/**
 * The inputs of the arguments: a directory stands for the report files under it (recursive, by
 * name; a directory loop is an input that can't be read); other arguments stay as given.
 */
export async function expandInputs(paths: readonly string[]): Promise<{ path: string; error?: string }[]> {
  const out: { path: string; error?: string }[] = [];
  for (const path of paths) {
    if (path === STDIN || !isDirectory(path)) {
      out.push({ path });
      continue;
    }
    // The corpus's file walker, loaded only when a directory is given.
    const { listFiles } = await import('../corpus/sources.js');
    const before = out.length;
    for await (const entry of listFiles([path])) out.push(entry);
    if (out.length === before) out.push({ path, error: '目录中没有报告文件' });
  }
  return out;
}

/**
 * Whether a path names a directory. Synchronous: a call per argument, and the asynchronous one's
 * round trip through the thread pool costs more than the stat itself. A path that can't be
 * looked at is not one (reading it reports why).
 */
function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** Output held for one write is written once it reaches this many characters. */
const flushAt = 1 << 16;

/**
 * Standard output that is not a terminal (a file, a pipe), written in large pieces: many reports
 * read in a row make one write per 64 KiB rather than one per line. What is held is written
 * before anything goes to standard error (so the two keep their order when they share a file),
 * as soon as the run waits on anything (a PDF or a scan being read: the lines before it are not
 * kept back meanwhile), and at the end. A terminal gets each line at once.
 */
class HeldOutput {
  private text = '';
  private scheduled = false;

  constructor(private readonly stream: Output) {}

  write(text: string): void {
    this.text += text;
    if (this.text.length >= flushAt) this.flush();
    else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  flush(): void {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    this.stream.write(text);
  }
}

export async function runBatch(
  args: readonly string[],
  io: CliIO,
  handle: (outcome: ReadOutcome, sink: Sink) => void,
): Promise<BatchResult> {
  const inputs = await expandInputs(args);
  const progress = startProgress(inputs.length, io.stderr);
  const held: [Output, string][] = [];
  const stdout = io.stdout.isTTY === true ? undefined : new HeldOutput(io.stdout);
  const write = (stream: Output, text: string) => {
    if (progress.active && (stream === io.stderr || stream.isTTY === true)) held.push([stream, text]);
    else if (stream === io.stdout && stdout) stdout.write(text);
    else {
      stdout?.flush();
      stream.write(text);
    }
  };
  const sink: Sink = { out: (text) => write(io.stdout, text), err: (text) => write(io.stderr, text) };

  const processInput = inputProcessor(io);
  let exitCode: number = ExitCode.ok;
  let unreadable = 0;
  let files = 0;
  const refuse = (path: string, error: string) => {
    files++;
    unreadable++;
    exitCode = worst(exitCode, ExitCode.unreadable);
    sink.err(`${path}: 错误：${error}\n`);
  };
  const run = async (path: string, bytes?: Uint8Array) => {
    files++;
    const outcome = await processInput(path, bytes);
    if (outcome.ok) {
      handle(outcome, sink);
    } else if (outcome.internal) {
      unreadable++;
      exitCode = worst(exitCode, ExitCode.internal);
      sink.err(`${path}: 内部错误：${outcome.reason}\n`);
      if (io.debug && outcome.error instanceof Error && outcome.error.stack)
        sink.err(`${outcome.error.stack}\n`);
    } else {
      unreadable++;
      exitCode = worst(exitCode, ExitCode.unreadable);
      sink.err(`${path}: 错误：${outcome.reason}\n`);
    }
  };
  try {
    for (const { path, error } of inputs) {
      if (error !== undefined) refuse(path, error);
      else if (isZipArgument(path))
        for (const entry of await zipEntries(path)) {
          if (entry.bytes) await run(entry.path, entry.bytes);
          else refuse(entry.path, entry.error ?? '无法读取');
        }
      else await run(path);
      progress.tick();
    }
  } finally {
    stdout?.flush();
    progress.stop();
    for (const [stream, text] of held) stream.write(text);
  }
  return { exitCode, files, unreadable };
}
