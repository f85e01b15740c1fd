import type { SourceFile } from '../core/source-file.js';
import type { FormatSpec, LabelSpec, RowSpec, TablePartSpec, TableSpec } from '../spec/types.js';
import { compact } from '../text/fold.js';
import type { Evidence } from './evidence.js';
import { isNumbering, nextNumbering } from './figures.js';
import type { Outline } from './outline.js';
import {
  alignPart,
  alignReadingOrder,
  alignUnderCaption,
  labelColumn,
  labelsClose,
  onlyFigures,
} from './reading-order.js';
import { identitiesChecked, identitiesOfRow } from './row-identities.js';
import {
  cellCount,
  columnLeaves,
  findRow,
  headerEnd,
  locateTable,
  type RowLocation,
  rowLocation,
  type TableLocation,
} from './rows.js';
import { parseLoose } from './split.js';
import type { LabelMatch, TokenStream } from './stream.js';
import { labelCellsEnd } from './tab-cells.js';
import { pointOf, type Token } from './tokens.js';

/**
 * Finds each table of the format in the part that holds it (up to the next heading), with its
 * rows; reports tables and rows not found and records label variants and the 勾稽 note.
 */
export function locateTables(
  stream: TokenStream,
  spec: FormatSpec,
  parts: Outline,
  evidence: Evidence,
  file: SourceFile,
): TableLocation[] {
  const tables: TableLocation[] = [];
  let previousEnd = parts.ordered[0]?.end ?? 0;
  for (const [t, table] of spec.tables.entries()) {
    const heading = parts.chosen.get(table.section);
    const start = heading?.end ?? previousEnd;
    const next = parts.ordered.find((h) => h.start >= start && h.section.number > table.section);
    const end = nextTableStart(stream, spec.tables[t + 1], parts, start, next?.start ?? stream.text.length);
    const located = locateTable(stream, table, start, end);
    leaveOutLabelCells(stream, located.rows);
    const location = realigned(stream, spec, located, start, end);
    if (location !== located) leaveOutLabelCells(stream, location.rows);
    // (On the rows as realigned: a realigned item takes figures that broke another row's range.)
    doubtBrokenRanges(stream, location.rows);
    doubtUnsettled(stream, location.rows);
    doubtDamagedEmpty(stream, location);
    doubtAfterMissing(stream, location);
    doubtUnlabelledBlank(stream, location);
    doubtGluedStretches(stream, location.rows);
    tables.push(location);
    previousEnd = Math.max(previousEnd, location.rows.at(-1)?.label?.end ?? start);
    for (const v of location.variants) {
      const row = location.rows.find((r) => r.label === v);
      evidence.labelVariants.push({
        official: row?.row.path.at(-1)?.official ?? v.matched,
        found: v.matched,
        place: pointOf(stream.tokens[v.firstToken]),
        keys: row?.row.cells.map((c) => c.key) ?? [],
      });
    }
    collectHeaderVariants(stream, location, evidence);
    const note = table.parts.find((p) => p.note)?.note;
    if (note) evidence.balanceNote = location.rows.length > 0 ? stream.find(note, start, end) !== null : null;

    const labelled = location.rows.some((r) => r.label);
    // (The header is looked for only when the rest says the table may be missing.)
    const unlabelledEmpty = () => location.rows.every((r) => r.label || r.from >= r.to);
    const headerFound = () => table.parts.some((p) => headerFoundIn(stream, p, start, end));
    if (!heading && !labelled && (unlabelledEmpty() || !headerFound())) {
      file.error('assemble.table-missing', `未找到「${table.title}」表格，其单元格记为空值`, {
        keys: table.parts.flatMap((p) => p.rows.flatMap((r) => r.cells.map((c) => c.key))),
      });
      location.rows = [];
      location.missing = [];
      location.damaged = [];
    }
    for (const d of location.damaged) {
      const at = { place: pointOf(stream.tokens[d.label.firstToken]), keys: d.row.cells.map((c) => c.key) };
      // Whole, but not where the format's order looked for it (before its part's header, say).
      if (d.distance === 0)
        file.info(
          'assemble.label-moved',
          `「${d.label.matched}」不在格式的位置上，按前后各行的次序认作该行`,
          at,
        );
      else
        file.info(
          'assemble.label-damaged',
          `「${d.label.matched}」与「${d.row.path.at(-1)?.official}」有 ${d.distance} 处不同，按表格的行序认作该行`,
          at,
        );
    }
    warnOtherRows(stream, location, file);
    for (const m of location.missing)
      file.error('assemble.row-missing', `未找到「${m.row.path.at(-1)?.official}」行，该行各单元格记为空值`, {
        place: pointOf(stream.tokens[stream.tokenAt(heading?.start ?? start)]),
        keys: m.row.cells.map((c) => c.key),
      });
  }
  if (stream.tokens.length > 0 && tables.every((t) => t.rows.every((r) => r.from >= r.to)))
    file.error('assemble.no-tables', '未找到年度报告的统计表格，无法读取数字');
  return tables;
}

