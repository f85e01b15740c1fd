import type { Cells } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import { cellKeys } from '../spec/registry.js';
import type { FormatSpec, TableSpec } from '../spec/types.js';
import { lineMeasure, type Measure, nearbyColumns, placeByColumns, placeByFilledColumns } from './columns.js';
import type { Evidence } from './evidence.js';
import {
  blankCellsShown,
  collectFigures,
  type Figure,
  figuresRunTogether,
  type LineSpacing,
  learnSpacing,
  linesAreCells,
  placeByGaps,
  type RowContext,
  type RowFigures,
  type RowReading,
  readRow,
  tableEndLines,
} from './figures.js';
import { announceSettled } from './fragile.js';
import { headerPlacer } from './header-places.js';
import { keyNumber } from './net.js';
import { doubtPageNumbers } from './page-numbers.js';
import { identitiesChecked, identitiesOfRow } from './row-identities.js';
import { cellCount, locationKeys, type RowLocation, rowLabel, type TableLocation } from './rows.js';
import { type Settled, settle, type Values } from './solver.js';
import { fewerFiguresFit, parseLoose } from './split.js';
import { doubtStrayFigures } from './stray-figures.js';
import type { TokenStream } from './stream.js';
import { tabRow, trailingCells } from './tab-cells.js';
import { pointOf, type Token } from './tokens.js';

/**
 * Reads each located row's figures into cells: blank cells from the layout, runs of digits cut
 * and settled by the format's identities, a cut-off end of the document.
 */
export function readCells(
  stream: TokenStream,
  spec: FormatSpec,
  tables: readonly TableLocation[],
  evidence: Evidence,
  file: SourceFile,
  /** The parts' headings, in stream order (where the part after a table ends). */
  headings: readonly { start: number }[],
): { cells: Cells; settled: Settled } {
  const rowFigures: RowFigures[] = [];
  for (const t of tables)
    for (let i = 0; i < t.rows.length; i++)
      rowFigures.push(collectFigures(stream, t.rows[i] as RowLocation, t.rows[i + 1]));
  const truncated = cutOff(stream, tables, rowFigures);
  if (truncated)
    file.error('assemble.truncated', '文档在统计表格中结束，表格不完整，文件可能被截断', {
      place: pointOf(stream.tokens.at(-1)),
      keys: locationKeys(truncated.location),
    });
  const holds: RowContext['holds'] = (row, placed, strict) => identitiesWithin(spec, row, placed, strict);
  const spacingOf = tableSpacing(tables, rowFigures, holds);
  const glued = figuresRunTogether(rowFigures);
  const blanksShown = glued ? blankCellsShown(rowFigures) : undefined;
  let strays: boolean | undefined;
  /** Whether the document's rows of tab-separated text may end with a stray tab (asked by a short row). */
  const stray = () => {
    strays ??= strayTabs(stream, rowFigures);
    return strays;
  };
  doubtEmptyAfterShort(stream, rowFigures, spacingOf, stray);
  doubtStrayFigures(stream, tables, rowFigures, headings, glued, truncated, file);
  doubtPageNumbers(stream, rowFigures, file, (r) => !identitiesWithin(spec, r, r.figures, false));
  const readings: RowReading[] = [];
  let linedIn: Measure | null | undefined;
  /** The measure the document lines its tables up in (worked out for the first row that needs it). */
  const lined = () => {
    if (linedIn === undefined) linedIn = lineMeasure(stream, rowFigures);
    return linedIn;
  };
  /** A short row placed by the header's columns, if any (see header-places.ts). */
  const byHeader = headerPlacer(stream, tables, rowFigures);
  /**
   * A short row placed by the nearby complete rows' columns, else by the header's, else by the
   * places the part's rows on the page fill together; not a row of tab-separated text, whose
   * columns don't line up (see byTrailingCells).
   */
  const byColumns = (r: RowFigures, i: number) => {
    if (r.figures.some((f) => isLoose(stream, f.token))) return null;
    // The terminal measure alone, where the nearby rows agree in it only loosely and the document
    // is not lined up in it, places nothing: rows whose labels differ in width can agree in it by
    // chance when one of them is set apart in characters (pdftotext set its figures closer).
    const models = nearbyColumns(rowFigures, i, stream);
    const [only] = models;
    const nearby =
      models.length === 1 &&
      only?.measure.kind === 'terminal' &&
      only.spread > 1 &&
      lined()?.kind !== 'terminal'
        ? []
        : models;
    if (nearby.length > 0) return placeByColumns(r, nearby, () => byHeader(r));
    return byHeader(r) ?? placeByFilledColumns(rowFigures, i, stream, lined());
  };
  rowFigures.forEach((r, i) => {
    if (r !== truncated)
      readings.push(
        readRow(r, file, {
          spacing: spacingOf(r),
          glued,
          byColumns: () => byColumns(r, i),
          byCells: () => byTrailingCells(r, stream, stray),
          blanksShown,
          holds,
        }),
      );
  });
  const settled = settle(readings, spec.identities, file);
  if (glued && !blanksShown) doubtUncheckedCuts(readings, rowFigures, spec, settled, file);
  reportUniqueSplits(readings, file);
  announceSettled(settled, file);
  const cells = cellsMaker(spec)(settled.values);
  for (const r of readings) {
    const place = pointOf(r.token);
    if (place) for (const key of r.keys) evidence.cellPlaces.set(key, place);
  }
  return { cells, settled };
}

