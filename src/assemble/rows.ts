import type { RowSpec, TablePartSpec, TableSpec } from '../spec/types.js';
import { compact } from '../text/fold.js';
import { type LabelMatch, NUM, type TokenStream } from './stream.js';
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
  /** For a group printed as one row (2021 （六）其他处理 the 2019 way): the rows it stands for. */
  collapsed?: readonly RowSpec[];
}

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
}

/**
 * Stream offset of the numbering digits (「2.」) written before a row's label, when the label's
 * key is preceded by its numbering and the label words before the key (「2.」+「其他法律…」).
 */
export function numberingOffset(stream: TokenStream, row: RowSpec, match: LabelMatch): number | null {
  const own = row.path.at(-1);
  if (!own || !row.numbering) return null;
  const official = compact(own.official).replace(/^[(]?\d+[.、,)]?/, '');
  const lead = Math.max(0, official.indexOf(match.matched));
  const window = stream.text.slice(Math.max(0, match.start - lead - 2), match.start);
  for (let i = window.length - 2; i >= 0; i--) {
    if (window[i] === NUM && /[.、,]/.test(window[i + 1] as string)) {
      const at = match.start - window.length + i;
      const token = stream.tokens[stream.tokenAt(at)];
      return token?.kind === 'num' && token.text.endsWith(row.numbering) ? at : null;
    }
  }
  return null;
}

function findRow(stream: TokenStream, row: RowSpec, from: number, to: number): LabelMatch | null {
  const own = row.path.at(-1);
  if (!own) return null;
  let at = from;
  for (;;) {
    const match = stream.find(own, at, to);
    if (!match || !row.numberedKey || numberingOffset(stream, row, match) !== null) return match;
    at = match.start + 1;
  }
}

/** A text token with words in it (CJK or Latin letters), as opposed to punctuation or figures. */
function isWords(token: Token | undefined, minimum = 1): boolean {
  if (token?.kind !== 'text') return false;
  const words = token.text.match(/[\u4e00-\u9fffA-Za-z]/g);
  return (words?.length ?? 0) >= minimum;
}

/**
 * End of the part's column header, when its column labels stand together in order (so that
 * prose before a table that mentions 「予以公开」 or 「规章」 is not taken for a row).
 */
function headerEnd(stream: TokenStream, part: TablePartSpec, from: number, to: number): number | null {
  const leaves = [...new Set(part.columns.map((c) => c.path.at(-1)).filter((l) => l !== undefined))];
  const window = 40 + leaves.length * 16;
  let at = from;
  while (at < to) {
    const first = leaves.map((l) => stream.find(l, at, to)).find((m) => m !== null);
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
  const found: {
    row: RowSpec;
    part: TablePartSpec;
    label: LabelMatch | null;
    collapsed?: readonly RowSpec[];
  }[] = [];
  const missing: { row: RowSpec; part: TablePartSpec }[] = [];
  const variants: LabelMatch[] = [];
  let cursor = start;
  for (const part of table.parts) {
    cursor = headerEnd(stream, part, cursor, end) ?? cursor;
    const collapsedRows = new Set(part.collapsible?.flatMap((g) => g.rows) ?? []);
    for (const row of part.rows) {
      if (row.path.length === 0) {
        found.push({ row, part, label: null });
        continue;
      }
      const match = findRow(stream, row, cursor, end);
      if (match) {
        found.push({ row, part, label: match });
        if (match.variant) variants.push(match);
        cursor = match.end;
        continue;
      }
      missing.push({ row, part });
      if (collapsedRows.has(row.id)) continue;
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
      const entry = { row: groupRows[0] as RowSpec, part, label, collapsed: groupRows };
      if (at === -1) found.push(entry);
      else found.splice(at, 0, entry);
      for (const r of groupRows) {
        const i = missing.findIndex((m) => m.row === r);
        if (i !== -1) missing.splice(i, 1);
      }
    }
  }

  const endToken = stream.tokenAt(end);
  const rows: RowLocation[] = found.map((f, i) => {
    const next = found.slice(i + 1).find((g) => g.label);
    let from = f.label ? f.label.endToken : (found[i - 1]?.label?.endToken ?? stream.tokenAt(start));
    let to = next?.label ? next.label.firstToken : endToken;
    if (!f.label) {
      // A row without a label (table 四): the figures after the last words of the table
      // (punctuation such as a Markdown table's 「|」 or a heading's 「##」 is not words).
      while (to > from && stream.tokens[to - 1]?.kind === 'text' && !isWords(stream.tokens[to - 1])) to--;
      let k = to - 1;
      while (k >= from && !isWords(stream.tokens[k])) k--;
      from = k + 1;
    } else if (!next) {
      // The last row of a table ends at the first words after its figures.
      let k = from;
      while (k < to && stream.tokens[k]?.kind === 'text') k++;
      while (k < to && !isWords(stream.tokens[k], 2)) k++;
      to = k;
    }
    const location: RowLocation = { row: f.row, part: f.part, table, label: f.label, from, to, tableEnd: to };
    if (f.collapsed) location.collapsed = f.collapsed;
    return location;
  });
  // A table ends with the last figure of its last row.
  const last = rows.at(-1);
  if (last) {
    let k = last.to;
    while (k > last.from && stream.tokens[k - 1]?.kind === 'text') k--;
    for (const r of rows) r.tableEnd = k;
  }
  return { table, start, end, rows, missing, variants };
}
