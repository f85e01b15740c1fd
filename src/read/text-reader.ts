import type { SourceFile } from '../core/source-file.js';
import { decode } from '../decode/decode.js';
import { normalization } from '../spec/normalization.js';
import { codeAt } from '../text/code-unit.js';
import { FOLDED, foldText } from '../text/fold.js';
import type { Block, Paragraph, TableBlock, TableCell } from './blocks.js';
import { decodedInput } from './decoded-input.js';
import { isPageNumberLine } from './page-number.js';
import { joinPipePieces } from './pipe-pieces.js';

/** A space or a tab (both whitespace to `\s`). */
const isBlankUnit = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * Whether a line is a page number (`pageNumberLine`), the pattern tried only for lines that may
 * start as one: after any leading whitespace, a dash, 「第」 or a digit (a digit then only with a
 * 「/」 in the line). Most lines start with a word and are settled by their first character.
 */
function isPageNumberText(t: string): boolean {
  // Spaces and tabs around the line are skipped (the pattern's \s allows them): an indented
  // table cell (「    12」) is settled by its first character like any other line.
  let a = 0;
  while (a < t.length && isBlankUnit(codeAt(t, a))) a++;
  let b = t.length - 1;
  while (b > a && isBlankUnit(codeAt(t, b))) b--;
  // Blank or empty: no page number (and no character read past the end, which optimised code
  // would be thrown away for).
  if (a === t.length) return false;
  const c = codeAt(t, a);
  // A CJK character other than 「第」, or printable ASCII other than 「-」 and digits: no page number.
  if (c >= 0x4e00 && c <= 0x9fff) {
    if (c !== 0x7b2c) return false;
  } else if (c > 0x20 && c < 0x7f && c !== 0x2d) {
    if (c < 0x30 || c > 0x39 || t.indexOf('/') === -1) return false;
  }
  // It ends (before any trailing whitespace) with a digit, 「页」 or a dash: not with other words.
  const z = codeAt(t, b);
  if (z >= 0x4e00 && z <= 0x9fff) {
    if (z !== 0x9875) return false;
  } else if (z > 0x20 && z < 0x7f && z !== 0x2d && (z < 0x30 || z > 0x39)) return false;
  // A page number's pieces stand close together (「- 3 -」「3 / 12」「第 3 页」); pieces set apart by
  // a tab or three spaces or more are a table's cells on a line of their own (「4   /   4」: two
  // figures and a blank mark of a row whose label wrapped around them), which must not be dropped.
  for (let i = a + 1, spaces = 0; i < b; i++) {
    const c = codeAt(t, i);
    if (c === 0x09) return false;
    spaces = c === 0x20 ? spaces + 1 : 0;
    if (spaces >= 3) return false;
  }
  return isPageNumberLine(t);
}

/**
 * Lines that look like page numbers (`isPageNumberText`) where the text says otherwise: a table's
 * row on a line of its own may take their form (「3 / 42」: 3, the blank mark 「/」, 42; 「— 14 —」: a
 * blank mark, 14, a blank mark). 「N / M」 must give the text's page count (its pages, where form
 * feeds end them, as PDF extraction leaves them; or a count two such lines give for different
 * pages); and where form feeds tell each line's page, a number must agree with the page it stands
 * on as the others do (each page number N on page p gives N − p; most agree), where two or more
 * agree and fewer on its own offset, and be no page's number alone in three pages or more. Indexes
 * of `lines`.
 */
