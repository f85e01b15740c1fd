/**
 * Blank cells in layouts that align figures in columns with spaces (pdftotext -layout text, a
 * text-mode browser's dump of a web page, the PDF reader's lines): where the complete rows next to
 * a short row put each column's figures at the same place, the short row's blanks are where no
 * figure stands. The columns are learnt from nearby rows only, since a table broken across pages
 * may shift them on the next page.
 *
 * Columns are measured two ways: in characters (`pdftotext -layout`, lynx) and as a terminal
 * shows them, a CJK character two columns wide (w3m). Where the rows of a table agree in one
 * measure only, that one holds; where they agree in both, a short row is placed only when the
 * two place it alike (a label of more or fewer wide characters shifts its figures in the other
 * measure, by as much as a column).
 *
 * Where no complete row is near (a column blank in every row, table 四's one row), the columns are
 * the header's (`headerColumnsOf`): each column's own header text, in the measure the document
 * lines its tables up in, borne out by every row of the part.
 */
import type { TablePartSpec } from '../spec/types.js';
import { codeAt } from '../text/code-unit.js';
import { compact } from '../text/fold.js';
import type { RowFigures } from './figures.js';
import { isWide, type TokenStream } from './stream.js';
import type { Token } from './tokens.js';

type Figure = RowFigures['figures'][number];

/** A way of measuring a line: where a token starts, and how wide a text is. */
export interface Measure {
  /** Characters, or terminal columns (a CJK character two wide). */
  kind: 'characters' | 'terminal';
  at(token: Token): number;
  width(text: string): number;
}

/** Characters (`pdftotext -layout`, lynx). */
const characters: Measure = { kind: 'characters', at: (t) => t.column, width: (text) => text.length };

/** The measures of a stream's lines: characters, and terminal columns (w3m, links, elinks). */
export function measuresOf(stream?: TokenStream): Measure[] {
  if (!stream) return [characters];
  const terminal: Measure = {
    kind: 'terminal',
    at: (t) => stream.displayColumn(t),
    width: (text) => {
      let w = text.length;
      for (let i = 0; i < text.length; i++) if (isWide(codeAt(text, i))) w++;
      return w;
    },
  };
  return [characters, terminal];
}

/** Centre of a figure in one measure (figures are digits: as wide in both). */
const centreIn = (measure: Measure, f: Figure): number => measure.at(f.token) + f.text.length / 2;

/** Figures of a row all on one line, separated by spaces (not one-cell-per-line, not a grid). */
const onOneLine = (r: RowFigures): boolean =>
  r.figures.length > 0 &&
  r.figures.every((f) => f.kind === 'num' && f.token.line === r.figures[0]?.token.line && f.token.spaced);

const complete = (r: RowFigures) =>
  !r.location.collapsed && r.figures.length === r.location.row.cells.length && onOneLine(r);

/** The column centres of a table's rows in one measure, and how far the rows stray from them. */
export interface ColumnModel {
  measure: Measure;
  centres: number[];
  /** The largest distance of a row's figure from its column's centre. */
  spread: number;
}

/** The column models in each measure that the nearby complete rows agree on. */
export type ColumnModels = ColumnModel[];

/**
 * The column centres the complete rows nearest to `rows[index]` (same table part and page) agree
 * on, in each measure: the median of each column over the two to four nearest rows, when each of them
 * is within `tolerance` columns of it.
 */
export function nearbyColumns(
  rows: readonly RowFigures[],
  index: number,
  stream?: TokenStream,
  tolerance = 4,
): ColumnModels {
  const row = rows[index] as RowFigures;
  // Rows on the same page only: text extraction spaces each page's lines afresh.
  const page = (r: RowFigures) => (stream && r.figures[0] ? stream.pageOf(r.figures[0].index) : 0);
  const own = page(row);
  const near = rows
    .map((r, i) => ({ r, distance: Math.abs(i - index) }))
    .filter(({ r }) => r !== row && r.location.part === row.location.part && complete(r) && page(r) === own)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 4)
    .map(({ r }) => r);
  if (near.length < 2) return [];
  // The rows between the row and the nearest complete one, their figures on one line: each must
  // stand under the columns too. Where one doesn't, the lines of that stretch are spaced otherwise
  // (`pdftotext -layout` sets the rows beside a group label's column further right than those
  // without one) and the columns say nothing of the row.
  const nearest = rows.indexOf(near[0] as RowFigures);
  const between: RowFigures[] = [];
  for (let i = Math.min(nearest, index) + 1; i < Math.max(nearest, index); i++) {
    const r = rows[i] as RowFigures;
    if (r.location.part === row.location.part && !r.location.collapsed && onOneLine(r) && page(r) === own)
      between.push(r);
  }
  const models: ColumnModels = [];
  for (const measure of measuresOf(stream)) {
    const model = modelOf(
      near.map((r) => r.figures.map((f) => centreIn(measure, f))),
      tolerance,
    );
    if (model && between.every((r) => placeUnder(r, { measure, ...model }) !== null))
      models.push({ measure, ...model });
  }
  return models;
}

