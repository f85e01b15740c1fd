import type { SourceFile } from '../core/source-file.js';
import type { CellSpec, CellType } from '../spec/types.js';
import { codeAt } from '../text/code-unit.js';
import { keyNumber } from './net.js';
import type { RowLocation } from './rows.js';
import { cellCount, numberingOffset, rowLabel } from './rows.js';
import { fewerFiguresFit, parseLoose, splitRuns, zeroLed } from './split.js';
import type { TokenStream } from './stream.js';
import { pointOf, type Token } from './tokens.js';

/** A figure or an empty-cell mark inside a row's range. */
export interface Figure {
  text: string;
  kind: 'num' | 'blank';
  token: Token;
  /** Index of the token in the stream. */
  index: number;
  /**
   * The layout sets it apart as a cell of its own: alone on its line or in its grid cell, or
   * two spaces or more after what stands before it on its line (a column-aligned layout).
   */
  apart: boolean;
  /** A unit written right after the figure (「120000元」). */
  unit?: string;
}

/** What a row's range holds, before its figures are assigned to cells. */
export interface RowFigures {
  location: RowLocation;
  figures: Figure[];
  /** Units written in the row (「元」「万元」). */
  units: Token[];
  /** Each figure alone on its line (the one-cell-per-line layouts): blank lines then carry meaning. */
  lineLayout: boolean;
  /** Blank lines before each figure, and before the token that ends the row. */
  gaps: number[];
  trailingGap: number | null;
  /**
   * For a table's last row, the blank lines before what follows the table (when it starts a
   * line): its blank cells at the end and the lines after a table (see tableEndLines).
   */
  endGap: number | null;
  /** The first token of the row's label. */
  labelToken: Token | undefined;
  /** Where the row's figures were looked for (a row without a label and figures is named there). */
  lookedAt: Token | undefined;
}

/** The possible readings of a row: each a value per cell (`null` = blank). */
export interface RowReading {
  location: RowLocation;
  keys: string[];
  /** The keys' numbers (see net.ts), in the same order. */
  numbers: readonly number[];
  types: CellType[];
  candidates: (number | null)[][];
  /** The row's figures, for messages (「81153」). */
  printed: string;
  /** Where the row's figures start (or its label). */
  token: Token | undefined;
  /**
   * Figures run together, to be cut by the solver (which checks each cut against the identities
   * as it goes); `candidates` is then empty.
   */
  runs?: string[];
  /** The figures ran together and only one cut fits the rules of counts. */
  splitUnique?: boolean;
}

const units = /^(万元|元|亿元|千元)$/;

/** Yuan per unit. */
const unitFactor: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

/** A figure in one unit expressed in another, without binary rounding noise (1.2万元 → 12000元). */
function rescale(value: number, from: number, to: number): number {
  const exact = from >= to ? value * (from / to) : value / (to / from);
  return Number(exact.toPrecision(12));
}

/**
 * A blank mark that is a character of a label written down the page, one character a line
 * (「（|四|）|无|法|提|供」 in reading-order PDF text): words on the lines right before and after.
 */
export function inWordsDown(stream: TokenStream, i: number): boolean {
  const token = stream.tokens[i];
  const before = stream.tokens[i - 1];
  const after = stream.tokens[i + 1];
  if (!token || !before || !after || !/^[\u4e00-\u9fff]$/.test(token.text)) return false;
  const down = (t: Token, line: number) => t.kind === 'text' && t.first && t.last && t.line === line;
  return (
    token.first &&
    token.last &&
    down(before, token.line - 1) &&
    down(after, token.line + 1) &&
    (before.text.length === 1 || after.text.length === 1)
  );
}

/**
 * A row's numbering, not a figure: a number of one or two digits set apart before it (or glued
 * to a group label's last character: 「（六）其他2.申请人…」) and
 * followed at once by 「.」 or 「、」 and words (「5.要求行政机关确认…」), or by the mark alone and
 * words (「2 . 申 请 人…」, a label spread a character a token), the label of a row not found
 * where it stands (wrapped round figures, damaged). Taken as a figure, it fills a blank cell of the
 * row before with a count that may even fit the identities.
 */
export function isNumbering(stream: TokenStream, i: number): boolean {
  const token = stream.tokens[i] as Token;
  const next = stream.tokens[i + 1];
  if (token.kind !== 'num' || token.text.length > 2) return false;
  // Apart from the words before it, or glued to a group label's (「（六）其他2.申请人…」: the
  // group label and the row's numbering in one word).
  if (!(token.first || token.spaced)) {
    const before = stream.tokens[i - 1];
    if (before?.kind !== 'text' || before.line !== token.line) return false;
    const last = codeAt(before.text, before.text.length - 1);
    if (last < 0x4e00 || last > 0x9fff) return false;
  }
  if (next?.kind !== 'text' || next.line !== token.line) return false;
  const mark = codeAt(next.text, 0);
  if (mark !== 0x2e && mark !== 0x3001) return false;
  let word: number;
  if (next.text.length > 1) {
    if (next.spaced) return false;
    word = codeAt(next.text, 1);
  } else {
    // The mark alone, the label spread a character a token after it (「2 . 申 请 人…」).
    const after = stream.tokens[i + 2];
    word = after?.kind === 'text' && after.line === token.line ? codeAt(after.text, 0) : 0;
  }
  return word >= 0x4e00 && word <= 0x9fff;
}

