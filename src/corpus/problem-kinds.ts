/**
 * The kinds of error a corpus report can be chosen by (the filter's `problem`): `report`, errors of
 * the report itself, which the checks find (`check.*`: an identity broken, a part missing, published
 * late), and which a 核查意见 tells its body; `reading`, figures that could not be read (`assemble.*`,
 * `read.*`: cells named by an error and left null), which a better copy of the report (its DOCX or
 * PDF rather than a web page's text) may settle. Pure data: the web app imports it through the
 * API contract.
 */
export const problemKinds = ['report', 'reading'] as const;
export type ProblemKind = (typeof problemKinds)[number];

/** How users see each kind. */
export const problemKindNames: Record<ProblemKind, string> = {
  report: '报告本身有错误',
  reading: '有未能读出的数字',
};

/** The finding codes' prefixes of each kind. */
export const problemCodes: Record<ProblemKind, readonly string[]> = {
  report: ['check.'],
  reading: ['assemble.', 'read.'],
};

/**
 * How many of a report's cells (every key of its format) were read, left blank by the report, and
 * not read: null and named by an error of reading (a figure the reader could not settle).
 */
export function cellTally(
  cells: Readonly<Record<string, number | null>>,
  findings: readonly { severity: string; code: string; keys: readonly string[] }[],
): { total: number; read: number; blank: number; unread: number } {
  const unreadKeys = new Set<string>();
  for (const f of findings)
    if (f.severity === 'error' && problemCodes.reading.some((p) => f.code.startsWith(p)))
      for (const key of f.keys) unreadKeys.add(key);
  let total = 0;
  let read = 0;
  let unread = 0;
  for (const [key, value] of Object.entries(cells)) {
    total++;
    if (value !== null) read++;
    else if (unreadKeys.has(key)) unread++;
  }
  return { total, read, blank: total - read - unread, unread };
}
