/**
 * Renderers by target, as `--to` names them: each knows nothing of the others (like a compiler
 * plugin). A text renderer returns a string, a binary one (DOCX, PDF) a Uint8Array, possibly
 * asynchronously. Adding one is one line in `renderers`; a target in `plannedTargets` that no
 * renderer provides yet is reported as 「暂不支持」.
 */
import type { Report } from '../core/report.js';
import { renderDocx } from './docx/index.js';
import { renderHtml } from './html/index.js';
import { renderMarkdown } from './markdown/index.js';
import { renderPdf } from './pdf/index.js';
import { renderText, type TextLayout } from './text/index.js';

export interface RenderOptions {
  /** The plain-text layout (target txt only; default 'cell-per-line'). */
  layout?: TextLayout;
}

export type RenderOutput = string | Uint8Array;

export interface Renderer {
  /** What `--to` names: txt, html, md, docx, pdf. */
  target: string;
  mediaType: string;
  /** True when the output is bytes (a Uint8Array) rather than text. */
  binary: boolean;
  render(report: Report, options: RenderOptions): RenderOutput | Promise<RenderOutput>;
}

const text = (
  target: string,
  mediaType: string,
  render: (report: Report, options: RenderOptions) => string,
): Renderer => ({ target, mediaType: `${mediaType}; charset=utf-8`, binary: false, render });

const binary = (
  target: string,
  mediaType: string,
  render: (report: Report, options: RenderOptions) => Uint8Array | Promise<Uint8Array>,
): Renderer => ({ target, mediaType, binary: true, render });

/** The default plain-text layout: one cell or paragraph per line, as web pages are copied. */
export const defaultTextLayout: TextLayout = 'cell-per-line';

export const renderers: readonly Renderer[] = [
  text('txt', 'text/plain', (report, options) => renderText(report, options.layout ?? defaultTextLayout)),
  text('html', 'text/html', renderHtml),
  text('md', 'text/markdown', renderMarkdown),
  binary('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', renderDocx),
  binary('pdf', 'application/pdf', (report) => renderPdf(report)),
];

/** Targets announced but not yet provided by a renderer. */
export const plannedTargets: readonly string[] = ['docx', 'pdf'];

export function getRenderer(target: string): Renderer | undefined {
  return renderers.find((r) => r.target === target);
}

/** Every target `--to` accepts now, in registry order. */
export const renderTargets = (): string[] => renderers.map((r) => r.target);

/** The targets that `--to` knows of: those provided and those planned. */
export const knownTargets = (): string[] => [...new Set([...renderTargets(), ...plannedTargets])];

export { binary as binaryRenderer, text as textRenderer };
