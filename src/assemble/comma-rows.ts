/**
 * Tables written as comma-separated values: a spreadsheet's tables saved as CSV and pasted into the
 * report, or a portal's CSV-like text (「（一）予以公开,12,0,0,0,0,0,12」, 「项目，自然人，商业企业，…」,
 * 「"1,234"」, 「,,」 for a blank cell, a comma after a row's last field). Such lines are read as rows
 * of cells, as tab-separated rows are (read/text-reader.ts, tab-cells.ts): an empty field is a blank
 * cell, and a comma between figures separates them.
 *
 * Why it is safe:
 *  - A line is a row only when each of its fields is a cell: empty, a figure (with its unit, or
 *    grouped by thousands in quotes), a blank mark, or short words with no sentence in them (no
 *    「。」, no figure set apart by a space), and no words after a figure; a figure grouped by
 *    thousands alone on its line (「3,001」, a cell a line) is no row. A table is two such
 *    lines or more, one after another, one with a figure; or a single line of two figures or more
 *    (table 四's row without its header). Prose, whose fields are sentences, is no row.
 *  - A comma between two figures may group a figure's thousands (「5,123」). The table's structure
 *    settles it: a comma of the other kind than the table's separators (「5,123」 among 「，」), or
 *    without the space that follows every separator, groups; where every other row of the table
 *    has one number of fields, such commas separate in a row of that number, and group in a wider
 *    row where exactly one way of grouping gives it. Anywhere else the row is unsettled: the
 *    assembler reads none of its figures and names them in an error (tables.ts).
 *  - Rows all of one width whose last column is told (see tableOf) are a grid, as a web page's
 *    table is; any other rows are loose, read as tab-separated rows are, where a row's cells
 *    that the text does not place are named by an error, never guessed.
 *
 * Only a paragraph with a comma and no 「。」 is looked at further (most prose has one); a
 * document with no table of such lines comes back as it was.
 */
import type { Block, Paragraph, TableBlock, TableCell } from '../read/blocks.js';
import { codeAt } from '../text/code-unit.js';
import { type FoldedText, foldedOf } from '../text/fold.js';
import { figureUnits } from './figure-units.js';
import { isBlankMark } from './tokens.js';

/**
 * What a field holds: nothing, a blank mark, a figure, a figure grouped by thousands (「1,234」),
 * digits and commas that are no figure (「12,34」), or words.
 */
type Kind = 'empty' | 'mark' | 'figure' | 'grouped' | 'bad' | 'words';

interface Field {
  /** The field's content in the folded line, [from, to): quotes and spaces around it excluded. */
  from: number;
  to: number;
  /** Written in double quotes: its commas are its own. */
  quoted: boolean;
  kind: Kind;
  /** The content, quotes unescaped. */
  text: string;
}

interface Row {
  block: Paragraph;
  folded: FoldedText;
  fields: Field[];
}

const figure = new RegExp(`^[-+]?\\d+(?:\\.\\d+)?(?: ?(?:${figureUnits}))?$`);
const grouped = new RegExp(`^[-+]?[1-9]\\d{0,2}(?:,\\d{3})+(?:\\.\\d+)?(?: ?(?:${figureUnits}))?$`);
const digitsAndCommas = /^[-+]?[\d,.]+$/;
/**
 * A field that may stand before a comma of a thousands group (「1」 of 「1,234」, 「234」 of
 * 「1,234,567」), and one that may follow it.
 */
const groupLead = /^(?:[-+]?[1-9]\d{0,2}|\d{3})$/;
const groupRest = new RegExp(`^\\d{3}(?:\\.\\d+)?(?: ?(?:${figureUnits}))?$`);

/** Longest words a field of a table holds (a row's label, the 勾稽 note). */
const longestWords = 60;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Words a cell may hold: a label or header, not a sentence. */
function isCellWords(text: string): boolean {
  if (text.length > longestWords) return false;
  let words = false;
  for (let i = 0; i < text.length; i++) {
    const c = codeAt(text, i);
    // A sentence's end (「。」, and 「；！？」 folded).
    if (c === 0x3002 || c === 59 || c === 33 || c === 63) return false;
    // A figure set apart by a space (「予以公开  12」): two cells of a layout, not one.
    if (c === 32 && i + 1 < text.length && isDigit(codeAt(text, i + 1))) return false;
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) words = true;
  }
  return words;
}