/** Whether most of a part's column labels stand in [from, to). */
function headerFoundIn(stream: TokenStream, part: TablePartSpec, from: number, to: number): boolean {
  const leaves = columnLeaves(part);
  const found = leaves.filter((l) => stream.find(l, from, to) !== null).length;
  return found * 2 >= leaves.length && found > 0;
}

const headerLabelsOf = new WeakMap<TablePartSpec, LabelSpec[]>();

/**
 * The labels of a part's header: caption, corner, note and every label of its columns' paths,
 * each once (a group label heads several columns; searching it again finds the same place).
 */
function headerLabels(part: TablePartSpec): LabelSpec[] {
  let labels = headerLabelsOf.get(part);
  if (!labels) {
    const all = [part.caption, part.corner, part.note, ...part.columns.flatMap((c) => c.path)];
    labels = [...new Set(all.filter((l): l is LabelSpec => !!l))];
    headerLabelsOf.set(part, labels);
  }
  return labels;
}

/**
 * Offset in the compact stream where the table's header starts: its first caption, note or column
 * label before the first row (which starts at offset `firstRow`). A label met in a sentence of
 * prose standing apart from the table (「其他处理9件」 before a grid) is the prose's word, not the
 * header: `inProse` tells such tokens, and the search goes on after them.
 */
export function headerOffset(
  stream: TokenStream,
  t: TableLocation,
  firstRow: number,
  inProse: (token: number) => boolean = () => false,
): number {
  let earliest = firstRow;
  for (const part of t.table.parts) {
    for (const label of headerLabels(part)) {
      for (let from = t.start; ; ) {
        const m = stream.find(label, from, firstRow);
        if (!m) break;
        if (inProse(m.firstToken)) {
          from = m.end;
          continue;
        }
        if (m.start < earliest) earliest = m.start;
        break;
      }
    }
  }
  return earliest;
}

/** Column labels written in a non-standard wording (「社会组织」, 「本年发件数」). */
function collectHeaderVariants(stream: TokenStream, t: TableLocation, evidence: Evidence): void {
  let from = t.start;
  for (const part of t.table.parts) {
    const firstRow = t.rows.find((r) => r.part === part && r.label);
    const to = firstRow?.label?.start ?? t.end;
    for (const { own, index } of variantColumns(part)) {
      const m = stream.find(own, from, to);
      if (m?.variant)
        evidence.labelVariants.push({
          official: own.official,
          found: m.matched,
          place: pointOf(stream.tokens[m.firstToken]),
          keys: part.rows.map((r) => r.cells[index]?.key).filter((k): k is string => !!k),
        });
    }
    let last: RowLocation | undefined;
    for (let k = t.rows.length - 1; k >= 0 && !last; k--) if (t.rows[k]?.part === part) last = t.rows[k];
    from = last ? stream.offsetOf(last.to) : from;
  }
}

const variantColumnsOf = new WeakMap<TablePartSpec, { own: LabelSpec; index: number }[]>();

/** The part's column labels that have variants, each once (at its first column). */
function variantColumns(part: TablePartSpec): { own: LabelSpec; index: number }[] {
  let columns = variantColumnsOf.get(part);
  if (!columns) {
    columns = [];
    const seen = new Set<string>();
    for (const [index, column] of part.columns.entries()) {
      const own = column.path.at(-1);
      if (!own?.variants || seen.has(own.official)) continue;
      seen.add(own.official);
      columns.push({ own, index });
    }
    variantColumnsOf.set(part, columns);
  }
  return columns;
}

/**
 * A table of several parts (table 二) whose rows were not all found in order, or hold more figures
 * than a row has cells: each part with such a row read again as reading-order text, from its
 * caption to the next part's (the captions found in order), when its figures align exactly.
 */
