import type { LabelSpec, RowSpec, TablePartSpec, TableSpec } from '../spec/types.js';
import { codeAt } from '../text/code-unit.js';
import { compact } from '../text/fold.js';
import { isFigureUnit } from './figure-units.js';
import { BLANK, type LabelMatch, labelKeys, NUM, type TokenStream } from './stream.js';
import type { Token } from './tokens.js';

/** Where one row of the format stands in the stream. */
export interface RowLocation {
  row: RowSpec;
  part: TablePartSpec;
  table: TableSpec;
  /** The row's own label (null for a row without a label). */
  label: LabelMatch | null;
  /** Token range holding the row's figures: [from, to). */
  from: number;
  to: number;
  /** Token index where the row's table ends. */
  tableEnd: number;
  /**
   * Reading-order text whose labels could not be aligned. `empty`: some row holds too many
   * figures, so a row with none is not read as blank (they may stand elsewhere); `any`: labels
   * stand out of the format's order, so no row's figures are told by the label before them;
   * `after-short`: the row has no figures and the row before it, one figure a line, has fewer
   * than its cells that no blank lines place, so figures read as that row's may be this one's
   * (a label written after its own figures); `stray`: figures in the table that no row holds (a
   * label written after its figures), so any row's figures may be another's; `run`: labels of
   * rows written one line after another, then fewer figures than their cells, any row's; `broken`:
   * figures, other words, more figures after the row's label; `numbered`: a later row's numbering
   * and words (「3.要求提供公开」), then figures, after the row's label (that row's label found
   * further on by its key: the figures may be its own); `after-broken`: the row has no figures and
   * the row before it is `broken` or `numbered` (its later figures may be this one's, the label
   * written after them); `after-doubted`: the row has no figures and the row before it, one figure
   * a line, holds figures that may be another row's (`after-short`, `run`): some may be this one's;
   * `after-empty`: the row has no figures and the row before it has none either and is doubted so
   * (`after-short`, `after-broken`, `after-doubted`, `after-empty`): the figures that may be that
   * row's, before its label, may be this one's too;
   * `commas`: a row of comma-separated values whose commas between figures may separate cells or
   * group thousands (see comma-rows.ts); `damaged`: the row has no figures and its label was found
   * only as damaged wording (see placeDamaged), so where it starts is unsure: its figures may stand
   * before the words taken for it (a group label's pieces among its lines); `stray-after`: the
   * row reads blank cells and figures that no row holds stand alone after its table, or
   * before it (see stray-figures.ts): they may be its own, so it is read as null (the finding
   * named there; so is a row whose figures hold a number alone on its line that may be its page's
   * number, see page-numbers.ts); `after-missing`: the row after one not found, in an
   * `empty` table, its figures one a line: they may be the lost row's (its label written after
   * them); `damaged-after-missing`: so, the row found only by damaged wording or out of the
   * format's place (the two labels spread and interleaved), its figures each ending a line;
   * `before-short`: in an `empty` table, the row's figures, one a line, fill its cells and the next
   * row's, one a line, fall short: that row's first may stand before its label, among these.
   */
  doubtful?:
    | 'empty'
    | 'any'
    | 'after-short'
    | 'stray'
    | 'run'
    | 'broken'
    | 'numbered'
    | 'after-broken'
    | 'after-doubted'
    | 'after-empty'
    | 'commas'
    | 'damaged'
    | 'stray-after'
    | 'after-missing'
    | 'damaged-after-missing'
    | 'run-order'
    | 'unlabelled-blank'
    | 'before-short';
  /** For a group printed as one row (2021 （六）其他处理 the 2019 way): the rows it stands for. */
  collapsed?: readonly RowSpec[];
}

/** The cells of a located row (of the first row of a collapsed group: the group's row of sums). */
export const cellCount = (r: RowLocation): number => r.collapsed?.[0]?.cells.length ?? r.row.cells.length;

/** The keys a located row reads: its cells', or every cell of the rows a collapsed group stands for. */
export const locationKeys = (r: RowLocation): string[] =>
  (r.collapsed ?? [r.row]).flatMap((row) => row.cells.map((c) => c.key));

/** What messages call a row: its own label, or its table's title for a row without one (table 四). */
export const rowLabel = (location: RowLocation): string =>
  location.row.path.at(-1)?.official ?? location.table.title;

