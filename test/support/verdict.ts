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
  /**
   * The damage may legitimately read as blank cells (a lost figure looks like an empty cell): a
   * cell that comes back blank needs no error then. Otherwise a figure read as blank is wrong like
   * any other, and must be named by an error (as shared/tools/score-fixtures counts it).
   */
  blankTolerant?: boolean;
}

/**
 * Violations of: a damaged report that breaks an identity or the shape of a table gets an error
 * finding; a cell that comes back different from the original is named by an error finding (or
 * blank, where the damage may read as blank cells); a misread format comes with an error.
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
    const truth = original.cells[key] ?? null;
    if (actual === truth || named.has(key)) continue;
    if (actual !== null) out.push(`silently wrong ${key}: ${truth} read as ${actual}`);
    else if (!expect.blankTolerant && report.format === original.format)
      out.push(`silently blank ${key}: ${truth} read as blank`);
  }
  return out;
}