function realignedParts(
  stream: TokenStream,
  spec: FormatSpec,
  location: TableLocation,
  start: number,
  end: number,
): TableLocation {
  const parts = location.table.parts;
  const captions: number[] = [];
  for (let i = 0, at = start; i < parts.length; i++) {
    const caption = (parts[i] as TablePartSpec).caption;
    const m = caption ? stream.find(caption, at, end) : null;
    if (!m) return location;
    captions.push(m.start);
    at = m.end;
  }
  const rows = [...location.rows];
  const missing = [...location.missing];
  const damaged = [...location.damaged];
  const realignedRows = new Set<RowLocation>();
  // Every row's label in one column before the first caption: looked for once, when needed.
  let column: Map<TablePartSpec, LabelMatch[]> | null | undefined;
  let changed = false;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as TablePartSpec;
    const own = (r: { row: RowSpec }) => part.rows.includes(r.row);
    const located = rows.filter((r) => r.part === part);
    const from = stream.tokenAt(captions[i] as number);
    const to = stream.tokenAt(captions[i + 1] ?? end);
    const counts = figureCounts(stream, located);
    const troubled =
      missing.some(own) ||
      damaged.some(own) ||
      located.some((r, k) => (counts[k] as number) > cellCount(r)) ||
      // Figures of the part that no row holds (a label written after its figures).
      strayFigures(stream, from, to, located);
    if (!troubled) continue;
    const regionEnd = captions[i + 1] ?? end;
    // Not where another item's column header stands in the stretch (a table given column by
    // column): its figures may be that column's.
    if (foreignHeaderIn(stream, parts, part, captions[i] as number, regionEnd)) continue;
    let aligned = alignPart(stream, part, captions[i] as number, regionEnd, spec.identities);
    if (!aligned) {
      if (column === undefined) column = labelColumn(stream, parts, start, captions[0] as number);
      const labels = column?.get(part);
      if (labels) aligned = alignUnderCaption(stream, part, captions[i] as number, regionEnd, labels);
    }
    if (!aligned) continue;
    const tableEnd = located[0]?.tableEnd ?? stream.tokenAt(end);
    // The part's rows in the format's order: where its first row stood, or before the next part's.
    const at = rows.findIndex((r) => parts.indexOf(r.part) >= i);
    const placed = aligned.rows.map((r) =>
      rowLocation(r.row, r.part, location.table, r.label, r.from, r.to, tableEnd, undefined),
    );
    rows.splice(at === -1 ? rows.length : at, located.length, ...placed);
    for (const r of placed) realignedRows.add(r);
    for (const list of [missing, damaged] as { row: RowSpec }[][])
      for (let k = list.length - 1; k >= 0; k--) if (own(list[k] as { row: RowSpec })) list.splice(k, 1);
    changed = true;
  }
  if (changed) trimClaimed(stream, rows, realignedRows);
  // A row whose figures run on past a later part's caption, the caption right after its label
  // too: those are that part's (its labels written after them), so the row can't be told.
  for (const r of rows) {
    const own = parts.indexOf(r.part);
    for (let j = own + 1; j < parts.length && !r.doubtful; j++) {
      const caption = stream.tokenAt(captions[j] as number);
      if (caption < r.from || caption >= r.to) continue;
      for (let k = caption; k < r.to; k++) if (stream.tokens[k]?.kind === 'num') r.doubtful = 'stray';
    }
  }
  return changed ? { ...location, rows, missing, damaged } : location;
}

/**
 * A row of another part whose range ran on over figures a realigned part now holds (a label
 * written after its figures) ends before them.
 */
function trimClaimed(
  stream: TokenStream,
  rows: RowLocation[],
  realignedRows: ReadonlySet<RowLocation>,
): void {
  const claimed = new Set<number>();
  for (const r of rows) if (realignedRows.has(r)) for (let k = r.from; k < r.to; k++) claimed.add(k);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as RowLocation;
    if (realignedRows.has(r)) continue;
    let to = r.to;
    while (to > r.from && (claimed.has(to - 1) || stream.tokens[to - 1]?.kind === 'text')) to--;
    let rest = false;
    for (let k = r.from; k < to && !rest; k++) rest = claimed.has(k);
    if (to < r.to && !rest && [...claimed].some((k) => k >= to && k < r.to)) rows[i] = { ...r, to };
  }
}

/** Whether a figure alone on its line in the tokens [from, to) lies outside every row's range. */
function strayFigures(stream: TokenStream, from: number, to: number, rows: readonly RowLocation[]): boolean {
  let held: Uint8Array | null = null;
  for (let k = from; k < to; k++) {
    const t = stream.tokens[k] as Token;
    if (t.kind !== 'num' || !t.first || !t.last || stream.inGrid(k)) continue;
    // The rows' ranges, marked when the first such figure is met (most tables have none).
    if (!held) {
      held = new Uint8Array(to - from);
      for (const r of rows)
        for (let i = Math.max(r.from, from), stop = Math.min(r.to, to); i < stop; i++) held[i - from] = 1;
    }
    if (held[k - from] === 0) return true;
  }
  return false;
}

/**
 * A row whose figures stand on a row of comma-separated values that the text does not settle (a
 * comma between figures may separate cells or group thousands, see comma-rows.ts): its figures
 * can't be told, whatever else was doubted of it.
 */
function doubtUnsettled(stream: TokenStream, rows: readonly RowLocation[]): void {
  if (!stream.blocks.some((b) => b.type === 'table' && b.commas?.unsettled.length)) return;
  for (const r of rows) {
    for (let k = r.from; k < r.to && r.doubtful !== 'commas'; k++) {
      const token = stream.tokens[k] as Token;
      const block = stream.blocks[token.block];
      if (token.kind === 'num' && block?.type === 'table' && block.commas?.unsettled.includes(token.line))
        r.doubtful = 'commas';
    }
  }
}

/**
 * A row found only by damaged wording of its label (not the wording whole, elsewhere) with no
 * figures after it: where its label starts is unsure, and its figures may stand before the words
 * taken for it (「1.申请人无正当 … 0」「其他处  理由逾期不补」「理  正、行政机关不…」, a group label's
 * pieces among its lines). Not read as blank.
 */