export function refutedPageNumbers(lines: readonly string[]): Set<number> {
  const found: { index: number; page: number; number: number; count: number | null }[] = [];
  const slashPages = new Map<number, Set<number>>();
  let page = 0;
  let lastFeed = -1;
  // A plain loop, most lines settled by their first character (isPageNumberText): it runs over
  // every line of a report with a form feed or a 「/」.
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const feedAt = raw.indexOf('\f');
    const feeds = feedAt === -1 ? 0 : raw.split('\f').length - 1;
    const text = feeds > 0 ? raw.replaceAll('\f', '') : raw;
    // A page number before a form feed on its line is the page's; after one, the next page's.
    const endsPage = feeds > 0 && raw.trimEnd().endsWith('\f');
    if (feeds > 0) {
      lastFeed = i;
      if (!endsPage) page += feeds;
    }
    if (isPageNumberText(text)) {
      const folded = text.trim().normalize('NFKC');
      if (folded.length <= 24) {
        const slash = slashForm.exec(folded);
        const number = Number(/\d{1,4}/.exec(folded)?.[0]);
        const count = slash ? Number(slash[2]) : null;
        found.push({ index: i, page, number, count });
        if (count !== null) slashPages.set(count, (slashPages.get(count) ?? new Set()).add(number));
      }
    }
    if (endsPage) page += feeds;
  }
  const refuted = new Set<number>();
  if (found.length === 0) return refuted;
  // Words after the last form feed make a page (pdftotext ends every page, the last too, with one).
  let after = lastFeed === -1;
  if (lastFeed !== -1) {
    const tail = lines[lastFeed] as string;
    after = tail.slice(tail.lastIndexOf('\f') + 1).trim() !== '';
    for (let i = lastFeed + 1; i < lines.length && !after; i++) after = (lines[i] as string).trim() !== '';
  }
  const pages = page + (after ? 1 : 0);
  for (const f of found)
    if (f.count !== null && f.count !== pages && (slashPages.get(f.count)?.size ?? 0) < 2)
      refuted.add(f.index);
  if (page === 0) return refuted;
  // One page number in a text of three pages or more: the others would have theirs.
  if (found.length === 1 && pages >= 3) return new Set([(found[0] as (typeof found)[number]).index]);
  const offsets = new Map<number, number>();
  for (const f of found)
    if (!refuted.has(f.index)) offsets.set(f.number - f.page, (offsets.get(f.number - f.page) ?? 0) + 1);
  let most = 0;
  for (const n of offsets.values()) most = Math.max(most, n);
  if (most >= 2)
    for (const f of found) if ((offsets.get(f.number - f.page) ?? 0) < most) refuted.add(f.index);
  return refuted;
}

/** No line refuted. */
const none: ReadonlySet<number> = new Set();

/** 「3 / 12」: a page and the page count (NFKC-folded). */
const slashForm = /^(\d{1,4})\s*[/／]\s*(\d{1,4})$/;

/**
 * Whether a character is surely not whitespace (printable ASCII, CJK, full-width forms): a line
 * with such characters at both ends needs no trimming.
 */
const solid = (c: number): boolean =>
  (c > 0x20 && c < 0x7f) || (c >= 0x3001 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xffef);

/** `text.trim()`, skipped for the common line that has nothing to trim. */
const trimmedOf = (text: string): string =>
  text.length > 0 && solid(codeAt(text, 0)) && solid(codeAt(text, text.length - 1)) ? text : text.trim();

/** Replaces converter residue (「[image: …]」) with spaces of the same length, keeping columns. */
function blankResidue(line: string): string {
  if (line.indexOf('[') === -1) return line;
  let out = line;
  for (const pattern of normalization.residue) out = out.replace(pattern, (m) => ' '.repeat(m.length));
  return out;
}

const pipeRow = /^\s*\|.*\|\s*$/;
const pipeRule = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;
/**
 * A pipe row of empty cells and short dashes only, a dash among them (a row of empty cells alone is
 * a row: a piece's first row, taken for its header, whose cells are all blank).
 */
const dashesOnly = /^(?=.*[-—–])\s*\|(?:[\s\-—–]*\|)+\s*$/;

/** A Markdown pipe table's rows as a grid: its empty cells then read as blank cells. */
function pipeTable(lines: { text: string; line: number }[]): TableBlock {
  const rows = lines
    // A table of dashes only (header and rule) is a converter's leftover, not rows: it goes.
    .filter(
      (l, i) =>
        !pipeRule.test(l.text) && !(dashesOnly.test(l.text) && pipeRule.test(lines[i + 1]?.text ?? '')),
    )
    .map(({ text, line }) => {
      const cells: TableCell[] = [];
      let at = text.indexOf('|') + 1;
      for (;;) {
        const next = text.indexOf('|', at);
        if (next === -1) break;
        const raw = text.slice(at, next);
        const lead = raw.length - raw.trimStart().length;
        cells.push({ text: raw.trim(), line, column: at + lead + 1 });
        at = next + 1;
      }
      return cells;
    });
  const first = lines[0] as { line: number };
  return { type: 'table', rows, line: first.line, column: 1 };
}

