import type { Point } from '../core/finding.js';
import type { Block, TableBlock, TableCell } from '../read/blocks.js';
import { codeAt } from '../text/code-unit.js';
import { foldedOf, foldText } from '../text/fold.js';
import { isFigureUnit, isFigureWithUnit } from './figure-units.js';
import { cellText, mergedCopies, type TabCellEvidence, tabCellEvidence } from './tab-evidence.js';

export type TokenKind = 'text' | 'num' | 'blank';

/**
 * A piece of the report in reading order: a run of label/prose characters, a run of digits, or a
 * mark that stands for an empty cell (「/」「—」「无」). Whitespace only separates tokens.
 */
export interface Token {
  kind: TokenKind;
  /** Folded text (NFKC and the spec's equivalences). */
  text: string;
  line: number;
  column: number;
  page?: number;
  /** First token on its source line. */
  first: boolean;
  /** Last token on its source line. */
  last: boolean;
  /** Blank source lines before this token's line (only meaningful when `first`). */
  gap: number;
  /** Whitespace (or a table-cell border) separates it from the token before. */
  spaced: boolean;
  /** Index of the block it came from. */
  block: number;
}

const blankMarks = new Set(['/', '-', '—', '——', '--', '无', '空', '—/—', 'N/A', '/ ']);
/** The longest blank mark: longer pieces (most prose) are not looked up (hashing a long piece costs). */
const longestBlankMark = Math.max(...[...blankMarks].map((m) => m.length));

/** Whether folded text, standing alone, is a mark for an empty cell (「/」「—」「无」). */
export const isBlankMark = (text: string): boolean => text.length <= longestBlankMark && blankMarks.has(text);

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * A token as made here: a class, so that every token has the same shape (all fields set in one
 * order, `page` too when undefined) and the code that reads tokens stays monomorphic.
 */
class TokenRecord implements Token {
  constructor(
    public kind: TokenKind,
    public text: string,
    public line: number,
    public column: number,
    public page: number | undefined,
    public first: boolean,
    public last: boolean,
    public gap: number,
    public spaced: boolean,
    public block: number,
  ) {}
}

/** A copy of a token alone on its line, with `gap` blank lines before it. */
export function aloneWithGap(token: Token, gap: number): Token {
  const t = token;
  return new TokenRecord(t.kind, t.text, t.line, t.column, t.page, true, true, gap, t.spaced, t.block);
}

/** Appends one token of a line (the first on its line when `out` has grown no further than `startCount`). */
function pushToken(
  out: Token[],
  startCount: number,
  kind: TokenKind,
  text: string,
  line: number,
  column: number,
  page: number | undefined,
  block: number,
  gap: number,
  spaced: boolean,
): void {
  const first = out.length === startCount;
  out.push(new TokenRecord(kind, text, line, column, page, first, false, first ? gap : 0, spaced, block));
}

function tokenizeLine(
  text: string,
  map: Int32Array | null,
  line: number,
  column0: number,
  page: number | undefined,
  block: number,
  gap: number,
  out: Token[],
): void {
  const startCount = out.length;
  let i = 0;
  let spaced = true;
  const n = text.length;
  // Tokens are pushed by a plain function, not a closure made anew for every line (every cell).
  while (i < n) {
    const c = codeAt(text, i);
    if (c === 32) {
      spaced = true;
      i++;
      continue;
    }
    // A sign before digits, also right after other digits (「22-22」 in a flattened 本年增/减 row).
    const signed = (c === 45 || c === 43) && i + 1 < n && isDigit(codeAt(text, i + 1));
    if (isDigit(c) || signed) {
      let j = i + 1;
      while (j < n && isDigit(codeAt(text, j))) j++;
      // Thousands separators (「3,001」「12,345,678」): a lead of one to three digits, not 0, then
      // groups of exactly three digits each after a comma.
      const digitsFrom = signed ? i + 1 : i;
      let grouped = false;
      if (j - digitsFrom <= 3 && codeAt(text, digitsFrom) !== 48)
        while (
          j + 3 < n + 0 &&
          codeAt(text, j) === 44 &&
          isDigit(codeAt(text, j + 1)) &&
          isDigit(codeAt(text, j + 2)) &&
          isDigit(codeAt(text, j + 3)) &&
          (j + 4 >= n || !isDigit(codeAt(text, j + 4)))
        ) {
          j += 4;
          grouped = true;
        }
      if (j + 1 < n && codeAt(text, j) === 46 && isDigit(codeAt(text, j + 1))) {
        j += 2;
        while (j < n && isDigit(codeAt(text, j))) j++;
      }
      const piece = grouped ? text.slice(i, j).replaceAll(',', '') : text.slice(i, j);
      pushToken(
        out,
        startCount,
        'num',
        piece,
        line,
        column0 + (map ? (map[i] as number) : i),
        page,
        block,
        gap,
        spaced,
      );
      spaced = false;
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = codeAt(text, j);
      if (d === 32 || isDigit(d)) break;
      if ((d === 45 || d === 43) && j + 1 < n && isDigit(codeAt(text, j + 1))) break;
      j++;
    }
    const piece = text.slice(i, j);
    const standalone = spaced && (j === n || codeAt(text, j) === 32);
    const kind = standalone && j - i <= longestBlankMark && blankMarks.has(piece) ? 'blank' : 'text';
    pushToken(
      out,
      startCount,
      kind,
      piece,
      line,
      column0 + (map ? (map[i] as number) : i),
      page,
      block,
      gap,
      spaced,
    );
    spaced = false;
    i = j;
  }
  if (out.length > startCount) (out[out.length - 1] as Token).last = true;
}