function doubtDamagedEmpty(stream: TokenStream, location: TableLocation): void {
  for (const d of location.damaged) {
    if (d.distance === 0) continue;
    const r = location.rows.find((row) => row.label === d.label);
    if (!r || r.doubtful) continue;
    if (!holdsFigures(stream, r)) r.doubtful = 'damaged';
  }
}

/**
 * The row right after a row of the format that was not found, in a table where some row holds
 * more figures than its cells (`empty`: figures stand away from their labels), its figures each
 * alone on its line: they may be the lost row's, whose label (spread over lines, or damaged) was
 * written after them, the count matching by chance (blank cells leave no line). The row is
 * doubtful; so is such a row found only by damaged wording or whole out of the format's place,
 * its figures each ending a line (`damaged-after-missing`). (Only where rows are missing: most
 * tables have none.)
 */
function doubtAfterMissing(stream: TokenStream, location: TableLocation): void {
  for (const m of location.missing) {
    const after = m.part.rows[m.part.rows.indexOf(m.row) + 1];
    const r = after && location.rows.find((row) => row.row === after);
    if (!r?.label || r.collapsed) continue;
    // Or a row found only by damaged wording, or whole but out of the format's place: the lost
    // row's label and its, spread a character a line, may stand interleaved
    // (「规|规|…|章0|范|性|文|件0|0|0」, or 「规|…|章 0|规 范 性 文 件 0|…|0|0」), their figures too.
    const damaged =
      (!r.doubtful || r.doubtful === 'empty') && location.damaged.some((d) => d.label === r.label);
    if (r.doubtful !== 'empty' && !damaged) continue;
    if (!holdsFigures(stream, r)) continue;
    if (r.doubtful === 'empty' && figuresAlone(stream, r)) r.doubtful = 'after-missing';
    else if (damaged && figuresEndLines(stream, r)) r.doubtful = 'damaged-after-missing';
  }
}

/**
 * Names each row of a grid that the format does not have (「合计 | 9」, see rows.ts beforeOtherRow):
 * its figures are counted in no cell. Not a group's label before a row of the format in its grid
 * row (「（三）不予公开 | 1.属于国家秘密 | …」), where a row's range ends too.
 */
function warnOtherRows(stream: TokenStream, location: TableLocation, file: SourceFile): void {
  if (location.rows.length === 0) return;
  for (const k of new Set(location.otherRows)) {
    const words = stream.tokens[k] as Token;
    const gridRow = stream.gridRow(k);
    const ofRow = (r: RowLocation) =>
      r.label !== null &&
      (stream.tokens[r.label.firstToken] as Token).block === words.block &&
      stream.gridRow(r.label.firstToken) === gridRow;
    if (location.rows.some(ofRow)) continue;
    const text = words.text.length > 20 ? `${words.text.slice(0, 20)}…` : words.text;
    file.warn(
      'assemble.extra-row',
      `「${location.table.title}」中的「${text}」一行不是规定格式中的行，其数字不计入任何单元格`,
      { place: pointOf(words) },
    );
  }
}

/** Whether the row's range holds a figure (or a blank mark). */
function holdsFigures(stream: TokenStream, r: RowLocation): boolean {
  for (let k = r.from; k < r.to; k++) if (stream.tokens[k]?.kind !== 'text') return true;
  return false;
}

/**
 * Where the table after this one starts, when its part's heading was not found (else `end`, the
 * next heading's start): at its first row's label, so that this table's last row does not read
 * across its header into its first row's figures (「行政事业性收费　（…）申请人情况…一、本年新收
 * 政府信息公开申请数量301411111269」, 行政事业性收费 blank).
 */
function nextTableStart(
  stream: TokenStream,
  following: TableSpec | undefined,
  parts: Outline,
  start: number,
  end: number,
): number {
  if (!following || parts.chosen.has(following.section)) return end;
  const first = following.parts[0]?.rows.find((r) => r.path.length > 0);
  return (first && findRow(stream, first, start, end)?.start) ?? end;
}

/**
 * A row without a label (table 四) reads the figures after its table's last words. Where the next
 * part's heading was not found, the table runs on into that part's prose, and the figures before
 * those words would read as blank: such a row that holds no figure while a figure stands after
 * its part's header (without one found, a line of figures only in the table before it) is
 * doubtful (`unlabelled-blank`).
 */
function doubtUnlabelledBlank(stream: TokenStream, location: TableLocation): void {
  for (const r of location.rows) {
    if (r.label || r.doubtful || holdsFigures(stream, r)) continue;
    const header = headerEnd(stream, r.part, location.start, location.end);
    for (let k = stream.tokenAt(header ?? location.start); k < r.from; k++)
      if (stream.tokens[k]?.kind === 'num' && (header !== null || onlyFigures(stream, k))) {
        r.doubtful = 'unlabelled-blank';
        break;
      }
  }
}

/**
 * Whether each figure in the row's range ends its line, outside a grid: one a line, the first
 * perhaps after the label's last piece (「件0」).
 */
