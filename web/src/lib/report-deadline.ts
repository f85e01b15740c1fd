/**
 * The annual report a body is to publish next, and by when (条例第四十九条: a department by 31
 * January, a people's government by 31 March of the next year), from the server's today.
 */
import { deadlineFor } from '../../../src/check/kind-findings.js';
import { bodyKindOf } from '../../../src/corpus/bodies/names.js';

export interface ReportDeadline {
  /** The year the report is on. */
  year: number;
  /** The last day to publish it (ISO). */
  deadline: string;
  kind: 'department' | 'government';
  /** Days from today to the deadline (0 on the day). */
  daysLeft: number;
}

const day = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** The report on last year until its deadline has passed, then the one on this year. */
export function reportDeadline(today: string, agencyName: string | undefined): ReportDeadline {
  const kind = bodyKindOf(agencyName);
  const lastYear = Number(today.slice(0, 4)) - 1;
  const year = today <= deadlineFor(lastYear, kind) ? lastYear : lastYear + 1;
  const deadline = deadlineFor(year, kind);
  return { year, deadline, kind, daysLeft: Math.round((day(deadline) - day(today)) / 86_400_000) };
}