/**
 * Rows of cells separated by tabs (a table copied from Word or a spreadsheet) as a grid: an
 * empty cell between two tabs is an empty cell. Their columns need not line up (`loose`).
 */
function tabTable(lines: { text: string; line: number }[]): TableBlock {
  const rows = lines.map(({ text, line }) => {
    const cells: TableCell[] = [];
    let at = 0;
    for (;;) {
      const next = text.indexOf('\t', at);
      const raw = text.slice(at, next === -1 ? text.length : next);
      const lead = raw.length - raw.trimStart().length;
      cells.push({ text: raw.trim(), line, column: at + lead + 1 });
      if (next === -1) break;
      at = next + 1;
    }
    return cells;
  });
  const first = lines[0] as { line: number };
  return { type: 'table', rows, line: first.line, column: 1, loose: true };
}

/** A figure or a blank mark standing apart on a line (a table's cell), as no running foot has. */
const apartFigure = /(?:^|\s)(?:[+-]?\d[\d.,]*|[/—–―无空-]+)(?=\s|$)/;

/** Most characters of a running head (a line of page furniture, not a paragraph). */
const headLength = 60;

/** Page furniture found in the lines of a text (line numbers, 1-based). */
export interface Furniture {
  /** Running heads and feet, and page numbers: lines that go. */
  drop: Set<number>;
  /**
   * Numbers alone on a line, each equal to its page's number, on pages whose number was not found
   * where the others' are (the report prints bare page numbers): text in reading order may have
   * set the page's number among its other lines, a table's cells too. They stay, marked.
   */
  pageNumberLike: Set<number>;
}

/**
 * Running heads and feet: the same line (digits aside) at the page breaks of most pages, where a
 * page break is a form feed (as PDF extraction leaves it) or a page-number line; and page numbers
 * printed bare (see barePageNumbers).
 */
