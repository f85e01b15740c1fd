/**
 * 办理台账 as a file, and 各机关办理情况 (the applications of each agency in a user's scope counted
 * by where they stand).
 *
 * 办理台账 as a file: the applications of the agencies a user sees (one, or one year's) with their
 * status as of a day (src/workflow/ledger.ts). XLSX for people: Chinese headings, widths, wrapped
 * text, the heading row frozen, and a sheet naming each column's key; CSV for machines: the keys as
 * headings, UTF-8 with a BOM like every export.
 */
import { csvLine } from '../../corpus/export/csv.js';
import type { Store } from '../../store/index.js';
import type { IsoDate } from '../../workflow/index.js';
import { type LedgerValue, ledgerColumns, ledgerRow } from '../../workflow/ledger.js';
import { listApplications } from './applications.js';
import { agencyScope, type Principal } from './principal.js';

export type LedgerFormat = 'csv' | 'xlsx';

/** Characters per column in the sheet (申请内容 and 办理过程 wrap). */
const widths: Partial<Record<(typeof ledgerColumns)[number][0], number>> = {
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
};
const wrapped = new Set(['requestText', 'steps', 'applicantContact', 'outcome']);

export async function applicationLedger(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; year?: number | undefined; asOf: IsoDate },
  to: LedgerFormat,
): Promise<{ name: string; body: Uint8Array | string; rows: number }> {
  const views = await listApplications(store, p, query);
  const names = new Map((await store.agencies.list()).map((a) => [a.id, a.name]));
  const rows = [...views]
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.number.localeCompare(b.number))
    .map((v) => ledgerRow({ ...v, agencyName: names.get(v.agencyId) ?? v.agencyId }));
  // Named for the agency when the user's scope is one.
  const scope = await agencyScope(store, p, query.agency);
  const whose = scope.length === 1 ? (names.get(scope[0] as string) ?? '') : '';
  const name = `${whose ? `${whose}-` : ''}${query.year ? `${query.year}年` : ''}依申请公开办理台账.${to}`;
  const body = to === 'csv' ? csvOf(rows) : await xlsxOf(rows, query.asOf);
  return { name, body, rows: rows.length };
}

function csvOf(rows: readonly LedgerValue[][]): string {
  let text = `\ufeff${csvLine(ledgerColumns.map(([key]) => key))}`;
  for (const row of rows) text += csvLine(row);
  return text;
}

async function xlsxOf(rows: readonly LedgerValue[][], asOf: IsoDate): Promise<Uint8Array> {
  // exceljs is loaded when a sheet is made, not with the API.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('办理台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ledgerColumns.map(([key, header]) => ({
    key,
    header,
    width: widths[key] ?? 11,
    style: wrapped.has(key)
      ? { alignment: { wrapText: true, vertical: 'top' } }
      : { alignment: { vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ledgerColumns.length } };
  const about = workbook.addWorksheet('说明');
  about.columns = [
    { header: 'column', key: 'column', width: 18 },
    { header: 'name', key: 'name', width: 14 },
  ];
  for (const [column, name] of ledgerColumns) about.addRow({ column, name });
  about.addRow({});
  about.addRow({ column: '状态截至', name: asOf });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
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