function kindOf(text: string): Kind | null {
  if (text === '') return 'empty';
  if (isBlankMark(text)) return 'mark';
  const c = codeAt(text, 0);
  if (isDigit(c) || ((c === 43 || c === 45) && isDigit(codeAt(text, 1)))) {
    if (figure.test(text)) return 'figure';
    if (grouped.test(text)) return 'grouped';
    if (digitsAndCommas.test(text)) return 'bad';
  }
  return isCellWords(text) ? 'words' : null;
}

/**
 * The fields of a folded line split at every comma outside double quotes (「""」 a quote inside
 * them), spaces around each taken off; null when a quote is left open or text follows one.
 */
function splitFields(text: string): Field[] | null {
  const fields: Field[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    while (i < n && codeAt(text, i) === 32) i++;
    if (i < n && codeAt(text, i) === 34) {
      let content = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) return null;
        content += text.slice(j, q);
        if (codeAt(text, q + 1) === 34) {
          content += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      fields.push({ from: i + 1, to: j - 1, quoted: true, kind: 'empty', text: content.trim() });
      i = j;
      while (i < n && codeAt(text, i) === 32) i++;
      if (i < n && codeAt(text, i) !== 44) return null;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma === -1 ? n : comma;
      let to = end;
      while (to > i && codeAt(text, to - 1) === 32) to--;
      fields.push({ from: i, to, quoted: false, kind: 'empty', text: text.slice(i, to) });
      i = end;
    }
    if (i >= n) return fields;
    i++;
  }
}

/** 「(」 less 「)」 in the text (folded, so 「（」 is 「(」). */
function openBrackets(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = codeAt(text, i);
    if (c === 40) depth++;
    else if (c === 41) depth--;
  }
  return depth;
}

/** Joins fields [a, b] of a line into one field of its text (the commas between kept). */
function joined(text: string, fields: readonly Field[], a: number, b: number): Field {
  const first = fields[a] as Field;
  const last = fields[b] as Field;
  const content = text.slice(first.from, last.to);
  return { from: first.from, to: last.to, quoted: false, kind: kindOf(content) ?? 'bad', text: content };
}

/**
 * The line's fields when it is a row of a table (see the module's comment), null otherwise. Words
 * whose bracket the comma after them leaves open (「（二）部分公开（区分处理的，只计这一情形，…）」)
 * run on to the field that closes it.
 */
function rowFields(text: string): Field[] | null {
  // One figure grouped by thousands (「3,001」 alone on its line, a cell a line) is no row.
  if (grouped.test(text.trim())) return null;
  const split = splitFields(text);
  if (!split || split.length < 2) return null;
  const fields: Field[] = [];
  for (let k = 0; k < split.length; k++) {
    const field = split[k] as Field;
    const kind = kindOf(field.text);
    if (kind === null) return null;
    field.kind = kind;
    if (kind === 'words' && !field.quoted) {
      let depth = openBrackets(field.text);
      let m = k;
      while (depth > 0 && m + 1 < split.length && !(split[m + 1] as Field).quoted) {
        depth += openBrackets((split[m + 1] as Field).text);
        m++;
      }
      if (m > k && depth === 0) {
        const words = joined(text, split, k, m);
        if (words.kind !== 'words') return null;
        fields.push(words);
        k = m;
        continue;
      }
    }
    fields.push(field);
  }
  let figures = false;
  for (const field of fields) {
    if (field.kind === 'words' && figures) return null;
    if (field.kind !== 'empty' && field.kind !== 'words') figures = true;
  }
  return fields;
}

/**
 * Whether a paragraph may be a row at all, told cheaply: a line of its own (no page break before
 * it, which the table would lose) with a comma, and without a sentence's 「。」.
 */
