/**
 * Walks a Word 97–2003 document's main text into the body that both Word readers share
 * (../docx/word-items.ts), which becomes blocks.
 *
 * Places, as in the DOCX reader: `line` is the 1-based ordinal of the paragraph in the document
 * (every paragraph, empty ones and those in table cells included; a table row's end mark is no
 * paragraph); `column` is the 1-based offset in that paragraph's text. `file.text` holds one line
 * per paragraph.
 *
 * The text: a paragraph ends at a paragraph mark (CR), a cell mark (BEL) or a section or page
 * break (FF); a line break (VT) splits it into segments; a tab stays a tab, a non-breaking hyphen
 * is 「-」, an optional hyphen and the anchors of pictures, drawings, footnotes and comments are
 * dropped (an inline picture is kept aside for OCR, with its place). A text box's paragraphs (its
 * story in the text boxes' subdocument) follow the paragraph that anchors it, in the same
 * container (the body or a cell), as in the DOCX reader. Fields keep their result, not their instruction, except a table of contents, whose
 * result would repeat the headings. Hidden text is dropped; tracked changes are read as if
 * accepted (deleted text dropped, with one info finding).
 *
 * Tables: a paragraph in a table (`sprmPFInTable`, or a depth `sprmPItap`) belongs to the current
 * cell, which its cell mark closes; a row's end mark (`sprmPFTtp`) closes the row and carries the
 * row's cell edges (`sprmTDefTable`), from which each cell's span over the table's grid (every
 * row's edges together) and the merges (vertical: the cell's flags or `sprmTVertMerge`; legacy
 * horizontal) are worked out. A nested table (a depth over 1: its cells end at `sprmPFInnerTableCell`,
 * its rows at `sprmPFInnerTtp`) is kept in its cell, as the DOCX reader keeps one.
 */
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { Numbering, type ParagraphNumbering } from '../docx/numbering.js';
import {
  type Cell,
  type Item,
  type ParagraphItem,
  type Row,
  type Segment,
  type TableItem,
  toBlocks,
} from '../docx/word-items.js';
import { listDefinitions, listOf, styleId } from './lists.js';
import { forEachSprm, WordBinaryError, type WordText } from './word-binary.js';

interface ParagraphProperties {
  /** The paragraph's numbering as it states it (its style's, if any, is the style's). */
  numbering: ParagraphNumbering;
  /** Table depth: 0 outside tables. */
  depth: number;
  /** The end of a row (its mark closes the row of the depth). */
  rowEnd: boolean;
  /** The end of a cell of a nested table (a cell mark ends a cell of the outermost). */
  innerCellEnd: boolean;
  /** The row's cell edges and flags (on a row's end mark). */
  cells: RowCells | null;
}

interface RowCells {
  /** Cell edges, left to right (twips): cell k spans edges k to k + 1. */
  edges: number[];
  /** Per cell: continues a merged cell (vertically, or a legacy horizontal merge). */
  continued: boolean[];
}

function paragraphProperties(paragraph: { istd: number; grpprl: Uint8Array } | null): ParagraphProperties {
  const props: ParagraphProperties = {
    numbering: { style: styleId(paragraph?.istd ?? 0), numId: null, ilvl: null },
    depth: 0,
    rowEnd: false,
    innerCellEnd: false,
    cells: null,
  };
  if (!paragraph) return props;
  const { grpprl } = paragraph;
  const list = listOf(grpprl);
  props.numbering.numId = list.ilfo;
  props.numbering.ilvl = list.ilvl;
  let inTable = false;
  let itap = -1;
  let innerRowEnd = false;
  const vertical: [number, number][] = [];
  forEachSprm(grpprl, (sprm, operand) => {
    switch (sprm) {
      case 0x2416:
        inTable = operand[0] !== 0;
        break;
      case 0x2417:
        props.rowEnd = operand[0] !== 0;
        break;
      case 0x244b:
        props.innerCellEnd = operand[0] !== 0;
        break;
      case 0x244c:
        innerRowEnd = operand[0] !== 0;
        break;
      case 0x6649:
        itap = new DataView(operand.buffer, operand.byteOffset, 4).getInt32(0, true);
        break;
      case 0xd608:
      case 0xd606:
        props.cells = rowCells(operand);
        break;
      case 0xd62b:
        if (operand.length >= 3) vertical.push([operand[1] as number, operand[2] as number]);
        break;
    }
  });
  // Word nests tables at most 63 deep: a larger depth is damage, held to that.
  props.depth = itap >= 0 ? Math.min(itap, maxDepth) : inTable ? 1 : 0;
  if (innerRowEnd && props.depth > 1) props.rowEnd = true;
  if (props.cells)
    for (const [cell, flags] of vertical)
      if (cell < props.cells.continued.length) props.cells.continued[cell] = flags === 1;
  return props;
}

