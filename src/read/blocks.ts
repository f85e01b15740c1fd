/**
 * What readers produce: the report as a sequence of blocks in reading order, each with its place
 * in the source. Readers know file formats; they know nothing of the report format.
 */
export interface Paragraph {
  type: 'paragraph';
  text: string;
  /** 1-based line and column of the block's first character in the decoded source. */
  line: number;
  column: number;
  page?: number;
  /**
   * Page furniture (a page number, a running head, a form feed) stood between this paragraph and
   * the one before: the lines between are no blank lines of the text.
   */
  pageBreak?: boolean;
  /**
   * An empty table cell written as a line of its own (a tab alone, among cells written one a line
   * after a tab): the paragraph's text is empty, and it stands for a blank cell.
   */
  emptyCell?: boolean;
  /**
   * A number alone on its line equal to its page's number, on a page whose number was not found
   * where the report's other pages have theirs (text in reading order may set it among a table's
   * cells): it may be the page number, not a figure of the report.
   */
  pageNumberLike?: boolean;
  /**
   * Laid out from positions on the page (the PDF and OFD readers): each piece of text stands at
   * the column of its place on the page, in half-width characters, and a CJK character covers two
   * such columns, as on the page — to within the rounding of each piece's start to a column.
   * Text from another tool (`pdftotext -layout`) is not: its widths are not to be trusted.
   */
  positioned?: boolean;
}

export interface TableCell {
  text: string;
  line: number;
  column: number;
  page?: number;
}

/**
 * A table as a grid: merged cells are already expanded (a merged cell's text is in its first
 * grid position, the other positions it covers hold `spanned: true`).
 */
export interface TableBlock {
  type: 'table';
  rows: (TableCell & { spanned?: boolean })[][];
  /** Cells separated in text (tabs): a row's columns may not line up with the other rows'. */
  loose?: boolean;
  /**
   * Cells separated by commas (comma-separated values, see assemble/comma-rows.ts): every cell is
   * written, an empty one as an empty field. `unsettled`: the lines of rows whose cells the text
   * does not settle (a comma between two figures may separate cells or group a figure's
   * thousands); none of such a row's figures is read.
   */
  commas?: { unsettled: readonly number[] };
  line: number;
  column: number;
  page?: number;
}

export type Block = Paragraph | TableBlock;

/** The file types Gongkai reads. */
export type SourceType = 'text' | 'html' | 'docx' | 'doc' | 'pdf' | 'image';
