/**
 * One file's bytes → what the corpus keeps of it: the report with its findings and its rows built
 * (./report-rows.ts), the reader that took it and the decoded text; or the reason it can't be read.
 * Runs in a worker thread or inline.
 */

import { UnreadableInputError } from '../core/source-file.js';
import { processBytes } from '../pipeline.js';
import { type ParsedReport, parsedReport } from './report-rows.js';

export type ParseOutcome =
  | { ok: true; report: ParsedReport; sourceType: string; text: string }
  | { ok: false; reason: string; internal: boolean };

export async function parseOne(bytes: Uint8Array, path: string): Promise<ParseOutcome> {
  try {
    const result = await processBytes(bytes, path);
    return {
      ok: true,
      report: parsedReport(result.report, result.evidence),
      sourceType: result.sourceType,
      text: result.file.text,
    };
  } catch (error) {
    if (error instanceof UnreadableInputError) return { ok: false, reason: error.message, internal: false };
    return { ok: false, reason: error instanceof Error ? error.message : String(error), internal: true };
  }
}