/** `sprmTDefTable`: the cells' count, their edges, then a TC80 (20 bytes) for some or all of them. */
function rowCells(operand: Uint8Array): RowCells | null {
  const count = operand[2] ?? 0;
  const tcAt = 3 + (count + 1) * 2;
  if (count === 0 || tcAt > operand.length) return null;
  const view = new DataView(operand.buffer, operand.byteOffset, operand.byteLength);
  const edges: number[] = [];
  for (let k = 0; k <= count; k++) edges.push(view.getInt16(3 + k * 2, true));
  const continued: boolean[] = [];
  for (let k = 0; k < count; k++) {
    const at = tcAt + k * 20;
    const flags = at + 2 <= operand.length ? view.getUint16(at, true) : 0;
    // fMerged (a legacy horizontal merge's later cells), or fVertMerge without fVertRestart.
    continued.push((flags & 0x0002) !== 0 || (flags & 0x0060) === 0x0020);
  }
  return { edges, continued };
}

/** The deepest table nesting Word writes. */
const maxDepth = 63;

/** Row edges this close (twips, a fiftieth of a millimetre) are one grid line. */
const edgeTolerance = 20;

interface OpenTable {
  item: TableItem;
  /** Each row's cell edges (null when its end mark gave none). */
  edges: (RowCells | null)[];
}

/** A table open at some depth, with its open row and cell. */
interface OpenLevel {
  table: OpenTable;
  row: Row | null;
  cell: Cell | null;
}

/** The open cell of a table (opened, with its row, if none is). */
function openCell(level: OpenLevel, line: number): Cell {
  level.row ??= { cells: [], before: 0, after: 0, deleted: false };
  level.cell ??= { items: [], line, span: 1, continued: false };
  return level.cell;
}

/** Ends the open cell of a table (at a cell's mark). */
function endCell(level: OpenLevel): void {
  if (!level.cell) return;
  level.row ??= { cells: [], before: 0, after: 0, deleted: false };
  level.row.cells.push(level.cell);
  level.cell = null;
}

/** Ends the open row of a table (at a row's end mark, or as the table closes), with its cell edges. */
function endRow(level: OpenLevel, edges: RowCells | null): void {
  endCell(level);
  if (level.row && level.row.cells.length > 0) {
    level.table.item.rows.push(level.row);
    level.table.edges.push(edges);
  }
  level.row = null;
}

/** The tables open at each depth (the outermost first), each with its open row and cell. */
class OpenTables {
  private readonly levels: OpenLevel[] = [];

  /** `body`: where a closed outermost table goes. */
  constructor(private readonly body: Item[]) {}

  get depth(): number {
    return this.levels.length;
  }

  /** The table open at `depth` (1 the outermost). */
  at(depth: number): OpenLevel {
    return this.levels[depth - 1] as OpenLevel;
  }

  /** The cell at `depth` (made if it is not open yet, with the tables and rows around it). */
  cellAt(depth: number, line: number): Cell {
    while (this.levels.length < depth) {
      // A table opens in a cell of the table around it.
      if (this.levels.length > 0) openCell(this.at(this.levels.length), line);
      this.levels.push({
        table: { item: { kind: 'table', line, rows: [] }, edges: [] },
        row: null,
        cell: null,
      });
    }
    return openCell(this.at(depth), line);
  }

  /** Closes the tables deeper than `depth`: each goes into its enclosing cell, the outermost into the body. */
  closeDeeperThan(depth: number): void {
    while (this.levels.length > depth) {
      const level = this.levels.pop() as OpenLevel;
      endRow(level, null);
      spanCells(level.table);
      if (this.levels.length === 0) this.body.push(level.table.item);
      else this.cellAt(this.levels.length, level.table.item.line).items.push(level.table.item);
    }
  }
}

/** An inline picture of the document, where it stands (as the reader numbers places). */
export interface DocPicture {
  /** Its record in the Data stream (see `WordText.pictureAt`). */
  bytes: Uint8Array;
  line: number;
  column: number;
}

/** A field open where the walk is: its instruction so far, and whether its result has begun. */
interface OpenField {
  instruction: string;
  result: boolean;
  /** A table of contents, whose result is left out. */
  contents: boolean;
}

