/**
 * 导入办理台账 (src/workflow/ledger-import.ts) from a file: XLSX (the first sheet) or delimited text
 * (CSV in UTF-8 or GB18030 as Excel saves it in China, or tab-separated). Every row is checked
 * first — its values, the API's limits, the workflow's rules with the holiday calendar, the rights
 * its events need, numbers already used — and only when all rows are right are they stored, in
 * file order; otherwise nothing is stored and each wrong row says why. `dryRun` only checks.
 */

import { hasRight } from '../../auth/roles.js';
import { decode } from '../../decode/decode.js';
import type { Store } from '../../store/index.js';
import { parseDelimited } from '../../text/csv.js';
import {
  type IsoDate,
  MissingHolidayYearError,
  validateApplication,
  WorkflowError,
} from '../../workflow/index.js';
import type { LedgerKey } from '../../workflow/ledger.js';
import { applicationOfRow, ledgerHeader } from '../../workflow/ledger-import.js';
import { ApiError, badRequest } from '../errors.js';
import { newApplicationBody } from '../schemas.js';
import { createApplication, rightFor } from './applications.js';
import { holidayCalendar } from './holidays.js';
import { type Principal, requireRight, resolveAgency } from './principal.js';

/** Most rows one import takes (a year's applications of a busy office are a few thousand). */
export const ledgerImportMaxRows = 5000;

export interface LedgerImportRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  /** The number it has (or was given when stored); null while not stored and none was written. */
  number: string | null;
  messages: string[];
}

export interface LedgerImportResult {
  dryRun: boolean;
  /** Rows read (blank rows aside). */
  rows: number;
  /** Applications stored: all rows, or none. */
  created: number;
  /** The rows with problems, or (once stored) every row with its number. */
  results: LedgerImportRow[];
}

/** The file's rows as text, header first. */
async function tableOf(bytes: Uint8Array): Promise<string[][]> {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!zip) {
    const { text, replacements } = decode(bytes);
    if (replacements > 0)
      throw badRequest('unreadable', '文件不是 UTF-8 或 GB18030 编码的文本，也不是 XLSX，无法读取');
    return parseDelimited(text);
  }
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw badRequest('unreadable', 'XLSX 文件已损坏或不是 Excel 工作簿，无法读取');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw badRequest('unreadable', 'XLSX 文件中没有工作表');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const v = cell.value;
      // Dates are days (exceljs gives them as UTC midnight); formulas their results.
      values[c - 1] =
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v !== null && typeof v === 'object' && 'result' in v
            ? String(v.result ?? '')
            : cell.text;
    });
    rows[n - 1] = Array.from(values, (x) => x ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

export async function importLedger(
  store: Store,
  p: Principal,
  input: { agency?: string | undefined; bytes: Uint8Array; dryRun: boolean },
  asOf: IsoDate,
): Promise<LedgerImportResult> {
  const agency = await resolveAgency(store, p, input.agency);
  requireRight(p, 'enter');
  const table = await tableOf(input.bytes);
  const headerAt = table.findIndex((r) => r.some((v) => v.trim() !== ''));
  if (headerAt < 0) throw badRequest('empty', '文件中没有内容');
  const header = ledgerHeader(table[headerAt] as string[]);
  if (!header.ok) throw badRequest('invalid-header', header.message);
  const lines = table
    .map((values, i) => ({ values, line: i + 1 }))
    .slice(headerAt + 1)
    .filter(({ values }) => values.some((v) => v.trim() !== ''));
  if (lines.length === 0) throw badRequest('empty', '文件中只有表头，没有申请');
  if (lines.length > ledgerImportMaxRows)
    throw badRequest(
      'too-large',
      `一次最多导入 ${ledgerImportMaxRows} 件申请，文件中有 ${lines.length} 件，请分批导入`,
    );

  const calendar = await holidayCalendar(store);
  const used = new Set((await store.applications.list({ agencyIds: [agency.id] })).map((a) => a.number));
  const seen = new Map<string, number>();
  const checked = lines.map(({ values, line }) => {
    const row = new Map<LedgerKey, string>();
    header.keys.forEach((key, i) => {
      if (key) row.set(key, values[i] ?? '');
    });
    const read = applicationOfRow(row);
    if (!read.ok)
      return { line, number: row.get('number')?.trim() || null, messages: read.messages, body: null };
    const app = read.application;
    const messages: string[] = [];
    const body = newApplicationBody.safeParse({ ...app, agencyId: agency.id });
    if (!body.success) messages.push(...body.error.issues.map((i) => `「${String(i.path[0])}」${i.message}`));
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
    if (app.number !== undefined) {
      if (used.has(app.number)) messages.push(`编号 ${app.number} 已登记`);
      const first = seen.get(app.number);
      if (first !== undefined) messages.push(`编号 ${app.number} 与第 ${first} 行重复`);
      else seen.set(app.number, line);
    }
    return {
      line,
      number: app.number ?? null,
      messages,
      body: messages.length === 0 && body.success ? body.data : null,
    };
  });

  const wrong = checked.filter((c) => c.messages.length > 0);
  const result = (created: number, results: LedgerImportRow[]): LedgerImportResult => ({
    dryRun: input.dryRun,
    rows: checked.length,
    created,
    results,
  });
  const problems = wrong.map(({ line, number, messages }) => ({ line, number, messages }));
  if (wrong.length > 0 || input.dryRun) return result(0, problems);
  const stored: LedgerImportRow[] = [];
  for (const c of checked) {
    try {
      const view = await createApplication(store, p, c.body as NonNullable<typeof c.body>, asOf);
      stored.push({ line: c.line, number: view.number, messages: [] });
    } catch (error) {
      // Checked above: only a concurrent change (a number taken meanwhile) gets here.
      const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      throw new ApiError(
        409,
        'conflict',
        `第 ${c.line} 行未能保存（${message}）；此前的 ${stored.length} 行已保存：${stored.map((s) => s.number).join('、') || '无'}`,
      );
    }
  }
  return result(stored.length, stored);
}
