/**
 * Tables in reading-order text (plain `pdftotext`, the text portals serve): each cell on its own
 * line, but a row label the PDF drew in a tall merged cell comes out after its figures or far
 * from them, and group labels wrapped down the page (「三、|本|年|度|办|理」) stand between rows.
 * There the table is a stream of labels and groups of figures. The format's row order is known,
 * so the groups are aligned to it with the labels as anchors: a label followed by figures is
 * that row's; further groups after it belong, in order, to the rows the format puts next whose
 * labels stand elsewhere, and only when their number fits exactly.
 */
import type { IdentitySpec, RowSpec, TablePartSpec, TableSpec } from '../spec/types.js';
import { columnLeaves, findRow, numberingOffset } from './rows.js';
import { parseLoose } from './split.js';
import type { LabelMatch, TokenStream } from './stream.js';
import type { Token } from './tokens.js';

/** A blank mark that is a CJK character (「无」「空」): it may be a character of words. */
const cjkMark = /[\u4e00-\u9fff]/;

/**
 * A figure or a blank mark; a CJK blank mark only where it stands apart, alone on its line with a
 * blank line before it and after it (each cell of reading-order text a block of its own), not a
 * character of words: 「无」 of a group label written down the page one character a line
 * (「（四）|无|法|提|供」) has no blank line between its characters.
 */
function isFigureAt(stream: TokenStream, k: number): boolean {
  const t = stream.tokens[k];
  if (t === undefined || t.kind === 'text') return false;
  if (t.kind === 'num' || !cjkMark.test(t.text)) return true;
  if (!t.first || !t.last || t.gap === 0) return false;
  const next = stream.tokens[k + 1];
  return next === undefined || (next.first && next.gap > 0);
}

interface Occurrence {
  row: number;
  match: LabelMatch;
  /** First token of the label with its numbering (「1.」). */
  first: number;
}

/**
 * Every place in [start, end) where a row's label is written, longest first where two overlap.
 * Null when one place is claimed by two rows alike (the labels then don't tell).
 */
function occurrences(
  stream: TokenStream,
  rows: readonly RowSpec[],
  start: number,
  end: number,
): Occurrence[] | null {
  const all: Occurrence[] = [];
  rows.forEach((row, index) => {
    for (let at = start; at < end; ) {
      const match = findRow(stream, row, at, end);
      if (!match) break;
      const numbering = numberingOffset(stream, row, match);
      const first =
        numbering === null ? match.firstToken : Math.min(match.firstToken, stream.tokenAt(numbering));
      all.push({ row: index, match, first });
      at = match.end;
    }
  });
  all.sort((a, b) => a.match.start - b.match.start || b.match.end - a.match.end);
  const kept: Occurrence[] = [];
  for (const o of all) {
    const last = kept.at(-1);
    if (last && o.match.start < last.match.end) {
      // Inside a longer label: not a label of its own.
      if (o.match.end <= last.match.end && o.match.end - o.match.start < last.match.end - last.match.start)
        continue;
      return null;
    }
    kept.push(o);
  }
  return kept;
}

/** Where the alignment puts one row: its figures' token range (empty for a blank row). */
export interface Placed {
  row: RowSpec;
  part: TablePartSpec;
  label: LabelMatch;
  from: number;
  to: number;
}

/**
 * Aligns a table part's figure groups to its rows in reading-order text. Returns null (and the
 * rows are read as before) unless every figure stands alone on its line, every group lands on one
 * row by the rules above, no group is left over, and the identities whose cells all came from
 * whole groups hold. A row placed is either a whole group, a group short of figures right after
 * its own label (blank cells leave no line), or blank (its label alone, in its place).
 */
export function alignReadingOrder(
  stream: TokenStream,
  table: TableSpec,
  start: number,
  end: number,
  identities: readonly IdentitySpec[],
): { rows: Placed[]; end: number } | null {
  if (table.parts.length !== 1) return null;
  const part = table.parts[0] as TablePartSpec;
  const rows = part.rows;
  const n = rows[0]?.cells.length ?? 0;
  if (n < 2 || rows.some((r) => r.path.length === 0 || r.cells.length !== n)) return null;
  const found = occurrences(stream, rows, start, end);
  if (!found || found.length === 0) return null;
  return (
    alignByGroups(stream, part, n, found, start, end, identities) ??
    alignFull(stream, part, n, found, start, end, identities)
  );
}

