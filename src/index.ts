/**
 * Gongkai as a library: `import { parse, check } from 'gongkai'`.
 *
 * - `parse(input, path?)` reads a report (bytes of a text, HTML, DOCX or PDF file, or a string) into
 *   the structured report with every finding of reading and checking;
 * - `check(input, path?)` returns the findings alone.
 *
 * Both reject with `UnreadableInputError` (a Chinese message) when the input can't be read at all.
 */
import type { Finding } from './core/finding.js';
import type { ReportResult } from './core/report.js';
import { processBytes } from './pipeline.js';

export type { Finding, Point, Severity } from './core/finding.js';
export type { Cells, CellValue, Report, ReportResult, Section } from './core/report.js';
export { UnreadableInputError } from './core/source-file.js';
export { type ProcessOptions, type ProcessResult, processBytes } from './pipeline.js';
export type { FormatId } from './spec/types.js';

export type Input = Uint8Array | ArrayBuffer | string;

const bytesOf = (input: Input): Uint8Array =>
  typeof input === 'string'
    ? new TextEncoder().encode(input)
    : input instanceof Uint8Array
      ? input
      : new Uint8Array(input);

/** Reads and checks one report; `path` names it in findings (default `-`). */
export async function parse(input: Input, path = '-'): Promise<ReportResult> {
  return (await processBytes(bytesOf(input), path)).report;
}

/** The findings of reading and checking one report, sorted by place. */
export async function check(input: Input, path = '-'): Promise<Finding[]> {
  return (await parse(input, path)).findings;
}
