/** The XLSX side of the exports: exceljs's streaming writer, sheets written row by row and committed. */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportValue } from './columns.js';

export type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** A workbook written to `stream` as its rows come (no shared strings or styles to hold in memory). */
export const streamingWorkbook = (stream: Writable): Workbook =>
  new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });

/** Adds a sheet of a header and rows, each committed as written. */
export function writeSheet(
  workbook: Workbook,
  name: string,
  header: readonly ExportValue[],
  rows: Iterable<readonly ExportValue[]>,
): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([...header]).commit();
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
}