/**
 * Figures run together, no row too few digits to fill its cells (see blankCellsShown), but a row
 * that no cut reconciles with the identities: a blank cell, which leaves no trace, may hide in the
 * runs (it breaks the identities as a figure printed wrong would: the text can't tell which). A
 * row whose one cut by the rules of counts no identity checks (table 二's), and whose digits could
 * be fewer figures, may hide one unseen (「125」 cut 1 2 5 where _ 12 5 was written): named by an
 * error, its cells null. The rows the identities check are settled by them, a blank hidden there
 * breaking them. (Looked at only where a row is so broken.)
 */
function doubtUncheckedCuts(
  readings: readonly RowReading[],
  rows: readonly RowFigures[],
  spec: FormatSpec,
  settled: Settled,
  file: SourceFile,
): void {
  const broken = settled.unsettled.find((u) => u.finding?.code === 'assemble.split-inconsistent');
  if (!broken) return;
  let checked: Set<string> | undefined;
  for (const r of readings) {
    if (!r.splitUnique || r.location.collapsed) continue;
    checked ??= new Set(spec.identities.flatMap((id) => [...id.left, ...id.right]));
    if (r.keys.some((k) => checked?.has(k))) continue;
    const runs = (rows.find((f) => f.location === r.location)?.figures ?? []).map((f) => f.text);
    if (!fewerFiguresFit(runs, r.keys.length)) continue;
    file.error(
      'assemble.split-blank',
      `「${rowLabel(r.location)}」的数字「${r.printed}」连在一起，而表格中可能有空白单元格（「${rowLabel(broken.reading.location)}」的数字怎样拆分都不满足勾稽关系），空白单元格在连写的数字中不留痕迹，该行又没有勾稽关系可以核对，无法确定`,
      { place: pointOf(r.token), keys: r.keys, actual: r.printed, expected: `${r.keys.length} 个单元格` },
    );
    for (const n of r.numbers) settled.values[n] = null;
    r.splitUnique = false;
  }
}

/**
 * Whether the format's identities among a row's own cells (table 三's 总计 of a row, table 四's of
 * each group) hold with its figures so placed. `strict`: a blank cell counts as 0, and the row must
 * have such an identity; otherwise an identity with a blank cell says nothing (a 总计 column left
 * blank), and only one whose cells all hold figures must hold.
 */
function identitiesWithin(
  spec: FormatSpec,
  r: RowFigures,
  placed: readonly (Figure | null)[],
  strict: boolean,
): boolean {
  const within = identitiesOfRow(spec, r.location.row.cells);
  // No identity among the row's own cells: nothing to hold (and nothing to read).
  if (within.length === 0) return !strict;
  const values: (number | null)[] = new Array(r.location.row.cells.length);
  for (let i = 0; i < values.length; i++) {
    const f = placed[i];
    values[i] = f && f.kind === 'num' ? (parseLoose(f.text) ?? Number.NaN) : strict ? 0 : null;
  }
  // An identity with a blank cell says nothing (only where blank cells are not 0).
  const checked = identitiesChecked(within, values);
  return checked > 0 || (checked === 0 && !strict);
}

