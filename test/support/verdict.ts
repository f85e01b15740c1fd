/** What the damage properties require of the parser, as a list of violations (empty = fine). */
import type { Report } from '../../src/core/report.js';
import { UnreadableInputError } from '../../src/core/source-file.js';
import { type ProcessResult, processBytes } from '../../src/pipeline.js';
import { cellKeys, getFormat } from '../../src/spec/registry.js';
import { errors } from './parse.js';

/** Runs the pipeline; an input refused as unreadable is a valid outcome, any other throw is a crash. */
export async function outcome(bytes: Uint8Array, path: string): Promise<ProcessResult | 'unreadable'> {
  try {
    return await processBytes(bytes, path);
  } catch (error) {
    if (error instanceof UnreadableInputError) return 'unreadable';
    throw error;
  }
}

export interface Expectation {
  /** An error finding is due (the damage breaks an identity or a table's shape). */
  breaks: boolean;
  /** Keys whose changed value nothing can reveal. */
  exempt?: readonly string[];
}

/**
 * Violations of: a damaged report that breaks an identity or the shape of a table gets an error
 * finding; a cell that comes back different from the original is null or named by an error
 * finding; a misread format comes with an error.
 */
export function violations(
  original: Report,
  result: ProcessResult | 'unreadable',
  expect: Expectation,
): string[] {
  if (result === 'unreadable') return [];
  const report = result.report;
  const errs = errors(report.findings);
  const named = new Set(errs.flatMap((f) => f.keys));
  const exempt = new Set(expect.exempt ?? []);
  const out: string[] = [];
  if (expect.breaks && errs.length === 0) out.push('no error finding');
  if (report.format !== original.format && errs.length === 0)
    out.push(`format read as ${report.format} instead of ${original.format} without an error`);
  for (const key of cellKeys(getFormat(original.format))) {
    if (exempt.has(key)) continue;
    const actual = report.format === original.format ? (report.cells[key] ?? null) : null;
    if (actual !== null && actual !== original.cells[key] && !named.has(key))
      out.push(`silently wrong ${key}: ${original.cells[key]} read as ${actual}`);
  }
  return out;
}