/**
 * The one token of a row's range that ends with the next row's numbering (「00000002.」 before
 * 「其他…」), and what is left of it once the numbering is taken off: `at` −1 when there is none.
 */
export function nextNumbering(
  stream: TokenStream,
  location: RowLocation,
  next: RowLocation | undefined,
): { at: number; rest: string } {
  if (next?.label && next.row.numbering) {
    const offset = numberingOffset(stream, next.row, next.label);
    const at = offset === null ? null : stream.tokenAt(offset);
    if (at !== null && at >= location.from && at < location.to) {
      const token = stream.tokens[at] as Token;
      if (token.text.endsWith(next.row.numbering))
        return { at, rest: token.text.slice(0, -next.row.numbering.length) };
    }
  }
  return { at: -1, rest: '' };
}

/** Collects the figures of a row's range, taking off the numbering of the next row (「00000002.其他…」). */
export function collectFigures(
  stream: TokenStream,
  location: RowLocation,
  next: RowLocation | undefined,
): RowFigures {
  const { at: stripAt, rest: stripText } = nextNumbering(stream, location, next);
  const figures: Figure[] = [];
  const unitTokens: Token[] = [];
  for (let i = location.from; i < location.to; i++) {
    const token = stream.tokens[i] as Token;
    if (token.kind === 'text') {
      // Every unit has 「元」, which the replace keeps: text without it is no unit (and costs no replace).
      if (!token.text.includes('元') || !units.test(token.text.replace(/[()（）:：单位]/g, ''))) continue;
      // Right after a figure, with nothing between: the figure's own unit.
      const last = figures.at(-1);
      if (last && last.index === i - 1 && last.kind === 'num' && !token.spaced) last.unit = token.text;
      else unitTokens.push(token);
      continue;
    }
    if (token.kind === 'blank' && inWordsDown(stream, i)) continue;
    if (i !== stripAt && isNumbering(stream, i)) continue;
    const stripped = i === stripAt ? stripText : undefined;
    // A number that was only the next row's numbering leaves nothing; an empty grid cell stays.
    if (stripped === '') continue;
    const text = stripped ?? token.text;
    const before = stream.tokens[i - 1];
    // A run that can't be one figure (「0000000」) is figures run together wherever it stands.
    const apart =
      !zeroLed(text) &&
      ((token.first && token.last) ||
        (token.spaced &&
          (token.first ||
            (before !== undefined &&
              before.line === token.line &&
              token.column - (before.column + before.text.length) >= 2))));
    figures.push({ text, kind: token.kind, token, index: i, apart, unit: undefined });
  }
  // Empty grid cells past the row's last cell are a decorative column, not blank figures.
  const cells = cellCount(location);
  while (figures.length > cells && figures.at(-1)?.kind === 'blank' && figures.at(-1)?.token.text === '')
    figures.pop();
  // The row ends at the first line after its last figure (a group label may stand before the next row).
  const lastIndex = figures.length > 0 ? (figures.at(-1) as Figure).index : location.from - 1;
  const ender = stream.tokens[lastIndex + 1];
  // Past the end of its table, a row's trailing blank lines say nothing about its cells.
  const enderInTable = ender !== undefined && lastIndex + 1 < location.tableEnd;
  const ownLabelEndsLine = location.label
    ? (stream.tokens[location.label.endToken - 1]?.last ?? false)
    : true;
  const lineLayout =
    figures.length > 0
      ? ownLabelEndsLine && figures.every((f) => f.token.first && f.token.last)
      : ownLabelEndsLine && (ender?.first ?? false);
  return {
    location,
    figures,
    units: unitTokens,
    lineLayout,
    gaps: figures.map((f) => f.token.gap),
    trailingGap: ender?.first && enderInTable ? ender.gap : null,
    endGap: ender?.first && !enderInTable ? ender.gap : null,
    labelToken: location.label ? stream.tokens[location.label.firstToken] : undefined,
    lookedAt: stream.tokens[location.from],
  };
}

/**
 * Figures on one line kept apart by runs of spaces (a column-aligned layout: pdftotext -layout,
 * the PDF reader's lines): a row short of figures there has blank cells, not figures run together.
 */