/**
 * One figure a line, a row short of figures that no blank lines place, then the next row: when a
 * label is written after its own figures (reading-order text of a tall label cell), the next
 * row's figures are read as the first's, and the next would pass for blank; when the next one's
 * label stands among the first's figures (plain `pdftotext`, where blank lines don't stand for
 * blank cells), the first's last figures are read as the next one's. The next row is doubtful
 * (an error, not a blank-cell warning nor a reading), unless the first row's own cells place it.
 */
function doubtEmptyAfterShort(
  stream: TokenStream,
  rows: readonly RowFigures[],
  spacingOf: (r: RowFigures) => LineSpacing | null,
  stray: () => boolean,
): void {
  // Blank lines stand for blank cells where the spacing places some short row's figures (plain
  // `pdftotext`'s blank lines separate blocks; a spacing may be learnt there that places none).
  const placing = rows.some((r) => {
    const spacing = spacingOf(r);
    return (
      spacing !== null &&
      r.lineLayout &&
      r.figures.length > 0 &&
      r.figures.length < cellCount(r.location) &&
      placeByGaps(r, cellCount(r.location), spacing) !== null
    );
  });
  // Tables where some row holds more figures than cells: figures stand off their rows there.
  const overfullTables = new Set(
    rows.filter((x) => x.figures.length > cellCount(x.location)).map((x) => x.location.table),
  );
  const overfull = (table: RowLocation['table']) => overfullTables.has(table);
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i] as RowFigures;
    const before = rows[i - 1] as RowFigures;
    // (`empty` says nothing of a row with figures; of a row with none, this says more than `run`.)
    const doubt = r.location.doubtful;
    const weaker = (doubt === 'empty' && r.figures.length > 0) || (doubt === 'run' && r.figures.length === 0);
    // A row with figures only where blank lines don't stand for blank cells: where they do, each
    // row's label is written before its own cells. (Its figures each last on a line: its first
    // may share its line with a piece of its wrapped label, 「其他对外管理服务事 56」「项」「-14」.)
    if ((r.figures.length > 0 && (!lastOnLines(r) || placing)) || (doubt && !weaker)) continue;
    if (before.location.table !== r.location.table) continue;
    // Rows of a grid each on a line of their own, label and figures: no figure leaves its row.
    if (ownGridLine(before, stream) && ownGridLine(r, stream)) continue;
    const n = cellCount(before.location);
    // A figure alone after its label (「开 0」) may be a line of a column-aligned layout, a row with
    // blank cells; not in a table where rows hold more figures than cells (reading order), before
    // a row as full as its cells (one with fewer or more is named for that there).
    const short =
      before.figures.length > 0 &&
      before.figures.length < n &&
      (lastOnLines(before) ||
        (r.figures.length === cellCount(r.location) &&
          overfull(r.location.table) &&
          before.figures.every((f) => f.token.last)));
    const spacing = spacingOf(before);
    if (short && !(spacing && placeByGaps(before, n, spacing)) && !byTrailingCells(before, stream, stray))
      r.location.doubtful = 'after-short';
    // Else the row before holds figures that may be another row's: they may be this one's too.
    else {
      const doubted = before.location.doubtful;
      if (
        r.figures.length === 0 &&
        before.figures.length > 0 &&
        before.lineLayout &&
        (doubted === 'after-short' || doubted === 'run')
      )
        r.location.doubtful = 'after-doubted';
      // Or the row before has none and is not read as blank, its figures perhaps written before
      // its label: labels of two rows or more written after their figures (a tall label cell
      // each) leave those figures before the first, so this one's may stand there too. (A doubt
      // the row has already, `run`, says it more exactly.)
      else if (!doubt && r.figures.length === 0 && before.figures.length === 0 && afterDoubts.has(doubted))
        r.location.doubtful = 'after-empty';
    }
  }
  // A full row before a short one in a table where rows hold more figures than cells, its last
  // figure set off the others otherwise than they are from each other: that may be the short
  // row's first, standing before its label (six 0s each after an empty line, then 「0」 right
  // after the last, then 「（一）予以公开」 and six 0s).
  for (let i = 0; i + 1 < rows.length; i++) {
    const r = rows[i] as RowFigures;
    const next = rows[i + 1] as RowFigures;
    if (r.location.table !== next.location.table || !overfull(r.location.table)) continue;
    if ((r.location.doubtful && r.location.doubtful !== 'empty') || next.location.collapsed) continue;
    if (r.figures.length !== cellCount(r.location) || !lastOnLines(r)) continue;
    if (next.figures.length === 0 || next.figures.length >= cellCount(next.location) || !lastOnLines(next))
      continue;
    if (ownGridLine(r, stream) && ownGridLine(next, stream)) continue;
    // Its last figure set off the others otherwise than they are from each other.
    const inner = r.gaps.slice(1, -1);
    const last = r.gaps.at(-1);
    if (inner.length < 2 || inner.some((g) => g !== inner[0]) || last === inner[0]) continue;
    r.location.doubtful = 'before-short';
  }
}

