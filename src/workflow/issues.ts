/**
 * Problems with a workflow record, as flat objects with fixed fields (like a Finding): `error` = the
 * record is impossible and nothing can be computed from it (thrown as a WorkflowError); `warning` =
 * the record is possible but the agency broke a statutory rule (a late 补正 notice, a late reply).
 */
export interface WorkflowIssue {
  /** `workflow.*`. */
  code: string;
  severity: 'error' | 'warning';
  /** Chinese text for the user. */
  message: string;
  /** Index of the event concerned in the record's `events`, or null for the record itself. */
  event: number | null;
}

export class WorkflowError extends Error {
  override name = 'WorkflowError';
  constructor(readonly issues: readonly WorkflowIssue[]) {
    super(issues.map((i) => i.message).join('；'));
  }
}

/** Throws a WorkflowError when any issue is an error. */
export function assertNoErrors(issues: readonly WorkflowIssue[]): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new WorkflowError(errors);
}
