/**
 * CSV export in UTF-8 with a BOM (so Excel opens it as UTF-8), RFC 4180 quoting, streamed page by
 * page. A failure after the first row ends the file with a row saying it is incomplete.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { type CorpusFilter, iterateWithCells } from '../query.js';
import { type ExportValue, exportHeader, exportValues } from './columns.js';
import { type Sink, writeTo } from './sink.js';

const quote = (value: ExportValue): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (values: readonly ExportValue[]): string => `${values.map(quote).join(',')}\r\n`;

export async function exportCsv(db: Kysely<Database>, filter: CorpusFilter, sink: Sink): Promise<number> {
  await writeTo(sink, `\ufeff${csvLine(exportHeader())}`);
  let rows = 0;
  try {
    let batch = '';
    for await (const { row, cells } of iterateWithCells(db, filter)) {
      batch += csvLine(exportValues(row, cells));
      rows++;
      if (batch.length > 64 * 1024) {
        await writeTo(sink, batch);
        batch = '';
      }
    }
    if (batch) await writeTo(sink, batch);
  } catch (error) {
    await writeTo(sink, csvLine([`导出未完成：${error instanceof Error ? error.message : String(error)}`]));
    throw error;
  }
  return rows;
}