/** Each column's median over the rows, when every row is within `tolerance` of it. */
function modelOf(
  rows: readonly (readonly number[])[],
  tolerance: number,
): { centres: number[]; spread: number } | null {
  const n = rows[0]?.length ?? 0;
  const centres: number[] = [];
  let spread = 0;
  for (let j = 0; j < n; j++) {
    const values = rows.map((c) => c[j] as number).sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)] as number;
    for (const v of values) spread = Math.max(spread, Math.abs(v - median));
    if (spread > tolerance) return null;
    if (j > 0 && median - (centres[j - 1] as number) < 3) return null;
    centres.push(median);
  }
  return { centres, spread };
}

/**
 * Places a short one-line row's figures under the columns: each figure goes to the column whose
 * centre is clearly the nearest to its own, and the columns must come in order; null otherwise
 * (the row then stays an error, never a shifted guess). The measure the rows agree in best
 * decides; one they agree in nearly as well must not place the row otherwise.
 */
export function placeByColumns(
  r: RowFigures,
  models: ColumnModels,
  /** The header's placing of the row, asked where two measures place it otherwise. */
  byHeader: () => (Figure | null)[] | null = () => null,
): (Figure | null)[] | null {
  if (models.length === 0 || !onOneLine(r)) return null;
  const [tightest, ...others] = [...models].sort((a, b) => a.spread - b.spread) as [
    ColumnModel,
    ...ColumnModel[],
  ];
  const placed = placeUnder(r, tightest);
  if (!placed) return null;
  // A measure the rows agree in nearly as well may not place the row otherwise, unless the
  // header's columns place it as one of the two does (nearby rows whose labels are as wide as
  // each other agree in both measures; the short row's label is wider or narrower).
  for (const other of others) {
    if (other.spread > tightest.spread + 1) continue;
    const here = placeUnder(r, other);
    if (!here || !differ(here, placed)) continue;
    const header = byHeader();
    if (!header) return null;
    if (!differ(header, placed)) continue;
    if (differ(header, here)) return null;
    return here;
  }
  return placed;
}

const differ = (a: readonly (Figure | null)[], b: readonly (Figure | null)[]): boolean =>
  a.length !== b.length || a.some((f, j) => f !== b[j]);

/** The row's figures under one measure's columns (null where a figure isn't clearly in one). */
function placeUnder(r: RowFigures, model: ColumnModel): (Figure | null)[] | null {
  const { centres, measure } = model;
  if (centres.length !== r.location.row.cells.length) return null;
  const placed: (Figure | null)[] = centres.map(() => null);
  let previous = -1;
  for (const f of r.figures) {
    const c = centreIn(measure, f);
    const order = centres.map((m, j) => [Math.abs(m - c), j] as const).sort((a, b) => a[0] - b[0]);
    const [best, second] = order;
    if (!best || (second && second[0] - best[0] < 1.5) || best[1] <= previous) return null;
    placed[best[1]] = f;
    previous = best[1];
  }
  return placed;
}

/**
 * The measure the document lines its tables up in, from the parts with complete rows: the one
 * their figures agree in (within a column), where the other strays further. Null when no part
 * tells, or parts disagree.
 */
export function lineMeasure(
  stream: TokenStream,
  rows: readonly RowFigures[],
  measures: readonly Measure[] = measuresOf(stream),
): Measure | null {
  const parts = new Map<TablePartSpec, RowFigures[]>();
  for (const r of rows) {
    if (!complete(r)) continue;
    const list = parts.get(r.location.part);
    if (list) list.push(r);
    else parts.set(r.location.part, [r]);
  }
  let chosen: Measure | null = null;
  for (const list of parts.values()) {
    if (list.length < 2) continue;
    const spreads = measures.map(
      (m) =>
        modelOf(
          list.map((r) => r.figures.map((f) => centreIn(m, f))),
          Number.POSITIVE_INFINITY,
        )?.spread ?? Number.POSITIVE_INFINITY,
    );
    const best = spreads.indexOf(Math.min(...spreads));
    const tight = spreads[best] as number;
    if (tight > 1 || spreads.some((s, i) => i !== best && s < tight + 2)) continue;
    const measure = measures[best] as Measure;
    if (chosen && chosen !== measure) return null;
    chosen = measure;
  }
  return chosen;
}

