/**
 * 导入办理台账 (src/workflow/ledger-import.ts) from a file: XLSX (the first sheet) or delimited text
 * (CSV in UTF-8 or GB18030 as Excel saves it in China, or tab-separated). Every row is checked
 * first — its values, the API's limits, the workflow's rules with the holiday calendar, the rights
 * its events need, numbers already used — and only when all rows are right are they stored, in
 * file order; otherwise nothing is stored and each wrong row says why. `dryRun` only checks.
 * Reading the file and storing all or nothing are ledger-file.ts's, shared with the cases' ledger.
 */

import { hasRight } from '../../auth/roles.js';
import type { Store } from '../../store/index.js';
import {
  type IsoDate,
  MissingHolidayYearError,
  validateApplication,
  WorkflowError,
} from '../../workflow/index.js';
import { ledgerColumnName } from '../../workflow/ledger.js';
import { applicationOfRow, ledgerHeader } from '../../workflow/ledger-import.js';
import { issueTexts } from '../errors.js';
import { newApplicationBody } from '../schemas.js';
import { createApplication, rightFor } from './applications.js';
import { holidayCalendar } from './holidays.js';
import { columnNamer, type LedgerImportResult, ledgerRows, numberCheck, storeAll } from './ledger-file.js';
import { type Principal, requireRight, resolveAgency } from './principal.js';

/** A field named by the column it was read from (「收到日期」 for a date of receipt), as the file has it. */
const byColumn = columnNamer(ledgerColumnName);

export async function importLedger(
  store: Store,
  p: Principal,
  input: { agency?: string | undefined; bytes: Uint8Array; dryRun: boolean },
  asOf: IsoDate,
): Promise<LedgerImportResult> {
  const agency = await resolveAgency(store, p, input.agency);
  requireRight(p, 'enter');
  const lines = await ledgerRows(input.bytes, ledgerHeader, '申请');

  const calendar = await holidayCalendar(store);
  const numbered = numberCheck(
    new Set((await store.applications.list({ agencyIds: [agency.id] })).map((a) => a.number)),
  );
  const checked = lines.map(({ row, line }) => {
    const read = applicationOfRow(row);
    if (!read.ok)
      return { line, number: row.get('number')?.trim() || null, messages: read.messages, body: null };
    const app = read.application;
    const messages: string[] = [];
    const body = newApplicationBody.safeParse({ ...app, agencyId: agency.id });
    if (!body.success) messages.push(...issueTexts(body.error, byColumn));
    try {
      for (const issue of validateApplication(
        {
          id: app.number ?? 'new',
          ...app,
          signedForOn: app.signedForOn ?? null,
          confirmedOn: app.confirmedOn ?? null,
        },
        calendar,
      ))
        if (issue.severity === 'error') messages.push(issue.message);
    } catch (error) {
      if (!(error instanceof MissingHolidayYearError || error instanceof WorkflowError)) throw error;
      messages.push(error.message);
    }
    for (const e of app.events)
      if (p.user !== null && !hasRight(p.user.role, rightFor(e))) {
        messages.push(`当前账号无权记录「答复」或「延长答复期限」，请由审核或管理员账号导入`);
        break;
      }
    messages.push(...numbered(app.number, line));
    return {
      line,
      number: app.number ?? null,
      messages,
      body: messages.length === 0 && body.success ? body.data : null,
    };
  });
  return storeAll(
    checked,
    input.dryRun,
    async (body) => (await createApplication(store, p, body, asOf)).number,
  );
}
