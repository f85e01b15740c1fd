import type { SourceFile } from '../core/source-file.js';
import type { RowFigures } from './figures.js';
import {
  cellCount,
  isUnitOfFigure,
  locationKeys,
  type RowLocation,
  rowLabel,
  type TableLocation,
} from './rows.js';
import type { TokenStream } from './stream.js';
import { headerOffset } from './tables.js';
import { pointOf, type Token } from './tokens.js';

/** Most figures a finding quotes (the rest as 「…」). */
const QUOTED = 8;

/**
 * Figures that stand after a table, held by no row, before the next table's header (or, after
 * the last table, before the end of the part that follows it): where the table has rows that
 * read blank cells, they may be those rows' own. Reading-order text (plain `pdftotext`) puts a
 * column's last cells after whatever stands beside the table lower down the page: the next
 * part's heading comes out before 「采购总金额 46 482」, the last item of table 二 then reads
 * 「没有填写数字」. Each such row (fewer figures than cells, no doubt on it yet; a short row only
 * where figures don't run together, as they are then cut, not read as blank) is named by an error
 * (`assemble.stray-figures`) and read as null: which cells the figures are can't be told from
 * the text (a column's label may stand before another column's figure, as 「采购总金额」 before
 * 46), so they are never read into the row.
 *
 * The figures are numbers on lines of their own, figures (blank marks, a figure's unit) alone on
 * the line, outside any grid (a grid's cells stand where they are drawn); a figure in a sentence
 * is prose's. Looked for only where a table has such a row, from its rows' end (and its labels')
 * to the next table's first row. Those past the next table's header words may be that table's
 * own (figures before their row's label, in reading order): they doubt only the rows with no
 * figure at all, which read blank either way (a whole table 三 given after 「四、…」 and its header,
 * its rows' labels left in part 三 with nothing after them), not a short row's figures. For the
 * same reason the figures after one table doubt the next table's rows with no figure at all (table
 * 四's figures given before its only row).
 */
export function doubtStrayFigures(
  stream: TokenStream,
  tables: readonly TableLocation[],
  rows: readonly RowFigures[],
  headings: readonly { start: number }[],
  glued: boolean,
  truncated: RowFigures | undefined,
  file: SourceFile,
): void {
  const blank: RowFigures[] = [];
  let overfull: RowFigures | undefined;
  for (const r of rows) {
    const k = r.figures.length;
    const n = cellCount(r.location);
    if (k > n && !overfull) overfull = r;
    if (r === truncated || r.location.doubtful || k >= n || (k > 0 && glued)) continue;
    blank.push(r);
  }
  // (Most reports: no row reads blank cells.)
  if (blank.length === 0) return;
  if (overfull) doubtBesideOverfull(stream, tables, blank, overfull, file);
  // Strays after each table (and before the next one's first row), found when first asked.
  const after: ({ stray: Token[]; beforeHeader: number } | undefined)[] = [];
  const strays = (t: number) => {
    after[t] ??= strayAfter(stream, tables, t, headings);
    return after[t];
  };
  for (let t = 0; t < tables.length; t++) {
    const table = tables[t] as TableLocation;
    const own = blank.filter((r) => r.location.table === table.table);
    if (own.length === 0) continue;
    const { stray: all, beforeHeader } = strays(t);
    if (all.length > 0) {
      // Figures past the next table's header words may be that table's own, standing before its
      // first row's label: they doubt only rows with no figure at all (read blank either way),
      // not a short row's figures.
      const stray = beforeHeader > 0 ? all.slice(0, beforeHeader) : all;
      for (const r of own)
        if (!r.location.doubtful && (beforeHeader > 0 || r.figures.length === 0))
          doubtRow(r, stray, 'after', file);
    }
    // And those after the table before, standing before this one's first row: they may be its
    // own, written before their labels (a row with no figure at all, as above).
    const before = t > 0 ? strays(t - 1).stray : [];
    if (before.length > 0)
      for (const r of own)
        if (!r.location.doubtful && r.figures.length === 0) doubtRow(r, before, 'before', file);
  }
}

/** Names row `r` by an error for the stray figures (before or after its table) and reads it as null. */
function doubtRow(r: RowFigures, stray: readonly Token[], side: 'before' | 'after', file: SourceFile): void {
  let printed = '';
  for (let i = 0; i < Math.min(stray.length, QUOTED); i++)
    printed += i === 0 ? (stray[i] as Token).text : ` ${(stray[i] as Token).text}`;
  if (stray.length > QUOTED) printed += ' …';
  const where = stray[0] as Token;
  const at = where.page !== undefined ? `第 ${where.page} 页第 ${where.line} 行` : `第 ${where.line} 行`;
  const location = r.location;
  const n = cellCount(location);
  const name = rowLabel(location);
  let figures = '';
  for (const f of r.figures) figures += figures === '' ? f.text : ` ${f.text}`;
  const lacking =
    r.figures.length === 0
      ? `「${name}」没有填写数字`
      : `「${name}」只有 ${r.figures.length} 个数字（${figures}），少于 ${n} 个单元格`;
  const why =
    side === 'after'
      ? `而表格之后（${at}）有不属于任何行的数字「${printed}」，可能是该行的（阅读顺序文本中一列的数字可能排在下一部分的标题之后）`
      : `而表格之前（${at}）有不属于任何行的数字「${printed}」，可能是该行的（阅读顺序文本中表格的数字可能排在行标签之前）`;
  nameRow(r, `${lacking}，${why}`, r.figures[0]?.token ?? r.labelToken ?? where, figures, file);
}

