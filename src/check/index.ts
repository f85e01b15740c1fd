import type { SourceFile } from '../core/source-file.js';
import { cellNumbers } from './cells.js';
import { checkArticle50 } from './checks/article-50.js';
import { checkBalanceNote } from './checks/balance-note.js';
import { checkDeadline } from './checks/deadline.js';
import { checkFormatYear } from './checks/format-year.js';
import { checkIdentities } from './checks/identities.js';
import { checkLabelVariants } from './checks/label-variant.js';
import { checkPartsAnnounced } from './checks/parts-announced.js';
import { checkPlaceholders } from './checks/placeholders.js';
import { checkProseApplications } from './checks/prose-applications.js';
import { checkProseLitigation } from './checks/prose-litigation.js';
import { checkProseProactive } from './checks/prose-proactive.js';
import { checkSections } from './checks/sections.js';
import { checkValues } from './checks/values.js';
import type { Check, CheckInput } from './types.js';

/** Every check, in the order their findings are most useful to read. */
export const checks: Check[] = [
  checkFormatYear,
  checkValues,
  checkIdentities,
  checkSections,
  checkPartsAnnounced,
  checkLabelVariants,
  checkBalanceNote,
  checkDeadline,
  checkProseApplications,
  checkProseLitigation,
  checkProseProactive,
  checkPlaceholders,
  checkArticle50,
];

export function runChecks(input: CheckInput, file: SourceFile): void {
  const prepared: CheckInput = { ...input, numbers: cellNumbers(input.report.cells, input.spec) };
  for (const check of checks) check(prepared, file);
}