/** The span of each column's header text, in one measure. */
export interface HeaderModel {
  measure: Measure;
  spans: [number, number][];
  /** Some complete row of the part stands under the columns, each figure under its own. */
  proven: boolean;
  /** Some row of the part with figures well apart stands under two columns or more. */
  apart: boolean;
  /**
   * Whether a figure that overlaps no header text but touches the end of one (or the start) stands
   * under it: a figure set flush against where the text ends, the page's places rounded to
   * columns. Only for lines laid out from the page's positions (`Paragraph.positioned`), header
   * and figure, in the measure of the page (starts in characters, widths as shown); null
   * elsewhere. In `pdftotext -layout` a CJK header's width is not to be trusted: 「行政许可  0  56」
   * stands nine columns right of its header's start there, touching the wrong header's end.
   */
  flush: ((t: Token) => boolean) | null;
}

/** Two columns or more between each figure of the row and the next. */
function wellApart(r: RowFigures, measure: Measure): boolean {
  for (let i = 1; i < r.figures.length; i++) {
    const a = r.figures[i - 1] as Figure;
    const b = r.figures[i] as Figure;
    if (measure.at(b.token) - (measure.at(a.token) + measure.width(a.text)) < 2) return false;
  }
  return r.figures.length >= 2;
}

/**
 * Where a table part's column header may stand: the tokens [from, to) before its first row, or
 * before its first row on a later page (a header repeated there), and the page the header ends on.
 * The rows of that page bear it out; text extraction spaces each page's lines afresh.
 */
export interface HeaderRegion {
  part: TablePartSpec;
  from: number;
  to: number;
  page: number;
}

/** A part's columns as its header shows them, and how well its rows bear them out. */
export interface HeaderColumns {
  model: HeaderModel;
  /** Columns where three rows or more line their figures up (left ends, centres or right ends). */
  evidence: number;
}

/**
 * Columns from the header, in one measure, for rows no complete row nearby can place (a column
 * left blank in every row, a table of one row): each column's own header text (its leaf label,
 * or the pieces of one wrapped over lines, one under the other) found once in the tokens of the
 * part's header, [from, to), the columns in their order from left to right. Every row of the part
 * on one line must stand under them (a figure is under the one column whose header text it
 * overlaps), a complete one each figure under its own, and the figures of a column must line up.
 * Null where they don't.
 */
export function headerColumns(
  stream: TokenStream,
  region: HeaderRegion,
  rows: readonly RowFigures[],
  measure: Measure,
  onPage = false,
): HeaderColumns | null {
  const { part, from, to } = region;
  const leaves = part.columns.map((c) => {
    const leaf = c.path.at(-1);
    return leaf ? compact(leaf.official) : '';
  });
  if (leaves.some((l) => l === '')) return null;
  const found = headerLeaves(stream, from, to, [...new Set(leaves)], measure);
  if (found.length !== leaves.length) return null;
  found.sort((a, b) => a.span[0] - b.span[0]);
  if (found.some((f, j) => f.leaf !== leaves[j])) return null;
  const spans = found.map((f) => f.span);
  if (spans.some((s, j) => j > 0 && s[0] < (spans[j - 1] as [number, number])[1])) return null;
  const flush = onPage && found.every((f) => f.positioned) ? (t: Token) => stream.positioned(t) : null;
  const model: HeaderModel = { measure, spans, proven: false, apart: false, flush };
  // Text that is not laid out in columns (`pdftotext -raw`) seldom has every row fit.
  const columns: Figure[][] = spans.map(() => []);
  for (const r of rows) {
    if (r.location.part !== part || !onOneLine(r)) continue;
    if (stream.pageOf((r.figures[0] as Figure).index) !== region.page) continue;
    const placed = placeUnderHeader(r, model);
    if (!placed || (complete(r) && placed.some((f, j) => f !== r.figures[j]))) return null;
    if (complete(r)) model.proven = true;
    if (wellApart(r, measure)) model.apart = true;
    placed.forEach((f, j) => {
      if (f) columns[j]?.push(f);
    });
  }
  let evidence = 0;
  for (const figures of columns) {
    if (figures.length < 2) continue;
    if (!linedUp(figures, measure)) return null;
    if (figures.length >= 3) evidence++;
  }
  return { model, evidence };
}

