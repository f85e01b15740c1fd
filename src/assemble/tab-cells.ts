/**
 * Rows of tab-separated text (a table copied from a document, a spreadsheet or a browser) short
 * of cells: where their missing cells can only be their last ones.
 *
 * Converters differ in what they keep. Some keep every empty cell, merged cells expanded into
 * empty ones, and add or drop trailing tabs (a PDF or DOC converted to text); a browser's text of
 * a page leaves out the cells a cell spanning rows covers (its rows under the first are ragged)
 * and keeps a row's empty cells; a copied selection also drops a row's leading ones; text whose
 * runs of tabs were squeezed into one keeps none. One converter made all of a document's tables,
 * so what one table shows holds for all.
 */
import type { TableCell } from '../read/blocks.js';
import { codeAt } from '../text/code-unit.js';
import { isFigureWithUnit } from './figure-units.js';
import type { TokenStream } from './stream.js';
import { cellText } from './tab-evidence.js';
import { dataColumns, type LooseRule, type Token } from './tokens.js';

const isEmpty = (cell: TableCell): boolean => cell.text.trim() === '';

/** A row of tab-separated text as the figures of a row of the format fill it. */
export interface TabRow {
  /** Its cells from the first after its label (where its blank cells start) to the last that isn't empty. */
  cells: number;
  /** Its empty cells after that: the row's last cells, left blank, or a stray tab after them. */
  trailing: number;
}

/** The row of a tab-separated table that holds tokens `first` to `last`, if they are on one. */
function rowOf(stream: TokenStream, first: number, last: number) {
  const token = stream.tokens[last] as Token;
  const block = stream.blocks[token.block];
  if (block?.type !== 'table' || !block.loose) return null;
  for (let k = first; k < last; k++) {
    const other = stream.tokens[k] as Token;
    if (other.line !== token.line || other.block !== token.block) return null;
  }
  const r = block.rows.findIndex((cells) => cells[0]?.line === token.line);
  return r === -1 ? null : { block, r, row: block.rows[r] as TableCell[] };
}

/** The empty cells at the end of the row of tab-separated text that holds tokens `first` to `last` (0 elsewhere). */
export function trailingCells(stream: TokenStream, first: number, last: number): number {
  const found = rowOf(stream, first, last);
  return found ? found.row.length - lastFilled(found.row) : 0;
}

/**
 * The row of tab-separated text that holds tokens `first` to `last`, where a cell it lacks can
 * only be one of its last; null unless the tokens are on that one row, the document keeps empty
 * cells between others, and the row's first figure cell is told. It is where
 *  - the row's label ends in the cell before it (a ragged row, too: its cells start with its first
 *    figure). An empty cell there is the label's continuation (merged cells expanded, every row
 *    whole) or a blank first cell of a row whose label stands in fewer cells than the others' (a
 *    browser's text); only where the document expands merged cells, keeps leading empty cells and
 *    no row of the table is ragged is it the former;
 *  - a row with no label starts with it: where a row's leading empty cells are kept.
 * Never by the label columns every row shares for a row whose label (its first token `label`)
 * was wrapped after cells of its line (see wrapShift): its figures' line doesn't count its
 * cells from the row's first, so those columns don't say where its figures start on it (its own
 * label's end and its first figure do). Where the row's first figure stands past the label
 * columns, the empty cells before it having been left out as its label's (labelCellsEnd), its
 * cells start there: had they been its own, it would lack as many more cells than its empty
 * cells at the end say, and is not placed.
 */
export function tabRow(
  stream: TokenStream,
  first: number,
  last: number,
  /** The first token of the row's label, if it has one. */
  label?: number,
): TabRow | null {
  const found = rowOf(stream, first, last);
  if (!found) return null;
  const kept = stream.tabCellEvidence();
  if (!kept.between) return null;
  const { from, rule } = dataColumns(found.block, kept);
  if (rule === 'common' && label !== undefined && wrapShift(stream, label, first) !== 0) return null;
  const { row } = found;
  // Where the row's first figure stands past them, its label's empty cells before it were left
  // out (labelCellsEnd): its cells start there.
  let start = from[found.r] as number;
  const at = cellAt(row, (stream.tokens[first] as Token).column);
  if (at > start) {
    for (let c = start; c < at; c++) if (!isEmpty(row[c] as TableCell)) return null;
    start = at;
  }
  if (start === 0 && !kept.leading) return null;
  if (start > 0 && isEmpty(row[start - 1] as TableCell) && !(rule === 'common' && kept.expanded)) return null;
  const end = lastFilled(row);
  return { cells: Math.max(0, end - start), trailing: row.length - end };
}

/**
 * How many cells the line of token `on`, one of a row's, lacks at its start: 0 where the row's
 * label (its first token `label`) stands on that line or starts a line of its own (a wrapped label
 * of the first column leaves the next line's cells where they are); where a label cell was wrapped
 * in two after cells of its line, with the row's first cells on the line before
 * (「\t（二）部分公开（区分处理的，只计这一」, then 「情形，不计其他情形）\t\t\t1…」), the cells
 * before it there: the next line starts with the rest of that cell. -1 where that can't be told.
 */