/** An ASCII digit in the (folded) text (scanned by hand: it runs for every table cell). */
function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isDigit(codeAt(text, i))) return true;
  return false;
}
/** Words (CJK or Latin letters): a label, as opposed to a figure or a blank mark. */
function hasWords(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = codeAt(text, i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  }
  return false;
}

/**
 * The grid columns that hold figures, for each row [from[row], to): right of every row's label
 * (the words before its first figure) and up to the last column any row covers with text (the
 * header's last leaf, through its span). So a column left blank in every row is still a column,
 * and empty cells that only continue a label are not blanks. A ragged row whose figures start
 * left of that keeps its own: the cells after its label in a real grid; in loose text (where an
 * empty cell after the label may continue it or be blank), the cells from its first figure on.
 * In loose text, what the document shows of its converter (`evidence`, see tab-evidence.ts) may
 * say more (`looseRule`).
 */
export function dataColumns(
  table: TableBlock,
  evidence?: TabCellEvidence,
): { from: Float64Array; to: number; rule: LooseRule } {
  let common = 0;
  let to = 0;
  const own: number[] = [];
  const first: number[] = [];
  // The cells that rows' numbered labels (「2.重复申请」) end in: where rows leave out the cells
  // that merged group labels cover, the first item of a group stands after its group's label and
  // the others at the start.
  let numberedAt = -1;
  let numberedOff = false;
  for (const row of table.rows) {
    let figureAt = -1;
    let labelEnd = 0;
    let end = -1;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] as TableCell & { spanned?: boolean };
      if (cell.spanned) {
        if (end === c - 1 && c > 0) end = c;
        continue;
      }
      if (cell.text.trim() === '') continue;
      end = c;
      const text = cellText(cell);
      const digits = hasDigit(text);
      // A figure with its unit (「5件」) is a figure's cell, not a label's words.
      const words = hasWords(text) && !(digits && isFigureWithUnit(text));
      if (figureAt === -1 && digits && !words) figureAt = c;
      if (figureAt === -1 && words) labelEnd = c + 1;
    }
    own.push(labelEnd);
    first.push(figureAt);
    if (figureAt !== -1) {
      common = Math.max(common, labelEnd);
      if (labelEnd > 0 && numberedLabel.test(cellText(row[labelEnd - 1] as TableCell))) {
        if (numberedAt !== -1 && numberedAt !== labelEnd) numberedOff = true;
        numberedAt = labelEnd;
      }
    }
    to = Math.max(to, end + 1);
  }
  const from = new Float64Array(own.length);
  let ragged = numberedOff;
  for (let r = 0; r < own.length; r++) {
    const f = first[r] as number;
    // A ragged row: its own label's end in a real grid; in loose text, its first figure's cell.
    if (f !== -1 && f < common) {
      from[r] = table.loose ? f : (own[r] as number);
      ragged = true;
    } else from[r] = common;
  }
  const rule: LooseRule = table.loose && evidence ? looseRule(evidence, ragged) : 'common';
  if (rule !== 'common')
    for (let r = 0; r < own.length; r++) {
      const f = first[r] as number;
      if (f !== -1) from[r] = rule === 'first' ? f : (own[r] as number);
    }
  return { from, to, rule };
}