/**
 * Whether a header's columns hold on a later page that has none (a table broken across pages, its
 * header not repeated): the rows there (`rows`) stand where the rows under the header (`under`)
 * do. By one edge, the places the figures of each page fill agree within a column, this page's as
 * many as the header page's or one fewer; and each of its rows stands under the header's columns.
 * Where the page's lines were spaced afresh (as text extraction may), the places move and differ.
 */
export function carriedOver(
  header: HeaderColumns,
  under: readonly RowFigures[],
  rows: readonly RowFigures[],
): boolean {
  const { measure } = header.model;
  const lines = rows.filter(onOneLine);
  if (lines.length === 0 || lines.some((r) => !placeUnderHeader(r, header.model))) return false;
  const centre = (p: { from: number; to: number }) => (p.from + p.to) / 2;
  return edges.some((edge) => {
    const there = placesOf(under.filter(onOneLine).flatMap((r) => r.figures.map((f) => edge(measure, f))));
    const here = placesOf(lines.flatMap((r) => r.figures.map((f) => edge(measure, f))));
    return (
      here.length >= 2 &&
      here.length >= there.length - 1 &&
      here.every((p) => there.some((q) => Math.abs(centre(p) - centre(q)) <= 1))
    );
  });
}

/** Figures one under the other: their left ends, centres or right ends within a column. */
function linedUp(figures: readonly Figure[], measure: Measure): boolean {
  const spread = (edge: (f: Figure) => number) => {
    const xs = figures.map(edge);
    return Math.max(...xs) - Math.min(...xs);
  };
  const left = (f: Figure) => measure.at(f.token);
  const width = (f: Figure) => measure.width(f.text);
  return (
    Math.min(
      spread(left),
      spread((f) => left(f) + width(f) / 2),
      spread((f) => left(f) + width(f)),
    ) <= 1
  );
}

/**
 * Places a short row under its part's header columns; with no complete row to show the columns,
 * only figures set well apart, or a figure alone where another row of the part, its figures well
 * apart, stands under the columns; and then only figures unmistakably under their own header
 * texts (see nearestUnderHeader).
 */
export function placeUnderHeaderColumns(r: RowFigures, columns: HeaderColumns): (Figure | null)[] | null {
  const { model } = columns;
  if (!onOneLine(r) || r.location.row.cells.length !== model.spans.length) return null;
  const alone = r.figures.length === 1 && model.apart;
  if (model.proven) return placeUnderHeader(r, model);
  if (!alone && !wellApart(r, model.measure)) return null;
  const placed = placeUnderHeader(r, model);
  return placed && nearestUnderHeader(placed, model) ? placed : null;
}

/**
 * Whether a row's figures stand under their own columns' header texts unmistakably: by one edge
 * (left ends, centres or right ends, as a cell aligns them), each figure set off its column's
 * text as the row's figures are (their median offset), nearer there by 1.5 columns or more than
 * where it would stand under any other column. That alone shows the columns where no complete
 * row does: header text narrower than its cell, or set off its figures by `pdftotext -layout`'s
 * spacing, may put a figure as near another column (「0 … 0」 of table 四, one figure between
 * 「其他结果」 and 「尚未审结」, read with its blank one column off, every identity holding).
 */
function nearestUnderHeader(placed: readonly (Figure | null)[], model: HeaderModel): boolean {
  const { measure, spans } = model;
  const figures: [number, number][] = [];
  const columns: number[] = [];
  for (let j = 0; j < placed.length; j++) {
    const f = placed[j];
    if (!f) continue;
    const x = measure.at(f.token);
    figures.push([x, x + measure.width(f.text)]);
    columns.push(j);
  }
  return edgesOfSpan.some((edge) => {
    const at = figures.map(([a, b]) => edge(a, b));
    const column = (k: number) => edge(...(spans[k] as [number, number]));
    const offsets = columns.map((j, i) => (at[i] as number) - column(j)).sort((x, y) => x - y);
    const median = medianOfSorted(offsets);
    return columns.every((j, i) => {
      const off = (k: number) => Math.abs((at[i] as number) - column(k) - median);
      const own = off(j);
      for (let k = 0; k < spans.length; k++) if (k !== j && off(k) < own + 1.5) return false;
      return true;
    });
  });
}