function figuresEndLines(stream: TokenStream, row: RowLocation): boolean {
  for (let k = row.from; k < row.to; k++) {
    const t = stream.tokens[k] as Token;
    if (t.kind !== 'text' && !(t.last && !stream.inGrid(k))) return false;
  }
  return true;
}

/** Marks every labelled row of the table doubtful (unless it already is). */
function doubtAll(rows: readonly RowLocation[], why: NonNullable<RowLocation['doubtful']>): void {
  for (const r of rows) if (r.label && !r.doubtful) r.doubtful = why;
}

/**
 * Rows of tab-separated text whose figures' range starts with empty cells that are their label's
 * (see labelCellsEnd): the range starts after them.
 */
function leaveOutLabelCells(stream: TokenStream, rows: readonly RowLocation[]): void {
  const ends = labelCellsEnd(stream, rows);
  if (!ends) return;
  for (let i = 0; i < rows.length; i++) {
    const end = ends[i];
    if (end != null) (rows[i] as RowLocation).from = end;
  }
}

/**
 * Figures in each row's range (the next row's numbering 「1.」 written at its end is none; empty grid
 * cells past the row's last cell are a decorative column, as collectFigures reads them).
 */
function figureCounts(stream: TokenStream, rows: readonly RowLocation[]): number[] {
  return rows.map((r, i) => {
    const numbering = nextNumbering(stream, r, rows[i + 1]);
    let figures = 0;
    let emptyAtEnd = 0;
    for (let k = r.from; k < r.to; k++) {
      const token = stream.tokens[k] as Token;
      if (token.kind === 'text' || (k === numbering.at && numbering.rest === '')) continue;
      figures++;
      emptyAtEnd = token.kind === 'blank' && token.text === '' ? emptyAtEnd + 1 : 0;
    }
    return figures - Math.min(emptyAtEnd, Math.max(0, figures - cellCount(r)));
  });
}

/**
 * Labels of several rows written one after another, then all their figures (a tall cell's rows as
 * plain `pdftotext` gives a table LibreOffice or Word drew): the last row's range holds the run's
 * figures. They are shared out in the rows' order (the ranges of `rows` and `counts` updated) when
 * that is the only reading: each earlier row of the run, of the same part, has no figure in its
 * range, and the row before the run has some (or is of another part: the run is whole); the
 * figures, numbers on lines of figures only, are exactly the run's cells (so none is blank); the
 * row before the run holds no more than its cells (nor fewer, in the same part) and the row after
 * it no fewer (figures there would make another reading: labels written after their figures).
 * Returns whether a run was shared out.
 */
function splitLabelRuns(
  stream: TokenStream,
  spec: FormatSpec,
  rows: RowLocation[],
  counts: number[],
): boolean {
  let changed = false;
  for (let b = 0; b < rows.length; b++) {
    const last = rows[b] as RowLocation;
    const count = counts[b] as number;
    if (count <= cellCount(last) || last.collapsed) continue;
    // The figures together, numbers on lines of their own (words around them, such as the next
    // part's header, are left out).
    let first = last.from;
    while (first < last.to && stream.tokens[first]?.kind === 'text') first++;
    let together = first + count <= last.to;
    for (let k = first; k < first + count && together; k++)
      together = stream.tokens[k]?.kind === 'num' && onlyFigures(stream, k) && !stream.inGrid(k);
    if (!together) continue;
    let need = cellCount(last);
    let a = b;
    while (need < count && a > 0) {
      const row = rows[a - 1] as RowLocation;
      if (row.part !== last.part || !row.label || row.collapsed || counts[a - 1] !== 0) break;
      need += cellCount(row);
      a--;
    }
    if (need !== count || a === b) continue;
    // The whole run: the row before it holds figures, or is of another part (else the figures
    // might start with its, blank cells making up the count).
    const before = rows[a - 1];
    if (before && before.part === last.part && before.label && !before.collapsed && counts[a - 1] === 0)
      continue;
    if (before && (counts[a - 1] as number) > cellCount(before)) continue;
    // A row before it short of figures (blank cells leave no line): its others may be among the
    // run's, the count then matching by chance.
    if (before && before.part === last.part && (counts[a - 1] as number) < cellCount(before)) continue;
    const after = rows[b + 1];
    if (after && (counts[b + 1] as number) < cellCount(after)) continue;
    // Shared out row by row, each row's own identities must hold: a table given column by column
    // (「0|0|0|0|0|0|0|0|0|0|0|11|…」 down each column) has its cells in another order.
    if (!rowsHold(stream, spec, rows, a, b, first)) {
      for (let r = a; r <= b; r++) (rows[r] as RowLocation).doubtful ??= 'run-order';
      continue;
    }
    let at = first;
    for (let r = a; r <= b; r++) {
      const row = rows[r] as RowLocation;
      const n = cellCount(row);
      row.from = at;
      row.to = at + n;
      counts[r] = n;
      at += n;
    }
    changed = true;
  }
  return changed;
}