export function spreadApart(r: RowFigures): boolean {
  const { figures } = r;
  if (figures.length < 2) return false;
  const line = figures[0]?.token.line;
  for (let i = 1; i < figures.length; i++) {
    const a = figures[i - 1] as Figure;
    const b = figures[i] as Figure;
    if (b.token.line !== line || a.token.line !== line) return false;
    if (b.token.column - (a.token.column + a.text.length) < 2) return false;
  }
  return true;
}

/**
 * Figures the layout sets apart, each a cell of its own: a row short of figures there has blank
 * cells; cutting a figure further would be a guess.
 */
function ownCells(r: RowFigures): boolean {
  return r.figures.length >= 1 && r.figures.every((f) => f.apart);
}

/**
 * Whether the tables show figures run together (a flattened page): some run can't be one count
 * (「0000000」), or most rows have fewer runs than cells. Only then is a run cut into several
 * cells; in a layout that separates its figures, a row short of figures has missing cells.
 */
export function figuresRunTogether(rows: readonly RowFigures[]): boolean {
  let short = 0;
  let withFigures = 0;
  for (const r of rows) {
    if (r.figures.some((f) => f.kind === 'num' && zeroLed(f.text))) return true;
    if (r.figures.length === 0 || ownCells(r)) continue;
    withFigures++;
    const cells = cellCount(r.location);
    // Short with every figure set off by whitespace: blank cells, not figures run together.
    if (r.figures.length < cells && !r.figures.every((f) => f.token.spaced)) short++;
  }
  return withFigures > 0 && short * 2 > withFigures;
}

/**
 * In tables whose figures run together, a row whose figures are too few digits to fill its cells
 * (each cell holds at least one): the tables leave cells blank. Undefined when none is.
 */