/** The median of numbers sorted in ascending order (the mean of the middle two of an even count). */
function medianOfSorted(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The left end, centre or right end of a span [a, b). */
const edgesOfSpan: readonly ((a: number, b: number) => number)[] = [
  (a) => a,
  (a, b) => (a + b) / 2,
  (_a, b) => b,
];

/**
 * The leaf labels written in the header: a token that is one, or pieces on lines one under the
 * other that spell one (「自」「然」「人」, 「社会公益组」「织」), with the span they cover. A piece
 * that continues one is no start of another.
 */
function headerLeaves(
  stream: TokenStream,
  from: number,
  to: number,
  leaves: readonly string[],
  measure: Measure,
): { leaf: string; span: [number, number]; positioned: boolean }[] {
  const byLine = new Map<number, Token[]>();
  for (let k = from; k < to; k++) {
    const token = stream.tokens[k] as Token;
    if (token.kind !== 'text') continue;
    const line = byLine.get(token.line);
    if (line) line.push(token);
    else byLine.set(token.line, [token]);
  }
  const spanOf = (t: Token): [number, number] => {
    const x = measure.at(t);
    return [x, x + measure.width(t.text)];
  };
  const used = new Set<Token>();
  const found: { leaf: string; span: [number, number]; positioned: boolean }[] = [];
  for (const line of [...byLine.keys()].sort((a, b) => a - b))
    for (const token of byLine.get(line) as Token[]) {
      if (used.has(token)) continue;
      let best: { leaf: string; span: [number, number]; pieces: Token[] } | null = null;
      for (const leaf of leaves) {
        if (!leaf.startsWith(token.text)) continue;
        let spelled = token.text;
        const pieces = [token];
        const span = spanOf(token);
        while (spelled.length < leaf.length) {
          const last = pieces.at(-1) as Token;
          const [a, b] = spanOf(last);
          // On the next line, or the one after where nothing stands over it in between (a header
          // cell's text centred in a tall cell beside two rows of others: 「结果」, 「总计」 of
          // another column on the line between, 「维持」).
          let next: Token | undefined;
          for (let line = last.line + 1; line <= last.line + 2 && !next; line++) {
            const over = byLine.get(line)?.filter((u) => !used.has(u) && overlaps(spanOf(u), a, b));
            if (!over || over.length === 0) continue;
            next = over.find((u) => leaf.startsWith(spelled + u.text));
            if (!next) break;
          }
          if (!next) break;
          pieces.push(next);
          spelled += next.text;
          const [c, d] = spanOf(next);
          span[0] = Math.min(span[0], c);
          span[1] = Math.max(span[1], d);
        }
        if (spelled === leaf && (!best || leaf.length > best.leaf.length)) best = { leaf, span, pieces };
      }
      if (!best) continue;
      for (const piece of best.pieces) used.add(piece);
      found.push({
        leaf: best.leaf,
        span: best.span,
        positioned: best.pieces.every((p) => stream.positioned(p)),
      });
    }
  return found;
}

const overlaps = ([x0, x1]: [number, number], a: number, b: number): boolean => x0 < b && x1 > a;

/**
 * The row's figures under the header's columns: each under the one column it overlaps (or else,
 * where the model allows it, touches: see `HeaderModel.flush`), in order. A figure that touches
 * the end of one header text and the start of the next (a figure flush left in its cell, the
 * header texts filling theirs) stands under the one the order of the row's other figures leaves
 * it, else under the one its offset by one edge puts it nearer, as the other figures stand off
 * their columns (see `nearerByEdge`).
 */
function placeUnderHeader(r: RowFigures, model: HeaderModel): (Figure | null)[] | null {
  const { spans, measure, flush } = model;
  // Each figure's column; -1 where it touches two, the first of which `pairs` holds.
  const columns: number[] = [];
  const pairs: number[] = [];
  for (const f of r.figures) {
    const x0 = measure.at(f.token);
    const x1 = x0 + measure.width(f.text);
    let column = -1;
    for (let j = 0; j < spans.length; j++) {
      const [a, b] = spans[j] as [number, number];
      if (x0 >= b || x1 <= a) continue;
      if (column !== -1) return null;
      column = j;
    }
    let pair = -1;
    if (column === -1 && flush?.(f.token))
      for (let j = 0; j < spans.length; j++) {
        const [a, b] = spans[j] as [number, number];
        if (x0 !== b && x1 !== a) continue;
        if (column === -1) column = j;
        else if (pair === -1 && j === column + 1 && x0 === spans[column]?.[1] && x1 === a) pair = column;
        else return null;
      }
    if (column === -1) return null;
    columns.push(pair === -1 ? column : -1);
    pairs.push(pair);
  }
  for (let i = 0; i < columns.length; i++) {
    if (columns[i] !== -1) continue;
    const j = pairs[i] as number;
    const before = columns.slice(0, i).findLast((c) => c !== -1) ?? -1;
    const after = columns.slice(i + 1).find((c) => c !== -1) ?? spans.length;
    const open = [j, j + 1].filter((c) => c > before && c < after);
    const column =
      open.length === 1 ? open[0] : open.length === 2 ? nearerByEdge(r, i, columns, j, model) : null;
    if (column === null || column === undefined) return null;
    columns[i] = column;
  }
  const placed: (Figure | null)[] = spans.map(() => null);
  let previous = -1;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as number;
    if (column <= previous) return null;
    placed[column] = r.figures[i] as Figure;
    previous = column;
  }
  return placed;
}

