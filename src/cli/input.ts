/**
 * Inputs: a file argument (or `-` for standard input) → bytes → the pipeline's result, or the
 * reason, in Chinese, why the input cannot be used. Nothing here throws for bad input.
 */
import { UnreadableInputError } from '../core/source-file.js';
import type { ProcessResult } from '../pipeline.js';
import { InputTooLargeError, readAllBounded, readFileBounded } from '../read/bounded-input.js';
import { type CliIO, processorOf } from './io.js';

/** The argument that stands for standard input. */
export const STDIN = '-';

export type Outcome =
  | { ok: true; path: string; result: ProcessResult }
  /** `internal` marks a bug in Gongkai rather than a problem with the input. */
  | { ok: false; path: string; reason: string; internal: boolean; error?: unknown };

/** A file system error as a reason for the user. */
export function describeReadError(error: unknown): string {
  if (error instanceof InputTooLargeError) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return '文件不存在';
    case 'EISDIR':
      return '这是一个目录，不是文件';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    default:
      return `无法读取文件（${code ?? (error instanceof Error ? error.message : String(error))}）`;
  }
}

/** Reads a whole stream (standard input), up to the input size cap. */
export const readAll = (stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> =>
  readAllBounded(stream);

/**
 * Makes a function that reads and processes one input. Standard input is read once: a second
 * `-` gets the same bytes.
 */
export function inputProcessor(io: CliIO): (path: string, given?: Uint8Array) => Promise<Outcome> {
  let stdin: Promise<Uint8Array> | undefined;
  const processBytes = processorOf(io);

  // `given`: the bytes of an input read already (an entry of a ZIP argument).
  return async (path, given) => {
    let bytes: Uint8Array;
    try {
      if (given) bytes = given;
      else if (path === STDIN) {
        stdin ??= readAll(io.stdin);
        bytes = await stdin;
      } else {
        bytes = await readFileBounded(path);
      }
    } catch (error) {
      return { ok: false, path, reason: describeReadError(error), internal: false };
    }
    try {
      return { ok: true, path, result: await processBytes(bytes, path) };
    } catch (error) {
      if (error instanceof UnreadableInputError)
        return { ok: false, path, reason: error.message, internal: false };
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, path, reason, internal: true, error };
    }
  };
}
