/** How serious a finding is: `error` means a figure cannot be trusted or the format is broken. */
export type Severity = 'error' | 'warning' | 'info';

/** A point in the decoded source: 1-based line and column (UTF-16 code units). */
export interface Point {
  line: number;
  column: number;
  /** PDF sources add the page (1-based). */
  page?: number;
}

/**
 * One diagnostic about a report, like a compiler message (after vfile-message):
 * fixed fields, a Chinese message for people, and the cell keys it concerns.
 */
export interface Finding {
  /** Which check raised it, `stage.rule` (e.g. `assemble.split-ambiguous`, `check.balance`). */
  code: string;
  severity: Severity;
  /** Chinese text for the user. */
  message: string;
  /** Where in the source; `null` when the finding is about the report as a whole. */
  line: number | null;
  column: number | null;
  page?: number;
  /** Codebook keys of the cells involved. */
  keys: string[];
  /** The value found, where one applies. */
  actual?: string;
  /** What is allowed or expected. */
  expected?: string;
  /** Longer explanation. */
  note?: string;
}

export interface FindingInit {
  place?: Point | null | undefined;
  keys?: readonly string[];
  actual?: string;
  expected?: string;
  note?: string;
}

export function makeFinding(
  severity: Severity,
  code: string,
  message: string,
  init: FindingInit = {},
): Finding {
  const finding: Finding = {
    code,
    severity,
    message,
    line: init.place?.line ?? null,
    column: init.place?.column ?? null,
    keys: init.keys ? [...init.keys] : [],
  };
  if (init.place?.page !== undefined) finding.page = init.place.page;
  if (init.actual !== undefined) finding.actual = init.actual;
  if (init.expected !== undefined) finding.expected = init.expected;
  if (init.note !== undefined) finding.note = init.note;
  return finding;
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts findings by position, then severity, then code (stable for equal ones). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    rank[a.severity] - rank[b.severity] ||
    a.code.localeCompare(b.code)
  );
}

/** How many findings there are of each severity. */
export interface Statistics {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts findings by severity (added to `into` when given). */
export function countFindings(findings: Iterable<Finding>, into?: Statistics): Statistics {
  const stats = into ?? { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') stats.errors++;
    else if (finding.severity === 'warning') stats.warnings++;
    else stats.infos++;
  }
  return stats;
}