/**
 * Which of columns `j` and `j + 1` figure `i` of a row stands under: by the edge (left end, centre
 * or right end) by which the row's placed figures stand off their columns' header texts most
 * evenly, the column where its offset is nearer their median, by 1.5 columns or more. Null where
 * no figure is placed yet, or neither is nearer by so much.
 */
function nearerByEdge(
  r: RowFigures,
  i: number,
  columns: readonly number[],
  j: number,
  model: HeaderModel,
): number | null {
  const { measure, spans } = model;
  const span = (f: Figure): [number, number] => {
    const x = measure.at(f.token);
    return [x, x + measure.width(f.text)];
  };
  let best: { spread: number; median: number; edge: (a: number, b: number) => number } | null = null;
  for (const edge of edgesOfSpan) {
    const offsets: number[] = [];
    columns.forEach((c, k) => {
      if (c >= 0)
        offsets.push(edge(...span(r.figures[k] as Figure)) - edge(...(spans[c] as [number, number])));
    });
    if (offsets.length === 0) return null;
    offsets.sort((x, y) => x - y);
    const spread = (offsets.at(-1) as number) - (offsets[0] as number);
    const median = medianOfSorted(offsets);
    if (!best || spread < best.spread) best = { spread, median, edge };
  }
  if (!best) return null;
  const { edge, median } = best;
  const at = edge(...span(r.figures[i] as Figure));
  const off = (c: number) => Math.abs(at - edge(...(spans[c] as [number, number])) - median);
  if (off(j) + 1.5 <= off(j + 1)) return j;
  if (off(j + 1) + 1.5 <= off(j)) return j + 1;
  return null;
}

/**
 * The header columns of each table part (`regions`: the tokens of its header), in the measure the
 * document lines its tables up in: the one its complete rows agree in, else the only one in which
 * the rows bear the header out in two columns or more. None where neither tells.
 */
export function headerColumnsOf(
  stream: TokenStream,
  regions: readonly HeaderRegion[],
  rows: readonly RowFigures[],
): Map<HeaderRegion, HeaderColumns> {
  const measures = measuresOf(stream);
  const [inCharacters, asShown] = measures;
  // Starts in characters, widths as a terminal shows them (`pdftotext -layout`): the tool sets each
  // word at the column where it stands on the page, but then counts each of its characters one
  // column, so a header of CJK characters, twice as wide on the page, covers in characters only
  // the first half of the place it stands over. Tried where the header does not fit in characters.
  const onPage: Measure | null =
    inCharacters && asShown ? { kind: 'characters', at: inCharacters.at, width: asShown.width } : null;
  const byMeasure = measures.map((measure) => {
    const parts = new Map<HeaderRegion, HeaderColumns>();
    for (const region of regions) {
      const columns =
        headerColumns(stream, region, rows, measure) ??
        (measure === inCharacters && onPage ? headerColumns(stream, region, rows, onPage, true) : null);
      if (columns) parts.set(region, columns);
    }
    return parts;
  });
  const lined = lineMeasure(stream, rows, measures);
  if (lined) return byMeasure[measures.indexOf(lined)] as Map<HeaderRegion, HeaderColumns>;
  // Two columns or more, each of three figures or more lined up: two figures may line up by chance
  // (「5」 and 「25」 of two columns of `pdftotext -layout`, their right ends one apart as a terminal
  // shows them).
  const telling = byMeasure.filter((parts) => {
    let columns = 0;
    for (const c of parts.values()) columns += c.evidence;
    return columns >= 2;
  });
  if (telling.length === 1) return telling[0] as Map<HeaderRegion, HeaderColumns>;
  if (telling.length > 1) return new Map();
  // Lines laid out from the page's positions (the PDF reader's own, see HeaderModel.flush) show
  // the columns where they stand on the page, in its measure: there the header places without
  // figures lined up under it (a table's first page with one row on it, the rest carried over).
  const positioned = new Map<HeaderRegion, HeaderColumns>();
  for (const [region, columns] of byMeasure[0] ?? [])
    if (columns.model.flush) positioned.set(region, columns);
  return positioned;
}

