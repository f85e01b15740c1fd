/**
 * Page numbers among a table's figures. A report that prints its page numbers as a number alone
 * (Word's page field) has them at its pages' feet or heads, where the text reader drops them; text
 * in reading order (plain `pdftotext`) may set a page's number among the page's other lines, a
 * table's cells written one a line too. The reader marks the lines that may be such a number
 * (`Paragraph.pageNumberLike`): alone, equal to its page's number, on a page whose number was not
 * found where the others' are. A row whose figures hold one can't be told: with it the row may
 * seem full while one of its cells is blank (「4」 filling table 四's blank, every cell after it
 * read a place early). The row is named by an `assemble.page-number` error and read as null.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Paragraph } from '../read/blocks.js';
import type { RowFigures } from './figures.js';
import { cellCount, rowLabel } from './rows.js';
import type { TokenStream } from './stream.js';
import { pointOf } from './tokens.js';

/**
 * Names each row (not doubted yet, no more figures than cells: a row with more is named for that)
 * whose figures hold a marked line, and leaves it to be read as null (see readRow's
 * `stray-after`, the doubt of a row named already).
 */
export function doubtPageNumbers(stream: TokenStream, rows: readonly RowFigures[], file: SourceFile): void {
  for (const r of rows) {
    const { location } = r;
    if (location.doubtful || r.figures.length === 0 || r.figures.length > cellCount(location)) continue;
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
        expected: `${cellCount(location)} 个单元格`,
      },
    );
    location.doubtful = 'stray-after';
  }
}