/** Whether rows a..b, given the figures from token `first` on in order, each hold their own identities. */
function rowsHold(
  stream: TokenStream,
  spec: FormatSpec,
  rows: readonly RowLocation[],
  a: number,
  b: number,
  first: number,
): boolean {
  let at = first;
  for (let r = a; r <= b; r++) {
    const cells = (rows[r] as RowLocation).row.cells;
    const values: (number | null)[] = [];
    for (let i = 0; i < cells.length; i++) values.push(parseLoose((stream.tokens[at + i] as Token).text));
    if (identitiesChecked(identitiesOfRow(spec, cells), values) < 0) return false;
    at += cells.length;
  }
  return true;
}

/**
 * Labels written one line after another with no figure between them, then figures each alone on
 * its line (not a column-aligned layout, whose columns place blanks), not as many as the run's
 * cells (so some are blank, and a blank cell leaves no line in plain `pdftotext`): the figures may
 * be any row's of the run. Every row of such a run is doubtful (an error), none read as blank or
 * as holding the figures; so is the row before it when its figures stand alone on their lines.
 */
function doubtLabelRuns(stream: TokenStream, rows: readonly RowLocation[], counts: readonly number[]): void {
  for (let b = 1; b < rows.length; b++) {
    const last = rows[b] as RowLocation;
    if ((counts[b] as number) === 0 || !last.label || last.doubtful) continue;
    // (Most rows are settled here: the row before holds figures.)
    if (counts[b - 1] !== 0 || (rows[b - 1] as RowLocation).part !== last.part) continue;
    if (!figuresAlone(stream, last)) continue;
    let a = b;
    while (a > 0) {
      const row = rows[a - 1] as RowLocation;
      const next = rows[a] as RowLocation;
      if (row.part !== last.part || !row.label || !next.label || row.collapsed || counts[a - 1] !== 0) break;
      if (!labelsClose(stream, row.label, next.label)) break;
      a--;
    }
    if (a === b) continue;
    for (let r = a; r < b; r++) (rows[r] as RowLocation).doubtful = 'run';
    last.doubtful = 'run';
    // The row before the run, its figures one a line right before the run's labels: they may be
    // the run's, written before its labels (a count that matches its cells is no proof, blank
    // cells leaving no line).
    const before = rows[a - 1];
    const weak = !before?.doubtful || before.doubtful === 'empty';
    if (
      before?.label &&
      before.part === last.part &&
      weak &&
      !before.collapsed &&
      (counts[a - 1] as number) > 0 &&
      figuresAlone(stream, before)
    )
      before.doubtful = 'run';
  }
}

/**
 * Whether each figure in the row's range stands alone on its line, outside a grid (the next row's
 * numbering, 「7.」, may end the range).
 */
function figuresAlone(stream: TokenStream, row: RowLocation): boolean {
  for (let k = row.from; k < row.to; k++) {
    const t = stream.tokens[k] as Token;
    const numbering = k === row.to - 1 && t.kind === 'num' && t.first && !t.last;
    if (t.kind !== 'text' && !numbering && !(t.kind === 'num' && t.first && t.last && !stream.inGrid(k)))
      return false;
  }
  return true;
}

/**
 * Whether a column header of another item than `part` (its own columns aside: items share
 * 「本年处理决定数量」) stands in the compact stream's [from, to): a table given column by column,
 * whose figures after it are that column's.
 */
function foreignHeaderIn(
  stream: TokenStream,
  parts: readonly TablePartSpec[],
  part: TablePartSpec,
  from: number,
  to: number,
): boolean {
  return parts.some(
    (p) => p !== part && columnLeaves(p).some((leaf) => !ownLeaf(part, leaf) && stream.find(leaf, from, to)),
  );
}

/**
 * Figures each alone on its line, then words that are no label of the row, then more figures, all
 * after one row's label (plain `pdftotext` of a table given partly column by column: another
 * item's header, and its figures, before the next row's label): the later figures may be any
 * row's. The row is doubtful.
 */
function doubtBrokenRanges(stream: TokenStream, rows: readonly RowLocation[]): void {
  const parts = rows[0]?.table.parts ?? [];
  markBroken(stream, rows, parts);
  markNumbered(stream, rows);
  // A row after a broken one with no figures of its own: the broken row's later figures may be
  // its own, written before its label (reading-order text); it is not read as blank.
  for (let i = 1; i < rows.length; i++) {
    const r = rows[i] as RowLocation;
    const before = (rows[i - 1] as RowLocation).doubtful;
    if ((before !== 'broken' && before !== 'numbered') || r.doubtful) continue;
    let figures = false;
    // (The next row's numbering, 「4」 of 「4.无正当…」 before its label's words, is no figure.)
    for (let k = r.from; k < r.to && !figures; k++)
      figures = stream.tokens[k]?.kind !== 'text' && !isNumbering(stream, k);
    if (!figures) r.doubtful = 'after-broken';
  }
}