/**
 * One part of a table of several (the items of table 二) in reading-order text, in its stretch of
 * the stream (from its caption to the next part's): aligned as a full part (see `alignFull`).
 */
export function alignPart(
  stream: TokenStream,
  part: TablePartSpec,
  start: number,
  end: number,
  identities: readonly IdentitySpec[],
): { rows: Placed[]; end: number } | null {
  const rows = part.rows;
  const n = rows[0]?.cells.length ?? 0;
  if (n < 1 || rows.some((r) => r.path.length === 0 || r.cells.length !== n)) return null;
  const found = occurrences(stream, rows, start, end);
  if (!found || found.length === 0) return null;
  return alignFull(stream, part, n, found, start, end, identities);
}

/**
 * The labels of a table of several parts (the items of table 二) written as one column before the
 * first part's caption, every row's once, in the format's order, and no figure among them: plain
 * `pdftotext` gives the table's first column whole (「信息内容|规章|规范性文件|信息内容|行政许可|…」),
 * then each part's caption, column headers and figures. Each part's rows' labels, or null.
 */
export function labelColumn(
  stream: TokenStream,
  parts: readonly TablePartSpec[],
  start: number,
  firstCaption: number,
): Map<TablePartSpec, LabelMatch[]> | null {
  const column = new Map<TablePartSpec, LabelMatch[]>();
  let at = start;
  let first = -1;
  for (const part of parts) {
    const labels: LabelMatch[] = [];
    for (const row of part.rows) {
      const match = findRow(stream, row, at, firstCaption);
      if (!match) return null;
      if (first === -1) first = match.firstToken;
      labels.push(match);
      at = match.end;
    }
    column.set(part, labels);
  }
  for (let k = first, stop = stream.tokenAt(firstCaption); k < stop; k++)
    if (isFigureAt(stream, k)) return null;
  return column;
}

/**
 * One part of a table whose labels stand in a column before the captions (see `labelColumn`),
 * aligned in its stretch of the stream (from its caption to the next part's): its caption, its
 * column headers, then its figures, exactly one for each cell, one after another with nothing
 * between, each alone on its line (figures may share one), taken row by row (see `rowsByRuns`).
 */
export function alignUnderCaption(
  stream: TokenStream,
  part: TablePartSpec,
  start: number,
  end: number,
  labels: readonly LabelMatch[],
): { rows: Placed[]; end: number } | null {
  const rows = part.rows;
  const n = rows[0]?.cells.length ?? 0;
  if (n < 1 || labels.length !== rows.length || rows.some((r) => r.cells.length !== n)) return null;
  const figures: number[] = [];
  for (let k = stream.tokenAt(start), stop = stream.tokenAt(end); k < stop; k++) {
    const t = stream.tokens[k] as Token;
    if (!isFigureAt(stream, k)) continue;
    if (t.kind === 'num' ? !onlyFigures(stream, k) : !(t.first && t.last)) return null;
    // One after another: nothing else between the part's figures.
    if (figures.length > 0 && k !== (figures.at(-1) as number) + 1) return null;
    figures.push(k);
  }
  if (figures.length !== rows.length * n || !rowsByRuns(stream, figures, n)) return null;
  // The part's column headers between its caption and its figures.
  const firstFigure = stream.offsetOf(figures[0] as number);
  if (!columnLeaves(part).every((leaf) => stream.find(leaf, start, firstFigure))) return null;
  const placed = rows.map((row, r) => ({
    row,
    part,
    label: labels[r] as LabelMatch,
    from: figures[r * n] as number,
    to: (figures[r * n + n - 1] as number) + 1,
  }));
  return { rows: placed, end: (figures.at(-1) as number) + 1 };
}

/** The figure tokens after each label, up to the next label (or the end). */
function segmentsOf(stream: TokenStream, found: readonly Occurrence[], end: number): number[][] {
  const endToken = stream.tokenAt(end);
  return found.map((o, i) => {
    const stop = found[i + 1]?.first ?? endToken;
    const figures: number[] = [];
    for (let k = o.match.endToken; k < stop; k++) {
      if (isFigureAt(stream, k)) figures.push(k);
    }
    return figures;
  });
}

