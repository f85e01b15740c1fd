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

/**
 * A bar counting `total` things (by default files; `unit` names them, as 「份报告」, 「个机关」), drawn
 * when the stream is a terminal and there are more than PROGRESS_MIN_FILES of them.
 */
export function startProgress(total: number, stream: Output, unit = '个文件', doing = '处理中'): Progress {
  if (stream.isTTY !== true || total <= PROGRESS_MIN_FILES) return none;
  const cliProgress = require('cli-progress') as typeof cliProgressModule;
  const bar = new cliProgress.SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: `${doing} {bar} {value}/{total} ${unit}`,
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