export interface TableLocation {
  table: TableSpec;
  /** Offsets in the compact stream. */
  start: number;
  end: number;
  rows: RowLocation[];
  /** Rows of the format not found in the report. */
  missing: { row: RowSpec; part: TablePartSpec }[];
  /** Label variants met while locating rows. */
  variants: LabelMatch[];
  /** Rows whose label was damaged (characters dropped, doubled or changed), placed by row order. */
  damaged: { row: RowSpec; label: LabelMatch; distance: number }[];
  /**
   * Token index where the table's row labels end, when labels stand after its last figure
   * (reading-order text: a label drawn in a tall cell comes out after the figures).
   */
  labelsEnd?: number;
  /**
   * Tokens where a row of a grid that the format does not have starts (「合计 | 9」 after a row): its
   * figures are no row's (see beforeOtherRow).
   */
  otherRows: number[];
}

const officials = new WeakMap<LabelSpec, { compact: string; numberless: string }>();

/** A label's official wording, folded without whitespace, and without its numbering (「2.」). */
function officialOf(label: LabelSpec): { compact: string; numberless: string } {
  let cached = officials.get(label);
  if (!cached) {
    const folded = compact(label.official);
    cached = { compact: folded, numberless: folded.replace(/^[(]?\d+[.、,)]?/, '') };
    officials.set(label, cached);
  }
  return cached;
}

/** What may follow a row's numbering (「2.」「2、」「2,」). */
const numberingMarks = '.、,';

/**
 * Stream offset of the numbering digits (「2.」) written before a row's label, when the label's
 * key is preceded by its numbering and the label words before the key (「2.」+「其他法律…」).
 */
export function numberingOffset(stream: TokenStream, row: RowSpec, match: LabelMatch): number | null {
  const own = row.path.at(-1);
  if (!own || !row.numbering) return null;
  const official = officialOf(own).numberless;
  const lead = Math.max(0, official.indexOf(match.matched));
  // A few characters of slack: a label whose words before the key were damaged (one doubled).
  const text = stream.text;
  const from = Math.max(0, match.start - lead - 3);
  for (let at = match.start - 2; at >= from; at--) {
    if (text[at] === NUM && numberingMarks.includes(text[at + 1] as string)) {
      const token = stream.tokens[stream.tokenAt(at)];
      return token?.kind === 'num' && token.text.endsWith(row.numbering) ? at : null;
    }
  }
  return null;
}

export function findRow(stream: TokenStream, row: RowSpec, from: number, to: number): LabelMatch | null {
  const own = row.path.at(-1);
  if (!own) return null;
  let at = from;
  for (;;) {
    const match = stream.find(own, at, to);
    if (!match || !row.numberedKey || numberingOffset(stream, row, match) !== null)
      return match ? withLead(stream, row, match) : match;
    at = match.start + 1;
  }
}

/**
 * The label's first token moved back over the label's own words before its key, when they are
 * written there: so a label spread over a row with spaces between its characters
 * (「申 请 人 无 正 当 理 由…」) gives none of its characters (「无」, a blank mark alone) to
 * the row before.
 */
function withLead(stream: TokenStream, row: RowSpec, match: LabelMatch): LabelMatch {
  const own = row.path.at(-1);
  if (!own) return match;
  const official = officialOf(own).compact;
  const lead = official.slice(0, Math.max(0, official.indexOf(match.matched)));
  if (lead === '') return match;
  let k = match.firstToken;
  let written = stream.tokens[k]?.text.slice(0, match.start - stream.offsetOf(k)) ?? '';
  if (!lead.endsWith(written)) return match;
  // As far back as the words spell the lead: a piece of a group label may stand before it
  // (「处理  理 由 逾 期 不 补」, the label spread a character a token).
  let first = k;
  while (k > 0 && written.length < lead.length) {
    const t = stream.tokens[k - 1];
    if (!t || t.kind === 'num' || !lead.endsWith(t.text + written)) break;
    written = t.text + written;
    first = --k;
  }
  if (first === match.firstToken) return match;
  return { ...match, firstToken: first };
}

