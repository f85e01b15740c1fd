/**
 * Where the CLI reads and writes. `main` takes one of these so that tests (and programs that embed
 * the CLI) can capture the output and feed standard input; `processIO()` is the real terminal.
 */
import type { processBytes } from '../pipeline.js';

/** The part of a writable stream the CLI uses (a `process.stdout`, or a test double). */
export interface Output {
  /** Text, or bytes for binary output (DOCX, PDF). */
  write(chunk: string | Uint8Array): unknown;
  /** True for a terminal: the progress bar is only drawn on one. */
  isTTY?: boolean;
  columns?: number;
}

/** The pipeline the CLI runs on each input: bytes and the path as given → report and findings. */
export type Processor = typeof processBytes;

export interface CliIO {
  stdout: Output;
  stderr: Output;
  /** Read whole when a file argument is `-`. */
  stdin: AsyncIterable<Uint8Array | string>;
  /** Print stack traces of internal errors (set by the environment variable `GONGKAI_DEBUG`). */
  debug?: boolean;
  /** The pipeline to run; defaults to `processBytes` (tests substitute one). */
  process?: Processor;
}

let pipeGuarded = false;

/**
 * Stops quietly when the reader of standard output goes away (`gongkai parse --json … | head`),
 * instead of an unhandled EPIPE error with a stack trace.
 */
function guardPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** The real standard streams. */
export function processIO(): CliIO {
  guardPipe();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    debug: Boolean(process.env.GONGKAI_DEBUG),
  };
}

let pipeline: Promise<typeof import('../pipeline.js')> | undefined;

/**
 * `processBytes`, its module (the readers, the assembler, the checks) loaded on the first call:
 * commands that read no report (`--version`, `help`, `serve`, `schema`…) don't load it.
 */
const processLazily: Processor = async (bytes, path, options) => {
  pipeline ??= import('../pipeline.js');
  return (await pipeline).processBytes(bytes, path, options);
};

/** The pipeline of an IO, with the default filled in. */
export function processorOf(io: CliIO): Processor {
  return io.process ?? processLazily;
}
