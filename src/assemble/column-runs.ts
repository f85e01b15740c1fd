/**
 * Rows given column by column in reading-order text, put back row by row. Plain `pdftotext` sets
 * each block of the page apart by a blank line; the cells of a table's rows set close together
 * (one line each, no padding) make one block a column, so a group of k rows of a table w columns
 * wide comes out as w runs of k figures, a blank line between runs (「0|0|0‖0|0|—‖0|3|0‖…」, three
 * rows of table 三). Read in order, seven at a time, they are the rows transposed, and the reader
 * refuses them (`rowsByRuns`, reading-order.ts). Here such a group is turned round before the
 * stream is built: a stretch of runs all k long, one right after another with nothing but blank
 * lines between, on one page, each figure or blank mark alone on its line, whose count is a
 * multiple of exactly one width w > k of the parts of several rows of the formats (7 for table
 * 三), is read as groups of w runs, each group k rows. A row's cells then follow one another,
 * each a line of its own (set apart, as one cell a block is), at their places in the text.
 */
import { formats } from '../spec/registry.js';
import { aloneWithGap, type Token } from './tokens.js';

/** Column counts of the table parts with two rows or more, in any format. */
const widths: readonly number[] = [
  ...new Set(
    formats.flatMap((f) =>
      f.tables.flatMap((t) =>
        t.parts.filter((p) => p.rows.length > 1).map((p) => p.rows[0]?.cells.length ?? 0),
      ),
    ),
  ),
].filter((w) => w > 1);

/** A cell's token alone on its line: a figure or a blank mark. */
const cellLine = (t: Token): boolean => t.kind !== 'text' && t.first && t.last;

/** Whether `t` stands on the line right after `before`, or after blank lines only, on its page. */
const follows = (t: Token, before: Token, blankLines: number): boolean =>
  t.gap === blankLines && t.line === before.line + blankLines + 1 && t.page === before.page;

/** Turns the groups of rows given column by column (see above) round; the tokens as they were when none is. */
export function transposeColumnRuns(tokens: readonly Token[]): readonly Token[] {
  // Runs: [start, end) of cell lines one right after another.
  const runs: number[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!cellLine(tokens[i] as Token)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < tokens.length &&
      cellLine(tokens[j] as Token) &&
      follows(tokens[j] as Token, tokens[j - 1] as Token, 0)
    )
      j++;
    if (j - i > 1 || runs.length > 0) runs.push(i, j);
    i = j;
  }
  if (runs.length < 4) return tokens;
  let out: Token[] | null = null;
  const count = runs.length / 2;
  for (let r = 0; r < count; ) {
    const k = (runs[2 * r + 1] as number) - (runs[2 * r] as number);
    // The stretch of runs as long, each right after the one before, blank lines only between.
    let s = r + 1;
    while (s < count) {
      const a = runs[2 * s] as number;
      const t = tokens[a] as Token;
      const end = runs[2 * s - 1] as number;
      if ((runs[2 * s + 1] as number) - a !== k || a !== end || t.gap === 0) break;
      if (!follows(t, tokens[end - 1] as Token, t.gap)) break;
      s++;
    }
    const m = s - r;
    const fits = k > 1 ? widths.filter((w) => k < w && m % w === 0) : [];
    if (fits.length === 1) {
      const w = fits[0] as number;
      out ??= tokens.slice();
      for (let g = r; g < s; g += w) {
        const first = runs[2 * g] as number;
        for (let row = 0; row < k; row++)
          for (let c = 0; c < w; c++) {
            const t = tokens[(runs[2 * (g + c)] as number) + row] as Token;
            const at = row * w + c;
            // The group's first cell keeps the blank lines before the group.
            out[first + at] = aloneWithGap(t, at === 0 ? t.gap : 1);
          }
      }
    }
    r = s;
  }
  return out ?? tokens;
}
