import type { SourceFile } from '../core/source-file.js';
import type { FormatSpec, LabelSpec, TablePartSpec } from '../spec/types.js';
import type { Evidence } from './evidence.js';
import { nextNumbering } from './figures.js';
import type { Outline } from './outline.js';
import { alignReadingOrder } from './reading-order.js';
import {
  columnLeaves,
  findRow,
  headerEnd,
  locateTable,
  type RowLocation,
  rowLocation,
  type TableLocation,
} from './rows.js';
import type { LabelMatch, TokenStream } from './stream.js';
import { pointOf } from './tokens.js';

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
  for (const table of spec.tables) {
    const heading = parts.chosen.get(table.section);
    const start = heading?.end ?? previousEnd;
    const next = parts.ordered.find((h) => h.start >= start && h.section.number > table.section);
    const end = next?.start ?? stream.text.length;
    const location = realigned(stream, spec, locateTable(stream, table, start, end), start, end);
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
    for (const d of location.damaged)
      file.info(
        'assemble.label-damaged',
        `「${d.label.matched}」与「${d.row.path.at(-1)?.official}」有 ${d.distance} 处不同，按表格的行序认作该行`,
        { place: pointOf(stream.tokens[d.label.firstToken]), keys: d.row.cells.map((c) => c.key) },
      );
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
  const tooMany = location.rows.some((r, i) => {
    // The next row's numbering (「1.」) written at the end of this row's range is no figure of it.
    const numbering = nextNumbering(stream, r, location.rows[i + 1]);
    let figures = 0;
    for (let k = r.from; k < r.to; k++)
      if (stream.tokens[k]?.kind !== 'text' && !(k === numbering.at && numbering.rest === '')) figures++;
    return figures > (r.collapsed?.[0]?.cells.length ?? r.row.cells.length);
  });
  if (location.missing.length === 0 && location.damaged.length === 0 && !tooMany) return location;
  const part = location.table.parts[0];
  if (location.table.parts.length !== 1 || !part) return location;
  const from = headerEnd(stream, part, start, end) ?? start;
  const aligned = alignReadingOrder(stream, location.table, from, end, spec.identities);
  if (!aligned) {
    // Rows with too many figures beside labels with none: a label may stand away from its
    // figures, so an empty row is not read as blank.
    // A row of the format not found in order whose label stands elsewhere in the table: labels
    // out of order, so no row's figures can be told by the label before them.
    const outOfOrder = location.missing.some((m) => {
      const own = m.row.path.at(-1);
      return own !== undefined && findRow(stream, m.row, from, end) !== null;
    });
    if (tooMany || outOfOrder)
      for (const r of location.rows) if (r.label) r.doubtful = outOfOrder ? 'any' : 'empty';
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
  };
}