/** The table's end: after its last figure or its last label, whichever stands later. */
function tableEnd(found: readonly Occurrence[], figures: readonly (readonly number[])[]): number {
  let last = Number.NEGATIVE_INFINITY;
  for (const o of found) if (o.match.endToken > last) last = o.match.endToken;
  for (const s of figures) for (const k of s) if (k + 1 > last) last = k + 1;
  return last;
}

/** The alignment by anchors and groups (see `alignReadingOrder`). */
function alignByGroups(
  stream: TokenStream,
  part: TablePartSpec,
  n: number,
  found: readonly Occurrence[],
  start: number,
  end: number,
  identities: readonly IdentitySpec[],
): { rows: Placed[]; end: number } | null {
  const rows = part.rows;

  const segments = segmentsOf(stream, found, end);
  // Reading order only: each figure alone on its line.
  for (const s of segments)
    for (const k of s) {
      const t = stream.tokens[k];
      if (!t?.first || !t.last) return null;
    }
  // Figures before the first label: labels may follow their figures throughout; don't guess.
  for (let k = stream.tokenAt(start); k < (found[0] as Occurrence).first; k++) {
    const t = stream.tokens[k];
    if (t && isFigureAt(stream, k) && t.first && t.last) return null;
  }

  const placed: (Placed | null)[] = rows.map(() => null);
  const put = (index: number, label: LabelMatch, from: number, to: number): boolean => {
    if (placed[index]) return false;
    placed[index] = { row: rows[index] as RowSpec, part, label, from, to };
    return true;
  };
  // Anchors: labels followed by figures, in the format's order.
  const anchors: { o: Occurrence; i: number }[] = [];
  for (let i = 0; i < found.length; i++)
    if ((segments[i] as number[]).length > 0) anchors.push({ o: found[i] as Occurrence, i });
  if (anchors.length === 0) return null;
  const first = anchors[0] as { o: Occurrence; i: number };
  // Rows before the first anchor: blank, their labels written before it.
  for (let r = 0; r < first.o.row; r++) {
    const o = found.slice(0, first.i).find((x) => x.row === r);
    if (!o || !put(r, o.match, o.match.endToken, o.match.endToken)) return null;
  }
  /** Where a row's label is first written (for a row given a group away from its label). */
  const labelOf = new Map<number, LabelMatch>();
  for (const o of found) if (!labelOf.has(o.row)) labelOf.set(o.row, o.match);
  const whole: number[] = [];
  let moved = false;
  let failed = false;

  for (const [a, { o, i }] of anchors.entries()) {
    const figures = segments[i] as number[];
    const next = anchors[a + 1];
    const nextRow = next ? next.o.row : rows.length;
    if (nextRow <= o.row) return null;
    const between = found.slice(i + 1, next ? next.i : found.length);
    const rowsBetween: number[] = [];
    for (let r = o.row + 1; r < nextRow; r++) rowsBetween.push(r);
    // Rows whose labels are not written before the next anchor: their figures must be here.
    const away = rowsBetween.filter((r) => !between.some((x) => x.row === r));
    let takers: number[];
    if (figures.length % n !== 0) {
      // A row short of figures (blank cells leave no line): read alone, as before.
      if (figures.length > n || (next && away.length > 0)) return null;
      if (!put(o.row, o.match, figures[0] as number, (figures.at(-1) as number) + 1)) return null;
      takers = [];
    } else {
      const extra = figures.length / n - 1;
      // Up to the next anchor the count must fit exactly: the rows whose labels stand elsewhere
      // (the rows written between then blank), or else every row between (labels written after
      // their figures). Past the last anchor the groups go to the rows right after.
      if (!next) {
        if (rowsBetween.length < extra) return null;
        takers = rowsBetween.slice(0, extra);
      } else if (away.length === extra) takers = away;
      else if (rowsBetween.length === extra) takers = rowsBetween;
      else return null;
      if (extra > 0 && !rowsByRuns(stream, figures, n)) return null;
      [o.row, ...takers].forEach((index, g) => {
        const label = g === 0 ? o.match : labelOf.get(index);
        if (!label || !put(index, label, figures[g * n] as number, (figures[g * n + n - 1] as number) + 1))
          failed = true;
        whole.push(index);
        if (g > 0) moved = true;
      });
    }
    // The other rows between are blank, at their labels; not one whose label runs straight into
    // the next anchor's (a blank cell leaves no line: the figures after may be partly its).
    for (const r of rowsBetween) {
      if (takers.includes(r)) continue;
      const label = between.find((x) => x.row === r)?.match ?? labelOf.get(r);
      if (!label || !put(r, label, label.endToken, label.endToken)) return null;
    }
    const lastBlank = between.at(-1);
    if (
      next &&
      lastBlank &&
      !takers.includes(lastBlank.row) &&
      labelsClose(stream, lastBlank.match, next.o.match)
    )
      return null;
    if (failed) return null;
  }
  if (placed.some((p) => p === null)) return null;
  if (!identitiesHold(stream, placed as Placed[], whole, identities, moved)) return null;
  return { rows: placed as Placed[], end: tableEnd(found, segments) };
}

