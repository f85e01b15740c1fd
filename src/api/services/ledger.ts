/**
 * 办理台账 as a file, and 各机关办理情况 (the applications of each agency in a user's scope counted
 * by where they stand).
 *
 * 办理台账 as a file: the applications of the agencies a user sees (one, or one year's) with their
 * status as of a day (src/workflow/ledger.ts). XLSX for people: Chinese headings, widths, wrapped
 * text, the heading row frozen, and a sheet naming each column's key; CSV for machines: the keys as
 * headings, UTF-8 with a BOM like every export (ledger-file.ts, shared with the cases' ledger).
 */
import type { Store } from '../../store/index.js';
import type { IsoDate } from '../../workflow/index.js';
import { type LedgerKey, ledgerColumns, ledgerRow } from '../../workflow/ledger.js';
import { listApplications } from './applications.js';
import { type LedgerFile, type LedgerFormat, ledgerCsv, ledgerFileName, ledgerXlsx } from './ledger-file.js';
import { agencyScope, type Principal } from './principal.js';

/** Characters per column in the sheet (申请内容 and 办理过程 wrap). */
const look = {
  widths: {
    number: 11,
    agency: 22,
    applicantName: 14,
    applicant: 12,
    applicantContact: 22,
    channel: 12,
    requestText: 40,
    delivery: 14,
    steps: 48,
    status: 14,
    outcome: 22,
  },
  wrapped: ['requestText', 'steps', 'applicantContact', 'outcome'],
} satisfies { widths: Partial<Record<LedgerKey, number>>; wrapped: LedgerKey[] };

export async function applicationLedger(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; year?: number | undefined; asOf: IsoDate },
  to: LedgerFormat,
): Promise<LedgerFile> {
  const views = await listApplications(store, p, query);
  const names = new Map((await store.agencies.list()).map((a) => [a.id, a.name]));
  const rows = [...views]
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.number.localeCompare(b.number))
    .map((v) => ledgerRow({ ...v, agencyName: names.get(v.agencyId) ?? v.agencyId }));
  const name = await ledgerFileName(store, p, query, '依申请公开办理台账', to);
  const body =
    to === 'csv'
      ? ledgerCsv(ledgerColumns, rows)
      : await ledgerXlsx('办理台账', ledgerColumns, rows, look, [['状态截至', query.asOf]]);
  return { name, body, rows: rows.length };
}

/** One agency's applications as of a day: what a supervisor looks at first. */
export interface RegisterSummaryRow {
  agencyId: string;
  agencyName: string;
  /** Applications received in the year (本年新收), or all when no year is asked. */
  received: number;
  /** Not yet closed. */
  open: number;
  overdue: number;
  /** Due within the asked number of working days. */
  dueSoon: number;
  closed: number;
  /** Closed after their due date. */
  answeredLate: number;
  /** Whose status can't be worked out (a year's holidays missing, an impossible record). */
  unknown: number;
}

/**
 * 各机关办理情况: every agency in the user's scope (those without applications too), its
 * applications counted by where they stand as of a day; those with overdue ones first.
 */
export async function registerSummary(
  store: Store,
  p: Principal,
  query: { year?: number | undefined; asOf: IsoDate; days: number },
): Promise<{ asOf: IsoDate; year: number | null; days: number; rows: RegisterSummaryRow[] }> {
  const views = await listApplications(store, p, query);
  const names = new Map((await store.agencies.list()).map((a) => [a.id, a.name]));
  const rows = new Map<string, RegisterSummaryRow>();
  for (const agencyId of await agencyScope(store, p, undefined))
    rows.set(agencyId, {
      agencyId,
      agencyName: names.get(agencyId) ?? agencyId,
      received: 0,
      open: 0,
      overdue: 0,
      dueSoon: 0,
      closed: 0,
      answeredLate: 0,
      unknown: 0,
    });
  for (const v of views) {
    const row = rows.get(v.agencyId);
    if (!row) continue;
    row.received++;
    const { state } = v;
    if (state.closedOn !== null) {
      row.closed++;
      if (state.answeredLate) row.answeredLate++;
    } else if (state.status === null) row.unknown++;
    else {
      row.open++;
      if (state.status === 'overdue') row.overdue++;
      // Due within `days` working days, the clock running (as the due list counts them).
      else if (
        (state.status === 'pending' || state.status === 'dueSoon') &&
        state.workingDaysLeft !== null &&
        state.workingDaysLeft <= query.days
      )
        row.dueSoon++;
    }
  }
  const ordered = [...rows.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.unknown - a.unknown ||
      b.open - a.open ||
      a.agencyName.localeCompare(b.agencyName, 'zh-CN'),
  );
  return { asOf: query.asOf, year: query.year ?? null, days: query.days, rows: ordered };
}