/**
 * Whether the row's figures stand one a line: each alone on its line, or the first after words
 * on its line (its label's last piece: 「可0」「23」) and the others alone. (A single figure after
 * its label, 「行政许可  0」, is a line of a column-aligned layout as well.)
 */
const lastOnLines = (r: RowFigures): boolean =>
  r.lineLayout ||
  (r.figures.length >= 2 && r.figures.every((f, i) => f.token.last && (i === 0 || f.token.first)));

/** The doubts of a row without figures whose figures may stand before its label. */
const afterDoubts: ReadonlySet<RowLocation['doubtful']> = new Set<RowLocation['doubtful']>([
  'after-short',
  'after-broken',
  'after-doubted',
  'after-empty',
]);

/** Whether the token is a cell of tab-separated text (a loose grid). */
function isLoose(stream: TokenStream, token: Token): boolean {
  const block = stream.blocks[token.block];
  return block?.type === 'table' && block.loose === true;
}

/** Whether the row's label and figures are on one line of a grid (a table's row of cells). */
function ownGridLine(r: RowFigures, stream: TokenStream): boolean {
  const label = r.labelToken;
  if (!label || stream.blocks[label.block]?.type !== 'table') return false;
  return r.figures.every((f) => f.token.block === label.block && f.token.line === label.line);
}

const makers = new WeakMap<FormatSpec, (values: Values) => Cells>();

/**
 * Makes a report's cells from the values by key number (see net.ts): every key of the format in
 * codebook order, null where no value was read. One function per format, written as a single
 * object literal of its keys: the object is built with one shape at once, where writing 200 keys
 * by name into an object (a copied template) took a lookup a key (some 13 µs a report against
 * 1 µs). The keys are the codebook's, written as JSON strings.
 */
function cellsMaker(spec: FormatSpec): (values: Values) => Cells {
  let make = makers.get(spec);
  if (!make) {
    const members = cellKeys(spec).map((key) => `${JSON.stringify(key)}: v[${keyNumber(key)}] ?? null`);
    make = new Function('v', `return {${members.join(', ')}};`) as (values: Values) => Cells;
    makers.set(spec, make);
  }
  return make;
}

/**
 * A document that stops inside a table, in the middle of its figures, was cut off: the row
 * holding its last token (whose last figure may itself be cut), or a last row short of figures.
 */
function cutOff(
  stream: TokenStream,
  tables: readonly TableLocation[],
  rows: readonly RowFigures[],
): RowFigures | undefined {
  const lastToken = stream.tokens.length - 1;
  const holding = rows.find((r) => r.figures.some((f) => f.index === lastToken));
  if (holding) return holding;
  const lastTable = [...tables].reverse().find((t) => t.rows.length > 0);
  const lastRow = rows.find((r) => r.location === lastTable?.rows.at(-1));
  if (
    lastTable &&
    lastRow &&
    lastTable.end === stream.text.length &&
    lastRow.figures.length < lastRow.location.row.cells.length
  )
    return lastRow;
  return undefined;
}

/** One note per table whose figures ran together but cut only one way. */
function reportUniqueSplits(readings: readonly RowReading[], file: SourceFile): void {
  const byTable = new Map<string, RowReading[]>();
  for (const r of readings) {
    if (!r.splitUnique) continue;
    const rows = byTable.get(r.location.part.id);
    if (rows) rows.push(r);
    else byTable.set(r.location.part.id, [r]);
  }
  for (const rows of byTable.values()) {
    const keys: string[] = [];
    for (const r of rows) for (const k of r.keys) keys.push(k);
    file.info(
      'assemble.split',
      `${rows.length} 行的数字连在一起（如「${rows[0]?.printed}」），按「多位数不以 0 开头」各只有一种拆分`,
      { place: pointOf(rows[0]?.token), keys },
    );
  }
}

