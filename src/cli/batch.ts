/**
 * Runs a command over its file arguments in order: reads and processes each one, reports the
 * inputs that cannot be used (`file: 错误：reason` on standard error) and shows progress on long
 * runs. While the progress bar is on screen, output meant for the terminal is held back and
 * written when it goes away.
 */
import { stat } from 'node:fs/promises';
import { listFiles } from '../corpus/sources.js';
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
  files: number;
  unreadable: number;
}

/**
 * The inputs of the arguments: a directory stands for the report files under it (recursive, by
 * name; a directory loop is an input that can't be read); other arguments stay as given.
 */
export async function expandInputs(paths: readonly string[]): Promise<{ path: string; error?: string }[]> {
  const out: { path: string; error?: string }[] = [];
  for (const path of paths) {
    const isDirectory =
      path !== STDIN &&
      (await stat(path).then(
        (s) => s.isDirectory(),
        () => false,
      ));
    if (!isDirectory) {
      out.push({ path });
      continue;
    }
    const before = out.length;
    for await (const entry of listFiles([path])) out.push(entry);
    if (out.length === before) out.push({ path, error: '目录中没有报告文件' });
  }
  return out;
}

export async function runBatch(
  args: readonly string[],
  io: CliIO,
  handle: (outcome: ReadOutcome, sink: Sink) => void,
): Promise<BatchResult> {
  const inputs = await expandInputs(args);
  const progress = startProgress(inputs.length, io.stderr);
  const held: [Output, string][] = [];
  const write = (stream: Output, text: string) => {
    if (progress.active && (stream === io.stderr || stream.isTTY === true)) held.push([stream, text]);
    else stream.write(text);
  };
  const sink: Sink = { out: (text) => write(io.stdout, text), err: (text) => write(io.stderr, text) };

  const processInput = inputProcessor(io);
  let exitCode: number = ExitCode.ok;
  let unreadable = 0;
  try {
    for (const { path, error } of inputs) {
      if (error !== undefined) {
        unreadable++;
        exitCode = worst(exitCode, ExitCode.unreadable);
        sink.err(`${path}: 错误：${error}\n`);
        progress.tick();
        continue;
      }
      const outcome = await processInput(path);
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
      progress.tick();
    }
  } finally {
    progress.stop();
    for (const [stream, text] of held) stream.write(text);
  }
  return { exitCode, files: inputs.length, unreadable };
}