/**
 * A row's label whose key a run of figures cuts in two: a label wrapped in a tall cell, its figures
 * level with the line it breaks on (「4.无正当理由大量反  0  0  5 …」「复申请」), pieces of the group
 * labels wrapped beside it perhaps before or after them (「不予」「三、本年度」). Or cut by such
 * pieces alone, its figures on an earlier line (「1.申请人无正当  0 2 0 …」「其他处  理由逾期不补」
 * 「理  正、行政机关不」: 「逾期不补|理|正」). A piece may run into the tail's token (「逾期不  0 …」
 * 「其他处补正、…」). The key (not a variant) written whole around them, the first in [from, to); its
 * figures are the row's (`figuresInLabel`).
 */
function findCutRow(stream: TokenStream, row: RowSpec, from: number, to: number): LabelMatch | null {
  const own = row.path.at(-1);
  if (!own) return null;
  const groups = row.path.slice(0, -1).map((l) => officialOf(l).compact);
  const window = stream.text.slice(from, to);
  let best: LabelMatch | null = null;
  for (const key of labelKeys(own).keys) {
    const chars = [...key];
    for (let j = 1; j < chars.length; j++) {
      const head = chars.slice(0, j).join('');
      const tail = chars.slice(j).join('');
      for (let at = window.indexOf(head); at !== -1; at = window.indexOf(head, at + 1)) {
        const start = from + at;
        if (best && best.start <= start) break;
        // The head ends a token; figures and group label pieces, then the tail starts one.
        let k = stream.tokenAt(start + head.length - 1) + 1;
        if (stream.offsetOf(k) !== start + head.length) continue;
        let cut = 0;
        for (; k < stream.tokens.length; k++) {
          const token = stream.tokens[k] as Token;
          if (token.kind !== 'num' && token.kind !== 'blank' && !groups.some((g) => g.includes(token.text)))
            break;
          cut++;
        }
        // The tail starts a token, or follows a group label's piece written in the same one
        // (「其他处补正、行政机关不…」: the piece and the label's next line run together).
        let tailAt = stream.offsetOf(k);
        const glued = stream.tokens[k];
        if (glued?.kind === 'text' && !glued.text.startsWith(tail))
          for (let p = 1; p + tail.length <= glued.text.length && p <= 6; p++) {
            const piece = glued.text.slice(0, p);
            if (!groups.some((g) => g.includes(piece))) break;
            if (glued.text.startsWith(tail, p)) {
              tailAt += p;
              cut++;
              break;
            }
          }
        const end = tailAt + tail.length;
        if (cut === 0 || end > to || !stream.text.startsWith(tail, tailAt)) continue;
        const match: LabelMatch = {
          start,
          end,
          firstToken: stream.tokenAt(start),
          endToken: stream.tokenAt(end - 1) + 1,
          matched: key,
          variant: false,
        };
        if (!row.numberedKey || numberingOffset(stream, row, match) !== null)
          best = withLead(stream, row, match);
        break;
      }
    }
  }
  return best;
}

/**
 * Figures written inside a row's label, before the words its key is found in: a label wrapped in a
 * tall cell whose figures stand level with its first line (a cell aligned to the top, as Word sets
 * it by default), so that the lines read 「1.申请人无正当理由  0  3  0 …」「逾期不补正、行政机…」.
 * The label's words before the figures and those after them, up to the key, spell the label's
 * start exactly (its numbering aside), the words before the figures at least two characters of it.
 * Returns the label's first token (its numbering's, when written) and the first figure's, or null.
 */
