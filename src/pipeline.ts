/**
 * The pipeline, phase by phase (after unified's parse → run → stringify):
 * bytes → reader (by sniffed file type) → blocks → assembler (aligns blocks to the format spec)
 * → report + evidence → checks. Each phase can be called alone.
 */
import { assemble } from './assemble/assemble.js';
import type { Evidence } from './assemble/evidence.js';
import { runChecks } from './check/index.js';
import { compareFindings } from './core/finding.js';
import type { ReportResult } from './core/report.js';
import { SourceFile } from './core/source-file.js';
import type { Block, SourceType } from './read/blocks.js';
import { settleOcr } from './read/ocr/certainty.js';
import { type ReadOptions, readBlocks } from './read/registry.js';
import { looksLikeReportJson } from './report-json/sniff.js';
import { getFormat } from './spec/registry.js';
import type { FormatSpec } from './spec/types.js';

export interface ProcessResult {
  /** The report with every finding of reading and checking, sorted by place. */
  report: ReportResult;
  evidence: Evidence;
  spec: FormatSpec;
  /** The reader's type, or `json` for a report given as JSON. */
  sourceType: SourceType | 'json';
  file: SourceFile;
}

export interface ProcessOptions extends ReadOptions {
  /** Run the checker after reading (default true). */
  check?: boolean;
}

/** Reads one file's bytes into blocks (throws `UnreadableInputError` for unusable input). */
export async function read(
  bytes: Uint8Array,
  file: SourceFile,
  options: ReadOptions = {},
): Promise<{ blocks: Block[]; sourceType: SourceType }> {
  return readBlocks(bytes, file, options);
}

/** Reads, assembles and checks one report. */
export async function processBytes(
  bytes: Uint8Array,
  path: string,
  options: ProcessOptions = {},
): Promise<ProcessResult> {
  const file = new SourceFile(path);
  if (looksLikeReportJson(bytes)) {
    // The JSON reader (and the schema library it validates with) is loaded when such an input comes.
    const { readReportJson } = await import('./report-json/as-input.js');
    const { report, evidence } = readReportJson(bytes, file);
    const spec = getFormat(report.format);
    if (options.check !== false) runChecks({ report, spec, evidence }, file);
    const findings = [...file.findings].sort(compareFindings);
    return { report: { ...report, findings }, evidence, spec, sourceType: 'json', file };
  }
  const { blocks, sourceType } = await read(bytes, file, options);
  return { ...assembleBlocks(blocks, file, options), sourceType, file };
}

/**
 * Assembles a file's blocks and checks the report: what every consumer of blocks must do after
 * reading, so that a figure the OCR was unsure of is never taken (`settleOcr`) whoever reads.
 */
export function assembleBlocks(
  blocks: readonly Block[],
  file: SourceFile,
  options: { check?: boolean } = {},
): Pick<ProcessResult, 'report' | 'evidence' | 'spec'> {
  const { report, evidence, spec } = assemble(blocks, file);
  settleOcr(report, evidence, spec, file);
  if (options.check !== false) runChecks({ report, spec, evidence }, file);
  const findings = [...file.findings].sort(compareFindings);
  return { report: { ...report, findings }, evidence, spec };
}
