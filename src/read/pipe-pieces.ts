/**
 * Pipe tables as PDF-to-Markdown converters leave them: one table broken at each page break into
 * small tables, each piece after the first heading itself with its first row; page footers as
 * rows or lines between them, empty tables of `-` cells, and row labels lifted out onto loose lines
 * before a piece, their cells left empty. The pieces of one table (same columns, nothing but such
 * leftovers between them) are joined into one grid again, a loose label put back into the empty
 * label cells of the row it stands before. So the table's header sets the columns of every row
 * and an empty cell is a blank cell.
 */
import type { Block, Paragraph, TableBlock } from './blocks.js';
import { isPageNumberLine } from './page-number.js';

/** A cell that holds nothing: empty, or the dash a converter writes in an empty table. */
const emptyMark = /^[\s\-—–:]*$/;

const isPipeTable = (b: Block | undefined): b is TableBlock => b?.type === 'table' && !b.loose;

/** A table of empty cells and dashes only (a converter's leftover of a rule or an image). */
const isEmptyTable = (t: TableBlock): boolean =>
  t.rows.every((row) => row.every((c) => emptyMark.test(c.text)));

/** A page footer as a table row: a page number alone in the row. */
const isFooterRow = (row: TableBlock['rows'][number]): boolean => {
  const filled = row.filter((c) => c.text.trim() !== '');
  return filled.length === 1 && isPageNumberLine((filled[0] as { text: string }).text);
};

/** A row label on a line of its own: words, short, not a sentence, not a heading with a table part. */
const looseLabel = (p: Paragraph): boolean => {
  const text = p.text.trim();
  return text.length <= 60 && /[\u4e00-\u9fff]/.test(text) && !/[。；]$/.test(text) && !text.startsWith('#');
};

function mostCommonWidth(t: TableBlock): number {
  const counts = new Map<number, number>();
  for (const row of t.rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

const width = (t: TableBlock): number => Math.max(0, ...t.rows.map((r) => r.length));

/** How many cells the table's last row has (the piece a loose label's row would follow). */
const lastWidth = (t: TableBlock): number => t.rows.at(-1)?.length ?? 0;

/** Empty cells at the start of a row, before its first filled one. */
const leadingEmpty = (row: TableBlock['rows'][number]): number => {
  let k = 0;
  while (k < row.length && (row[k] as { text: string }).text.trim() === '') k++;
  return k;
};

const figure = /^[+-]?\d[\d,]*(?:\.\d+)?$/;

/** Grid columns that hold the rows' labels: up to the last label before the first figure. */
function labelColumns(t: TableBlock): number {
  let columns = 0;
  for (const row of t.rows) {
    const at = row.findIndex((c) => figure.test(c.text.trim()));
    if (at === -1) continue;
    let end = 0;
    for (let c = 0; c < at; c++)
      if (/[\u4e00-\u9fffA-Za-z]/.test((row[c] as { text: string }).text)) end = c + 1;
    columns = Math.max(columns, end);
  }
  return columns;
}

/** Most loose label lines put back into one row (a row's labels: group, subgroup, own). */
const maxLabels = 3;

export function joinPipePieces(blocks: readonly Block[]): Block[] {
  const kept: Block[] = [];
  for (const b of blocks) {
    if (!isPipeTable(b)) {
      kept.push(b);
      continue;
    }
    if (isEmptyTable(b)) continue;
    // Rows of another width holding only dashes: an empty table run into this one.
    const common = mostCommonWidth(b);
    const rows = b.rows.filter(
      (row) => !isFooterRow(row) && !(row.length !== common && row.every((c) => emptyMark.test(c.text))),
    );
    if (rows.length > 0) kept.push({ ...b, rows });
  }
  const out = kept;
  // Loose labels between two pieces: the paragraphs between them.
  const joined: Block[] = [];
  let i = 0;
  while (i < out.length) {
    const block = out[i] as Block;
    const previous = joined.at(-1);
    if (isPipeTable(block) && isPipeTable(previous) && width(block) === width(previous)) {
      joined[joined.length - 1] = { ...previous, rows: [...previous.rows, ...block.rows] };
      i++;
      continue;
    }
    if (block.type === 'paragraph' && isPipeTable(previous)) {
      // Labels lifted out of the next piece's first row.
      const labels: Paragraph[] = [];
      let j = i;
      while (j < out.length && (out[j] as Block).type === 'paragraph' && labels.length <= maxLabels) {
        labels.push(out[j] as Paragraph);
        j++;
      }
      const next = out[j];
      if (
        labels.length <= maxLabels &&
        labels.every(looseLabel) &&
        isPipeTable(next) &&
        // As wide as the table before, or as its last piece: the small tables of table 二 (four
        // columns, then two) come as one block when nothing but blank lines stands between them.
        (width(next) === width(previous) || width(next) === lastWidth(previous))
      ) {
        const [first, ...rest] = next.rows;
        const columns = Math.max(labelColumns(previous), labelColumns(next));
        // The row's label cells are empty and hold every label; figures follow them.
        if (first && labels.length <= columns && leadingEmpty(first) >= columns && columns < first.length) {
          const row = first.map((c) => ({ ...c }));
          labels.forEach((p, k) => {
            const cell = row[columns - labels.length + k] as (typeof row)[number];
            Object.assign(cell, { text: p.text.trim(), line: p.line, column: p.column });
          });
          joined[joined.length - 1] = { ...previous, rows: [...previous.rows, row, ...rest] };
          i = j + 1;
          continue;
        }
      }
    }
    joined.push(block);
    i++;
  }
  return joined;
}
