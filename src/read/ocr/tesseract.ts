/**
 * Debian's tesseract (`tesseract-ocr` with `tesseract-ocr-chi-sim`), run as a child process on one
 * page image: its TSV output gives every word with its box and confidence.
 */
import { execFile } from 'node:child_process';
import type { Box } from './rules.js';

export interface Word extends Box {
  text: string;
  /** 0–100, as tesseract gives it. */
  confidence: number;
  /** Tesseract's block, paragraph and line, as one key. */
  line: string;
}

/** Languages read: simplified Chinese, with English for Latin letters and digits. */
export const languages = 'chi_sim+eng';

/** Longest a page may take (tesseract on a dense A4 page at 200 dpi takes a few seconds). */
export const pageTimeoutMs = 60_000;

/** Runs a program, resolving to its standard output; rejects with its error output. */
export function run(
  program: string,
  args: readonly string[],
  options: { timeout: number; input?: Uint8Array; maxBuffer?: number },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      args,
      {
        encoding: 'buffer',
        timeout: options.timeout,
        maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
        // One thread per page: pages run side by side instead.
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (error, stdout, stderr) => {
        if (error) {
          const detail = Buffer.from(stderr ?? '')
            .toString('utf8')
            .trim();
          reject(Object.assign(error, { detail }));
        } else resolve(stdout);
      },
    );
    if (options.input) child.stdin?.end(options.input);
  });
}

/** Parses tesseract's TSV: the words (level 5), empty ones left out. */
export function parseTsv(tsv: string): Word[] {
  const words: Word[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const f = row.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = (f[11] as string).trim();
    if (text === '') continue;
    const left = Number(f[6]);
    const top = Number(f[7]);
    words.push({
      text,
      confidence: Number(f[10]),
      left,
      top,
      right: left + Number(f[8]),
      bottom: top + Number(f[9]),
      line: `${f[2]}.${f[3]}.${f[4]}`,
    });
  }
  return words;
}

/** Reads the words of one page image (a PGM file); `digits` reads figures only, with the English model. */
export async function recognise(path: string, dpi: number, digits = false): Promise<Word[]> {
  const language = digits ? ['-l', 'eng', '-c', 'tessedit_char_whitelist=0123456789.-'] : ['-l', languages];
  const out = await run(
    'tesseract',
    [path, '-', ...language, '--psm', '6', '--dpi', String(Math.round(dpi)), 'tsv'],
    {
      timeout: pageTimeoutMs,
    },
  );
  return parseTsv(out.toString('utf8'));
}

let available: Promise<boolean> | undefined;

/** Whether tesseract with its Chinese model and poppler's pdftoppm are installed. */
export function ocrInstalled(): Promise<boolean> {
  available ??= (async () => {
    try {
      const langs = (await run('tesseract', ['--list-langs'], { timeout: 10_000 })).toString('utf8');
      if (!/^chi_sim$/m.test(langs)) return false;
      await run('pdftoppm', ['-v'], { timeout: 10_000 });
      return true;
    } catch {
      return false;
    }
  })();
  return available;
}

let engine: Promise<string> | undefined;

/** The engine as a finding names it: 「tesseract 5.3.0，chi_sim+eng」. */
export function engineName(): Promise<string> {
  engine ??= run('tesseract', ['--version'], { timeout: 10_000 })
    .then((out) => out.toString('utf8').match(/tesseract\s+(\S+)/i)?.[1] ?? '')
    .catch(() => '')
    .then((v) => `tesseract ${v}，${languages}`.replace('tesseract ，', 'tesseract，'));
  return engine;
}
