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
import type { RowFigures } from './figures.js';
import { cellCount, rowLabel } from './rows.js';
import type { TokenStream } from './stream.js';
import { pointOf } from './tokens.js';

/**
 * Names each row whose figures hold a marked line: a row not doubted yet (but for `empty`, which
 * leaves a full row as it stands), with no more figures than cells (a row with more is named for
 * that).
 */
export function doubtPageNumbers(stream: TokenStream, rows: readonly RowFigures[], file: SourceFile): void {
  for (const r of rows) {
    const { location } = r;
    const n = cellCount(location);
    const doubted = location.doubtful && !(location.doubtful === 'empty' && r.figures.length === n);
    if (doubted || r.figures.length === 0 || r.figures.length > n) continue;
    const marked = r.figures.find(
      (f) => (stream.blocks[f.token.block] as Paragraph | undefined)?.pageNumberLike === true,
    );
    if (!marked) continue;
    let figures = '';
    for (const f of r.figures) figures += figures === '' ? f.text : ` ${f.text}`;
    file.error(
      'assemble.page-number',
      `「${rowLabel(location)}」的数字中，第 ${marked.token.line} 行单独的「${marked.text}」与所在页的页码相同，而该页的页码不在页首页尾（阅读顺序文本中页码可能排在表格的数字之间），可能是页码，无法确定，该行各单元格记为空值`,
      {
        place: pointOf(r.figures[0]?.token),
        keys: (location.collapsed ?? [location.row]).flatMap((row) => row.cells.map((c) => c.key)),
        actual: figures,
        expected: `${n} 个单元格`,
      },
    );
    location.doubtful = 'stray-after';
  }
}