/** A figure's left end, centre or right end in one measure (figures of a column line up by one). */
const edges: readonly ((measure: Measure, f: Figure) => number)[] = [
  (m, f) => m.at(f.token),
  (m, f) => centreIn(m, f),
  (m, f) => m.at(f.token) + f.text.length,
];

/**
 * Places a short row by the columns the short rows of its part on its page fill together, where no
 * complete row is near and the header does not tell (`pdftotext -layout` sets a header of CJK words
 * at other intervals than the figures under it): their figures stand in exactly as many places as
 * the part has columns, each place at most one column wide and holding two figures or more (or
 * the places at one pitch), set three columns or more apart from the next; every other such row
 * stands under them in order, and the row's figures as far apart as their places, and each place
 * filled together with the next by some row (unless at one pitch). A column every row leaves blank
 * makes a place fewer: nothing is placed. In the measure the document's complete rows line up in
 * (`lined`), else in each that places the row, alike.
 */
export function placeByFilledColumns(
  rows: readonly RowFigures[],
  index: number,
  stream: TokenStream,
  lined: Measure | null,
): (Figure | null)[] | null {
  const row = rows[index] as RowFigures;
  const n = row.location.row.cells.length;
  if (!onOneLine(row) || row.location.collapsed) return null;
  const first = row.figures[0] as Figure;
  const page = stream.pageOf(first.index);
  const peers = rows.filter(
    (r) =>
      r.location.part === row.location.part &&
      !r.location.collapsed &&
      r.location.row.cells.length === n &&
      onOneLine(r) &&
      stream.pageOf((r.figures[0] as Figure).index) === page,
  );
  const others = peers.filter((r) => r !== row);
  let placed: (Figure | null)[] | null = null;
  for (const measure of lined ? [lined] : measuresOf(stream))
    for (const edge of edges) {
      // The places the other rows fill: the row itself may be set off them (see below). A place
      // one figure fills (a column left blank in all rows but one, 总计 in the result rows) only
      // where the places stand at one pitch, as a table's equal columns do; so too the row's own
      // figures, where without them the others fill a place fewer.
      let places = placesOf(others.flatMap((r) => r.figures.map((f) => edge(measure, f))));
      if (places.length === n - 1 && !places.some((p) => p.count < 2))
        places = placesOf(peers.flatMap((r) => r.figures.map((f) => edge(measure, f))));
      // At one pitch only where the rows are laid out in columns (two columns or more between
      // figures): in text that runs figures on one space apart (`pdftotext -raw`) single figures
      // stand at one pitch by their widths alone.
      if (places.length !== n) continue;
      const evenly = onePitch(places) && peers.every((r) => r.figures.length < 2 || wellApart(r, measure));
      if (places.some((p) => p.count < 2) && !evenly) continue;
      const placeOf = (r: RowFigures, near: number): (Figure | null)[] | null => {
        const here: (Figure | null)[] = places.map(() => null);
        let previous = -1;
        for (const f of r.figures) {
          const x = edge(measure, f);
          const column = places.findIndex((p) => x >= p.from - near && x <= p.to + near);
          if (column <= previous) return null;
          here[column] = f;
          previous = column;
        }
        return here;
      };
      // Every other row of the part on the page stands under the places, its figures in order.
      const under = others.map((r) => placeOf(r, 0));
      if (under.some((u) => !u)) return null;
      const here = placeOf(row, 1);
      if (!here) return null;
      // The figures of two places never touch: right-aligned figures of one column whose widths
      // differ (「108」 and 「1」) have left ends three apart, two places by their left ends, while
      // a column every row leaves blank makes a place fewer — as many places, one column off.
      if (!apartOnTheLine([...under, here] as (Figure | null)[][], n, measure)) return null;
      if (!filledTogether([...under, here] as (Figure | null)[][], n, evenly)) return null;
      // The row's figures stand as far apart as their places: `pdftotext -layout` may set a line of
      // few words closer together (「0  0  0」 three apart where the columns are four), each then
      // within a column of a place, the first and last two off.
      const offsets = row.figures.map((f) => {
        const p = places[here.indexOf(f)] as { from: number; to: number };
        return edge(measure, f) - (p.from + p.to) / 2;
      });
      if (Math.max(...offsets) - Math.min(...offsets) > 1) return null;
      if (placed && differ(placed, here)) return null;
      placed = here;
    }
  return placed;
}