/**
 * The alignment of a full table (a figure in every cell, as a zero is written, not left empty)
 * whose labels the text scatters more than the groups allow: labels of several rows written one
 * after another before all their figures (a tall group cell's rows), or long ones put after the
 * table (plain `pdftotext` of a table LibreOffice or Word drew). The figures, each alone on its
 * line, are then the cells in the table's order, and only then: their number is exactly rows ×
 * columns; every row's label is written in the table; a label followed by figures is followed by
 * its own row's, or by those of the rows whose labels it closes a run of (labels with no figures
 * between them); each row's figures stand together; and the identities hold, across rows too.
 */
function alignFull(
  stream: TokenStream,
  part: TablePartSpec,
  n: number,
  found: readonly Occurrence[],
  start: number,
  end: number,
  identities: readonly IdentitySpec[],
): { rows: Placed[]; end: number } | null {
  const rows = part.rows;
  // Each row's label: its longest match (「（七）总计」, not the header's 「总计」).
  const labelOf = new Map<number, LabelMatch>();
  for (const o of found) {
    const known = labelOf.get(o.row);
    if (!known || o.match.end - o.match.start > known.end - known.start) labelOf.set(o.row, o.match);
  }
  if (labelOf.size !== rows.length) return null;
  // Every figure of the table, in order; each on a line of figures only (two cells drawn close
  // together may share a line). A label's numbering (「1.」) is none.
  const inLabel = new Set<number>();
  for (const o of found) for (let k = o.first; k < o.match.endToken; k++) inLabel.add(k);
  const figures: number[] = [];
  for (let k = stream.tokenAt(start), stop = stream.tokenAt(end); k < stop; k++) {
    const t = stream.tokens[k];
    if (!isFigureAt(stream, k) || inLabel.has(k)) continue;
    // (A blank mark alone on its line; figures may share one.)
    if (t?.kind === 'num' ? !onlyFigures(stream, k) : !(t?.first && t.last)) return null;
    figures.push(k);
  }
  if (figures.length !== rows.length * n) return null;
  if (!rowsByRuns(stream, figures, n)) return null;
  const position = new Map<number, number>();
  for (let i = 0; i < figures.length; i++) position.set(figures[i] as number, i);
  const segments = segmentsOf(stream, found, end);
  let anchors = 0;
  for (let i = 0; i < found.length; i++) {
    const first = (segments[i] as number[])[0];
    if (first === undefined) continue;
    anchors++;
    const at = position.get(first) as number;
    const row = (found[i] as Occurrence).row;
    const group = at / n;
    if (!Number.isInteger(group) || group > row) return null;
    // The rows from `group` up to this one: their labels written right before it, in order (a
    // label found by two of its keys counts once).
    let want = row - 1;
    for (let j = i - 1, last = row; j >= 0 && want >= group; j--) {
      const before = found[j] as Occurrence;
      if ((segments[j] as number[]).length > 0) break;
      if (before.row === last) continue;
      if (before.row !== want) return null;
      last = want--;
    }
    if (want >= group) return null;
  }
  // No identity names the part's cells (table 二): its labels must then stand in the format's order.
  const checked = touches(identities, part);
  if (
    checked ? anchors < Math.min(2, rows.length) : !inOrder(rows.map((_, r) => labelOf.get(r) as LabelMatch))
  )
    return null;
  const placed: Placed[] = [];
  for (let r = 0; r < rows.length; r++) {
    const from = figures[r * n] as number;
    const last = figures[r * n + n - 1] as number;
    // The row's figures together: nothing but its figures between them.
    if (last - from !== n - 1) return null;
    placed.push({ row: rows[r] as RowSpec, part, label: labelOf.get(r) as LabelMatch, from, to: last + 1 });
  }
  const all = rows.map((_, r) => r);
  if (checked && !identitiesHold(stream, placed, all, identities, true)) return null;
  return { rows: placed, end: tableEnd(found, [figures]) };
}