export function pageFurniture(
  lines: readonly string[],
  /** False when the caller knows no line holds a form feed (none is then looked for). */
  feeds = true,
  /** Lines that look like page numbers but are not (see refutedPageNumbers). */
  refuted: ReadonlySet<number> = refutedPageNumbers(lines),
): Furniture {
  const isPageNumber = (t: string, i: number) => t.length <= 24 && isPageNumberText(t) && !refuted.has(i);
  const nonBlank = (from: number, step: number): number => {
    for (let i = from; i >= 0 && i < lines.length; i += step)
      if ((lines[i] as string).trim() !== '') return i;
    return -1;
  };
  const boundary = new Set<number>();
  let breaks = 0;
  // The last and the first line of the pages at each form feed (−1: none), where bare page numbers
  // are looked for (and the lines next to them).
  const feet: number[] = [];
  const heads: number[] = [];
  // Lines that are page numbers as such (「-3-」「第 3 页」).
  let numbered = 0;
  // A plain loop, not a callback a line: it runs over every line of every report.
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const feed = feeds && raw.includes('\f');
    const number = isPageNumber(feed ? raw.replaceAll('\f', '') : raw, i);
    if (!feed && !number) continue;
    breaks++;
    if (feed) {
      // The first line of the next page: on this line after the feed, or the next one.
      const head = raw.slice(raw.lastIndexOf('\f') + 1).trim() !== '' ? i : nonBlank(i + 1, 1);
      boundary.add(head);
      // The last line of the page before: on this line before the feed, or the one before (a
      // running foot, or a head that text in content-stream order, `pdftotext -raw`, puts last);
      // not one with a figure or a blank mark standing apart, a table's row that ends pages.
      const foot = raw.slice(0, raw.indexOf('\f')).trim() !== '' ? i : nonBlank(i - 1, -1);
      if (foot >= 0 && !apartFigure.test(lines[foot] as string)) boundary.add(foot);
      feet.push(foot);
      heads.push(head);
    }
    if (number) {
      numbered++;
      boundary.add(nonBlank(i - 1, -1));
      boundary.add(nonBlank(i + 1, 1));
    }
  }
  const drop = new Set<number>();
  const pageNumberLike = new Set<number>();
  if (breaks < 2) return { drop, pageNumberLike };
  const byKey = new Map<string, number[]>();
  for (const i of boundary) {
    if (i < 0) continue;
    const text = (lines[i] as string).replaceAll('\f', '').trim();
    if (
      text === '' ||
      text.length > headLength ||
      isPageNumber(text, i) ||
      text.includes('\t') ||
      text.startsWith('|')
    )
      continue;
    const key = text.replace(/\d+/g, '#');
    // A figure alone is a table cell, never a head.
    if (/^[#.,\s+-]*$/.test(key)) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  }
  // Pages = breaks (a form feed and a number at one break count twice: halve for safety).
  for (const at of byKey.values())
    if (at.length >= 2 && at.length * 4 >= breaks) for (const i of at) drop.add(i + 1);
  if (feet.length > 0) {
    // The last page's last line, where text follows the last form feed.
    if ((heads.at(-1) as number) >= 0) feet.push(nonBlank(lines.length - 1, -1));
    // Pages numbered as such, all but one at most: a figure alone that equals its page's number
    // is a cell (a row ending page 3 with 「3」 beside 「-3-」), not a second page number.
    if (numbered >= feet.length - 1) return { drop, pageNumberLike };
    // Bare page numbers: the last or first line of the pages, or the line next to a running head
    // or foot standing there (before or after it).
    const inner = (at: readonly number[], step: number) =>
      at.map((i) => (i >= 0 && drop.has(i + 1) ? nonBlank(i + step, step) : -1));
    const bare = barePageNumbers(lines, [feet, inner(feet, -1)], [heads, inner(heads, 1)]);
    for (const i of bare.numbers) drop.add(i + 1);
    for (const i of bare.like) pageNumberLike.add(i + 1);
  }
  return { drop, pageNumberLike };
}

/** A number alone on its line (spaces around it), as a page number field prints one. */
const bareNumber = /^\s*(\d{1,4})\s*$/;

/**
 * Page numbers printed as a number alone (Word's page field), among the lines at the form feeds:
 * each page's last line or the line before a running foot (`feet`, from page 1 on), or its first
 * or the line after a running head (`heads`, from page 2 on); −1: none. They are page numbers
 * when they count the pages, page k numbered k (or k − 1, a cover not counted), on every page but
 * one, or on three pages and half of them at least (text in reading order, plain `pdftotext`,
 * sets some pages' numbers among their other lines).
 * A table's cell of one figure may end a page too; its figures counting the pages, through most
 * of the report, is what they are not. On two pages only, they may be: they stay, marked (`like`).
 * Where two pages or more have their numbers so, the lines of the other pages holding their
 * page's number alone are marked too: one of them may be that page's number.
 */
function barePageNumbers(
  lines: readonly string[],
  feet: readonly (readonly number[])[],
  heads: readonly (readonly number[])[],
): { numbers: number[]; like: number[] } {
  const value = (i: number | undefined): number => {
    const m = i !== undefined && i >= 0 ? bareNumber.exec((lines[i] as string).replaceAll('\f', '')) : null;
    return m ? Number(m[1]) : Number.NaN;
  };
  // The candidate lists, each as the lines of pages 1, 2, …: heads start at page 2.
  const lists = [...feet, ...heads.map((at) => [-1, ...at])];
  const pages = (feet[0] as readonly number[]).length;
  for (const offset of [0, -1]) {
    // The lists that hold the most page numbers first: where the document prints them.
    const counted = lists
      .map((at) => ({ at, count: at.filter((i, p) => value(i) === p + 1 + offset).length }))
      .sort((a, b) => b.count - a.count);
    const numbers: (number | undefined)[] = [];
    for (let p = 0; p < pages; p++)
      numbers.push(counted.find(({ at }) => value(at[p]) === p + 1 + offset)?.at[p]);
    const found = numbers.filter((i) => i !== undefined).length;
    if (found < 2) continue;
    // Fewer: the numbers found may be cells by chance; they stay, and mark the other pages' only.
    const sure = found >= pages - 1 || (found >= 3 && 2 * found >= pages);
    const like = sure ? [] : (numbers.filter((i) => i !== undefined) as number[]);
    if (found < pages) {
      let page = 0;
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        const feeds = line.split('\f').length - 1;
        // A line after a form feed with text on it is the next page's.
        const on = feeds > 0 && line.slice(line.lastIndexOf('\f') + 1).trim() !== '' ? page + feeds : page;
        if (numbers[on] === undefined && on + 1 + offset >= 1 && value(i) === on + 1 + offset) like.push(i);
        page += feeds;
      }
    }
    return { numbers: sure ? numbers.filter((i) => i !== undefined) : [], like };
  }
  return { numbers: [], like: [] };
}

/**
 * A note a table may carry between its rows (「注：…」, a sentence): not a heading, which ends
 * the table.
 */
const noteLine = (text: string): boolean =>
  /^(?:注|备注|说明)[:：]/.test(text) ||
  (/[。；]$/.test(text) &&
    !/^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])/.test(text));