function mayBeRow(block: Block): block is Paragraph {
  if (block.type !== 'paragraph' || block.emptyCell || block.pageBreak) return false;
  const text = foldedOf(block).text;
  return text.indexOf(',') !== -1 && text.indexOf('。') === -1;
}

/** Whether the comma at `at` of a row's folded line was written full-width (「，」). */
function fullWidth(row: Row, at: number): boolean {
  const raw = row.folded.map ? (row.folded.map[at] as number) : at;
  return codeAt(row.block.text, raw) !== 44;
}

/** Whether fields `a` and `b` side by side may be one figure grouped by thousands (「1」「234」). */
const mayGroup = (a: Field, b: Field): boolean =>
  !a.quoted && !b.quoted && groupLead.test(a.text) && groupRest.test(b.text);

/**
 * The rows with their fields settled: commas that are no separator (of the other kind, or without
 * the space every separator has) joined into their fields; the row's fields and whether the row is
 * unsettled (a comma between figures that may group their thousands, the table's structure not
 * saying which).
 */
function settle(rows: readonly Row[]): { fields: Field[]; unsettled: boolean }[] {
  // The separators' kind and spacing, from the commas that can't group thousands.
  let full = 0;
  let half = 0;
  let spaced = 0;
  let unspaced = 0;
  for (const row of rows) {
    const { fields } = row;
    const text = row.folded.text;
    for (let k = 0; k + 1 < fields.length; k++) {
      const a = fields[k] as Field;
      const b = fields[k + 1] as Field;
      if (mayGroup(a, b)) continue;
      const at = text.indexOf(',', a.quoted ? a.to + 1 : a.to);
      if (fullWidth(row, at)) full++;
      else half++;
      // (A comma at the end of the line says nothing of spacing.)
      if (k + 2 < fields.length || b.text !== '' || b.quoted)
        if (codeAt(text, at + 1) === 32) spaced++;
        else unspaced++;
    }
  }
  const separatorFull = full > half;
  const spacedStyle = spaced > 0 && unspaced === 0;

  const settled = rows.map((row) => {
    const text = row.folded.text;
    const out: Field[] = [];
    let pairs = 0;
    let bad = false;
    const fields = row.fields;
    for (let k = 0; k < fields.length; k++) {
      let m = k;
      // Runs on over the commas that separate nothing here.
      while (m + 1 < fields.length) {
        const a = fields[m] as Field;
        const b = fields[m + 1] as Field;
        if (a.quoted || b.quoted) break;
        const at = text.indexOf(',', a.to);
        const other = fullWidth(row, at) !== separatorFull;
        const grouping = spacedStyle && mayGroup(a, b) && codeAt(text, at + 1) !== 32;
        if (!other && !grouping) break;
        m++;
      }
      const field = m > k ? joined(text, fields, k, m) : (fields[k] as Field);
      if (field.kind === 'bad') bad = true;
      // (Where every separator has a space after it, one without was joined above.)
      const before = out.at(-1);
      if (before && !spacedStyle && mayGroup(before, field)) pairs++;
      out.push(field);
      k = m;
    }
    return { fields: out, pairs, unsettled: bad };
  });

  // The table's number of fields: that of every row with no comma that may group thousands.
  let width = -1;
  let rectangular = true;
  for (const row of settled) {
    if (row.pairs > 0 || row.unsettled) continue;
    if (width === -1) width = row.fields.length;
    else if (row.fields.length !== width) rectangular = false;
  }
  for (const row of settled) {
    if (row.pairs === 0 || row.unsettled) continue;
    if (!rectangular || width === -1 || row.fields.length < width) row.unsettled = true;
    else if (row.fields.length > width) {
      const grouping = onlyGrouping(row.fields, row.fields.length - width);
      if (grouping) row.fields = grouping;
      else row.unsettled = true;
    }
  }
  return settled;
}

/**
 * The fields with `joins` of their commas read as thousands separators, when exactly one choice
 * of them makes every joined figure a figure grouped by thousands; null when none or several do.
 */
