/**
 * 复议诉讼台账 as a file and back (src/workflow/cases-ledger.ts): the cases of the agencies a user
 * sees (one, or one year's), one row each, as XLSX for people or CSV for machines; and an office's
 * ledger read into an agency's cases — every row checked first as the case API checks a case (its
 * values, the API's limits, `validateCase`, the linked application being one of the agency's,
 * numbers already used or repeated), all stored in file order only when all are right, else none
 * and each wrong row says why. The file handling is ledger-file.ts's, shared with the applications'.
 */
import type { Store } from '../../store/index.js';
import { validateCase } from '../../workflow/cases.js';
import {
  type CaseLedgerKey,
  caseFieldName,
  caseLedgerColumns,
  caseLedgerHeader,
  caseLedgerRow,
  caseOfRow,
} from '../../workflow/cases-ledger.js';
import { issueTexts, notFound } from '../errors.js';
import { newCaseBody } from '../schemas.js';
import { createCase, listCases } from './cases.js';
import {
  columnNamer,
  type LedgerFile,
  type LedgerFormat,
  type LedgerImportResult,
  ledgerCsv,
  ledgerFileName,
  ledgerRows,
  ledgerXlsx,
  numberCheck,
  storeAll,
} from './ledger-file.js';
import { type Principal, requireRight, resolveAgency } from './principal.js';

/** Characters per column in the sheet. */
const look = {
  widths: {
    number: 11,
    agency: 22,
    kind: 18,
    filedOn: 12,
    decidedOn: 12,
    outcome: 12,
    applicationNumber: 14,
  },
  wrapped: [],
} satisfies { widths: Partial<Record<CaseLedgerKey, number>>; wrapped: CaseLedgerKey[] };

export async function caseLedger(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; year?: number | undefined },
  to: LedgerFormat,
): Promise<LedgerFile> {
  const cases = await listCases(store, p, query);
  const names = new Map((await store.agencies.list()).map((a) => [a.id, a.name]));
  const rows = [...cases]
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.number.localeCompare(b.number))
    .map((c) => caseLedgerRow({ ...c, agencyName: names.get(c.agencyId) ?? c.agencyId }));
  const name = await ledgerFileName(store, p, query, '复议诉讼台账', to);
  const body =
    to === 'csv'
      ? ledgerCsv(caseLedgerColumns, rows)
      : await ledgerXlsx('复议诉讼台账', caseLedgerColumns, rows, look);
  return { name, body, rows: rows.length };
}

/** A field named by its column, as the file has it. */
const byColumn = columnNamer(caseFieldName);

export async function importCases(
  store: Store,
  p: Principal,
  input: { agency?: string | undefined; bytes: Uint8Array; dryRun: boolean },
): Promise<LedgerImportResult> {
  const agency = await resolveAgency(store, p, input.agency);
  requireRight(p, 'enter');
  const lines = await ledgerRows(input.bytes, caseLedgerHeader, '案件');

  const numbered = numberCheck(
    new Set((await store.cases.list({ agencyIds: [agency.id] })).map((c) => c.number)),
  );
  // The agency's applications a row may link, by id or number (as the case API finds one).
  const linking = lines.some(({ row }) => (row.get('applicationNumber') ?? '').trim() !== '');
  const applications = linking ? await store.applications.list({ agencyIds: [agency.id] }) : [];
  const ids = new Set(applications.map((a) => a.id));
  const numbers = new Set(applications.map((a) => a.number));

  const checked = lines.map(({ row, line }) => {
    const read = caseOfRow(row);
    if (!read.ok)
      return { line, number: row.get('number')?.trim() || null, messages: read.messages, body: null };
    const c = read.case;
    const messages: string[] = [];
    const body = newCaseBody.safeParse({ ...c, agencyId: agency.id });
    if (!body.success) messages.push(...issueTexts(body.error, byColumn));
    // The messages name no case: the row's line and number say which (the CLI's file:line, the web's table).
    for (const issue of validateCase({ ...c, id: c.number ?? 'new' }))
      if (issue.severity === 'error') messages.push(issue.message);
    const ref = c.applicationId;
    if (ref !== undefined && !ids.has(ref) && !numbers.has(ref)) messages.push(notFound('申请', ref).message);
    messages.push(...numbered(c.number, line));
    return {
      line,
      number: c.number ?? null,
      messages,
      body: messages.length === 0 && body.success ? body.data : null,
    };
  });
  return storeAll(checked, input.dryRun, async (body) => (await createCase(store, p, body)).number);
}