function figuresInLabel(
  stream: TokenStream,
  row: RowSpec,
  match: LabelMatch,
): { first: number; figures: number } | null {
  const own = row.path.at(-1);
  if (!own || match.variant) return null;
  // A key cut by the figures (findCutRow).
  for (let at = match.start; at < match.end; at++)
    if (stream.text[at] === NUM || stream.text[at] === BLANK)
      return { first: match.firstToken, figures: stream.tokenAt(at) };
  const official = officialOf(own).compact;
  const keyAt = official.indexOf(match.matched);
  if (keyAt <= 0) return null;
  const prefix = official.slice(0, keyAt + match.matched.length);
  // A key cut by group label pieces alone (findCutRow) counts as written whole.
  const inStream = stream.text.slice(match.start, match.end);
  const key = inStream.length > match.matched.length ? match.matched : inStream;
  let tail = stream.text.slice(stream.offsetOf(match.firstToken), match.start) + key;
  if (tail.includes(NUM) || tail.includes(BLANK)) return null;
  // Pieces of the group labels wrapped beside it (「（六）」「其他处」「理」) may stand between.
  let k = match.firstToken - 1;
  for (; k >= 0 && stream.tokens[k]?.kind === 'text'; k--) {
    const text = (stream.tokens[k] as Token).text;
    if (!isGroupPiece(row, text)) tail = text + tail;
  }
  const last = k;
  while (k >= 0 && (stream.tokens[k]?.kind === 'num' || stream.tokens[k]?.kind === 'blank')) k--;
  const figures = k + 1;
  if (figures > last) return null;
  let written = '';
  let first = figures;
  // A blank mark that is a character of the label (「无」 of 「申 请 人 无 正 当」, spread a
  // character a token) spells it too.
  const spells = (t: Token | undefined): t is Token =>
    t?.kind === 'text' || (t?.kind === 'blank' && prefix.endsWith(t.text + written + tail));
  while (k >= 0 && spells(stream.tokens[k])) {
    const text = (stream.tokens[k] as Token).text;
    const next = text + written;
    if (prefix.endsWith(next + tail)) {
      written = next;
      first = k;
    }
    // So too between the figures and the words before them: a group label wrapped beside the row,
    // centred on its rows, may set a piece at the start of the figures' line (「3.要求提供公开」
    // 「（五）  0  0」「出版物」); the words before it are still the label's.
    else if (!isGroupPiece(row, text)) break;
    k--;
  }
  let words = 0;
  for (let i = 0; i < written.length; i++) if (isWordUnit(codeAt(written, i))) words++;
  if (words < 2) return null;
  const rest = prefix.slice(0, prefix.length - written.length - tail.length);
  if (rest === '') return { first, figures };
  // Only the numbering is left (「1」 of 「1.申请人…」), written as a figure before the words.
  const numbering = stream.tokens[first - 1];
  if (numbering?.kind === 'num' && numbering.text === rest.replace(/[.、,]$/, ''))
    return { first: first - 1, figures };
  return null;
}

/** Whether the text is a piece of one of the row's group labels (「（五）」「不予处」「理」 of 「（五）不予处理」). */
const isGroupPiece = (row: RowSpec, text: string): boolean =>
  row.path.slice(0, -1).some((l) => officialOf(l).compact.includes(text));

/**
 * A text token with words in it (CJK or Latin letters), as opposed to punctuation or figures.
 * Counted up to `minimum` by hand: matching every word character of a long token (a paragraph
 * of prose) made a string of each.
 */
function isWords(token: Token | undefined, minimum = 1): boolean {
  if (token?.kind !== 'text') return false;
  const text = token.text;
  let words = 0;
  for (let i = 0; i < text.length && words < minimum; i++) if (isWordUnit(codeAt(text, i))) words++;
  return words >= minimum;
}

/**
 * Where a grid row's range ends when a row the format does not have follows it (「行政强制 | 」
 * then 「合计 | 9」): at the first words of a later row of the same grid that holds figures. A
 * grid's cells are settled by position; the figures after another row's label are that row's,
 * not this one's (nor, taken for too many, the next row's, its label written after them). Words
 * in the label's own row are its rest or a unit.
 */
function beforeOtherRow(
  stream: TokenStream,
  row: RowSpec,
  part: TablePartSpec,
  label: LabelMatch,
  from: number,
  to: number,
): number {
  const last = label.endToken - 1;
  if (!stream.inGrid(last)) return to;
  const block = (stream.tokens[last] as Token).block;
  // Not tab-separated text, whose lines a wrapped label continues (「本机关不掌握相」「关政府信息 0 …」).
  const grid = stream.blocks[block];
  if (grid?.type === 'table' && grid.loose) return to;
  let at = -2;
  for (let k = from; k < to; k++) {
    const t = stream.tokens[k] as Token;
    if (t.block !== block || !isWords(t, 2) || isUnitOfFigure(stream, k)) continue;
    // The row's own label written again (「（七）总计」 after a header's 「总计」 taken for it), or
    // the header's words (repeated on a new page).
    if (ownLabel(row, t) || headerWords(part, t)) continue;
    if (at === -2) at = stream.gridRow(last);
    const other = at === -1 ? -1 : stream.gridRow(k);
    if (other <= at) continue;
    // A row of figures (not a header's second line, words only).
    for (
      let j = k + 1;
      j < to && (stream.tokens[j] as Token).block === block && stream.gridRow(j) === other;
      j++
    )
      if ((stream.tokens[j] as Token).kind === 'num') return k;
  }
  return to;
}

