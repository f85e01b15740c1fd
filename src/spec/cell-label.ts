/**
 * Where a cell is in the printed tables, in the format's own words, for people who fill or check
 * the report: 「表三「三、本年度办理结果/（一）予以公开」行「自然人」列」. Built from the spec (the
 * row and column label paths), so a new format version labels its cells without code.
 */
import { cellsOf, getFormat } from './registry.js';
import type { FormatId, LabelSpec } from './types.js';

const tableNumerals = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** The label paths with the prefix every path of the part shares removed (「申请人情况」 says nothing). */
function distinctive(paths: readonly (readonly LabelSpec[])[], path: readonly LabelSpec[]): string[] {
  let shared = 0;
  while (shared < path.length - 1 && paths.every((p) => p[shared]?.official === path[shared]?.official))
    shared++;
  return path.slice(shared).map((l) => l.official);
}

/** 「表三」 for a table of section 3. */
export const tableName = (section: number): string => `表${tableNumerals[section] ?? section}`;

/**
 * A cell's place in words: its table, row (after the part's caption) and column; null for a key
 * the format doesn't have.
 */
export function cellLabel(format: FormatId, key: string): string | null {
  const at = cellsOf(getFormat(format)).get(key);
  if (!at) return null;
  const row = [
    ...(at.part.caption ? [at.part.caption.official] : []),
    ...distinctive(
      at.part.rows.map((r) => r.path),
      at.row.path,
    ),
  ];
  const column = at.part.columns[at.column];
  const columnWords = column
    ? distinctive(
        at.part.columns.map((c) => c.path),
        column.path,
      )
    : [];
  const rowText = row.length > 0 ? `「${row.join('/')}」行` : '';
  const columnText = columnWords.length > 0 ? `「${columnWords.join('/')}」列` : '';
  return `${tableName(at.table.section)}${rowText}${columnText}`;
}

/**
 * Where some cells are: each cell's label when there are at most `spelled` of them, otherwise the
 * tables they are in and how many (「表三的 8 个单元格」); '' for none.
 */
export function cellsPlace(format: FormatId, keys: readonly string[], spelled = 2): string {
  if (keys.length === 0) return '';
  if (keys.length <= spelled) return keys.map((k) => cellLabel(format, k) ?? k).join('、');
  const cells = cellsOf(getFormat(format));
  const perTable = new Map<number, number>();
  for (const key of keys) {
    const section = cells.get(key)?.table.section;
    if (section !== undefined) perTable.set(section, (perTable.get(section) ?? 0) + 1);
  }
  const tables = [...perTable].sort((a, b) => a[0] - b[0]);
  if (tables.length === 1)
    return `${tableName((tables[0] as [number, number])[0])}的 ${keys.length} 个单元格`;
  return `${tables.map(([section, n]) => `${tableName(section)}的 ${n} 个`).join('、')}单元格`;
}
