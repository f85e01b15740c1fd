import type { Block, TableBlock } from '../read/blocks.js';
import type { LabelSpec } from '../spec/types.js';
import { codeAt } from '../text/code-unit.js';
import { compact } from '../text/fold.js';
import { type TabCellEvidence, tabCellEvidence } from './tab-evidence.js';
import type { Token } from './tokens.js';

/** Placeholder characters for non-text tokens in the compact stream. */
export const NUM = '#';
export const BLANK = '_';

export interface LabelMatch {
  /** Offsets in the compact stream. */
  start: number;
  end: number;
  /** Token indexes covered (inclusive start, exclusive end). */
  firstToken: number;
  endToken: number;
  /** The wording matched (folded). */
  matched: string;
  /** True when a non-standard variant matched. */
  variant: boolean;
}

const keyCache = new WeakMap<LabelSpec, { keys: string[]; variants: string[] }>();

/** The label's search keys and variants, folded and without whitespace. */
export function labelKeys(label: LabelSpec): { keys: string[]; variants: string[] } {
  let cached = keyCache.get(label);
  if (!cached) {
    cached = {
      keys: (label.keys ?? [label.official]).map(compact),
      variants: (label.variants ?? []).map(compact),
    };
    keyCache.set(label, cached);
  }
  return cached;
}

/**
 * A character a terminal shows two columns wide (East Asian Wide and Fullwidth): CJK ideographs,
 * kana, Hangul, CJK punctuation and symbols, full-width forms. Ambiguous ones (「“」) count as
 * narrow, as text-mode browsers show them.
 */