/** Whether places stand at one pitch: the gaps between their centres within a column of each other. */
function onePitch(places: readonly { from: number; to: number }[]): boolean {
  let least = Number.POSITIVE_INFINITY;
  let most = Number.NEGATIVE_INFINITY;
  for (let j = 1; j < places.length; j++) {
    const a = places[j - 1] as { from: number; to: number };
    const b = places[j] as { from: number; to: number };
    const gap = (b.from + b.to - a.from - a.to) / 2;
    least = Math.min(least, gap);
    most = Math.max(most, gap);
  }
  return most - least <= 1;
}

/**
 * Whether each place and the next are filled together by some row. Two places no row fills both of
 * may be one column whose figures stand unevenly (`pdftotext -layout` set 「61」 of 011's 法律服务机构
 * at 67–69 and 「0」 at 71–72, aligned by no edge), the count made up by a column every row leaves
 * blank: the row would be placed a column off; not where the places stand at one pitch (`evenly`),
 * one column's figures nearer each other than that. So may the places on either side of one, where
 * the rows of some lines stand a column further left than the rest (see shiftedRows).
 */
function filledTogether(
  placed: readonly (readonly (Figure | null)[])[],
  n: number,
  evenly: boolean,
): boolean {
  if (!evenly) for (let j = 0; j + 1 < n; j++) if (!placed.some((row) => row[j] && row[j + 1])) return false;
  for (let j = 1; j + 1 < n; j++) if (shiftedRows(placed, j)) return false;
  return true;
}

/**
 * Whether the rows that fill the places on either side of place `j` are two groups of lines, one
 * above the other, no row filling both and each group filling `j` too: the lines of one group set
 * a column further left than the other's (「30@31 6@35」 on the first lines, 「0@34 0@39」 below),
 * so that one column makes two places, 31 and 39, about the one they share, and a column every row
 * leaves blank (自然人) is made up: the rows would be placed a column off.
 */
function shiftedRows(placed: readonly (readonly (Figure | null)[])[], j: number): boolean {
  let left: [number, number] | null = null;
  let right: [number, number] | null = null;
  let leftAlso = false;
  let rightAlso = false;
  const widen = (span: [number, number] | null, line: number): [number, number] =>
    span ? [Math.min(span[0], line), Math.max(span[1], line)] : [line, line];
  for (const row of placed) {
    const l = row[j - 1];
    const r = row[j + 1];
    if (l && r) return false;
    const f = l ?? r;
    if (!f) continue;
    if (l) {
      left = widen(left, f.token.line);
      leftAlso ||= row[j] != null;
    } else {
      right = widen(right, f.token.line);
      rightAlso ||= row[j] != null;
    }
  }
  if (!left || !right || !leftAlso || !rightAlso) return false;
  return left[1] < right[0] || right[1] < left[0];
}

/**
 * Whether the figures placed under each of `n` places, as they stand on their lines (left end to
 * right end), leave a space between one place's and the next's.
 */
function apartOnTheLine(
  placed: readonly (readonly (Figure | null)[])[],
  n: number,
  measure: Measure,
): boolean {
  const extents: [number, number][] = Array.from({ length: n }, () => [
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ]);
  for (const row of placed)
    row.forEach((f, j) => {
      if (!f) return;
      const extent = extents[j] as [number, number];
      const from = measure.at(f.token);
      extent[0] = Math.min(extent[0], from);
      extent[1] = Math.max(extent[1], from + measure.width(f.text));
    });
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of extents) {
    if (from === Number.POSITIVE_INFINITY) continue;
    if (from <= end) return false;
    end = to;
  }
  return true;
}

/**
 * Positions grouped into places at most one column wide, each three columns or more from the next
 * (as complete rows' columns must be: text that sets figures of two columns closer, as `pdftotext
 * -layout` of a browser's PDF does, spaces its lines unevenly). None where two are closer.
 */
function placesOf(xs: number[]): { from: number; to: number; count: number }[] {
  xs.sort((a, b) => a - b);
  const places: { from: number; to: number; count: number }[] = [];
  for (const x of xs) {
    const last = places.at(-1);
    if (last && x - last.from <= 1) {
      last.to = x;
      last.count++;
    } else if (last && x - last.to < 3) return [];
    else places.push({ from: x, to: x, count: 1 });
  }
  return places;
}