function onlyGrouping(fields: readonly Field[], joins: number): Field[] | null {
  const commas: number[] = [];
  for (let k = 0; k + 1 < fields.length; k++)
    if (mayGroup(fields[k] as Field, fields[k + 1] as Field)) commas.push(k);
  if (commas.length < joins) return null;
  let found: Set<number> | null = null;
  let ways = 0;
  const chosen = new Set<number>();
  const walk = (from: number): void => {
    if (ways > 1) return;
    if (chosen.size === joins) {
      if (groupsHold(fields, chosen)) {
        ways++;
        found = new Set(chosen);
      }
      return;
    }
    for (let i = from; i <= commas.length - (joins - chosen.size); i++) {
      const k = commas[i] as number;
      chosen.add(k);
      walk(i + 1);
      chosen.delete(k);
    }
  };
  walk(0);
  if (ways !== 1 || !found) return null;
  const joinAt: Set<number> = found;
  const out: Field[] = [];
  for (let k = 0; k < fields.length; k++) {
    let m = k;
    while (joinAt.has(m)) m++;
    if (m === k) out.push(fields[k] as Field);
    else {
      const parts = fields.slice(k, m + 1).map((f) => f.text);
      const first = fields[k] as Field;
      out.push({
        from: first.from,
        to: (fields[m] as Field).to,
        quoted: false,
        kind: 'grouped',
        text: parts.join(','),
      });
    }
    k = m;
  }
  return out;
}

/** Whether joining the fields at the chosen commas makes each joined run a figure grouped by thousands. */
function groupsHold(fields: readonly Field[], chosen: ReadonlySet<number>): boolean {
  for (let k = 0; k < fields.length; k++) {
    if (!chosen.has(k)) continue;
    let m = k;
    let text = (fields[k] as Field).text;
    while (chosen.has(m)) {
      m++;
      text += `,${(fields[m] as Field).text}`;
    }
    if (!grouped.test(text)) return false;
    k = m;
  }
  return true;
}

/**
 * A cell's text, as written in the line (not folded): a quoted field's content with its doubled
 * quotes single, a grouped figure without its commas.
 */