/** Turns blocks into one token stream. Table cells become tokens separated as by whitespace. */
export function tokenize(blocks: readonly Block[]): Token[] {
  const tokens: Token[] = [];
  let previousLine = 0;
  /** What the document's tab-separated tables show of the converter (found at the first). */
  let evidence: TabCellEvidence | undefined;
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] as Block;
    if (block.type === 'paragraph') {
      const gap = previousLine === 0 || block.pageBreak ? 0 : Math.max(0, block.line - previousLine - 1);
      if (block.emptyCell)
        // An empty cell on a line of its own: a blank figure there, as an empty grid cell is.
        tokens.push(
          new TokenRecord('blank', '', block.line, block.column, block.page, true, true, gap, true, index),
        );
      else {
        const folded = foldedOf(block);
        tokenizeLine(folded.text, folded.map, block.line, block.column, block.page, index, gap, tokens);
      }
      previousLine = block.line;
    } else {
      if (block.loose) evidence ??= tabCellEvidence(blocks);
      const columns = dataColumns(block, evidence);
      const copies = block.loose && evidence?.repeated ? mergedCopies(block.rows) : null;
      for (let r = 0; r < block.rows.length; r++) {
        const row = block.rows[r] as (TableCell & { spanned?: boolean })[];
        // An empty cell is a blank figure in a row that has figures, in a column of figures.
        let hasFigure = false;
        for (const cell of row)
          if (!cell.spanned && hasDigit(cellText(cell))) {
            hasFigure = true;
            break;
          }
        // In text, a tab after a row's last cell may be only a trailing tab: blanks are inside.
        let last = row.length;
        if (block.loose) while (last > 0 && (row[last - 1] as TableCell).text.trim() === '') last--;
        for (let c = 0; c < row.length; c++) {
          const cell = row[c] as TableCell & { spanned?: boolean };
          if (cell.spanned || copies?.[r]?.[c]) continue;
          const folded = foldText(cell.text);
          const before = tokens.length;
          tokenizeLine(folded.text, folded.map, cell.line, cell.column, cell.page, index, 0, tokens);
          const next = tokens[before];
          if (next) {
            next.spaced = true;
            // A unit after one space in the figure's own cell (「3 件」) is written against it.
            const unit = tokens[before + 1];
            if (
              tokens.length === before + 2 &&
              next.kind === 'num' &&
              unit?.spaced &&
              isFigureUnit(unit.text)
            )
              unit.spaced = false;
          } else if (hasFigure && c >= (columns.from[r] as number) && c < columns.to && c < last) {
            tokens.push(
              new TokenRecord('blank', '', cell.line, cell.column, cell.page, true, true, 0, true, index),
            );
          }
        }
      }
      previousLine = 0;
    }
  }
  return tokens;
}

export function pointOf(token: Token | undefined): Point | null {
  if (!token) return null;
  const point: Point = { line: token.line, column: token.column };
  if (token.page !== undefined) point.page = token.page;
  return point;
}

/**
 * Where a loose table's rows' cells start, by what the document shows of its converter:
 *  - `own`, after the row's own label: merged cells not expanded, and ragged rows (a row's figures
 *    start left of others', or numbered items' labels end in different cells), so the converter
 *    left out the cells a merged cell covers (a browser's text), and an empty cell after a label
 *    is one of the row's;
 *  - `first`, at the row's first figure: merged cells expanded, yet ragged rows or no row that
 *    starts with an empty cell (the empty cells under a cell spanning rows), so leading cells were
 *    lost (tabs stripped from the lines' start) and the label columns are not told;
 *  - `common`, after the label columns every row shares (dataColumns).
 */
export type LooseRule = 'own' | 'first' | 'common';

function looseRule(evidence: TabCellEvidence, ragged: boolean): LooseRule {
  if (evidence.expanded) return ragged || !evidence.leading ? 'first' : 'common';
  return ragged ? 'own' : 'common';
}

/** A numbered item's label (「2.重复申请」「3、其他」). */
const numberedLabel = /^\s*\d+\s*[.．、]/;
