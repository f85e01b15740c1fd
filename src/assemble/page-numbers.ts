/**
 * Page numbers among a table's figures, in text in reading order (plain `pdftotext`), where a
 * row's figures stand one a line and their count and order are what tell their cells.
 *
 * A page number printed as a number alone (Word's page field) stands at its page's foot or head,
 * where the text reader drops it; reading order may set it among the page's other lines instead,
 * a table's cells too. The reader marks the lines that may be such a number
 * (`Paragraph.pageNumberLike`): alone, equal to its page's number, on a page whose number was not
 * found where the others' are. A row whose figures hold one can't be told: with it the row may
 * seem full while one of its cells is blank (「4」 filling table 四's blank, every cell after it
 * read a place early). The row is named by an `assemble.page-number` error and read as null
 * (readRow leaves a `stray-after` row, one named already, at that).
 */
import type { SourceFile } from '../core/source-file.js';
import type { Paragraph } from '../read/blocks.js';
import type { Figure, RowFigures } from './figures.js';
import { cellCount, locationKeys, rowLabel } from './rows.js';
import type { TokenStream } from './stream.js';
import { pointOf } from './tokens.js';

/**
 * Names each row whose figures hold a marked line, or end with a figure set after the page's foot
 * (see afterFoot), or are followed by the number taken for the page's that they hold too, their
 * identities `broken` (see footTaken): a row not doubted yet (but for `empty`, which leaves a full
 * row as it stands), with no more figures than cells (a row with more is named for that).
 */
export function doubtPageNumbers(
  stream: TokenStream,
  rows: readonly RowFigures[],
  file: SourceFile,
  broken: (r: RowFigures) => boolean,
): void {
  // The text's lines, split once for the rows that need them (only text with form feeds does).
  const feeds = file.text.indexOf('\f') !== -1;
  let lines: readonly string[] | undefined;
  const linesOf = () => {
    lines ??= file.text.split('\n');
    return lines;
  };
  for (const r of rows) {
    const { location } = r;
    const n = cellCount(location);
    const doubted = location.doubtful && !(location.doubtful === 'empty' && r.figures.length === n);
    if (doubted || r.figures.length === 0 || r.figures.length > n) continue;
    const marked = r.figures.find(
      (f) => (stream.blocks[f.token.block] as Paragraph | undefined)?.pageNumberLike === true,
    );
    const last = marked || !feeds ? undefined : afterFoot(stream, r, linesOf);
    const foot =
      marked || last || !feeds || r.figures.length !== n ? undefined : footTaken(stream, r, linesOf);
    if (!marked && !last && !(foot && broken(r))) continue;
    let figures = '';
    for (const f of r.figures) figures += figures === '' ? f.text : ` ${f.text}`;
    const why = marked
      ? `「${rowLabel(location)}」的数字中，第 ${marked.token.line} 行单独的「${marked.text}」与所在页的页码相同，而该页的页码不在页首页尾（阅读顺序文本中页码可能排在表格的数字之间），可能是页码`
      : last
        ? `「${rowLabel(location)}」的最后一个数字「${last.text}」（第 ${last.token.line} 行）单独排在页码或页脚之后、该页的末尾（阅读顺序文本中它可能是下一页上下一行的数字）`
        : `「${rowLabel(location)}」的数字之后、该页末尾单独的「${foot?.text}」（第 ${foot?.line} 行）当作页码，而该行数字中也有「${foot?.text}」、勾稽关系不成立（阅读顺序文本中页码可能排在表格的数字之间，页末的「${foot?.text}」可能是该行的数字）`;
    file.error(
      last ? 'assemble.after-foot' : 'assemble.page-number',
      `${why}，无法确定，该行各单元格记为空值`,
      {
        place: pointOf(r.figures[0]?.token),
        keys: locationKeys(location),
        actual: figures,
        expected: `${n} 个单元格`,
      },
    );
    location.doubtful = 'stray-after';
  }
}

/**
 * The number alone that ends the page right after the row's last figure, taken for the page's
 * number (the reader dropped it), where the row's other figures hold the same number alone on its
 * line: reading order may have set the page number among them, and the last figure of the page
 * may be the row's. (1-based `line`.)
 */
function footTaken(
  stream: TokenStream,
  r: RowFigures,
  linesOf: () => readonly string[],
): { text: string; line: number } | undefined {
  const last = r.figures.at(-1);
  if (!last?.token.first || !last.token.last) return undefined;
  const lines = linesOf();
  let at = last.token.line;
  while (at < lines.length && (lines[at] as string).trim() === '') at++;
  const text = (lines[at] as string | undefined)?.trim();
  if (!text || !/^\d{1,4}$/.test(text) || (lines[at] as string).includes('\f')) return undefined;
  // Dropped by the reader: no token of the stream on its line.
  const next = stream.tokens[last.index + 1];
  if (next && next.line <= at + 1) return undefined;
  for (let l = at + 1; l < lines.length; l++) {
    const line = lines[l] as string;
    if (line.includes('\f')) break;
    if (line.trim() !== '') return undefined;
  }
  const alone = r.figures.some((f) => f !== last && f.text === text && f.token.first && f.token.last);
  return alone ? { text, line: at + 1 } : undefined;
}

/**
 * The row's last figure, when it stands alone after page furniture (a page number, a foot) that
 * is no page break (no form feed between it and the figure before) and nothing but blank lines
 * follow it before the form feed: text in reading order set it after the page's foot, last on
 * the page. A column's cell to the right of the foot would come there too, but so does the first
 * cell of the row the next page goes on with (its label over the page): which, the text does not
 * tell. (Several figures after the foot, a table's columns read on, are not taken for this.)
 */
function afterFoot(stream: TokenStream, r: RowFigures, linesOf: () => readonly string[]): Figure | undefined {
  const k = r.figures.length - 1;
  const last = r.figures[k];
  const before = r.figures[k - 1];
  if (!last || !before || !last.token.first || !last.token.last) return undefined;
  if ((stream.blocks[last.token.block] as Paragraph | undefined)?.pageBreak !== true) return undefined;
  const lines = linesOf();
  // (Lines are 1-based: line l is lines[l − 1].)
  for (let l = before.token.line; l < last.token.line; l++)
    if ((lines[l] as string).includes('\f')) return undefined;
  for (let l = last.token.line; l < lines.length; l++) {
    const line = lines[l] as string;
    if (line.includes('\f')) return last;
    if (line.trim() !== '') return undefined;
  }
  return undefined;
}
