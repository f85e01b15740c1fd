/** Runs the CLI in-process with captured output, and paths of the shared fixtures. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import type { CliIO, Output, Processor } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { Finding } from '../../src/core/finding.js';
import { SourceFile } from '../../src/core/source-file.js';
import type { ProcessResult } from '../../src/pipeline.js';
import { getFormat } from '../../src/spec/registry.js';
import type { Target, TestBackend } from '../store/backends.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const seed000 = 'test/fixtures/seeds/000_364e9d94d0d9df93.txt';
export const seed001 = 'test/fixtures/seeds/001_51a7ac9068d409eb.txt';
export const example = 'examples/嘉祥县工业和信息化局-2021.txt';
export const exampleWithDefects = 'examples/湟源县人民政府办公室-2021.txt';

/** A writable that keeps what is written. */
export class Capture implements Output {
  text = '';
  constructor(
    public isTTY = false,
    public columns = 80,
  ) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string | Uint8Array;
  process?: Processor;
  stderrIsTTY?: boolean;
}

/** `gongkai ARGS…` in-process, run from the repository root (paths are relative to it). */
export async function run(args: string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = new Capture();
  const stderr = new Capture(options.stderrIsTTY ?? false);
  const input = options.stdin;
  const io: CliIO = {
    stdout,
    stderr,
    stdin: (async function* () {
      if (input !== undefined) yield typeof input === 'string' ? Buffer.from(input) : input;
    })(),
  };
  if (options.process) io.process = options.process;
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const code = await main(['node', 'gongkai', ...args], io);
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.chdir(cwd);
  }
}

/** The directories tempFiles made for this test file, removed after its last test. */
const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory with the given files (removed after the test file's last test). */
export function tempFiles(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Parses JSON Lines output. */
export function jsonLines(text: string): Record<string, unknown>[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * A stand-in pipeline: each path gets the findings given for it (or throws the error given), so
 * exit codes and output can be tested independently of the assembler and the checks.
 */
export function fakeProcessor(byPath: Record<string, Finding[] | Error>): Processor {
  return async (bytes, path) => {
    const entry = byPath[path];
    if (entry instanceof Error) throw entry;
    const file = new SourceFile(path, Buffer.from(bytes).toString('utf8'));
    const findings = entry ?? [];
    return {
      report: {
        format: '2021',
        agency: '某某县人民政府办公室',
        year: 2021,
        publishedOn: '2022-01-14',
        signedOn: null,
        cells: { 'p.rules.issued': 3, 'a.new.np': 0 },
        sections: [{ number: 1, title: '一、总体情况', text: '……', line: 5 }],
        findings,
      },
      evidence: {} as ProcessResult['evidence'],
      spec: getFormat('2021'),
      sourceType: 'text',
      file,
    };
  };
}

/**
 * Points the CLI at a fresh store of the backend before each test (GONGKAI_DATA, or DATABASE_URL for
 * PostgreSQL) and back after it; returns the current test's target.
 */
export function useFreshStore(backend: TestBackend): () => Target {
  let target: Target | undefined;
  const saved = { data: process.env.GONGKAI_DATA, url: process.env.DATABASE_URL };
  beforeEach(async () => {
    target = await backend.fresh();
    delete process.env.DATABASE_URL;
    delete process.env.GONGKAI_DATA;
    if (target.options.databaseUrl) process.env.DATABASE_URL = target.options.databaseUrl;
    if (target.options.dataDir) process.env.GONGKAI_DATA = target.options.dataDir;
  });
  afterEach(async () => {
    for (const [key, value] of [
      ['GONGKAI_DATA', saved.data],
      ['DATABASE_URL', saved.url],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    await target?.dispose();
  });
  return () => target as Target;
}

/** Runs the CLI and expects it to succeed without a word on standard error; its standard output. */
export async function ok(args: string[], stdin?: string): Promise<string> {
  const result = await run(args, stdin === undefined ? {} : { stdin });
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.stdout;
}