/** The document's blocks, and its inline pictures (tables published as pictures are read by OCR). */
export function readDocDocument(
  word: WordText,
  file: SourceFile,
): { blocks: Block[]; pictures: DocPicture[] } {
  const walker = new DocumentWalker(word, listsOf(word, file));
  walker.read();
  if (walker.revision !== undefined)
    file.info('read.doc-revisions', '文档中有未接受的修订，已按接受全部修订读取（删除的文字不计）', {
      place: { line: walker.revision, column: 1 },
    });
  file.text = walker.lines.join('\n');
  const blocks: Block[] = [];
  toBlocks(walker.body, blocks);
  return { blocks, pictures: walker.pictures };
}

/** One walk over a document's characters into the shared body, paragraph by paragraph. */
class DocumentWalker {
  readonly body: Item[] = [];
  /** Each paragraph's text, by line (`file.text`). */
  readonly lines: string[] = [];
  readonly pictures: DocPicture[] = [];
  /** The line of the first tracked deletion. */
  revision: number | undefined;

  private readonly tables = new OpenTables(this.body);
  private readonly text: string;
  private readonly fcs: WordText['fcs'];
  /** The paragraphs read so far (the last one's line). */
  private ordinal = 0;
  private fields: OpenField[] = [];
  /** The paragraph being read: its segments before the current one, the current one's text and column. */
  private segments: Segment[] = [];
  private current = '';
  private column = 1;
  /** Text boxes anchored in the paragraph being read: their paragraphs follow it. */
  private anchored: { from: number; to: number }[] = [];

  constructor(
    private readonly word: WordText,
    private readonly numbering: Numbering | null,
  ) {
    this.text = word.text;
    this.fcs = word.fcs;
  }

  read(): void {
    this.walk(0, this.word.mainLength, null);
    if (this.current !== '' || this.segments.length > 0)
      this.endParagraph(null, this.tables.depth > 0 ? this.openCell().items : this.body);
    this.tables.closeDeeperThan(0);
  }

  /** The innermost open cell (made if need be), at the next paragraph's line. */
  private openCell(depth = this.tables.depth): Cell {
    return this.tables.cellAt(depth, this.ordinal + 1);
  }

  /** Whether characters now are shown: outside any field's instruction and a table of contents. */
  private shown(): boolean {
    return this.fields.every((f) => f.result && !f.contents);
  }

  /**
   * Reads the characters [from, to): the main document's, or (`box`, the container the anchoring
   * paragraph is in) a text box's story, whose paragraphs all go into that container.
   */
  private walk(from: number, to: number, box: Item[] | null): void {
    const { text } = this;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d || c === 0x07 || c === 0x0c) this.mark(c, i, box);
      else if (c === 0x13 || c === 0x14 || c === 0x15) this.fieldMark(c);
      else if (this.fields.length > 0 && !this.shown()) {
        const field = this.fields.at(-1);
        if (field && !field.result) field.instruction += text[i];
      } else this.character(c, i, box);
    }
  }

  /** A paragraph, cell or section mark: ends the paragraph, and in a table the cell or the row. */
  private mark(c: number, i: number, box: Item[] | null): void {
    const props = paragraphProperties(this.word.paragraphAt(this.fcs[i] as number));
    if (box) {
      // A table's row end in a text box is no paragraph; its cells are read as paragraphs.
      if (!(props.depth >= 1 && props.rowEnd)) this.endParagraph(props, box);
      return;
    }
    this.tables.closeDeeperThan(props.depth);
    if (props.depth >= 1 && props.rowEnd) {
      // A row's end mark: no paragraph of its own (and no text).
      this.openCell(props.depth);
      const level = this.tables.at(props.depth);
      // The mark opened no cell of its own: the row ends with the cells before it.
      level.cell = level.cell?.items.length === 0 ? null : level.cell;
      endRow(level, props.cells);
      this.segments = [];
      this.current = '';
      this.column = 1;
      return;
    }
    const container = props.depth >= 1 ? this.openCell(props.depth).items : this.body;
    this.endParagraph(props, container);
    // A cell mark ends a cell of the outermost table; a flag, a nested table's.
    if ((props.depth === 1 && c === 0x07) || (props.depth > 1 && props.innerCellEnd))
      endCell(this.tables.at(props.depth));
    this.readBoxes(container);
  }

  /** A field's begin, separator (its result follows) or end. */
  private fieldMark(c: number): void {
    if (c === 0x13) this.fields.push({ instruction: '', result: false, contents: false });
    else if (c === 0x15) this.fields.pop();
    else {
      const field = this.fields.at(-1);
      if (field) {
        field.result = true;
        field.contents = /^\s*TOC\b/i.test(field.instruction);
      }
    }
  }

  /** Any other character shown: text, a line break, a picture or a text box's anchor. */
  private character(c: number, i: number, box: Item[] | null): void {
    const dropped = this.word.droppedAt(this.fcs[i] as number);
    if (dropped) {
      if (dropped === 'deleted') this.revision ??= this.ordinal + 1;
    } else if (c === 0x0b) {
      // The next segment's column in the paragraph's line (segments joined by a space).
      this.segments.push({ text: this.current, column: this.column });
      this.column += this.current.length + 1;
      this.current = '';
    } else if (c === 0x01) {
      const picture = this.word.pictureAt(this.fcs[i] as number);
      if (picture)
        this.pictures.push({ bytes: picture, line: this.ordinal + 1, column: this.current.length + 1 });
    } else if (c === 0x08) {
      const story = box ? undefined : this.word.textBoxes.get(i);
      if (story) this.anchored.push(story);
    } else if (c === 0x09) this.current += '\t';
    else if (c === 0x1e) this.current += '-';
    else if (c >= 0x20) this.current += this.text[i];
  }

  /** Ends the paragraph being read as a paragraph of `container`, numbered as the document's. */
  private endParagraph(props: ParagraphProperties | null, container: Item[]): void {
    const segments = this.segments;
    segments.push({ text: this.current, column: this.column });
    const line = ++this.ordinal;
    // The automatic number is printed before the text (columns count it, as in the DOCX reader).
    const prefix = props ? (this.numbering?.next(props.numbering) ?? '') : '';
    if (prefix !== '') {
      (segments[0] as Segment).text = prefix + (segments[0] as Segment).text;
      for (let k = 1; k < segments.length; k++) (segments[k] as Segment).column += prefix.length;
    }
    this.lines[line - 1] = segments.map((s) => s.text).join(' ');
    const item: ParagraphItem = { kind: 'paragraph', line, segments };
    container.push(item);
    this.segments = [];
    this.current = '';
    this.column = 1;
  }

  /** Reads the text boxes anchored in the paragraph just read into its container. */
  private readBoxes(container: Item[]): void {
    if (this.anchored.length === 0) return;
    const stories = this.anchored;
    this.anchored = [];
    // A field open around the anchor does not reach into the box.
    const outer = this.fields;
    for (const story of stories) {
      this.fields = [];
      this.walk(story.from, Math.min(story.to, this.text.length), container);
      if (this.current !== '' || this.segments.length > 0) this.endParagraph(null, container);
    }
    this.fields = outer;
  }
}