/**
 * Names row `r` by an `assemble.stray-figures` error (`why`, where it points) and reads it as null
 * (readRow leaves a `stray-after` row at that).
 */
function nameRow(r: RowFigures, why: string, at: Token | undefined, figures: string, file: SourceFile): void {
  const location = r.location;
  file.error('assemble.stray-figures', `${why}，无法确定，该行各单元格记为空值`, {
    place: pointOf(at),
    keys: locationKeys(location),
    ...(figures === '' ? {} : { actual: figures }),
    expected: `${cellCount(location)} 个单元格`,
  });
  location.doubtful = 'stray-after';
}

/**
 * Rows with no figure at all in a report where some row of another table holds more figures than
 * its cells: in reading-order text a table's figures may all come where another table's rows take
 * them (table 四's after table 三's last label), and then its rows read blank. Each is named by an
 * error and read as null, as it would read either way. (Rows of the overfull row's own table are
 * doubted where the table is located, see tables.ts `realigned`.)
 */
function doubtBesideOverfull(
  stream: TokenStream,
  tables: readonly TableLocation[],
  blank: readonly RowFigures[],
  overfull: RowFigures,
  file: SourceFile,
): void {
  const where = overfull.location;
  const holder = rowLabel(where);
  for (const r of blank) {
    const location = r.location;
    if (r.figures.length > 0 || location.table === where.table) continue;
    nameRow(
      r,
      `「${rowLabel(location)}」没有填写数字，而另一表格的「${holder}」有 ${overfull.figures.length} 个数字，多于 ${cellCount(where)} 个单元格，其中可能有该行的数字（阅读顺序文本中一张表格的数字可能排在另一张表格的行标签之后）`,
      // (A row without a label, table 四's: where its table starts.)
      r.labelToken ?? stream.tokens[stream.tokenAt(tableStart(tables, location))],
      '',
      file,
    );
  }
}

/** Where the row's table starts in the stream (its heading). */
const tableStart = (tables: readonly TableLocation[], row: RowLocation): number =>
  tables.find((t) => t.table === row.table)?.start ?? 0;

/**
 * The figures standing alone after table `t`'s rows and before the next table's first row (see
 * doubtStrayFigures), held by no row of any table; and how many of them stand before that
 * table's header.
 */
function strayAfter(
  stream: TokenStream,
  tables: readonly TableLocation[],
  t: number,
  headings: readonly { start: number }[],
): { stray: Token[]; beforeHeader: number } {
  const table = tables[t] as TableLocation;
  let from = table.labelsEnd ?? 0;
  for (const r of table.rows) if (r.to > from) from = r.to;
  // Up to the next table's first row (its header is looked for only when figures stand there),
  // and at most to the end of the part after the table's (its heading is where the table ends).
  let next: TableLocation | undefined;
  let firstRow: RowLocation | undefined;
  for (let u = t + 1; u < tables.length && !firstRow; u++) {
    next = tables[u] as TableLocation;
    firstRow = next.rows.find((r) => r.label) ?? next.rows[0];
  }
  let end = stream.text.length;
  for (const h of headings)
    if (h.start > table.end) {
      end = h.start;
      break;
    }
  const rowStart = firstRow ? (firstRow.label?.start ?? stream.offsetOf(firstRow.from)) : end;
  const at: number[] = [];
  for (let k = from, to = stream.tokenAt(Math.min(end, rowStart)); k < to; k++)
    if (aloneOnLine(stream, k) && !held(tables, k)) at.push(k);
  const stray = at.map((k) => stream.tokens[k] as Token);
  if (at.length === 0 || !next || !firstRow) return { stray, beforeHeader: at.length };
  const header = stream.tokenAt(Math.min(end, headerOffset(stream, next, rowStart)));
  let beforeHeader = 0;
  while (beforeHeader < at.length && (at[beforeHeader] as number) < header) beforeHeader++;
  return { stray, beforeHeader };
}

/**
 * Whether token `k` is a number on a line of figures only (blank marks and a figure's unit
 * beside it), outside a grid.
 */
function aloneOnLine(stream: TokenStream, k: number): boolean {
  const tokens = stream.tokens;
  const token = tokens[k] as Token;
  if (token.kind !== 'num' || stream.inGrid(k)) return false;
  let a = k;
  while (!(tokens[a] as Token).first) a--;
  let b = k;
  while (!(tokens[b] as Token).last) b++;
  for (let i = a; i <= b; i++)
    if ((tokens[i] as Token).kind === 'text' && !isUnitOfFigure(stream, i)) return false;
  return true;
}

/** Whether some row of some table holds token `k` in its range. */
function held(tables: readonly TableLocation[], k: number): boolean {
  return tables.some((t) => t.rows.some((r) => r.from <= k && k < r.to));
}