/**
 * Marks `broken` each row still read whole whose figures come in two stretches, words between
 * that are no piece of its own label, each stretch ending a line, its first figure glued to the
 * words before it (「其他对外管理服务事项1」, 「罚0」: a label, or a piece of one spread a
 * character a line), as many figures as the row's cells: read whole, the row would raise no
 * doubt, yet the later figures may be the next rows' (their labels spread and interleaved, not
 * found: 「…服务事项1|信|行|行|…|罚0|制 41」 read 1 0 41 for 1 −3 1). Run after the other doubts,
 * which name such rows more exactly; with more or fewer figures than cells a row is named for
 * that anyway.
 */
function doubtGluedStretches(stream: TokenStream, rows: readonly RowLocation[]): void {
  for (const r of rows) {
    if ((r.doubtful && r.doubtful !== 'empty') || !r.label) continue;
    let ended = false;
    // The words between the first stretch and the next figure: token indexes [from, to).
    let from = -1;
    let to = -1;
    let count = 0;
    for (let k = r.from; k < r.to; k++) {
      const t = stream.tokens[k] as Token;
      if (t.kind !== 'text' && !isNumbering(stream, k)) count++;
      if (t.kind === 'num' && t.last && !stream.inGrid(k)) {
        if (from !== -1 && to === -1) to = k;
        ended = true;
      } else if (t.kind === 'text' && ended && from === -1) from = k;
    }
    if (to === -1 || count !== cellCount(r)) continue;
    // Words of the row's own labels (its wrapped end, pieces of its group's label beside it), or
    // the table's header (the first row's label among the header's lines): its own figures.
    let foreign = false;
    for (let k = from; k < to && !foreign; k++) {
      const t = stream.tokens[k] as Token;
      if (t.kind === 'text' && !ownWords(r, t.text)) foreign = true;
    }
    if (foreign && !ownHeaderIn(stream, r.part, stream.offsetOf(from), stream.offsetOf(to)))
      r.doubtful = 'broken';
  }
}

/** Whether words are a piece of one of the row's labels (its own, its group's). */
function ownWords(r: RowLocation, words: string): boolean {
  const piece = compact(words);
  return r.row.path.some((label) => compact(label.official).includes(piece));
}

/** Whether a row's range holds a figure or a blank mark (a label's numbering is none). */
function hasFigure(stream: TokenStream, r: RowLocation): boolean {
  for (let k = r.from; k < r.to; k++)
    if (stream.tokens[k]?.kind !== 'text' && !isNumbering(stream, k)) return true;
  return false;
}

/**
 * Whether the part's column header stands in [from, to): its leaves together (see `headerEnd`), or
 * a label that groups columns (「申请人情况」「法人或其他组织」), which no row's label holds, however
 * the header's lines are interleaved.
 */
function ownHeaderIn(stream: TokenStream, part: TablePartSpec, from: number, to: number): boolean {
  if (headerEnd(stream, part, from, to) !== null) return true;
  const groups = new Set(part.columns.flatMap((c) => c.path.slice(0, -1)));
  for (const group of groups) if (stream.find(group, from, to)) return true;
  return false;
}

/** Marks `broken` each row whose figures come, words between, in two stretches (see above). */
function markBroken(
  stream: TokenStream,
  rows: readonly RowLocation[],
  parts: readonly TablePartSpec[],
): void {
  for (const [i, r] of rows.entries()) {
    // (`empty` tells only of a row with no figures: a row with some may still be broken.)
    if ((r.doubtful && r.doubtful !== 'empty') || !r.label) continue;
    let figures = false;
    let wordsAfter = false;
    let words = -1;
    let first = -1;
    let last = -1;
    for (let k = r.from; k < r.to; k++) {
      const t = stream.tokens[k] as Token;
      if (t.kind === 'num' && t.first && t.last && !stream.inGrid(k)) {
        if (wordsAfter) {
          r.doubtful = 'broken';
          break;
        }
        figures = true;
        if (first === -1) first = k;
        last = k;
      } else if (t.kind === 'text') {
        if (words === -1) words = k;
        if (figures) wordsAfter = true;
      }
    }
    if (r.doubtful === 'broken' || words === -1 || last < words) continue;
    // In a table where rows hold more figures than cells (`empty`: reading order, labels away from
    // their figures), a row whose label ends a run of labels (the row before holds no figure) and
    // whose figures stand after the table's own column header (the header a new page repeats):
    // those figures may be any row's of the run, or of a row before (plain `pdftotext` gave
    // 「（七）总计|四、结转…」, then page 3's header, then the row of 「5.要求行政机关确认…」, whose
    // label stood before the run). (The first row's label may stand among the header's lines.)
    const before = rows[i - 1];
    if (
      r.doubtful === 'empty' &&
      words < first &&
      before?.label &&
      before.part === r.part &&
      !hasFigure(stream, before) &&
      ownHeaderIn(stream, r.part, stream.offsetOf(words), stream.offsetOf(first))
    ) {
      r.doubtful = 'broken';
      continue;
    }
    // Another item's column header before the row's figures (table 二 given column by column):
    // the figures after it are that column's.
    if (parts.length < 2) continue;
    if (foreignHeaderIn(stream, parts, r.part, stream.offsetOf(words), stream.offsetOf(last)))
      r.doubtful = 'broken';
  }
}