/**
 * The document's numbering, or null when it has no lists. Damaged list tables don't stop the
 * reading: the numbers are left out, with a warning (headings may then not be found).
 */
function listsOf(word: WordText, file: SourceFile): Numbering | null {
  try {
    const definitions = listDefinitions(word.tableStructure, word.tableAfter);
    return definitions.abstracts.size === 0 ? null : new Numbering(definitions);
  } catch (error) {
    if (!(error instanceof WordBinaryError)) throw error;
    file.warn(
      'read.doc-numbering',
      '文档的自动编号无法读取，编号（如标题的「一、」）未读出；如缺少标题，请另存为 DOCX 后再读',
    );
    return null;
  }
}

/**
 * Each cell's span over the table's grid: the edges of all rows together (edges closer than
 * `edgeTolerance` are one), a cell spanning the grid lines between its own two edges; grid
 * columns before a row's first edge or after its last are its `before` and `after`. A row whose
 * end mark gave no edges, or other edges than it has cells, keeps one column a cell.
 */
function spanCells(table: OpenTable): void {
  const all: number[] = [];
  table.item.rows.forEach((row, r) => {
    const cells = table.edges[r];
    if (cells && cells.edges.length === row.cells.length + 1) all.push(...cells.edges);
  });
  all.sort((a, b) => a - b);
  const grid: number[] = [];
  for (const x of all) if (grid.length === 0 || x - (grid.at(-1) as number) > edgeTolerance) grid.push(x);
  const lineOf = (x: number): number => {
    let best = 0;
    for (let k = 1; k < grid.length; k++)
      if (Math.abs((grid[k] as number) - x) < Math.abs((grid[best] as number) - x)) best = k;
    return best;
  };
  table.item.rows.forEach((row, r) => {
    const cells = table.edges[r];
    if (!cells || cells.edges.length !== row.cells.length + 1) return;
    const at = cells.edges.map(lineOf);
    row.before = at[0] as number;
    row.after = Math.max(0, grid.length - 1 - (at.at(-1) as number));
    row.cells.forEach((cell, k) => {
      cell.span = Math.max(1, (at[k + 1] as number) - (at[k] as number));
      if (cells.continued[k]) cell.continued = true;
    });
  });
}
