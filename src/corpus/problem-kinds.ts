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
