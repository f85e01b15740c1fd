/**
 * PDF.js, loaded on first use (so reading text files never pays for it), set up for Node: the
 * legacy build, no eval, no font loading, and the package's own standard fonts and CMaps, so that
 * Chinese text in the predefined CMaps decodes.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';

type PdfJs = typeof import('pdfjs-dist');

let loaded: Promise<PdfJs> | undefined;

/**
 * The pdfjs-dist module (legacy build, which runs on Node 20), with its in-process worker loaded
 * beside it (PDF.js finds it on `globalThis.pdfjsWorker` and doesn't import it per document).
 */
export function pdfjs(): Promise<PdfJs> {
  loaded ??= loadPdfjs();
  return loaded;
}

/**
 * The legacy build carries core-js polyfills, and on Node 20 some of them replace built-ins that
 * work, for the whole process: `Array.prototype.push` (a JavaScript loop, for an edge case of
 * read-only lengths) and `JSON.parse`/`JSON.stringify` (wrappers for newer proposals). Everything
 * that runs after the first PDF (parsing, `--json` output) would pay for them, so the native ones
 * are put back once PDF.js is loaded. Polyfills that only add what Node 20 lacks stay.
 */
async function loadPdfjs(): Promise<PdfJs> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push') as PropertyDescriptor;
  const { parse, stringify } = JSON;
  try {
    const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
    // (A computed specifier: the worker module has no type declarations.)
    const worker = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    await import(worker);
    return lib;
  } finally {
    Object.defineProperty(Array.prototype, 'push', push);
    JSON.parse = parse;
    JSON.stringify = stringify;
  }
}

let root: string | undefined;
const packageRoot = (): string => {
  root ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return root;
};

/** Why a document could not be opened, as PDF.js tells it. */
export type OpenFailure = 'password' | 'invalid';

/** Opens a document; throws `{ failure, detail }` when PDF.js refuses it. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    // PDF.js may take over the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    standardFontDataUrl: `${join(packageRoot(), 'standard_fonts')}/`,
    cMapUrl: `${join(packageRoot(), 'cmaps')}/`,
    cMapPacked: true,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as { name?: unknown } | null)?.name;
    const failure: OpenFailure = name === 'PasswordException' ? 'password' : 'invalid';
    throw new PdfOpenError(failure, error);
  }
}

export class PdfOpenError extends Error {
  override name = 'PdfOpenError';
  constructor(
    readonly failure: OpenFailure,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}