export function blankCellsShown(rows: readonly RowFigures[]): RowFigures | undefined {
  return rows.find((r) => {
    if (r.figures.length === 0 || ownCells(r)) return false;
    let digits = 0;
    for (const f of r.figures)
      for (let i = 0; i < f.text.length; i++) if (isDigitCode(codeAt(f.text, i))) digits++;
    return digits < cellCount(r.location);
  });
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Blank-line spacing of a one-cell-per-line layout, learnt from the rows that are complete. */
export interface LineSpacing {
  /** Blank lines between two cells of a row. */
  cell: number;
  /** Blank lines between a row's label and its first cell. */
  lead: number;
  /** Blank lines after a row's last cell. */
  end: number;
  /** Blank lines after a table's last row, where the document shows them (see tableEndLines). */
  tableEnd?: number;
  /** The document shows its empty lines are blank cells (see linesAreCells); with `tableEnd`. */
  cellsShown?: boolean;
}

/** The most frequent value (the least of those tied); null for fewer than three. */
const mode = (values: number[]): number | null => {
  if (values.length < 3) return null;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let most = 0;
  counts.forEach((count, v) => {
    if (count > most || (count === most && v < (best as number))) {
      best = v;
      most = count;
    }
  });
  return best;
};

const least = (values: number[]): number | null => {
  if (values.length < 3) return null;
  let min = Number.POSITIVE_INFINITY;
  for (const v of values) if (v < min) min = v;
  return min;
};

/**
 * The spacing the complete rows agree on; where too few rows are complete (a column left blank
 * in every row), the least gap seen in the rows of the layout (a blank cell only adds lines),
 * unless `completeOnly`.
 */
export function learnSpacing(
  rows: readonly RowFigures[],
  /** Only a spacing the complete rows agree on (null where too few rows are complete). */
  completeOnly = false,
  /**
   * The lines after a row from the complete rows: the most frequent (`mode`), or the fewest
   * (`least`) where the document shows that its empty lines are cells (see linesAreCells): the
   * rest are the next row's covered cells.
   */
  endBy: 'mode' | 'least' = 'mode',
): LineSpacing | null {
  const cell: number[] = [];
  const lead: number[] = [];
  const anyCell: number[] = [];
  const anyLead: number[] = [];
  const end: number[] = [];
  const anyEnd: number[] = [];
  for (const r of rows) {
    if (!r.lineLayout || r.figures.length === 0) continue;
    const complete = r.figures.length === r.location.row.cells.length && r.figures.length >= 2;
    if (r.location.label) {
      anyLead.push(r.gaps[0] as number);
      if (complete) lead.push(r.gaps[0] as number);
    }
    for (let g = 1; g < r.gaps.length; g++) {
      anyCell.push(r.gaps[g] as number);
      if (complete) cell.push(r.gaps[g] as number);
    }
    if (r.trailingGap !== null) {
      anyEnd.push(r.trailingGap);
      if (complete) end.push(r.trailingGap);
    }
  }
  const fromComplete = {
    cell: mode(cell),
    lead: mode(lead),
    end: endBy === 'least' ? least(end) : mode(end),
  };
  if (completeOnly)
    return fromComplete.cell === null || fromComplete.lead === null || fromComplete.end === null
      ? null
      : { cell: fromComplete.cell, lead: fromComplete.lead, end: fromComplete.end };
  const c = fromComplete.cell ?? least(anyCell);
  const l = fromComplete.lead ?? least(anyLead);
  const e = fromComplete.end ?? least(anyEnd);
  if (c === null || l === null || e === null) return null;
  const spacing = { cell: c, lead: l, end: e };
  // A gap taken as the least seen, not from complete rows, must fit every row: none then holds
  // more cells than the format gives it, counting its figures and the blank cells its gaps stand
  // for. (Plain `pdftotext` separates blocks with blank lines and leaves none for a blank cell:
  // one gap of no blank line would have every blank line read as a blank cell.)
  if (fromComplete.cell === null || fromComplete.lead === null || fromComplete.end === null)
    for (const r of rows)
      if (
        r.lineLayout &&
        r.figures.length > 0 &&
        r.figures.length + sum(rowEmpties(r, spacing, cellCount(r.location))) > cellCount(r.location)
      )
        return null;
  return spacing;
}

/** The blank cells a row's gaps stand for under the spacing: before each figure, then after the last. */
function gapEmpties(r: RowFigures, spacing: LineSpacing): number[] {
  const period = spacing.cell + 1;
  const k = r.figures.length;
  const empties: number[] = [];
  for (let i = 0; i <= k; i++) {
    const gap = i < k ? (r.gaps[i] as number) : r.trailingGap;
    if (gap === null) {
      empties.push(0);
      continue;
    }
    const base =
      i === k ? spacing.end : i === 0 ? (r.location.label ? spacing.lead : spacing.end) : spacing.cell;
    empties.push(gap < base ? 0 : Math.floor((gap - base) / period));
  }
  return empties;
}

/**
 * Whether the document's empty lines are its blank cells, one a line: two rows or more short of
 * figures whose empty lines before and between their figures stand for exactly the cells they
 * lack, with each row's identities holding so (blanks as 0). Plain `pdftotext`, whose blank cells
 * leave no line and whose empty lines part blocks, seldom shows one such row, let alone two.
 */
export function linesAreCells(
  rows: readonly RowFigures[],
  spacing: LineSpacing,
  holds: RowContext['holds'],
): boolean {
  let shown = 0;
  for (const r of rows) {
    const k = r.figures.length;
    const n = cellCount(r.location);
    if (!r.lineLayout || k === 0 || k >= n || r.location.collapsed || spacedApart(r, spacing)) continue;
    const empties = gapEmpties(r, spacing);
    empties[k] = 0;
    if (sum(empties) !== n - k || !holds(r, placeAmong(r, empties), true)) continue;
    if (++shown >= 2) return true;
  }
  return false;
}

/**
 * The blank lines between a table's last row and what follows the table, where every table whose
 * last row its figures and the blank cells before them fill shows the same (undefined where none
 * does, or two differ): so the blank cells at the end of another table's last row are told from
 * the lines after the table (placeAtTableEnd).
 */
export function tableEndLines(
  rows: readonly RowFigures[],
  spacingOf: (r: RowFigures) => LineSpacing | null,
): number | undefined {
  let lines: number | undefined;
  for (const r of rows) {
    const spacing = spacingOf(r);
    if (r.endGap === null || !r.lineLayout || r.figures.length === 0 || !spacing) continue;
    if (r.figures.length + sum(gapEmpties(r, spacing)) !== cellCount(r.location)) continue;
    if (lines !== undefined && lines !== r.endGap) return undefined;
    lines = r.endGap;
  }
  return lines;
}

/**
 * The blank cells a row's gaps stand for (gapEmpties), the empty lines after its last figure
 * taken for blank cells only as far as its cells go: the rest are the next row's. A word
 * processor's text writes a cell a line and also each cell that a merged group label covers
 * (empty lines before the next row's label), so rows end with more empty lines than their
 * blank cells, as many more as the next row's groups.
 */
function rowEmpties(r: RowFigures, spacing: LineSpacing, n: number): number[] {
  const empties = gapEmpties(r, spacing);
  const k = r.figures.length;
  const left = n - k - (sum(empties) - (empties[k] as number));
  if (left >= 0 && (empties[k] as number) > left) empties[k] = left;
  return empties;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * The messages of the doubts that leave a row blank whatever it holds (`after-short` only for a
 * row with figures; `empty`, only for a row without, is told where it is read).
 */
const wholeRowDoubts: Partial<Record<NonNullable<RowLocation['doubtful']>, (row: string) => string>> = {
  any: (row) => `表格的行标签不按格式的顺序排列（阅读顺序文本），「${row}」的数字无法确定`,
  'after-short': (row) =>
    `上一行的数字少于单元格又无法定位，「${row}」的数字中可能有上一行的（行标签写在数字之间），无法确定`,
  run: (row) =>
    `「${row}」与相邻行的标签连写、其后的数字少于这些行的单元格（阅读顺序文本中空白单元格不留行），不知各是哪一行的，无法确定`,
  broken: (row) =>
    `「${row}」之后的数字中间隔着别的文字（阅读顺序文本中其后的数字可能是别的行或别的栏的），无法确定`,
  numbered: (row) =>
    `「${row}」之后的数字中间写着另一行的编号和文字（该行的标签折行，数字与之并排），其后的数字可能是那一行的，无法确定`,
  'after-missing': (row) =>
    `上一行未找到，表格中其他行的数字多于单元格（阅读顺序文本中行标签可能写在数字之后），「${row}」之后的数字中可能有上一行的，无法确定`,
  'damaged-after-missing': (row) =>
    `上一行未找到，「${row}」的行标签又与格式的写法不同或不在格式的位置上（阅读顺序文本中两行的标签可能逐字交错），其后的数字中可能有上一行的，无法确定`,
  'unlabelled-blank': (row) =>
    `「${row}」的数字按表格中最后的文字之后读，那里没有数字，而表头之后、它之前另有数字（下一部分的标题未找到时，其后的正文也算在表格之内），该表的数字可能是那些，无法确定`,
  'before-short': (row) =>
    `下一行的数字少于单元格，表格中又有行的数字多于单元格，「${row}」的数字中可能有下一行的（阅读顺序文本中下一行的数字可能写在其标签之前），无法确定`,
  'run-order': (row) =>
    `「${row}」与相邻行的标签连写，其后的数字按行依次分给这些行时勾稽关系不成立（阅读顺序文本中表格可能逐列给出），不知各是哪一行的，无法确定`,
  stray: (row) =>
    `表格中有不在任何行之后的数字（阅读顺序文本中行标签可能写在数字之后），「${row}」的数字无法确定`,
  commas: (row) =>
    `「${row}」以逗号分隔的数字中，逗号既可能分隔单元格，也可能是千位分隔符，表格的结构不能确定是哪一种，无法确定`,
};

const shortAmongOverfull = (row: string, k: number, n: number, printed: string) =>
  `「${row}」只有 ${k} 个数字（${printed}），少于 ${n} 个单元格，而表格中其他行的数字多于单元格，该行其余的数字可能写在别处，哪几格空白无法确定`;

/** The messages of the doubts that keep a row with no figures from being read as blank. */
const emptyRowDoubts: Partial<Record<NonNullable<RowLocation['doubtful']>, (row: string) => string>> = {
  empty: (row) => `「${row}」后没有数字，表格中其他行的数字多于单元格，该行的数字可能写在别处，无法确定`,
  'after-broken': (row) =>
    `「${row}」后没有数字，上一行之后的数字中间隔着别的文字，其中可能有该行的数字（行标签写在数字之后），无法确定`,
  'after-short': (row) =>
    `「${row}」后没有数字，上一行的数字少于单元格又无法定位，其中可能有该行的数字（行标签写在数字之后），无法确定`,
  'after-doubted': (row) =>
    `「${row}」后没有数字，上一行的数字不知是哪一行的，其中可能有该行的数字（行标签写在数字之后），无法确定`,
  'after-empty': (row) =>
    `「${row}」后没有数字，上一行也没有数字、其数字可能写在前面，其中也可能有该行的数字（行标签写在数字之后），无法确定`,
  damaged: (row) =>
    `「${row}」后没有数字，该行的行标签与格式的写法不同，不能确定它从哪里开始，该行的数字可能写在前面，无法确定`,
};

/**
 * Places k figures among n cells from the blank lines around them; null when the gaps don't say.
 * Where the empty lines after the row are more than the blank cells it lacks at its end (the rest
 * taken for the next row's, see rowEmpties), the identities within the row must hold so, when
 * `holds` is given: a cell lost rather than left blank would put the figures after it one cell
 * early.
 */
export function placeByGaps(
  r: RowFigures,
  n: number,
  spacing: LineSpacing,
  holds?: RowContext['holds'],
): (Figure | null)[] | null {
  const k = r.figures.length;
  const empties = rowEmpties(r, spacing, n);
  if (sum(empties) !== n - k || spacedApart(r, spacing)) return null;
  const placed = placeAmong(r, empties);
  const tail = empties[k] as number;
  if (holds && tail > 0 && gapEmpties(r, spacing)[k] !== tail && !holds(r, placed, false)) return null;
  return placed;
}

/**
 * Cells on consecutive lines, and this row's figures each one blank line apart, the first from its
 * label too: a blank cell before every figure, or lines set apart as the rest are not (plain
 * `pdftotext` separates some blocks, after a page break, with blank lines)? Not placed. (A first
 * figure further from its label, 「_ _ 4 _ 0 _ 4」, is not such a block.)
 */
const spacedApart = (r: RowFigures, spacing: LineSpacing): boolean =>
  spacing.cell === 0 && r.figures.length >= 3 && r.gaps.every((g) => g === 1);

/** The row's figures with `empties[i]` blank cells before the i-th (after the last at the end). */
function placeAmong(r: RowFigures, empties: readonly number[]): (Figure | null)[] {
  const placed: (Figure | null)[] = [];
  empties.forEach((e, i) => {
    for (let j = 0; j < e; j++) placed.push(null);
    if (i < r.figures.length) placed.push(r.figures[i] as Figure);
  });
  return placed;
}

/**
 * A table's last row short of figures at its end, where blank lines stand for blank cells: its
 * figures placed from its label on, and the cells it lacks blank, where the empty lines after it
 * are the document's lines after a table (tableEndLines) and one blank cell's each, exactly, and
 * the identities within the row hold so (`holds`): a cell lost rather than left blank would put
 * the figures after it one cell early, which breaks them (where the document does not show its
 * empty lines are cells, they must break). Null otherwise.
 */
function placeAtTableEnd(
  r: RowFigures,
  n: number,
  spacing: LineSpacing,
  holds: RowContext['holds'],
): (Figure | null)[] | null {
  if (r.endGap === null || spacing.tableEnd === undefined || spacedApart(r, spacing)) return null;
  const k = r.figures.length;
  const empties = gapEmpties(r, spacing);
  const left = n - k - sum(empties);
  if (left <= 0 || r.endGap - spacing.tableEnd !== left * (spacing.cell + 1)) return null;
  empties[k] = left;
  const placed = placeAmong(r, empties);
  if (!holds(r, placed, true)) return null;
  if (spacing.cellsShown) return placed;
  // Where the document doesn't show its empty lines are cells (plain `pdftotext`: a blank cell
  // leaves no line, an empty line parts blocks), the identities must tell the place: the cells
  // lost before any figure instead would break them (a row of 0s is placed nowhere).
  for (let i = 0; i < k; i++) {
    const moved = [...empties];
    moved[k] = 0;
    moved[i] = (moved[i] as number) + left;
    if (holds(r, placeAmong(r, moved), true)) return null;
  }
  return placed;
}

interface CellLists {
  keys: string[];
  types: CellType[];
  numbers: readonly number[];
}

const cellLists = new WeakMap<readonly CellSpec[], CellLists>();

/**
 * A row's cell keys, types and key numbers (made once a row of the format; readings share them,
 * and nothing changes them).
 */
function listsOf(cells: readonly CellSpec[]): CellLists {
  let lists = cellLists.get(cells);
  if (!lists) {
    lists = {
      keys: cells.map((c) => c.key),
      types: cells.map((c) => c.type),
      numbers: cells.map((c) => keyNumber(c.key)),
    };
    cellLists.set(cells, lists);
  }
  return lists;
}

/** What the document tells a row's reading (see readRow). */
export interface RowContext {
  /** The blank-line spacing of the row's table (one-cell-per-line layouts), if learnt. */
  spacing: LineSpacing | null;
  /** The tables' figures run together (see figuresRunTogether). */
  glued: boolean;
  /**
   * The row's figures placed in the columns that the layout lines up (asked only for a row short
   * of figures, on one line): null where they can't be told.
   */
  byColumns: () => (Figure | null)[] | null;
  /**
   * The row's figures placed in a row of cells that keeps its empty ones (tab-separated text),
   * asked first for a row short of figures: null where the cells don't say.
   */
  byCells: () => (Figure | null)[] | null;
  /**
   * A row of the document whose figures, run together, are too few digits to fill its cells: the
   * tables leave cells blank, which leave no trace where figures run together.
   */
  blanksShown: RowFigures | undefined;
  /**
   * Whether the format's identities within the row hold with its figures so placed (see
   * placeByGaps, placeAtTableEnd); `strict`: blank cells count as 0, and the row must have some.
   */
  holds: (r: RowFigures, placed: readonly (Figure | null)[], strict: boolean) => boolean;
}

/**
 * Turns a row's figures into its possible readings, reporting what can be told from the row
 * alone: blank cells, units, figures that don't fit, too many or too few figures.
 */
export function readRow(r: RowFigures, file: SourceFile, context: RowContext): RowReading {
  const { spacing, glued, byColumns, byCells, blanksShown, holds } = context;
  const { location } = r;
  const cells = location.collapsed ? (location.collapsed[0]?.cells ?? []) : location.row.cells;
  const { keys, types, numbers } = listsOf(cells);
  const n = types.length;
  const first = r.figures[0]?.token;
  // Where the row's findings point (made only for a finding).
  const rowToken = first ?? r.labelToken ?? r.lookedAt;
  let printed = '';
  for (let i = 0; i < r.figures.length; i++)
    printed += i === 0 ? (r.figures[0] as Figure).text : ` ${(r.figures[i] as Figure).text}`;
  const rowName = rowLabel(location);
  const reading: RowReading = {
    location,
    keys,
    numbers,
    types,
    candidates: [],
    printed,
    token: first,
    runs: undefined,
    splitUnique: false,
  };
  const allNull = (): (number | null)[] => types.map(() => null);

  for (const unit of r.units)
    file.info('assemble.unit', `「${rowName}」写明单位「${unit.text}」，数字按原样记录`, {
      place: pointOf(unit),
      keys: cells.filter((c) => c.type === 'decimal').map((c) => c.key),
    });

  // A row whose figures can't be told whatever it holds (see RowLocation.doubtful).
  const doubt = location.doubtful;
  // Named already: with the figures after its table that may be its own (see stray-figures.ts), or
  // for a figure that may be a page number (see page-numbers.ts).
  if (doubt === 'stray-after') {
    reading.candidates = [allNull()];
    return expandCollapsed(reading, r, file);
  }
  // A short row of a table another row of which holds more figures than its cells (`empty`,
  // reading-order text whose labels stand away from their figures): its other figures may be
  // among those, and which of its cells it fills can't be told (a row of cells that keeps its
  // empty ones, a grid's or tab-separated text's, can).
  const shortAmong = doubt === 'empty' && r.figures.length > 0 && r.figures.length < n && byCells() === null;
  const whyNot = shortAmong
    ? shortAmongOverfull(rowName, r.figures.length, n, printed)
    : (doubt === 'after-short' ||
          doubt === 'after-broken' ||
          doubt === 'after-doubted' ||
          doubt === 'after-empty') &&
        r.figures.length === 0
      ? undefined
      : doubt && wholeRowDoubts[doubt]?.(rowName);
  if (whyNot) {
    file.error('assemble.row-shape', whyNot, {
      place: pointOf(rowToken),
      keys: reading.keys,
      actual: printed,
      expected: `${n} 个单元格`,
    });
    reading.candidates = [allNull()];
    return expandCollapsed(reading, r, file);
  }

  let placed: (Figure | null)[] | null = null;
  if (r.figures.length === n) placed = r.figures;
  else if (r.figures.length < n)
    placed =
      (location.collapsed ? null : byCells()) ??
      (r.lineLayout && spacing
        ? (placeByGaps(r, n, spacing, holds) ??
          (location.collapsed ? null : placeAtTableEnd(r, n, spacing, holds)))
        : !glued && !location.collapsed
          ? byColumns()
          : null);

  if (placed) {
    const values: (number | null)[] = [];
    const blanks: string[] = [];
    const bad: string[] = [];
    placed.forEach((f, i) => {
      const key = cells[i]?.key as string;
      if (!f || f.kind === 'blank') {
        values.push(null);
        blanks.push(key);
        return;
      }
      const value = parseLoose(f.text);
      // A count of several digits never starts with 0: such a figure is not read with certainty.
      if (value === null || zeroLed(f.text)) {
        values.push(null);
        bad.push(key);
        file.error('assemble.bad-figure', `「${rowName}」中的「${f.text}」不是有效的数字`, {
          place: pointOf(f.token),
          keys: [key],
          actual: f.text,
        });
        return;
      }
      const cell = cells[i];
      if (f.unit && cell?.unit && unitFactor[f.unit] && unitFactor[cell.unit]) {
        // Written in another unit than the format's (「120000元」 in a 万元 cell): converted.
        const converted = rescale(value, unitFactor[f.unit] as number, unitFactor[cell.unit] as number);
        file.info(
          'assemble.unit',
          `「${rowName}」写作「${f.text}${f.unit}」，按表格单位「${cell.unit}」记为 ${converted}`,
          { place: pointOf(f.token), keys: [key], actual: `${f.text}${f.unit}` },
        );
        values.push(converted);
        return;
      }
      if (f.unit)
        file.info('assemble.unit', `「${rowName}」写明单位「${f.unit}」，数字按原样记录`, {
          place: pointOf(f.token),
          keys: [key],
        });
      values.push(value);
    });
    if (blanks.length > 0)
      file.warn('assemble.blank-cell', `「${rowName}」有 ${blanks.length} 个单元格空白，记为空值`, {
        place: pointOf(rowToken),
        keys: blanks,
      });
    reading.candidates = [values];
    return expandCollapsed(reading, r, file);
  }

  // A row with no figures whose own may stand elsewhere (see RowLocation.doubtful): not blank.
  const whyNotBlank =
    r.figures.length === 0 && location.doubtful ? emptyRowDoubts[location.doubtful] : undefined;
  if (whyNotBlank) {
    file.error('assemble.row-shape', whyNotBlank(rowName), {
      place: pointOf(rowToken),
      keys: reading.keys,
      expected: `${n} 个单元格`,
    });
    reading.candidates = [allNull()];
    return expandCollapsed(reading, r, file);
  }
  if (r.figures.length === 0) {
    file.warn('assemble.blank-cell', `「${rowName}」没有填写数字，${n} 个单元格记为空值`, {
      place: pointOf(rowToken),
      keys: reading.keys,
    });
    reading.candidates = [allNull()];
    return expandCollapsed(reading, r, file);
  }

  if (
    r.figures.length > n ||
    r.figures.some((f) => f.kind === 'blank') ||
    !glued ||
    spreadApart(r) ||
    ownCells(r)
  ) {
    file.error(
      'assemble.row-shape',
      r.figures.length > n
        ? `「${rowName}」应有 ${n} 个数字，读到 ${r.figures.length} 个（${printed}），无法确定对应关系`
        : `「${rowName}」应有 ${n} 个数字，只读到 ${r.figures.length} 个（${printed}），缺少的单元格无法确定`,
      { place: pointOf(rowToken), keys: reading.keys, actual: printed, expected: `${n} 个单元格` },
    );
    reading.candidates = [allNull()];
    return expandCollapsed(reading, r, file);
  }

  // Figures run together in a document whose tables leave cells blank: a cut may put a figure
  // where a blank cell was (「0000011」 as 0 0 0 0 0 1 1, where 0 0 0 0 _ 0 11 was written),
  // unless the runs can't be cut into fewer figures (「0000000」).
  const runs: string[] = [];
  for (const f of r.figures) runs.push(f.text);
  if (blanksShown && blanksShown !== r && fewerFiguresFit(runs, n)) {
    file.error(
      'assemble.split-blank',
      `「${rowName}」的数字「${printed}」连在一起，而表格中有空白单元格（「${rowLabel(blanksShown.location)}」的数字不够填满各格），空白单元格在连写的数字中不留痕迹，无法确定`,
      { place: pointOf(rowToken), keys: reading.keys, actual: printed, expected: `${n} 个单元格` },
    );
    reading.candidates = [allNull()];
    return expandCollapsed(reading, r, file);
  }

  // Fewer runs than cells: the figures are run together. A cut that is the only one by the rules
  // of counts is read at once; otherwise the solver cuts the runs against the identities.
  // (Pushed onto a literal: every row's runs are one kind of array for the split walks.)
  const probe = splitRuns(runs, types, 4000, location.collapsed ? Number.POSITIVE_INFINITY : 2);
  if ((probe.truncated && location.collapsed) || (!probe.truncated && probe.candidates.length === 0)) {
    file.error(
      'assemble.row-shape',
      probe.truncated
        ? `「${rowName}」的数字「${printed}」连在一起，可能的拆分方式过多，无法确定`
        : `「${rowName}」的数字「${printed}」无法拆分为 ${n} 个单元格`,
      { place: pointOf(rowToken), keys: reading.keys, actual: printed, expected: `${n} 个单元格` },
    );
    reading.candidates = [allNull()];
    return expandCollapsed(reading, r, file);
  }
  if (probe.candidates.length === 1 && !probe.truncated) {
    reading.candidates = probe.candidates;
    reading.splitUnique = true;
    return expandCollapsed(reading, r, file);
  }
  if (location.collapsed) {
    reading.candidates = probe.candidates;
    return expandCollapsed(reading, r, file);
  }
  reading.runs = runs;
  return reading;
}

/**
 * A group printed as one row stands for several rows: where its figure is 0, every row of the
 * group is 0 in that column; any other figure can't be shared out, so those cells are blank.
 */
function expandCollapsed(reading: RowReading, r: RowFigures, file: SourceFile): RowReading {
  const rows = reading.location.collapsed;
  if (!rows) return reading;
  const keys = rows.flatMap((row) => row.cells.map((c) => c.key));
  const types = rows.flatMap((row) => row.cells.map((c) => c.type));
  const name = reading.location.row.path.at(-2)?.official ?? '';
  const expanded = reading.candidates.map((values) =>
    rows.flatMap(() => values.map((v) => (v === 0 ? 0 : null))),
  );
  const unsettled = keys.filter((_, i) => expanded.some((values) => values[i] === null));
  if (unsettled.length > 0)
    file.error(
      'assemble.collapsed-group',
      `「${name}」只填了一行合计（旧格式），不能分到各子项，相关单元格记为空值`,
      { place: pointOf(r.figures[0]?.token), keys: unsettled },
    );
  return { ...reading, keys, numbers: keys.map(keyNumber), types, candidates: expanded };
}