/**
 * The blank-line spacing of each table's rows: its own where its complete rows agree on one (plain
 * `pdftotext` may space one table's lines apart and not the next's), else the document's, unless
 * some table's own differs from that (the tables are then spaced differently, and one without
 * complete rows can't be told). A table of one row takes the document's where the tables differ
 * only in the lines after a row (a word processor's text, where those are the cells a merged
 * group label covers): its row is the table's last, followed by the lines after a table.
 */
function tableSpacing(
  tables: readonly TableLocation[],
  rows: readonly RowFigures[],
  holds: RowContext['holds'],
): (r: RowFigures) => LineSpacing | null {
  // Rows with figures a line each are the only ones spacing is learnt from or used for.
  if (!rows.some((r) => r.lineLayout)) return () => null;
  let learnt = learnSpacing(rows);
  // Where empty lines are cells, the fewest lines after a complete row are the lines after a row.
  const endBy = learnt && linesAreCells(rows, learnt, holds) ? 'least' : 'mode';
  if (endBy === 'least') learnt = learnSpacing(rows, false, endBy);
  let document = learnt;
  let oneRow = learnt;
  const own = new Map<TableSpec, LineSpacing | null>();
  for (const t of tables) {
    const spacing = learnSpacing(
      rows.filter((r) => r.location.table === t.table),
      true,
      endBy,
    );
    own.set(t.table, spacing);
    if (spacing && document && !sameSpacing(spacing, document)) document = null;
    if (spacing && oneRow && (spacing.cell !== oneRow.cell || spacing.lead !== oneRow.lead)) oneRow = null;
  }
  const spacingOf = (r: RowFigures) =>
    own.get(r.location.table) ??
    (r.location.table.parts.every((p) => p.rows.length === 1) ? oneRow : document);
  // The lines after a table, where the tables whose last row is filled show them.
  const tableEnd = tableEndLines(rows, spacingOf);
  if (tableEnd === undefined) return spacingOf;
  const withEnd = new Map<LineSpacing, LineSpacing>();
  return (r) => {
    const spacing = spacingOf(r);
    if (!spacing) return null;
    let full = withEnd.get(spacing);
    if (!full) {
      full = { ...spacing, tableEnd, cellsShown: endBy === 'least' };
      withEnd.set(spacing, full);
    }
    return full;
  };
}

const sameSpacing = (a: LineSpacing, b: LineSpacing): boolean =>
  a.cell === b.cell && a.lead === b.lead && a.end === b.end;

/**
 * A short row of tab-separated text whose figures fill its cells from the first after its label
 * to the last that isn't empty (see tab-cells.ts), followed by as many empty cells as it lacks:
 * those are its last cells, left blank. Where the document's rows may end with a stray tab (a row
 * whose figures fill it has an empty cell after them), one empty cell more: a stray tab after a
 * row that lost a cell would look the same. Null for any other row (a lost cell is never taken
 * for a blank one).
 */
export function byTrailingCells(
  r: RowFigures,
  stream: TokenStream,
  strayTabs: () => boolean,
): (Figure | null)[] | null {
  const n = cellCount(r.location);
  const first = r.figures[0];
  const last = r.figures.at(-1);
  if (!first || !last || r.figures.length >= n) return null;
  const row = tabRow(stream, first.index, last.index, r.location.label?.firstToken);
  if (!row || row.cells !== r.figures.length) return null;
  if (row.trailing !== n - r.figures.length + (strayTabs() ? 1 : 0)) return null;
  const placed: (Figure | null)[] = [...r.figures];
  while (placed.length < n) placed.push(null);
  return placed;
}

/** Whether a row of tab-separated text whose figures fill it has an empty cell after them (a stray tab). */
function strayTabs(stream: TokenStream, rows: readonly RowFigures[]): boolean {
  return rows.some((r) => {
    const first = r.figures[0];
    const last = r.figures.at(-1);
    return (
      first !== undefined &&
      last !== undefined &&
      r.figures.length === cellCount(r.location) &&
      trailingCells(stream, first.index, last.index) > 0
    );
  });
}
