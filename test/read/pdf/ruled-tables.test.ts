import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import type { TableBlock } from '../../../src/read/blocks.js';
import { findGrids } from '../../../src/read/pdf/grid.js';
import type { PdfItem } from '../../../src/read/pdf/items.js';
import { readPdf } from '../../../src/read/pdf/read-pdf.js';
import type { PageRules } from '../../../src/read/pdf/rules.js';
import { fillGrid } from '../../../src/read/pdf/table.js';

/** Rules of a grid with rows at `ys` and columns at `xs`, less the walls named in `open`. */
function ruled(
  xs: number[],
  ys: number[],
  open: { right?: [number, number][]; below?: [number, number][] } = {},
) {
  const rules: PageRules = { horizontal: [], vertical: [] };
  const top = ys[0] as number;
  const bottom = ys.at(-1) as number;
  // Walls drawn cell by cell, as Word draws them.
  for (let r = 0; r + 1 < ys.length; r++)
    for (let c = 0; c + 1 < xs.length; c++) {
      const y0 = ys[r] as number;
      const y1 = ys[r + 1] as number;
      const x0 = xs[c] as number;
      const x1 = xs[c + 1] as number;
      if (r === 0) rules.horizontal.push({ at: top, from: x0, to: x1 });
      if (!open.below?.some(([a, b]) => a === r && b === c))
        rules.horizontal.push({ at: y1, from: x0, to: x1 });
      if (c === 0) rules.vertical.push({ at: x0, from: y0, to: y1 });
      if (!open.right?.some(([a, b]) => a === r && b === c))
        rules.vertical.push({ at: x1, from: y0, to: y1 });
    }
  expect(bottom).toBeGreaterThan(top);
  return rules;
}

const item = (text: string, x: number, y: number, width = 10): PdfItem => ({
  text,
  x,
  y,
  width,
  size: 10,
  spaceBefore: false,
  spaceAfter: false,
});