/**
 * Whether figures taken n at a time as rows (token indexes, in the rows' order) may be rows, by the
 * runs they stand in: figures on lines one right after another, no blank line between, where the
 * text sets other figures apart by one (plain `pdftotext` sets each block of the page apart by a
 * blank line). A run may be one row's figures after its label; but a table's rows set close
 * together come out column by column, each run one column's cells of those rows (「0|0|—」 then
 * 「—|0|0」: three rows' cells of two columns), which read n at a time are the rows transposed,
 * and right when the figures or blank marks agree, as rows of zeros do, so the identities cannot
 * tell. So a run of more than one figure must be exactly one row, after words (its label), not
 * after another figure: runs of one row each one after another are the same text as one column
 * each of a group of as many rows.
 */
function rowsByRuns(stream: TokenStream, figures: readonly number[], n: number): boolean {
  if (n < 2) return true;
  const tokens = stream.tokens;
  // Only where the text sets figures apart by blank lines: a text without them (as portals
  // serve it) writes every cell on the next line, and its runs tell nothing.
  let apart = false;
  for (let j = 1; j < figures.length && !apart; j++) {
    const k = figures[j] as number;
    apart =
      k === (figures[j - 1] as number) + 1 && (tokens[k] as Token).first && (tokens[k] as Token).gap > 0;
  }
  if (!apart) return true;
  for (let i = 0; i < figures.length; ) {
    const start = figures[i] as number;
    let j = i + 1;
    for (; j < figures.length; j++) {
      const k = figures[j] as number;
      const t = tokens[k] as Token;
      const previous = tokens[k - 1] as Token;
      // (The line right after: a line dropped between, a page's number, is a break too.)
      if (k !== (figures[j - 1] as number) + 1 || (t.first && (t.gap !== 0 || t.line !== previous.line + 1)))
        break;
    }
    const length = j - i;
    if (length > 1) {
      const before = tokens[start - 1];
      if (length !== n || i % n !== 0 || (before !== undefined && before.kind !== 'text')) return false;
    }
    i = j;
  }
  return true;
}

/** Whether some identity names a cell of the part. */
function touches(identities: readonly IdentitySpec[], part: TablePartSpec): boolean {
  const keys = new Set(part.rows.flatMap((r) => r.cells.map((c) => c.key)));
  return identities.some((i) => i.left.some((k) => keys.has(k)) || i.right.some((k) => keys.has(k)));
}

/** Whether the labels stand one after another, in the order given. */
function inOrder(labels: readonly LabelMatch[]): boolean {
  for (let i = 1; i < labels.length; i++)
    if ((labels[i] as LabelMatch).start < (labels[i - 1] as LabelMatch).end) return false;
  return true;
}

/**
 * Whether the next label follows a label with nothing but words between, on lines of their own
 * with no blank line before any (pieces of a group label written down the page, 「不予公|开」),
 * on one page (blank lines lost to a page break would say nothing): labels of a tall cell's rows
 * written one after another. (The next label's numbering, 「6.」, may start its line, and words
 * before that: a group label's piece set beside its rows.)
 */
export function labelsClose(stream: TokenStream, label: LabelMatch, next: LabelMatch): boolean {
  const tokens = stream.tokens;
  const at = next.firstToken;
  let lineStart = at > 0 && (tokens[at - 1] as Token).kind === 'num' ? at - 1 : at;
  // Words before it on its line: a piece of a group label beside the rows (「五） 2.重复申请」).
  while (lineStart > label.endToken && !(tokens[lineStart] as Token).first) {
    if ((tokens[lineStart - 1] as Token).kind !== 'text') break;
    lineStart--;
  }
  const page = (tokens[label.endToken - 1] as Token).page;
  if (!(tokens[lineStart] as Token).first) return false;
  for (let k = label.endToken; k <= lineStart; k++) {
    const t = tokens[k] as Token;
    if ((t.kind !== 'text' && k !== lineStart) || (t.first && t.gap !== 0) || t.page !== page) return false;
  }
  return true;
}