/** Whether the token is words of the part's column header, at any level (「申请人情况」「商业企业」). */
function headerWords(part: TablePartSpec, token: Token): boolean {
  const text = compact(token.text);
  return part.columns.some((c) => c.path.some((l) => labelKeys(l).keys.some((key) => text.includes(key))));
}

/** Whether the token holds a key of the row's own label. */
function ownLabel(row: RowSpec, token: Token): boolean {
  const own = row.path.at(-1);
  if (!own) return false;
  const text = compact(token.text);
  return labelKeys(own).keys.some((key) => text.includes(key));
}

/**
 * A unit written right after a figure, in its cell (「5件」「12万元」, see figure-units.ts): part of
 * the figure, not words of the table.
 */
export const isUnitOfFigure = (stream: TokenStream, k: number): boolean => {
  const token = stream.tokens[k];
  const before = stream.tokens[k - 1];
  return (
    token?.kind === 'text' &&
    !token.spaced &&
    before?.kind === 'num' &&
    before.line === token.line &&
    isFigureUnit(token.text)
  );
};

/** A CJK ideograph (U+4E00–U+9FFF) or a Latin letter. */
const isWordUnit = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

const leavesOf = new WeakMap<TablePartSpec, LabelSpec[]>();

/** The part's column labels (the last of each column's path), each once, in the columns' order. */
export function columnLeaves(part: TablePartSpec): LabelSpec[] {
  let leaves = leavesOf.get(part);
  if (!leaves) {
    leaves = [...new Set(part.columns.map((c) => c.path.at(-1)).filter((l) => l !== undefined))];
    leavesOf.set(part, leaves);
  }
  return leaves;
}

/**
 * End of the part's column header, when its column labels stand together in order (so that
 * prose before a table that mentions 「予以公开」 or 「规章」 is not taken for a row).
 */
export function headerEnd(stream: TokenStream, part: TablePartSpec, from: number, to: number): number | null {
  const leaves = columnLeaves(part);
  const window = 40 + leaves.length * 16;
  let at = from;
  while (at < to) {
    // The first leaf, in the columns' order, written anywhere in [at, to).
    let first: LabelMatch | null = null;
    for (const l of leaves) {
      first = stream.find(l, at, to);
      if (first) break;
    }
    if (!first) return null;
    let found = 0;
    let last = first;
    let cursor = first.start;
    for (const leaf of leaves) {
      const m = stream.find(leaf, cursor, Math.min(to, first.start + window));
      if (!m) continue;
      found++;
      last = m;
      cursor = m.end;
    }
    if (found * 2 >= leaves.length && found > 0) return last.end;
    at = first.end;
  }
  return null;
}

/**
 * Finds each row of the table in [start, end) of the compact stream, in the format's order. A
 * row's figures are the tokens between its label and the next row's label.
 */
