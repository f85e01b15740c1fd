/**
 * An innermost `<table>` as a grid: row groups in display order (head, bodies, foot), cells
 * placed by the HTML table model through rowspan and colspan, a merged cell's text in its first
 * position and `spanned: true` in the others it covers. Cell text joins a cell's lines (`<br>`,
 * `<p>`) as one label; Word's per-character spans and `<o:p>` leave no trace.
 */
import type { TableBlock, TableCell } from '../blocks.js';
import { attr, childElements, type Element, isElement, isText, walk } from './dom.js';
import { blockTags, isDropped } from './elements.js';
import { Line } from './line.js';
import type { Positions } from './positions.js';

export type GridCell = TableCell & { spanned?: boolean };

/** How an innermost table is read. */
export type TableKind =
  /** A report table: a TableBlock. */
  | 'data'
  /** A frame around text (one column, or cells of prose): read as lines. */
  | 'frame'
  /** A page's metadata (标题, 发布日期 …): one line per row. */
  | 'meta';

const maxColspan = 1000;
const maxRowspan = 65534;
/** Cells of prose: a report table's longest label is well under this. */
const proseCell = 300;

const span = (el: Element, name: string, max: number): number => {
  const n = Number.parseInt(attr(el, name) ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : 1;
};

/** Row groups in display order: the head first and the foot last, wherever they sit in the source. */
function rowGroups(table: Element): Element[][] {
  const head: Element[][] = [];
  const body: Element[][] = [];
  const foot: Element[][] = [];
  let loose: Element[] | null = null;
  for (const child of childElements(table)) {
    if (child.tagName === 'tr') {
      if (!loose) {
        loose = [];
        body.push(loose);
      }
      loose.push(child);
      continue;
    }
    loose = null;
    const rows = childElements(child).filter((r) => r.tagName === 'tr');
    if (child.tagName === 'thead') head.push(rows);
    else if (child.tagName === 'tbody') body.push(rows);
    else if (child.tagName === 'tfoot') foot.push(rows);
  }
  return [...head, ...body, ...foot];
}

/** A cell's text on one line: inner line breaks join CJK directly and anything else with a space. */
export function cellText(cell: Element, positions: Positions): { text: string; start: number } {
  const line = new Line();
  walk(
    cell,
    (node) => {
      if (isText(node)) {
        const loc = node.sourceCodeLocation;
        line.append(
          node.value,
          () => (loc ? positions.firstVisible(loc.startOffset, loc.endOffset) : -1),
          false,
        );
        return false;
      }
      if (!isElement(node) || isDropped(node)) return false;
      if (node.tagName === 'br' || blockTags.has(node.tagName)) line.lineBreak();
      return true;
    },
    (el) => {
      if (blockTags.has(el.tagName)) line.lineBreak();
    },
  );
  const { text, start } = line.take();
  return { text, start };
}

export interface Grid {
  rows: GridCell[][];
  /** Grid columns of the widest row. */
  width: number;
}

/**
 * Expands a table into its grid. `charge` is told how many grid positions each row takes, so a
 * page cannot blow up memory with huge spans.
 */
export function tableGrid(table: Element, positions: Positions, charge: (n: number) => void): Grid {
  const tableStart = table.sourceCodeLocation?.startOffset ?? 0;
  const rows: GridCell[][] = [];
  let width = 0;
  for (const group of rowGroups(table)) {
    const grid: (GridCell | undefined)[][] = group.map(() => []);
    group.forEach((tr, r) => {
      const row = grid[r] as (GridCell | undefined)[];
      let col = 0;
      for (const td of childElements(tr)) {
        if (td.tagName !== 'td' && td.tagName !== 'th') continue;
        while (row[col] !== undefined) col++;
        const colspan = Math.max(1, span(td, 'colspan', maxColspan));
        const rowspanAttr = span(td, 'rowspan', maxRowspan);
        const rowspan = rowspanAttr === 0 ? group.length - r : Math.min(rowspanAttr, group.length - r);
        charge(colspan * rowspan);
        const { text, start } = isDropped(td) ? { text: '', start: -1 } : cellText(td, positions);
        const place = positions.at(
          start >= 0
            ? start
            : (td.sourceCodeLocation?.startOffset ?? tr.sourceCodeLocation?.startOffset ?? tableStart),
        );
        row[col] = { text, line: place.line, column: place.column };
        for (let dr = 0; dr < rowspan; dr++) {
          const covered = grid[r + dr] as (GridCell | undefined)[];
          for (let dc = dr === 0 ? 1 : 0; dc < colspan; dc++)
            if (covered[col + dc] === undefined)
              covered[col + dc] = { text: '', line: place.line, column: place.column, spanned: true };
        }
        col += colspan;
      }
    });
    group.forEach((tr, r) => {
      const sparse = grid[r] as (GridCell | undefined)[];
      if (sparse.length === 0) return;
      // A hole before the row's last cell is an empty cell; the row ends at its last cell.
      const place = positions.at(tr.sourceCodeLocation?.startOffset ?? tableStart);
      const row: GridCell[] = [];
      for (let c = 0; c < sparse.length; c++)
        row.push(sparse[c] ?? { text: '', line: place.line, column: place.column });
      width = Math.max(width, row.length);
      rows.push(row);
    });
  }
  return { rows, width };
}

const metadataCell =
  /^(?:标题|题目|名称|索引号|发布机构|发文机关|发布时间|发布日期|发文日期|成文日期|生成日期|文号|发文字号|来源|信息来源|阅读次数|浏览次数|点击数|访问次数|主题分类|所属主题|信息分类|组配分类|体裁分类|公开方式|公开范围|公开时限|有效性|关键词|主题词|发布者|作者)\s*(?:[:：]|$)/;
const reportLabel =
  /本年新收|上年结转|申请人情况|信息内容|行政复议|行政诉讼|本年制发|本年处理决定|行政许可|行政处罚/;

export function classifyTable(grid: Grid): TableKind {
  if (grid.width <= 1) return 'frame';
  let metadata = false;
  let report = false;
  for (const row of grid.rows)
    for (const cell of row) {
      if (cell.spanned) continue;
      if (cell.text.length > proseCell) return 'frame';
      if (metadataCell.test(cell.text)) metadata = true;
      if (reportLabel.test(cell.text)) report = true;
    }
  return metadata && !report ? 'meta' : 'data';
}

export const tableBlock = (grid: Grid, table: Element, positions: Positions): TableBlock => {
  const place = positions.at(table.sourceCodeLocation?.startOffset ?? 0);
  return { type: 'table', rows: grid.rows, line: place.line, column: place.column };
};
