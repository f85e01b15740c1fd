/**
 * What the register's ledgers share as files (the applications' 办理台账, ledger.ts and
 * ledger-import.ts; the cases' 复议诉讼台账, cases-ledger.ts): written as XLSX for people (Chinese
 * headings, widths, wrapped text, the heading row frozen and filtered, and a 说明 sheet naming each
 * column's key) or CSV for machines (the keys as headings, UTF-8 with a BOM like every export); read
 * back from XLSX (the first sheet) or delimited text (CSV in UTF-8 or GB18030 as Excel saves it in
 * China, or tab-separated), every row checked first and all stored, in file order, or none.
 */
import { csvLine } from '../../corpus/export/csv.js';
import { decode } from '../../decode/decode.js';
import type { Store } from '../../store/index.js';
import { parseDelimited } from '../../text/csv.js';
import { ApiError, badRequest, type FieldNamer } from '../errors.js';
import { agencyScope, type Principal } from './principal.js';

export type LedgerFormat = 'csv' | 'xlsx';

export interface LedgerFile {
  name: string;
  body: Uint8Array | string;
  rows: number;
}

type Columns<K extends string> = readonly (readonly [K, string])[];
type Cell = string | number | null;

/** The file's name: the agency's when the user's scope is one, the year's when one is asked. */
export async function ledgerFileName(
  store: Store,
  p: Principal,
  query: { agency?: string | undefined; year?: number | undefined },
  title: string,
  to: LedgerFormat,
): Promise<string> {
  const names = new Map((await store.agencies.list()).map((a) => [a.id, a.name]));
  const scope = await agencyScope(store, p, query.agency);
  const whose = scope.length === 1 ? (names.get(scope[0] as string) ?? '') : '';
  return `${whose ? `${whose}-` : ''}${query.year ? `${query.year}年` : ''}${title}.${to}`;
}

/** The keys as headings, UTF-8 with a BOM. */
export function ledgerCsv(columns: Columns<string>, rows: readonly (readonly Cell[])[]): string {
  let text = `\ufeff${csvLine(columns.map(([key]) => key))}`;
  for (const row of rows) text += csvLine(row as Cell[]);
  return text;
}

/** Chinese headings on the sheet `sheet`; the 说明 sheet names the keys, then `notes` (label, value). */
export async function ledgerXlsx<K extends string>(
  sheetName: string,
  columns: Columns<K>,
  rows: readonly (readonly Cell[])[],
  look: { widths: Partial<Record<K, number>>; wrapped: readonly K[] },
  notes: readonly (readonly [string, string])[] = [],
): Promise<Uint8Array> {
  // exceljs is loaded when a sheet is made, not with the API.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([key, header]) => ({
    key,
    header,
    width: look.widths[key] ?? 11,
    style: look.wrapped.includes(key)
      ? { alignment: { wrapText: true, vertical: 'top' } }
      : { alignment: { vertical: 'top' } },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row as Cell[]);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const about = workbook.addWorksheet('说明');
  about.columns = [
    { header: 'column', key: 'column', width: 18 },
    { header: 'name', key: 'name', width: 14 },
  ];
  for (const [column, name] of columns) about.addRow({ column, name });
  if (notes.length > 0) about.addRow({});
  for (const [column, name] of notes) about.addRow({ column, name });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** One row of an import's answer. */
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
  /** Records stored: all rows, or none. */
  created: number;
  /** The rows with problems, or (once stored) every row with its number. */
  results: LedgerImportRow[];
}

/** Most rows one import takes (a year's applications of a busy office are a few thousand). */
export const ledgerImportMaxRows = 5000;

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

/**
 * A ledger file's rows (blank ones aside) as values by column, each with its line; the header is
 * the first line with text, read by `header`. `noun` names what a row is (申请, 案件).
 */
export async function ledgerRows<K extends string>(
  bytes: Uint8Array,
  header: (headings: readonly string[]) => { ok: true; keys: (K | null)[] } | { ok: false; message: string },
  noun: string,
): Promise<{ line: number; row: Map<K, string> }[]> {
  const table = await tableOf(bytes);
  const headerAt = table.findIndex((r) => r.some((v) => v.trim() !== ''));
  if (headerAt < 0) throw badRequest('empty', '文件中没有内容');
  const keys = header(table[headerAt] as string[]);
  if (!keys.ok) throw badRequest('invalid-header', keys.message);
  const lines = table
    .map((values, i) => ({ values, line: i + 1 }))
    .slice(headerAt + 1)
    .filter(({ values }) => values.some((v) => v.trim() !== ''));
  if (lines.length === 0) throw badRequest('empty', `文件中只有表头，没有${noun}`);
  if (lines.length > ledgerImportMaxRows)
    throw badRequest(
      'too-large',
      `一次最多导入 ${ledgerImportMaxRows} 件${noun}，文件中有 ${lines.length} 件，请分批导入`,
    );
  return lines.map(({ values, line }) => {
    const row = new Map<K, string>();
    keys.keys.forEach((key, i) => {
      if (key) row.set(key, values[i] ?? '');
    });
    return { line, row };
  });
}

/** Numbers of the agency already used, and those of earlier rows: the messages for a row's number. */
export function numberCheck(
  used: ReadonlySet<string>,
): (number: string | undefined, line: number) => string[] {
  const seen = new Map<string, number>();
  return (number, line) => {
    if (number === undefined) return [];
    const messages: string[] = [];
    if (used.has(number)) messages.push(`编号 ${number} 已登记`);
    const first = seen.get(number);
    if (first !== undefined) messages.push(`编号 ${number} 与第 ${first} 行重复`);
    else seen.set(number, line);
    return messages;
  };
}

/**
 * Names a row's field by the column it was read from (`column`: a field's column's Chinese name), the
 * whole of it: a wrong step is 「办理过程」, whichever of its parts is wrong.
 */
export const columnNamer =
  (column: (field: string) => string | undefined): FieldNamer =>
  ([field]) =>
    typeof field === 'string' ? column(field) : undefined;

/** A row checked: its messages, or the body to store. */
export interface CheckedRow<B> {
  line: number;
  number: string | null;
  messages: string[];
  body: B | null;
}

/**
 * All or nothing: when a row has messages (or only checking), the wrong rows and nothing stored;
 * else every row stored in file order by `create` (which answers the number it was given).
 */
export async function storeAll<B>(
  checked: readonly CheckedRow<B>[],
  dryRun: boolean,
  create: (body: B) => Promise<string>,
): Promise<LedgerImportResult> {
  const result = (created: number, results: LedgerImportRow[]): LedgerImportResult => ({
    dryRun,
    rows: checked.length,
    created,
    results,
  });
  const wrong = checked.filter((c) => c.messages.length > 0);
  if (wrong.length > 0 || dryRun)
    return result(
      0,
      wrong.map(({ line, number, messages }) => ({ line, number, messages })),
    );
  const stored: LedgerImportRow[] = [];
  for (const c of checked) {
    try {
      stored.push({ line: c.line, number: await create(c.body as B), messages: [] });
    } catch (error) {
      // Checked before: only a concurrent change (a number taken meanwhile) gets here.
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
