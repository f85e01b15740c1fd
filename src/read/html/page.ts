/**
 * A parsed page → blocks. One walk in document order (iterative: pages nest deeper than the
 * call stack) keeps the report and drops the site around it:
 *
 * - never text: the head, scripts, styles, form controls, hidden elements;
 * - site chrome: elements named like navigation, menus, breadcrumbs, footers or share widgets
 *   (by tag, role, class or id), and link lists (three or more links, mostly link text), unless
 *   they hold metadata, the title, part headings, plenty of prose or table figures;
 * - chrome lines (breadcrumbs, tool bars, footer notices …) wherever they are.
 *
 * An innermost table with figures is a TableBlock; a table that holds tables is layout, and
 * its cells are just boxes of lines; a metadata table reads one line per row. Everything else is
 * one paragraph per visual line, split at block elements and `<br>`.
 */
import type { Block } from '../blocks.js';
import { isChromeLine } from './chrome-lines.js';
import { type Element, isElement, isText, type ParentNode, walk } from './dom.js';
import { blockTags, isDropped, looksLikeChrome, sectioningTags } from './elements.js';
import { Line } from './line.js';
import type { Positions } from './positions.js';
import { collectStats, type Stats } from './stats.js';
import { cellText, classifyTable, tableBlock, tableGrid } from './table.js';

/** How the cells of the table being walked as lines are separated. */
type CellMode = 'boxes' | 'row-line';

const neverChrome = new Set(['html', 'body']);

/** Three or more links and little else: a menu, a list of related articles, a link bar. */
const isLinkList = (s: Stats) => s.links >= 3 && s.link >= 0.6 * s.text && s.text - s.link < 100;

export function pageBlocks(root: ParentNode, positions: Positions, charge: (cells: number) => void): Block[] {
  const blocks: Block[] = [];
  const stats = collectStats(root, isDropped);
  const line = new Line();
  const tables: CellMode[] = [];
  let inLink = 0;
  let inPre = 0;
  let inArticle = 0;

  const paragraph = (text: string, start: number) => {
    const place = positions.at(start);
    blocks.push({ type: 'paragraph', text, line: place.line, column: place.column });
  };
  const flush = () => {
    if (line.empty) return;
    const { text, start, linked } = line.take();
    if (!isChromeLine(text, linked)) paragraph(text, start);
  };
  const cellBoundary = () => {
    if (tables[tables.length - 1] === 'row-line') line.space();
    else flush();
  };

  walk(
    root,
    (node) => {
      if (isText(node)) {
        const loc = node.sourceCodeLocation;
        const startOf = (from: number) => () =>
          loc ? positions.firstVisible(loc.startOffset + from, loc.endOffset) : 0;
        if (inPre === 0) line.append(node.value, startOf(0), inLink > 0);
        else {
          // Preformatted text keeps its line breaks (positions are exact for its first line).
          node.value.split('\n').forEach((piece, i) => {
            if (i > 0) flush();
            line.append(piece, startOf(0), inLink > 0);
          });
        }
        return false;
      }
      if (!isElement(node) || isDropped(node)) return false;
      const tag = node.tagName;
      const s = stats.get(node);
      if (
        s &&
        !neverChrome.has(tag) &&
        !s.keep &&
        !s.figures &&
        (looksLikeChrome(node, inArticle > 0) || isLinkList(s))
      )
        return false;
      if (sectioningTags.has(tag)) inArticle++;
      switch (tag) {
        case 'br':
          flush();
          return false;
        case 'img':
          return false;
        case 'a':
          inLink++;
          return true;
        case 'pre':
        case 'xmp':
        case 'listing':
          flush();
          inPre++;
          return true;
        case 'td':
        case 'th':
          cellBoundary();
          return true;
        case 'table':
          return enterTable(node, s);
      }
      if (blockTags.has(tag)) flush();
      return true;
    },
    (el) => {
      const tag = el.tagName;
      if (sectioningTags.has(tag)) inArticle--;
      if (tag === 'a') inLink--;
      else if (tag === 'pre' || tag === 'xmp' || tag === 'listing') inPre--;
      else if (tag === 'table') tables.pop();
      if (tag === 'td' || tag === 'th') cellBoundary();
      else if (blockTags.has(tag)) flush();
    },
  );
  flush();
  return blocks;

  function enterTable(table: Element, s: Stats | undefined): boolean {
    flush();
    if (s && s.tables > 0) {
      // Layout: a table of tables.
      tables.push('boxes');
      return true;
    }
    const grid = tableGrid(table, positions, charge);
    const kind = classifyTable(grid);
    if (kind !== 'data') {
      tables.push(kind === 'meta' ? 'row-line' : 'boxes');
      return true;
    }
    for (const caption of table.childNodes)
      if (isElement(caption) && caption.tagName === 'caption') {
        const { text, start } = cellText(caption, positions);
        if (text !== '') paragraph(text, start);
      }
    if (grid.rows.length > 0) blocks.push(tableBlock(grid, table, positions));
    return false;
  }
}
