import { agencyKind } from '../body-kind.js';
import { lateFindings } from '../kind-findings.js';
import type { Check } from '../types.js';

export { deadlineFor, isLate } from '../kind-findings.js';

/** Publication or signature date after the statutory deadline of the body's kind (../kind-findings.ts). */
export const checkDeadline: Check = ({ report, evidence }, file) => {
  const facts = {
    year: report.year,
    publishedOn: report.publishedOn,
    signedOn: report.signedOn,
    publishedPlace: evidence?.publishedPlace ?? null,
    signedPlace: evidence?.signedPlace ?? null,
  };
  for (const finding of lateFindings(facts, agencyKind(report.agency))) file.push(finding);
};
