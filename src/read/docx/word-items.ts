/**
 * The body of a word-processor document as both Word readers build it (DOCX: document.ts; Word
 * 97–2003: doc/document.ts): paragraphs, split at line breaks into segments, and tables of rows of
 * cells, a cell holding paragraphs and nested tables; and how it becomes blocks.
 *
 * Tables become TableBlocks: a cell spanning columns holds its text in its first position and
 * `spanned: true` in the others; a cell continuing a merged one (`continued`) holds `spanned: true`
 * in all its positions; grid positions without a cell (`before`, `after`) hold `spanned: true`
 * too. A cell's text is its paragraphs (and lines) joined: without a space between two CJK
 * characters, with one otherwise. A table nested in a cell becomes its own TableBlock right after
 * the table that contains it. A table of a single column is taken for layout (a frame around
 * text) and read as its content.
 */

import { codeAt } from '../../text/code-unit.js';
import type { Block, TableBlock, TableCell } from '../blocks.js';

export interface Segment {
  text: string;
  column: number;
}

export interface ParagraphItem {
  kind: 'paragraph';
  line: number;
  segments: Segment[];
}

export interface Container {
  items: Item[];
}

export interface Cell extends Container {
  line: number;
  span: number;
  /** Continues a merged cell (vertical or legacy horizontal): no content of its own. */
  continued: boolean;
}

export interface Row {
  cells: Cell[];
  before: number;
  after: number;
  deleted: boolean;
}

export interface TableItem {
  kind: 'table';
  line: number;
  rows: Row[];
}

export type Item = ParagraphItem | TableItem;

const isCjk = (code: number): boolean =>
  (code >= 0x2e80 && code <= 0x9fff) ||
  (code >= 0xf900 && code <= 0xfaff) ||
  (code >= 0xfe30 && code <= 0xfe4f) ||
  (code >= 0xff00 && code <= 0xffef) ||
  code >= 0x20000;

/** Joins a cell's lines: no space between two CJK characters, one space otherwise. */
export function joinCellText(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out !== '') {
      let end = codeAt(out, out.length - 1);
      if (end >= 0xdc00 && end <= 0xdfff && out.length >= 2) end = out.codePointAt(out.length - 2) ?? end;
      if (!(isCjk(end) && isCjk(line.codePointAt(0) ?? 0))) out += ' ';
    }
    out += line;
  }
  return out;
}

/** A table with a single column frames text: its content is read as if it were not in a table. */
const isFrame = (t: TableItem): boolean => t.rows.length > 0 && t.rows.every((r) => r.cells.length === 1);

export function toBlocks(items: readonly Item[], out: Block[]): void {
  for (const item of items) {
    if (item.kind === 'paragraph') {
      for (const s of item.segments)
        if (s.text.trim() !== '')
          out.push({ type: 'paragraph', text: s.text, line: item.line, column: s.column });
      continue;
    }
    if (isFrame(item)) {
      for (const row of item.rows) for (const cell of row.cells) toBlocks(cell.items, out);
      continue;
    }
    const table = tableBlock(item);
    if (table) out.push(table);
    for (const row of item.rows)
      for (const cell of row.cells)
        toBlocks(
          cell.items.filter((i) => i.kind === 'table'),
          out,
        );
  }
}

/** A cell's text: its paragraphs' lines joined (a cell of one line is that line, trimmed). */
function cellText(cell: Cell): string {
  const only = cell.items.length === 1 ? cell.items[0] : undefined;
  if (only?.kind === 'paragraph' && only.segments.length === 1)
    return (only.segments[0] as Segment).text.trim();
  const lines: string[] = [];
  for (const i of cell.items) if (i.kind === 'paragraph') for (const s of i.segments) lines.push(s.text);
  return joinCellText(lines);
}

function tableBlock(t: TableItem): TableBlock | null {
  let any = false;
  const rows = t.rows.map((row) => {
    const line = row.cells[0]?.line ?? t.line;
    const cells: (TableCell & { spanned?: boolean })[] = [];
    const covered = (at: number, n: number) => {
      for (let k = 0; k < n; k++) cells.push({ text: '', line: at, column: 1, spanned: true });
    };
    covered(line, row.before);
    for (const cell of row.cells) {
      if (cell.continued) {
        covered(cell.line, cell.span);
        continue;
      }
      const text = cellText(cell);
      if (text !== '') any = true;
      cells.push({ text, line: cell.line, column: 1 });
      covered(cell.line, cell.span - 1);
    }
    covered(line, row.after);
    return cells;
  });
  return any ? { type: 'table', rows, line: t.line, column: 1 } : null;
}