/** A table cell written on a line of its own after a tab (「\t12」, 「\t自然人」). */
const tabCell = /^\t[^\t\s][^\t]*$/;
/** A figure as a cell holds it, folded. */
const figureText = /^[-+]?\d[\d,.]*\s*$/;
/** Such a cell holding a figure, its digits as written (「12」, full-width 「１２」, 「3,001」). */
const tabFigure = (line: string): boolean =>
  line.length > 1 &&
  codeAt(line, 0) === 9 &&
  figureText.test(/[\uff01-\uff5e]/.test(line) ? foldText(line.slice(1)).text : line.slice(1));

/** A tab alone on its line (spaces and a carriage return may follow). */
function tabAlone(line: string): boolean {
  // (An empty line is settled by its length: reading past its end would throw optimised code away.)
  if (line.length === 0 || codeAt(line, 0) !== 9) return false;
  for (let i = 1; i < line.length; i++) {
    const c = codeAt(line, i);
    if (c !== 32 && c !== 13) return false;
  }
  return true;
}

/**
 * The lines that are an empty cell among cells written one a line after a tab (a table copied
 * from a web page that way, rows apart by an empty line): a tab alone, in a run of such lines
 * that follows a cell with no empty line between and is followed by a cell or an empty line, one
 * of the two cells holding a figure (so not a header's empty cells, nor indented prose, nor the
 * empty cells of a group's label before a row).
 */
function emptyCellLines(lines: readonly string[]): Set<number> {
  const empty = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (!tabAlone(lines[i] as string)) continue;
    let p = i - 1;
    while (p >= 0 && tabAlone(lines[p] as string)) p--;
    let n = i + 1;
    while (n < lines.length && tabAlone(lines[n] as string)) n++;
    const before = lines[p] ?? '';
    const after = lines[n] ?? '';
    const cellAfter = tabCell.test(after);
    if (
      tabCell.test(before) &&
      (cellAfter || after.trim() === '') &&
      (tabFigure(before) || (cellAfter && tabFigure(after)))
    )
      for (let k = p + 1; k < n; k++) empty.add(k);
    i = n - 1;
  }
  return empty;
}

/** A line with a tab between its words (not only indentation or trailing tabs). */
const tabRow = (line: string): boolean => line.indexOf('\t') !== -1 && line.trim().indexOf('\t') !== -1;

/**
 * A row of tab-separated cells whose cells after its words are all empty: words, then two tabs or
 * more to the end of the line (「\t（七）总计\t\t\t\t\t\t\t\t」, a row left blank). Among
 * tab-separated rows it is one of them; it must not end their table, or the next row, read as a
 * paragraph of its own, loses where its empty cells stand.
 */
function emptyCellsRow(line: string): boolean {
  let tabs = 0;
  let i = line.length - 1;
  for (; i >= 0; i--) {
    const c = codeAt(line, i);
    if (c === 9) tabs++;
    else if (c !== 32) break;
  }
  return tabs >= 2 && i >= 0;
}

/**
 * A paragraph of the text. Every one has the same fields, those it lacks present as undefined
 * (and the slot its folded text is kept in), so that the assembler's reads of paragraphs see one
 * shape, not one for each combination of fields (V8 then reads them without a lookup).
 */
function paragraph(
  text: string,
  line: number,
  pageBreak?: true,
  emptyCell?: true,
  pageNumberLike?: true,
): Paragraph {
  return {
    type: 'paragraph',
    text,
    line,
    column: 1,
    page: undefined,
    pageBreak,
    emptyCell,
    pageNumberLike,
    [FOLDED]: undefined,
  } as Paragraph;
}