/**
 * Marks `numbered` each row whose range holds a later row's numbering and words (「3.要求提供公开」),
 * then figures: that row's label was found only further on, by its key (its words before the key
 * not seen as its own: set round a piece of a group label, say), and the figures level with its
 * wrapped label stand in its cells, not this row's (`pdftotext -layout` sets lines top to bottom).
 * Read here, they would fill this row's blank cells and leave that row blank.
 */
function markNumbered(stream: TokenStream, rows: readonly RowLocation[]): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as RowLocation;
    if ((r.doubtful && r.doubtful !== 'empty') || !r.label) continue;
    // (The next row's numbering run onto this row's last figure, 「00000002.」, is no such words.)
    const { at } = nextNumbering(stream, r, rows[i + 1]);
    let numbering = false;
    for (let k = r.from; k < r.to; k++) {
      if (k !== at && isNumbering(stream, k)) numbering = true;
      else if (numbering && stream.tokens[k]?.kind !== 'text') {
        r.doubtful = 'numbered';
        break;
      }
    }
  }
}

/** Whether the part has a column of that label (items share 「本年处理决定数量」). */
const ownLeaf = (part: TablePartSpec, leaf: LabelSpec): boolean =>
  columnLeaves(part).some((l) => l.official === leaf.official);

/**
 * A table whose rows were not all found in order, or hold more figures than a row has cells,
 * read again as reading-order text (labels away from their figures) when that aligns exactly.
 */
function realigned(
  stream: TokenStream,
  spec: FormatSpec,
  location: TableLocation,
  start: number,
  end: number,
): TableLocation {
  const counts = figureCounts(stream, location.rows);
  const overfull = () => location.rows.some((r, i) => (counts[i] as number) > cellCount(r));
  let tooMany = overfull();
  if (tooMany && splitLabelRuns(stream, spec, location.rows, counts)) tooMany = overfull();
  doubtLabelRuns(stream, location.rows, counts);
  const part = location.table.parts[0];
  if (!part) return location;
  const from = headerEnd(stream, part, start, end) ?? start;
  // Figures in the table's part of the report that no row holds: a label written after its
  // figures, whose row then reads the next row's (a chain of them overflows no row, and its last
  // row looks blank), or a table given column by column. (From the part's heading, not the
  // header's end: where columns come one after another, so do the header's labels.)
  const stray = (rows: readonly RowLocation[]) =>
    strayFigures(stream, stream.tokenAt(start), stream.tokenAt(end), rows);
  if (location.missing.length === 0 && location.damaged.length === 0 && !tooMany && !stray(location.rows))
    return location;
  if (location.table.parts.length > 1) {
    const result = realignedParts(stream, spec, location, start, end);
    if (stray(result.rows)) doubtAll(result.rows, 'stray');
    // Rows still with too many figures: a row with none may have its figures there.
    const after = figureCounts(stream, result.rows);
    if (result.rows.some((r, i) => (after[i] as number) > cellCount(r))) doubtAll(result.rows, 'empty');
    return result;
  }
  const aligned = alignReadingOrder(stream, location.table, from, end, spec.identities);
  if (!aligned) {
    if (stray(location.rows)) doubtAll(location.rows, 'stray');
    // Rows with too many figures beside labels with none: a label may stand away from its
    // figures, so an empty row is not read as blank.
    // A row of the format not found in order whose label stands elsewhere in the table: labels
    // out of order, so no row's figures can be told by the label before them.
    const outOfOrder = location.missing.some((m) => {
      const own = m.row.path.at(-1);
      return own !== undefined && findRow(stream, m.row, from, end) !== null;
    });
    if (tooMany || outOfOrder)
      // ('empty' tells only of rows with no figure: a doubt already on a row stays.)
      for (const r of location.rows)
        if (r.label && (outOfOrder || !r.doubtful)) r.doubtful = outOfOrder ? 'any' : 'empty';
    return location;
  }
  let tableEnd = Number.NEGATIVE_INFINITY;
  for (const r of aligned.rows) if (r.to > tableEnd) tableEnd = r.to;
  // Built field by field: spreading the placed rows into a new shape is many times slower.
  const table = location.table;
  // (Pushed onto a literal, as in rows.ts: an empty table's array gets the same shape.)
  const rows: RowLocation[] = [];
  for (const r of aligned.rows)
    rows.push(rowLocation(r.row, r.part, table, r.label, r.from, r.to, tableEnd, undefined));
  const variants: LabelMatch[] = [];
  for (const r of aligned.rows) if (r.label.variant) variants.push(r.label);
  return {
    table,
    start: location.start,
    end: location.end,
    rows,
    missing: [],
    variants,
    damaged: [],
    labelsEnd: aligned.end,
    otherRows: [],
  };
}