export const isWide = (c: number): boolean =>
  (c >= 0x1100 && c <= 0x115f) ||
  (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
  (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xff60) ||
  (c >= 0xffe0 && c <= 0xffe6);

/**
 * The report's text with whitespace removed and each number replaced by `#`: labels wrapped over
 * lines, or split by a row of figures (PDF layouts), read as one string here.
 */
export class TokenStream {
  readonly text: string;
  /** For each character of `text`, the index of its token. */
  private readonly owner: Int32Array;
  /** For each token, the offset of its first character in `text`. */
  private readonly offsets: Int32Array;

  /** The blocks that are grids (tables of cells), by index; empty when none is. */
  private readonly grids: ReadonlySet<number>;

  /** The blocks the tokens came from (their lines' text, for display columns; tables' cells). */
  readonly blocks: readonly Block[];

  constructor(
    readonly tokens: readonly Token[],
    blocks: readonly Block[] = [],
  ) {
    const grids = new Set<number>();
    for (let i = 0; i < blocks.length; i++) if ((blocks[i] as Block).type === 'table') grids.add(i);
    this.grids = grids;
    this.blocks = blocks;
    const parts: string[] = new Array(tokens.length);
    let length = 0;
    this.offsets = new Int32Array(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as Token;
      this.offsets[i] = length;
      const piece = token.kind === 'text' ? token.text : token.kind === 'num' ? NUM : BLANK;
      parts[i] = piece;
      length += piece.length;
    }
    this.offsets[tokens.length] = length;
    this.text = parts.join('');
    const owner = new Int32Array(length);
    for (let i = 0, at = 0; i < tokens.length; i++) {
      const end = this.offsets[i + 1] as number;
      while (at < end) owner[at++] = i;
    }
    this.owner = owner;
  }

  /** The page of each block, counted from the text's page breaks (made when first asked). */
  private blockPages: Int32Array | undefined;

  /**
   * The page token `k` stands on: its own (a PDF's or a scan's), else counted in the text from the
   * page breaks before its block (a form feed, a page number or a running head left by PDF
   * extraction; 0 for text without any). A layout's columns hold within a page: `pdftotext
   * -layout` spaces each page's lines afresh.
   */
  pageOf(k: number): number {
    const token = this.tokens[k];
    if (!token) return 0;
    if (token.page !== undefined) return token.page;
    if (!this.blockPages) {
      const pages = new Int32Array(this.blocks.length);
      let page = 0;
      for (let i = 0; i < this.blocks.length; i++) {
        const block = this.blocks[i] as Block;
        if (block.type === 'paragraph' && block.pageBreak) page++;
        pages[i] = page;
      }
      this.blockPages = pages;
    }
    return this.blockPages[token.block] ?? 0;
  }

  /**
   * Whether token `k` is a grid's (a table of cells: a web page's, a document's, a scan's, or
   * tab- or pipe-separated text), whose cells are placed by position, not by lines of text.
   */
  inGrid(k: number): boolean {
    return this.grids.size > 0 && this.grids.has((this.tokens[k] as Token).block);
  }

  /** Each grid's cells where they start in the source, in order, with their rows (built when asked). */
  private gridCells:
    | Map<number, { lines: Float64Array; columns: Float64Array; rows: Int32Array }>
    | undefined;

  /**
   * The row of the grid that token `k` stands in (its cell's, found by where the cell starts in
   * the source), or −1 outside a grid, or where the grid's cells do not start in order row by row
   * (a scan's, placed by the picture).
   */
  gridRow(k: number): number {
    if (!this.inGrid(k)) return -1;
    const token = this.tokens[k] as Token;
    this.gridCells ??= new Map();
    let cells = this.gridCells.get(token.block);
    if (!cells) {
      const places: [number, number, number][] = [];
      const block = this.blocks[token.block] as TableBlock;
      block.rows.forEach((row, r) => {
        for (const cell of row) if (!cell.spanned) places.push([cell.line, cell.column, r]);
      });
      // In order already, row by row (a cell of a row not after the row before's: no rows told).
      let ordered = true;
      for (let i = 1; i < places.length && ordered; i++) {
        const [line, column, r] = places[i] as [number, number, number];
        const [l0, c0, r0] = places[i - 1] as [number, number, number];
        ordered = r === r0 || line > l0 || (line === l0 && column > c0);
      }
      if (!ordered) places.length = 0;
      cells = {
        lines: Float64Array.from(places, (p) => p[0]),
        columns: Float64Array.from(places, (p) => p[1]),
        rows: Int32Array.from(places, (p) => p[2]),
      };
      this.gridCells.set(token.block, cells);
    }
    // The last cell starting at or before the token.
    let lo = 0;
    let hi = cells.rows.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const line = cells.lines[mid] as number;
      if (line < token.line || (line === token.line && (cells.columns[mid] as number) <= token.column)) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found === -1 ? -1 : (cells.rows[found] as number);
  }

  /** Whether the token's line was laid out from positions on the page (see `Paragraph.positioned`). */
  positioned(token: Token): boolean {
    const block = this.blocks[token.block];
    return block?.type === 'paragraph' && block.positioned === true;
  }

  /**
   * The token's column as a terminal shows its line, where a wide character (CJK, full-width
   * forms) takes two columns: text dumped from a web page by a text-mode browser (w3m) lines
   * figures up in these columns, not in characters as `pdftotext -layout` does. A grid cell's
   * token keeps its column.
   */
  displayColumn(token: Token): number {
    const block = this.blocks[token.block];
    if (block?.type !== 'paragraph') return token.column;
    const end = Math.min(block.text.length, token.column - block.column);
    let wide = 0;
    for (let i = 0; i < end; i++) if (isWide(codeAt(block.text, i))) wide++;
    return token.column + wide;
  }

  /** What the document's tab-separated tables keep of their empty cells (see tab-evidence.ts). */
  tabCellEvidence(): TabCellEvidence {
    return tabCellEvidence(this.blocks);
  }

  /** Token index owning offset `at` (or the token count at the end). */
  tokenAt(at: number): number {
    return at >= this.text.length ? this.tokens.length : (this.owner[at] as number);
  }

  /** Offset where token `index` starts. */
  offsetOf(index: number): number {
    return this.offsets[Math.min(index, this.tokens.length)] as number;
  }

  /**
   * Finds the earliest occurrence in [from, to) of any key of the label (official keys first when
   * two start at the same place), or of one of its variants.
   */
  find(label: LabelSpec, from: number, to = this.text.length): LabelMatch | null {
    const { keys, variants } = labelKeys(label);
    // Searched within [from, to) only: the first match after `from` that ends past `to` was no match.
    const bounded = from >= 0 && to >= 0 && to < this.text.length;
    const window = bounded ? this.text.slice(from, to) : this.text;
    // The best so far, kept in locals: a match object is made once, for the best (this runs for
    // every label the assembler looks for).
    let bestAt = -1;
    let bestKey = '';
    let bestVariant = false;
    for (let pass = 0; pass < 2; pass++) {
      const variant = pass === 1;
      for (const key of variant ? variants : keys) {
        if (!key) continue;
        const found = bounded ? window.indexOf(key) : this.text.indexOf(key, from);
        const at = bounded && found !== -1 ? found + from : found;
        if (at === -1 || at + key.length > to) continue;
        if (bestAt !== -1 && (at > bestAt || (at === bestAt && (variant || !bestVariant)))) continue;
        bestAt = at;
        bestKey = key;
        bestVariant = variant;
      }
    }
    if (bestAt === -1) return null;
    return {
      start: bestAt,
      end: bestAt + bestKey.length,
      firstToken: this.tokenAt(bestAt),
      endToken: this.tokenAt(bestAt + bestKey.length - 1) + 1,
      matched: bestKey,
      variant: bestVariant,
    };
  }
}