export function locateTable(
  stream: TokenStream,
  table: TableSpec,
  start: number,
  end: number,
): TableLocation {
  const found: Found[] = [];
  const missing: { row: RowSpec; part: TablePartSpec }[] = [];
  const variants: LabelMatch[] = [];
  let cursor = start;
  for (const part of table.parts) {
    cursor = headerEnd(stream, part, cursor, end) ?? cursor;
    for (const row of part.rows) {
      if (row.path.length === 0) {
        found.push({ row, part, label: null, collapsed: undefined });
        continue;
      }
      const match = findRow(stream, row, cursor, end) ?? findCutRow(stream, row, cursor, end);
      if (match) {
        found.push({ row, part, label: match, collapsed: undefined });
        if (match.variant) variants.push(match);
        cursor = match.end;
        continue;
      }
      missing.push({ row, part });
    }
    // A collapsible group none of whose rows was found, but whose label is there: one row of sums.
    for (const group of part.collapsible ?? []) {
      const groupRows = part.rows.filter((r) => group.rows.includes(r.id));
      if (groupRows.some((r) => found.some((f) => f.row === r))) continue;
      const firstIndex = part.rows.indexOf(groupRows[0] as RowSpec);
      const previous = [...found].reverse().find((f) => part.rows.indexOf(f.row) < firstIndex && f.label);
      const next = found.find((f) => part.rows.indexOf(f.row) > firstIndex && f.label);
      const label = stream.find(group.label, previous?.label?.end ?? start, next?.label?.start ?? end);
      if (!label) continue;
      const at = found.indexOf(next as (typeof found)[number]);
      const entry: Found = { row: groupRows[0] as RowSpec, part, label, collapsed: groupRows };
      if (at === -1) found.push(entry);
      else found.splice(at, 0, entry);
      for (const r of groupRows) {
        const i = missing.findIndex((m) => m.row === r);
        if (i !== -1) missing.splice(i, 1);
      }
    }
  }

  const damaged = placeDamaged(stream, table, found, missing, start, end);
  const order = rowOrder(table);
  /** Whether a row of the format that was not found stands between rows `a` and `b`. */
  const lost = missing.length > 0 ? new Set(missing.map((m) => order.indexOf(m.row))) : null;
  const gapBetween = (a: RowSpec, b: RowSpec | undefined): boolean => {
    if (!lost) return false;
    const to = b ? order.indexOf(b) : order.length;
    for (let k = order.indexOf(a) + 1; k < to; k++) if (lost.has(k)) return true;
    return false;
  };

  const otherRows: number[] = [];
  const endToken = stream.tokenAt(end);
  const inside = found.map((f) => (f.label ? figuresInLabel(stream, f.row, f.label) : null));
  // Pushed onto a literal, not mapped (so too in tables.ts, prose.ts, solver.ts): V8 learns the
  // literal's element kind, so a table with no rows gets an array of the same shape, where `map`
  // over none gives another (and the reading code optimised for one is thrown away when the
  // other comes, then compiled again).
  const rows: RowLocation[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i] as Found;
    let next: Found | undefined;
    let nextInside: { first: number } | null = null;
    for (let k = i + 1; k < found.length && !next; k++)
      if ((found[k] as Found).label) {
        next = found[k];
        nextInside = inside[k] ?? null;
      }
    let from = f.label
      ? (inside[i]?.figures ?? f.label.endToken)
      : (found[i - 1]?.label?.endToken ?? stream.tokenAt(start));
    let to = next?.label ? (nextInside?.first ?? next.label.firstToken) : endToken;
    if (!f.label) {
      // A row without a label (table 四): the figures after the last words of the table
      // (punctuation such as a Markdown table's 「|」 or a heading's 「##」 is not words).
      // A unit in a figure's cell (「5件」) is no words either.
      while (
        to > from &&
        stream.tokens[to - 1]?.kind === 'text' &&
        (!isWords(stream.tokens[to - 1]) || isUnitOfFigure(stream, to - 1))
      )
        to--;
      let k = to - 1;
      while (k >= from && (!isWords(stream.tokens[k]) || isUnitOfFigure(stream, k))) k--;
      from = k + 1;
    } else if (!next || gapBetween(f.row, next.row)) {
      // The last row of a table ends at the first words after its figures; so does a row before
      // one that was not found, whose figures are not this row's.
      let k = from;
      while (k < to && stream.tokens[k]?.kind === 'text') k++;
      while (k < to && !isWords(stream.tokens[k], 2)) k++;
      to = k;
    }
    if (f.label) {
      const other = beforeOtherRow(stream, f.row, f.part, f.label, from, to);
      if (other < to) otherRows.push(other);
      to = other;
    }
    rows.push(rowLocation(f.row, f.part, table, f.label, from, to, to, f.collapsed));
  }
  // A table ends with the last figure of its last row.
  const last = rows.at(-1);
  if (last) {
    let k = last.to;
    while (k > last.from && stream.tokens[k - 1]?.kind === 'text') k--;
    for (const r of rows) r.tableEnd = k;
  }
  return { table, start, end, rows, missing, variants, damaged, labelsEnd: undefined, otherRows };
}

/**
 * A row's location, every field set in one order (rows made elsewhere share the shape, which
 * keeps the code that reads them fast).
 */
export function rowLocation(
  row: RowSpec,
  part: TablePartSpec,
  table: TableSpec,
  label: LabelMatch | null,
  from: number,
  to: number,
  tableEnd: number,
  collapsed: readonly RowSpec[] | undefined,
): RowLocation {
  return { row, part, table, label, from, to, tableEnd, doubtful: undefined, collapsed };
}

const orders = new WeakMap<TableSpec, readonly RowSpec[]>();

/** The rows of a table's parts, in the format's order. */
function rowOrder(table: TableSpec): readonly RowSpec[] {
  let order = orders.get(table);
  if (!order) {
    order = table.parts.flatMap((p) => p.rows);
    orders.set(table, order);
  }
  return order;
}