/**
 * Splits decoded text into one paragraph per non-blank line (blank lines show as gaps in `line`);
 * runs of Markdown pipe-table rows, and of tab-separated rows, become a table.
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let table: { text: string; line: number }[] = [];
  let tabs: { text: string; line: number }[] = [];
  const flush = () => {
    // Called before every paragraph: mostly nothing is pending.
    if (table.length === 0 && tabs.length === 0 && held.length === 0) return;
    if (table.length >= 2) blocks.push(pipeTable(table));
    else for (const row of table) blocks.push(paragraph(row.text, row.line));
    table = [];
    if (tabs.length >= 2) blocks.push(tabTable(tabs));
    else for (const row of tabs) blocks.push(paragraph(row.text, row.line));
    tabs = [];
    blocks.push(...held);
    held = [];
  };
  /** Notes met between tab-separated rows: the table reads through them; they follow it. */
  let held: Paragraph[] = [];
  // The lines, split once: for the running heads and for the blocks.
  const lines = text.split('\n');
  // Carriage returns and form feeds, looked for in each line only when the text has any.
  const anyReturn = text.indexOf('\r') !== -1;
  const anyFeed = text.indexOf('\f') !== -1;
  // Looked for only where a line may take a page number's form and the text can refute it.
  const refuted =
    anyFeed || text.indexOf('/') !== -1 || text.indexOf('／') !== -1 ? refutedPageNumbers(lines) : none;
  const { drop: furniture, pageNumberLike } = pageFurniture(lines, anyFeed, refuted);
  // Empty cells written as a tab alone, looked for only where a line is one.
  const emptyCells = /\n\t *\r?\n/.test(text) ? emptyCellLines(lines) : null;
  /** Page furniture since the last paragraph. */
  let broken = false;
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    let raw = lines[index] as string;
    if (anyReturn && raw.length > 0 && codeAt(raw, raw.length - 1) === 13) raw = raw.slice(0, -1);
    // A form feed ends a page (PDF extraction); a running head is page furniture, not text.
    const feed = anyFeed && raw.includes('\f');
    if (feed) raw = raw.replaceAll('\f', '');
    if (furniture.size > 0 && furniture.has(line)) {
      raw = '';
      broken = true;
    }
    const cleaned = blankResidue(raw);
    const trimmed = trimmedOf(cleaned);
    if (trimmed.length > 0 && codeAt(trimmed, 0) === 0x7c && pipeRow.test(cleaned)) {
      if (tabs.length > 0) flush();
      table.push({ text: cleaned, line });
    } else if (tabRow(cleaned) || (tabs.length > 0 && emptyCellsRow(cleaned))) {
      if (table.length > 0) flush();
      tabs.push({ text: cleaned, line });
    } else if (emptyCells?.has(index)) {
      flush();
      blocks.push(paragraph('', line, undefined, true));
    } else if (trimmed === '' && tabs.length > 0) {
      // A blank line inside tab-separated rows keeps the table together.
    } else if (
      trimmed !== '' &&
      !(trimmed.length <= 24 && isPageNumberText(cleaned) && !refuted.has(index))
    ) {
      const block = paragraph(
        cleaned,
        line,
        broken || feed ? true : undefined,
        undefined,
        pageNumberLike.size > 0 && pageNumberLike.has(line) ? true : undefined,
      );
      if (tabs.length > 0 && held.length < 3 && noteLine(trimmed)) held.push(block);
      else {
        flush();
        blocks.push(block);
      }
      broken = false;
    } else if (trimmed !== '' || feed) broken = true;
  }
  flush();
  return blocks.some((b) => b.type === 'table') ? joinPipePieces(blocks) : blocks;
}

/**
 * The plain-text reader: decodes the bytes and refuses what is not text. A text whose lines end
 * with a carriage return alone (old Mac OS, some exporters) is read as lines, and its places
 * counted by those lines.
 */
export function readText(bytes: Uint8Array, file: SourceFile): Block[] {
  let text = decodedInput(bytes, file, '文本', decode);
  if (text.indexOf('\n') === -1 && text.indexOf('\r') !== -1) {
    text = text.replaceAll('\r', '\n');
    file.text = text;
  }
  return textToBlocks(text);
}