export function wrapShift(stream: TokenStream, label: number, on: number): number {
  const start = stream.tokens[label] as Token;
  const token = stream.tokens[on] as Token;
  if (start.block === token.block && start.line === token.line) return 0;
  // The line starts with the rest of the label's cell: words in its first cell.
  const line = cellOf(stream, on);
  if (line && isEmpty(line.row[0] as TableCell)) return -1;
  const block = stream.blocks[start.block];
  if (block?.type === 'paragraph') {
    let tabs = 0;
    const before = Math.min(start.column - block.column, block.text.length);
    for (let i = 0; i < before; i++) if (codeAt(block.text, i) === 9) tabs++;
    return tabs;
  }
  const cell = cellOf(stream, label);
  return cell && lastFilled(cell.row) === cell.c + 1 ? cell.c : -1;
}

/** The end of the row's last cell that isn't empty. */
function lastFilled(row: readonly TableCell[]): number {
  let end = row.length;
  while (end > 0 && isEmpty(row[end - 1] as TableCell)) end--;
  return end;
}

/**
 * The cell of tab-separated text a token stands in, if it stands in one: of a row of a run of them
 * (a loose table), or of a line of them that stands alone (a paragraph, its cells told by its
 * tabs: a row that a line cut out of its table, `r` -1).
 */
function cellOf(stream: TokenStream, index: number) {
  const token = stream.tokens[index] as Token;
  const block = stream.blocks[token.block];
  if (block?.type === 'paragraph') {
    if (block.text.indexOf('\t') === -1) return null;
    const row = block.text.split('\t').map((text) => ({ text, line: block.line, column: 0 }));
    let c = 0;
    const before = Math.min(token.column - block.column, block.text.length);
    for (let i = 0; i < before; i++) if (codeAt(block.text, i) === 9) c++;
    return { block: token.block, r: -1, row, c };
  }
  if (block?.type !== 'table' || !block.loose) return null;
  const r = block.rows.findIndex((cells) => cells[0]?.line === token.line);
  if (r === -1) return null;
  const row = block.rows[r] as TableCell[];
  return { block: token.block, r, row, c: cellAt(row, token.column) };
}

/** The cell of a row that a token at `column` stands in: the last that starts at or before it. */
function cellAt(row: readonly TableCell[], column: number): number {
  let c = row.length - 1;
  while (c > 0 && (row[c] as TableCell).column > column) c--;
  return c;
}

/** Whether a token is an empty cell of tab-separated text (a blank figure made of one). */
function emptyCell(stream: TokenStream, token: Token): boolean {
  if (token.kind !== 'blank' || token.text !== '') return false;
  const block = stream.blocks[token.block];
  return block?.type === 'table' && block.loose === true;
}

/** A cell of a figure (「5」「5件」), not of words with a number in them (the next row's 「1.属于…」). */
const figureCell = (text: string): boolean => !/[\u3400-\u9fff]/.test(text) || isFigureWithUnit(text);

/** A located row of a table: the first and last tokens of its label, and the range of its figures. */
export interface LocatedRow {
  label: { firstToken: number; endToken: number } | null;
  /** Token range holding the row's figures: [from, to). */
  from: number;
  to: number;
}

/** Whether a token is a figure or blank of a row: not words, nor a number among words (「1.属于…」), nor a row's numbering. */
function figureToken(stream: TokenStream, index: number): boolean {
  const token = stream.tokens[index] as Token;
  if (token.kind === 'text') return false;
  if (token.kind !== 'num') return true;
  // A row's numbering (「2.」 before 「重复申请」).
  const next = stream.tokens[index + 1];
  if (next?.kind === 'text' && !next.spaced && next.line === token.line && /^[.．、]/.test(next.text))
    return false;
  const cell = cellOf(stream, index);
  return !cell || figureCell(cellText(cell.row[cell.c] as TableCell));
}

/** Whether the first token of a row's range that isn't words is an empty cell of tab-separated text. */
function startsEmpty(stream: TokenStream, row: LocatedRow): boolean {
  for (let k = row.from; k < row.to; k++) {
    const token = stream.tokens[k] as Token;
    if (token.kind !== 'text') return emptyCell(stream, token);
  }
  return false;
}

/** The first figure or blank cell of a row's range, or -1. */
function firstFigure(stream: TokenStream, row: LocatedRow): number {
  for (let k = row.from; k < row.to; k++) if (figureToken(stream, k)) return k;
  return -1;
}