/** Whether the line of token `k` holds figures only (numbers, not a label's numbering). */
export function onlyFigures(stream: TokenStream, k: number): boolean {
  const tokens = stream.tokens;
  let a = k;
  while (!(tokens[a] as Token).first) a--;
  let b = k;
  while (!(tokens[b] as Token).last) b++;
  for (let i = a; i <= b; i++) if ((tokens[i] as Token).kind !== 'num') return false;
  return true;
}

/**
 * Whether every identity whose cells all lie in whole groups holds; when a group was placed away
 * from its label, at least one identity across rows must have been checked.
 */
function identitiesHold(
  stream: TokenStream,
  placed: readonly Placed[],
  whole: readonly number[],
  identities: readonly IdentitySpec[],
  moved: boolean,
): boolean {
  // The identities' cells by number, in typed arrays: no map of values made for each table.
  const index = identityIndex(identities);
  const size = index.keyOf.size;
  const known = new Uint8Array(size);
  const values = new Float64Array(size);
  const rowOf = new Int32Array(size);
  for (const row of whole) {
    const p = placed[row] as Placed;
    const numbers = cellNumbers(index, p.row);
    let c = 0;
    for (let k = p.from; k < p.to; k++) {
      const t = stream.tokens[k];
      if (t?.kind !== 'num' && !(t?.kind === 'blank' && isFigureAt(stream, k))) continue;
      // A blank cell: no value, so no identity with it is checked.
      const value = t.kind === 'blank' ? Number.NaN : parseLoose(t.text);
      if (value === null || c >= numbers.length) return false;
      const at = numbers[c++] as number;
      if (at === -1 || Number.isNaN(value)) continue;
      known[at] = 1;
      values[at] = value;
      rowOf[at] = row;
    }
  }
  let checked = 0;
  for (let i = 0; i < identities.length; i++) {
    const left = index.left[i] as Int32Array;
    const right = index.right[i] as Int32Array;
    if (!allKnown(known, left) || !allKnown(known, right)) continue;
    const first = left.length > 0 ? left[0] : right[0];
    const row = first === undefined ? -1 : (rowOf[first] as number);
    if (someElsewhere(rowOf, left, row) || someElsewhere(rowOf, right, row)) checked++;
    if (Math.abs(sumOf(values, left) - sumOf(values, right)) > 1e-6) return false;
  }
  return checked > 0 || !moved;
}

interface IdentityIndex {
  /** Number of each key some identity names. */
  keyOf: Map<string, number>;
  /** Each identity's sides as key numbers, in order. */
  left: Int32Array[];
  right: Int32Array[];
  /** For each row met, its cells' key numbers in order (-1 for a key no identity names). */
  rows: WeakMap<RowSpec, Int32Array>;
}

/** The row's cells as key numbers of the index, found once a row (not a lookup for each cell). */
function cellNumbers(index: IdentityIndex, row: RowSpec): Int32Array {
  let numbers = index.rows.get(row);
  if (!numbers) {
    numbers = Int32Array.from(row.cells, (cell) => index.keyOf.get(cell.key) ?? -1);
    index.rows.set(row, numbers);
  }
  return numbers;
}

const identityIndexes = new WeakMap<readonly IdentitySpec[], IdentityIndex>();

function identityIndex(identities: readonly IdentitySpec[]): IdentityIndex {
  let index = identityIndexes.get(identities);
  if (!index) {
    const keyOf = new Map<string, number>();
    const number = (key: string): number => {
      let at = keyOf.get(key);
      if (at === undefined) {
        at = keyOf.size;
        keyOf.set(key, at);
      }
      return at;
    };
    index = {
      keyOf,
      left: identities.map((i) => Int32Array.from(i.left, number)),
      right: identities.map((i) => Int32Array.from(i.right, number)),
      rows: new WeakMap(),
    };
    identityIndexes.set(identities, index);
  }
  return index;
}

function allKnown(known: Uint8Array, keys: Int32Array): boolean {
  for (let i = 0; i < keys.length; i++) if (known[keys[i] as number] === 0) return false;
  return true;
}

function someElsewhere(rowOf: Int32Array, keys: Int32Array, row: number): boolean {
  for (let i = 0; i < keys.length; i++) if (rowOf[keys[i] as number] !== row) return true;
  return false;
}

/** The keys' values added in order (as a reduce from 0 adds them). */
function sumOf(values: Float64Array, keys: Int32Array): number {
  let s = 0;
  for (let i = 0; i < keys.length; i++) s += values[keys[i] as number] as number;
  return s;
}