function cellText(row: Row, field: Field): string {
  const { map } = row.folded;
  const raw = row.block.text;
  const from = map ? (map[field.from] ?? raw.length) : field.from;
  const to = map ? (field.to === 0 ? 0 : (map[field.to - 1] as number) + 1) : field.to;
  const text = raw.slice(from, to);
  if (field.kind === 'grouped') return text.replace(/[,，]/g, '');
  return field.quoted ? text.replace(/(["＂])\1/g, '$1').trim() : text;
}

function tableOf(rows: readonly Row[]): TableBlock {
  const cells: (TableCell & { spanned?: boolean })[][] = [];
  const kinds: Kind[][] = [];
  const unsettled: number[] = [];
  const settled = settle(rows);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as Row;
    const { block, folded } = row;
    const { fields, unsettled: open } = settled[r] as { fields: Field[]; unsettled: boolean };
    // A row of empty fields only is no row (a spreadsheet's empty line).
    if (fields.every((f) => f.kind === 'empty')) continue;
    if (open) unsettled.push(block.line);
    kinds.push(fields.map((f) => f.kind));
    cells.push(
      fields.map((f) => {
        const cell: TableCell = {
          text: cellText(row, f),
          line: block.line,
          column: block.column + (folded.map ? (folded.map[f.from] ?? f.from) : f.from),
        };
        if (block.page !== undefined) cell.page = block.page;
        return cell;
      }),
    );
  }
  const first = (rows[0] as Row).block;
  // Rows all of one width are a grid whose merged cells were expanded (a spreadsheet's): its
  // columns line up, when its last column is told: some row has a field there, or a header
  // labels the columns (else each row's empty fields at its end may be blank cells or the comma
  // some writers end every line with). Otherwise they are loose, as tab-separated rows may be.
  const width = cells[0]?.length ?? 0;
  const figuresFrom = firstFigureColumn(kinds);
  const grid =
    cells.every((row) => row.length === width) &&
    (kinds.some((row) => row.at(-1) !== 'empty') || kinds.some((row) => isHeader(row, figuresFrom)));
  if (grid) markSpans(cells, kinds, figuresFrom);
  const loose = !grid;
  const table: TableBlock = {
    type: 'table',
    rows: cells,
    line: first.line,
    column: first.column,
    loose,
    commas: { unsettled },
  };
  if (first.page !== undefined) table.page = first.page;
  return table;
}

/** A field that holds a figure or stands for one (a blank mark). */
const isFigureCell = (kind: Kind): boolean => kind !== 'empty' && kind !== 'words';

/** The first column with a figure in any row (the columns before it hold the rows' labels); -1 for none. */
function firstFigureColumn(kinds: readonly Kind[][]): number {
  let from = -1;
  for (const row of kinds) {
    const at = row.findIndex(isFigureCell);
    if (at !== -1 && (from === -1 || at < from)) from = at;
  }
  return from;
}

/** A row of the header: no figure, and words over the columns of figures. */
const isHeader = (row: readonly Kind[], figuresFrom: number): boolean =>
  figuresFrom !== -1 &&
  !row.some(isFigureCell) &&
  row.some((kind, c) => kind === 'words' && c >= figuresFrom);

/**
 * In a grid of comma-separated rows, the empty cells of a row of figures under a column that its
 * header leaves without a label of its own: a header cell merged over several columns (「本年处理决定
 * 数量」 over three, the figure's cell below merged the same way), saved with its label in the
 * first column and the others empty. Those cells are the merged cell's (spanned), not blank ones.
 * The header is the rows with no figure and words over the figures' columns, the last such rows
 * above the row; without one, nothing is marked.
 */
function markSpans(
  rows: (TableCell & { spanned?: boolean })[][],
  kinds: readonly Kind[][],
  figuresFrom: number,
): void {
  let labelled: boolean[] | null = null;
  let inHeader = false;
  for (let r = 0; r < rows.length; r++) {
    const row = kinds[r] as Kind[];
    if (!row.some(isFigureCell)) {
      if (!isHeader(row, figuresFrom)) continue;
      if (!inHeader) labelled = row.map(() => false);
      row.forEach((kind, c) => {
        if (kind === 'words') (labelled as boolean[])[c] = true;
      });
      inHeader = true;
      continue;
    }
    inHeader = false;
    if (!labelled) continue;
    let after = false;
    for (let c = figuresFrom; c < row.length; c++) {
      if (labelled[c]) after = true;
      else if (after && row[c] === 'empty')
        (rows[r]?.[c] as TableCell & { spanned?: boolean }).spanned = true;
    }
  }
}

/**
 * Whether a line by itself is a table: two figures or more (table 四's one row, without its
 * header), whose empty fields, units or commas a paragraph's reading would lose or misread.
 */
function loneTable(fields: readonly Field[]): boolean {
  let figures = 0;
  for (const f of fields) if (isFigureCell(f.kind)) figures++;
  return figures >= 2;
}

/**
 * The blocks with each table of comma-separated rows made a table of cells; the same array when
 * there is none.
 */
export function commaTables(blocks: readonly Block[]): readonly Block[] {
  let out: Block[] | null = null;
  let i = 0;
  while (i < blocks.length) {
    const rows: Row[] = [];
    let figures = false;
    for (let j = i; j < blocks.length; j++) {
      const block = blocks[j] as Block;
      if (!mayBeRow(block)) break;
      const folded = foldedOf(block);
      const fields = rowFields(folded.text);
      if (!fields) break;
      if (fields.some((f) => f.kind !== 'empty' && f.kind !== 'words')) figures = true;
      rows.push({ block, folded, fields });
    }
    const table = figures && (rows.length >= 2 || loneTable((rows[0] as Row).fields));
    if (table) {
      out ??= blocks.slice(0, i);
      out.push(tableOf(rows));
      i += rows.length;
      continue;
    }
    // The rows looked at are no table: their paragraphs stay (none starts one later).
    const stay = Math.max(1, rows.length);
    if (out) for (let k = i; k < i + stay; k++) out.push(blocks[k] as Block);
    i += stay;
  }
  return out ?? blocks;
}
