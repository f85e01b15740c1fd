/**
 * Runs test/store/fixtures/writer.ts in a child process with `node`: the fixture is bundled with
 * rolldown (Vite's bundler, already installed) into node_modules/.cache, where node resolves the
 * packages it leaves external.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'rolldown';
import type { StoreOptions } from '../../src/store/index.js';

const root = join(import.meta.dirname, '..', '..');

/** Bundles the writer once per test process; returns the file to run. */
export async function bundleWriter(): Promise<string> {
  const dir = join(root, 'node_modules', '.cache', 'gongkai-store-test');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `writer-${process.pid}.mjs`);
  await build({
    input: join(root, 'test', 'store', 'fixtures', 'writer.ts'),
    platform: 'node',
    external: [/^[^./]/],
    write: true,
    logLevel: 'silent',
    output: { file, format: 'esm' },
  });
  return file;
}

export interface Child {
  process: ChildProcess;
  /** Lines of stdout so far. */
  lines: string[];
  stderr(): string;
  /** Resolves when `count` lines have been printed; rejects if the child exits first. */
  waitForLines(count: number): Promise<void>;
  /** Resolves with the exit code (or signal) once the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runWriter(file: string, mode: 'loop' | 'open', options: StoreOptions): Child {
  const child = spawn(process.execPath, [file, mode], {
    cwd: root,
    env: { ...process.env, STORE_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const waiters: { count: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      for (const w of waiters.splice(0))
        w.reject(new Error(`writer exited (${code ?? signal}) after ${lines.length} lines: ${stderr}`));
      resolve({ code, signal });
    });
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    for (const w of [...waiters])
      if (lines.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  });
  return {
    process: child,
    lines,
    stderr: () => stderr,
    waitForLines: (count) =>
      lines.length >= count
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            waiters.push({ count, resolve, reject });
          }),
    exited,
  };
}