/**
 * For each row of one table of the format, where its figures start once the empty cells before
 * them that are its label's are left out (null for a row with none; null where no row has any):
 * a label's merged cells, written as empty ones, that the label columns of the table's text
 * (dataColumns) took for blank cells.
 *
 * Those label columns are worked out for each run of tab-separated rows, and a line that isn't
 * one (a label wrapped onto a line of its own; a row of a label alone, all its figures blank, whose
 * tabs all stand at one end of it) cuts a table into two runs. A run may then keep no row whose
 * label stands in the table's last label column: its label columns end too early, and a row whose
 * label spans more columns reads its label's empty cells as blank cells of its own: more figures
 * than it has cells, or, where its last cells were left off with their tabs, as many, each in the
 * wrong cell. (So does a run whose converter evidence says merged cells are not written out, its
 * headers' empty cells squeezed away, though its rows write them.)
 *
 * The table as the format's labels located it holds its rows of every run, and its rows whose
 * figures are all blank too: its label columns end after the rightmost cell a row's label ends in
 * (on a line that lacks cells at its start, a label cell wrapped after others, counted as the row
 * counts them: see wrapShift). A row's empty cells from its own label up to there are its label's,
 * where no figure of the table stands left of that column (else its rows' figures start in
 * different columns, as where a converter leaves out the cells a merged cell covers, and nothing
 * is left out).
 *
 * Leaving cells out places a row's figures where they were not placed only if it had more cells
 * than its own: a label's cells, written out. Where the cells left out were the row's own (a
 * converter that leaves out the cells a merged cell covers, with a column blank in every row),
 * it reads fewer figures than cells, and its empty cells at the end fall short of its missing
 * ones by as many as were left out (tabRow): it is refused, not placed. So that such a document
 * (a browser's text, a run counting each row's cells from its own label, which writes no row's
 * leading empty cells) keeps what it reads, it is left as it is.
 */
export function labelCellsEnd(stream: TokenStream, rows: readonly LocatedRow[]): (number | null)[] | null {
  // Only a row whose figures start with an empty cell can have any (most tables have none: this
  // looks at one token a row).
  if (!rows.some((row) => startsEmpty(stream, row))) return null;
  const firsts = rows.map((row) => firstFigure(stream, row));
  // Each run's own reading of its rows' cells. A run that counts each row's cells from its own
  // label (its rows' figures start in different columns, and no header shows merged cells written
  // out) may be a converter's that leaves out the cells a merged cell covers, where an empty cell
  // after a label is the row's own: it is read as it is, unless the document writes the empty
  // cells that start a row (the cells a label spanning rows covers, written out; a browser's
  // text leaves them out).
  const kept = stream.tabCellEvidence();
  const rules = new Map<number, LooseRule>();
  for (const first of firsts) {
    if (first === -1) continue;
    const token = stream.tokens[first] as Token;
    const block = stream.blocks[token.block];
    if (block?.type !== 'table' || !block.loose || rules.has(token.block)) continue;
    const { rule } = dataColumns(block, kept);
    if (rule === 'own' && !kept.leading) return null;
    rules.set(token.block, rule);
  }
  const shifts = rows.map((row, i) => {
    const first = firsts[i] as number;
    return row.label
      ? wrapShift(stream, row.label.firstToken, first === -1 ? row.label.endToken - 1 : first)
      : 0;
  });
  // The cell each row's label ends in on its figures' line: the words right before its first
  // figure (its label's last words, which may follow those it was found by).
  const labels = rows.map((row, i) => {
    if (!row.label || (shifts[i] as number) < 0) return null;
    const first = firsts[i] as number;
    const cell = cellOf(stream, first === -1 ? row.label.endToken - 1 : first - 1);
    if (!cell || first === -1) return cell;
    const at = cellOf(stream, first);
    const words = !figureToken(stream, first - 1);
    return at && words && at.block === cell.block && at.r === cell.r ? cell : null;
  });
  let columns = 0;
  labels.forEach((label, i) => {
    if (label) columns = Math.max(columns, label.c + (shifts[i] as number) + 1);
  });
  if (columns === 0) return null;
  // No figure of the table stands left of that column.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as LocatedRow;
    const shift = shifts[i] as number;
    if (shift < 0) continue;
    for (let k = row.from; k < row.to; k++) {
      if ((stream.tokens[k] as Token).kind !== 'num' || !figureToken(stream, k)) continue;
      const cell = cellOf(stream, k);
      if (cell && cell.c + shift < columns) return null;
    }
  }
  let any = false;
  const ends = rows.map((row, i) => {
    const label = labels[i];
    const first = firsts[i] as number;
    if (!label || first === -1 || !emptyCell(stream, stream.tokens[first] as Token)) return null;
    // Not where the run counts cells from each row's first figure (it made no empty cell before).
    if (rules.get((stream.tokens[first] as Token).block) === 'first') return null;
    // On its line, the row's own cells start at `start`.
    const start = columns - (shifts[i] as number);
    for (let c = label.c + 1; c < start; c++) if (!isEmpty(label.row[c] as TableCell)) return null;
    let end = first;
    while (end < row.to) {
      const cell = cellOf(stream, end);
      if (!cell || cell.block !== label.block || cell.r !== label.r || cell.c >= start) break;
      if (!emptyCell(stream, stream.tokens[end] as Token)) return null;
      end++;
    }
    if (end === first) return null;
    any = true;
    return end;
  });
  return any ? ends : null;
}
