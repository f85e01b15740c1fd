import type { Evidence } from '../assemble/evidence.js';
import type { Report } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import type { FormatSpec } from '../spec/types.js';

export interface CheckInput {
  report: Report;
  spec: FormatSpec;
  /** What the reader saw; absent for a report that did not come from a source document. */
  evidence?: Evidence;
  /**
   * The cells of the format's codebook in its order (`keyIndex`), finite numbers or NaN:
   * `runChecks` builds it once per report (a lookup by key in the 200-member cells object costs
   * several times more). Read through `numbersOf`, which makes it for a check called alone.
   */
  numbers?: Float64Array;
}

/**
 * One check: looks at the report and reports findings through the file (codes `check.*`).
 * Checks are independent of each other and of the order they run in.
 */
export type Check = (input: CheckInput, file: SourceFile) => void;