describe('ruled tables from a PDF page', () => {
  it('a grid: rows between the horizontal rules, columns between the vertical ones, a missing wall a merged cell', () => {
    const [grid] = findGrids(ruled([0, 100, 150, 200], [0, 20, 40, 60], { right: [[0, 1]] }));
    expect(grid?.xs).toEqual([0, 100, 150, 200]);
    expect(grid?.ys).toEqual([0, 20, 40, 60]);
    expect(grid?.cells.map((c) => [c.row, c.column, c.rowSpan, c.columnSpan])).toEqual([
      [0, 0, 1, 1],
      [0, 1, 1, 2],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it('a merged cell shaped like an L leaves the grid unsure: no table', () => {
    const rules = ruled([0, 100, 150, 200], [0, 20, 40, 60], { right: [[0, 1]], below: [[0, 2]] });
    expect(findGrids(rules)).toEqual([]);
  });

  it('two tables whose borders stand a hair apart keep their own borders', () => {
    const a = ruled([0, 100, 200], [0, 20, 40]);
    const b = ruled([0, 100.8, 200], [100, 120, 140]);
    const grids = findGrids({
      horizontal: [...a.horizontal, ...b.horizontal],
      vertical: [...a.vertical, ...b.vertical],
    });
    expect(grids.map((g) => g.xs.length)).toEqual([3, 3]);
  });

  it('text goes to the cell it stands in; an empty cell is empty, a merged one spanned', () => {
    const [grid] = findGrids(ruled([0, 100, 150, 200], [0, 20, 40], { right: [[0, 1]] }));
    if (!grid) throw new Error('no grid');
    const table = fillGrid(
      grid,
      [item('本年', 110, 14, 20), item('规章', 5, 34, 20), item('12', 110, 34), item('', 130, 34, 0)],
      3,
    );
    expect(table?.rows.map((row) => row.map((c) => (c.spanned ? '^' : c.text)))).toEqual([
      ['', '本年', '^'],
      ['规章', '12', ''],
    ]);
  });

  it('an item over a border, or figures side by side in one cell, leave the table to the text', () => {
    const [grid] = findGrids(ruled([0, 100, 150, 200], [0, 20, 40]));
    if (!grid) throw new Error('no grid');
    expect(fillGrid(grid, [item('12 13', 90, 34, 30)], 1)).toBeNull();
    expect(fillGrid(grid, [item('12', 105, 34), item('13', 130, 34)], 1)).toBeNull();
  });

  it('a label against its wall and the figure just after it, run together as one item: each in its cell', () => {
    const [grid] = findGrids(ruled([0, 100, 150, 200], [0, 20, 40]));
    if (!grid) throw new Error('no grid');
    const table = fillGrid(grid, [item('保护第三方合法权益 12', 2, 34, 108), item('3', 160, 34)], 1);
    expect(table?.rows.map((row) => row.map((c) => c.text))).toEqual([
      ['', '', ''],
      ['保护第三方合法权益', '12', '3'],
    ]);
    // A label spread over its cell (分散对齐), its characters spaced, ending in punctuation.
    const spread = fillGrid(grid, [item('2 . 其 他 ” 12', 2, 34, 108)], 1);
    expect(spread?.rows[1]?.slice(0, 2).map((c) => c.text)).toEqual(['2 . 其 他 ”', '12']);
    // Not two figures, nor a figure over two walls.
    expect(fillGrid(grid, [item('保护 12', 90, 34, 30), item('13 14', 140, 34, 20)], 1)).toBeNull();
    expect(fillGrid(grid, [item('保护第三方合法权益 12', 2, 34, 155)], 1)).toBeNull();
  });

  it('a table with open sides: its top and bottom rules running on to one place are its edges', () => {
    const rules = ruled([0, 100, 150, 200], [0, 20, 40]);
    const open: PageRules = {
      horizontal: rules.horizontal,
      vertical: rules.vertical.filter((v) => v.at !== 0 && v.at !== 200),
    };
    const [grid] = findGrids(open);
    expect([grid?.xs, grid?.ys]).toEqual([
      [0, 100, 150, 200],
      [0, 20, 40],
    ]);
    // Rules drawn short of the labels' column: text level with the rows beside the grid refuses it.
    const [narrow] = findGrids({
      horizontal: open.horizontal.filter((h) => h.from >= 100),
      vertical: open.vertical,
    });
    if (!narrow) throw new Error('no grid');
    expect(narrow.xs).toEqual([100, 150, 200]);
    expect(fillGrid(narrow, [item('规章', 5, 34, 20), item('12', 110, 34)], 1)).toBeNull();
  });
});

describe('011.pdf (Word, ruled tables)', () => {
  it('reads its three tables as grids, table 三 one grid over its page break', async () => {
    const bytes = readFileSync(new URL('../../fixtures/real/011.pdf', import.meta.url));
    const blocks = await readPdf(bytes, new SourceFile('011.pdf'));
    const tables = blocks.filter((b): b is TableBlock => b.type === 'table');
    const text = (t: TableBlock) => t.rows.map((row) => row.map((c) => (c.spanned ? '^' : c.text)));
    const three = tables.find((t) => text(t).some((row) => row.includes('（七）总计')));
    expect(three && text(three).at(-2)).toEqual([
      '^',
      '（七）总计',
      '^',
      '2932',
      '53',
      '0',
      '0',
      '61',
      '4',
      '3050',
    ]);
    expect(three?.rows.at(-1)?.[0]?.page).toBe(5);
    expect(three?.rows[0]?.[0]?.page).toBe(4);
    const four = tables.at(-1);
    expect(four && text(four).at(-1)).toEqual([
      '72',
      '64',
      '178',
      '37',
      '351',
      '13',
      '4',
      '8',
      '1',
      '26',
      '12',
      '1',
      '1',
      '6',
      '20',
    ]);
  });
});