type Found = {
  row: RowSpec;
  part: TablePartSpec;
  label: LabelMatch | null;
  collapsed: readonly RowSpec[] | undefined;
};

/** Longest stretch of stream searched for one damaged label. */
const WINDOW = 400;

/**
 * Rows not found by their words, placed where the rows around them and the format's order put
 * them: between the labels of the rows found before and after, the stretch of words closest to
 * the row's label by edit distance (characters dropped, doubled or changed by extraction), when
 * it is close enough. A placed row moves from `missing` into `found`.
 */
function placeDamaged(
  stream: TokenStream,
  table: TableSpec,
  found: Found[],
  missing: { row: RowSpec; part: TablePartSpec }[],
  start: number,
  end: number,
): TableLocation['damaged'] {
  const damaged: TableLocation['damaged'] = [];
  if (missing.length === 0) return damaged;
  const order = rowOrder(table);
  for (const m of [...missing]) {
    const own = m.row.path.at(-1);
    if (!own) continue;
    const wanted = compact(own.official).replace(
      /^(?:[(][一二三四五六七八九十]+[)]|[一二三四五六七八九十]+、|\d+[.、])/,
      '',
    );
    if (wanted.length < 4) continue;
    const index = order.indexOf(m.row);
    const before = [...found].reverse().find((f) => f.label && order.indexOf(f.row) < index);
    const after = found.find((f) => f.label && order.indexOf(f.row) > index);
    const from = Math.max(before?.label?.end ?? start, start);
    const to = Math.min(after?.label?.start ?? end, end, from + WINDOW);
    if (to - from < wanted.length - 2) continue;
    const best = closest(stream.text, from, to, wanted);
    if (!best || best.distance > Math.max(1, Math.floor(wanted.length / 4))) continue;
    const label: LabelMatch = {
      start: best.start,
      end: best.end,
      firstToken: stream.tokenAt(best.start),
      endToken: stream.tokenAt(best.end - 1) + 1,
      matched: stream.text.slice(best.start, best.end),
      variant: true,
    };
    const at = found.findIndex((f) => order.indexOf(f.row) > index);
    const entry: Found = { row: m.row, part: m.part, label, collapsed: undefined };
    if (at === -1) found.push(entry);
    else found.splice(at, 0, entry);
    missing.splice(missing.indexOf(m), 1);
    damaged.push({ row: m.row, label, distance: best.distance });
  }
  return damaged;
}

/**
 * The substring of text[from, to) with the least edit distance to `wanted` (approximate
 * substring matching); figures and blanks (「#」「_」) never belong to a label.
 */
export function closest(
  text: string,
  from: number,
  to: number,
  wanted: string,
): { start: number; end: number; distance: number } | null {
  const m = wanted.length;
  const n = to - from;
  if (m === 0 || n <= 0) return null;
  const far = 1000;
  let previous = new Int32Array(n + 1);
  let previousStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previousStart[j] = j;
  let current = new Int32Array(n + 1);
  let currentStart = new Int32Array(n + 1);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    currentStart[0] = 0;
    const p = codeAt(wanted, i - 1);
    for (let j = 1; j <= n; j++) {
      const c = codeAt(text, from + j - 1);
      const figure = c === 35 || c === 95;
      const substitute = (previous[j - 1] as number) + (figure ? far : c === p ? 0 : 1);
      const skipWanted = (previous[j] as number) + 1;
      const skipText = (current[j - 1] as number) + (figure ? far : 1);
      let best = substitute;
      let origin = previousStart[j - 1] as number;
      if (skipWanted < best) {
        best = skipWanted;
        origin = previousStart[j] as number;
      }
      if (skipText < best) {
        best = skipText;
        origin = currentStart[j - 1] as number;
      }
      current[j] = best;
      currentStart[j] = origin;
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  let bestEnd = -1;
  for (let j = 1; j <= n; j++)
    if (bestEnd === -1 || (previous[j] as number) < (previous[bestEnd] as number)) bestEnd = j;
  if (bestEnd === -1) return null;
  const distance = previous[bestEnd] as number;
  const startAt = previousStart[bestEnd] as number;
  if (distance >= far || bestEnd <= startAt) return null;
  return { start: from + startAt, end: from + bestEnd, distance };
}
