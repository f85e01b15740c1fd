/**
 * A progress bar on standard error for long runs (cli-progress), drawn only on a terminal; the
 * library is loaded only then.
 */
import { createRequire } from 'node:module';
import type cliProgressModule from 'cli-progress';
import type { Output } from './io.js';

const require = createRequire(import.meta.url);

/** The bar is shown only for more files than this. */
export const PROGRESS_MIN_FILES = 20;

export interface Progress {
  /** True while a bar is on screen: nothing else may be written to the terminal meanwhile. */
  readonly active: boolean;
  tick(): void;
  stop(): void;
}

const none: Progress = { active: false, tick() {}, stop() {} };

export function startProgress(total: number, stream: Output): Progress {
  if (stream.isTTY !== true || total <= PROGRESS_MIN_FILES) return none;
  const cliProgress = require('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: '处理中 {bar} {value}/{total} 个文件',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  let active = true;
  return {
    get active() {
      return active;
    },
    tick: () => bar.increment(),
    stop() {
      if (!active) return;
      active = false;
      bar.stop();
    },
  };
}
