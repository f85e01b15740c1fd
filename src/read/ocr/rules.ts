/**
 * Tables from ruling lines. Horizontal rules are long runs of ink along a pixel row; the rows of
 * the grid lie between them. A column boundary is a vertical rule that runs through the whole
 * height of a row band. Where a boundary is missing the two grid cells are one merged cell, so
 * merged headers and labels come out as the other readers give them: the text in the first
 * position, the covered positions `spanned`.
 */

import { cluster } from '../cluster.js';
import { type GridCellBox, gridCells } from '../grid-cells.js';
import { firstDark, type Gray } from './image.js';
import { inkLevel } from './preprocess.js';

export interface Rule {
  /** Centre line (y for a horizontal rule). */
  at: number;
  from: number;
  to: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type { GridCellBox };

export interface TableGrid {
  box: Box;
  /** Y of the horizontal rules and X of the vertical ones, top to bottom and left to right. */
  ys: number[];
  xs: number[];
  cells: GridCellBox[];
  /** Every pixel that belongs to a rule, to be whitened before the text is read. */
  rules: { horizontal: Rule[]; vertical: Rule[] };
}

const isInk = (image: Gray, x: number, y: number) => (image.data[y * image.width + x] as number) < inkLevel;

/**
 * Dark enough to be part of a rule where a rule is expected (a column or row boundary of a table
 * already found): lighter than ink. A thin rule (half a point, under 1.5 pixels at 200 dpi) falls
 * across two pixel columns, neither of them black, and a JPEG'd scan lightens it further: on the
 * bench's degraded scans such a rule ran at 141–156 along a whole row band, around `inkLevel`, and
 * a boundary missed there merged two figures into one cell. Text inside a merged cell still covers
 * only its own height of the band, whichever level.
 */
export const ruleLevel = 200;

const isRuleInk = (image: Gray, x: number, y: number) =>
  (image.data[y * image.width + x] as number) < ruleLevel;

/** Runs of ink along pixel rows at least `minRun` long, merged across neighbouring rows into rules. */
export function horizontalRules(image: Gray, minRun: number): Rule[] {
  const { width, height } = image;
  const maxGap = 2;
  const segments: { y: number; from: number; to: number }[] = [];
  const { data } = image;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let x = 0;
    while (x < width) {
      x = firstDark(data, row + x, row + width, inkLevel) - row;
      if (x === width) break;
      const start = x;
      // A short gap (noise, a faint stretch, JPEG blur) does not end a rule.
      let last = x;
      while (x < width && x - last <= maxGap) {
        if ((data[row + x] as number) < inkLevel) last = x;
        x++;
      }
      if (last - start + 1 >= minRun) segments.push({ y, from: start, to: last });
    }
  }
  // Neighbouring rows with overlapping runs are one rule (a rule is a few pixels thick).
  const rules: (Rule & { top: number; bottom: number })[] = [];
  for (const s of segments) {
    const open = rules.find((r) => s.y - r.bottom <= 1 && s.from <= r.to && s.to >= r.from);
    if (open) {
      open.bottom = s.y;
      open.from = Math.min(open.from, s.from);
      open.to = Math.max(open.to, s.to);
    } else rules.push({ at: s.y, top: s.y, bottom: s.y, from: s.from, to: s.to });
  }
  // A solid block of ink (a photo, a seal) is not a rule: rules are thin.
  const thin = Math.max(3, Math.round(minRun / 12));
  return rules
    .filter((r) => r.bottom - r.top <= thin)
    .map((r) => ({ at: (r.top + r.bottom) / 2, from: r.from, to: r.to, thick: r.bottom - r.top + 1 }))
    .map(({ at, from, to }) => ({ at, from, to }));
}

/**
 * For each column x from `x0` to `x1` (inside the image), the share of the vertical stretch `y0` …
 * `y1` at x (±2 pixels) that is ink: one pass over the rows, each row's ink found by skipping its
 * paper, each ink pixel crediting the columns within 2 pixels of it not yet credited on that row.
 */
function verticalCovers(image: Gray, x0: number, x1: number, y0: number, y1: number): Float64Array {
  const { width, data } = image;
  const span = x1 - x0 + 1;
  const hits = new Uint32Array(span);
  const top = Math.round(y0);
  const bottom = Math.round(y1);
  const lo = Math.max(0, x0 - 2);
  const hi = Math.min(width - 1, x1 + 2);
  const first = Math.max(0, x0);
  const last = Math.min(width - 1, x1);
  for (let y = top; y <= bottom; y++) {
    const row = y * width;
    // Columns before this one are credited on this row already.
    let next = first;
    for (let c = lo; c <= hi; c++) {
      c = firstDark(data, row + c, row + hi + 1, ruleLevel) - row;
      if (c > hi) break;
      for (let x = Math.max(next, c - 2), to = Math.min(last, c + 2); x <= to; x++)
        hits[x - x0] = (hits[x - x0] as number) + 1;
      next = Math.max(next, c + 3);
    }
  }
  const n = bottom - top + 1;
  const out = new Float64Array(span);
  if (n > 0) for (let i = 0; i < span; i++) out[i] = (hits[i] as number) / n;
  return out;
}

/** Share of a horizontal stretch at row y (±2 pixels) that is ink. */
function horizontalCover(image: Gray, y: number, x0: number, x1: number): number {
  let ink = 0;
  let n = 0;
  for (let x = Math.round(x0); x <= Math.round(x1); x++) {
    n++;
    for (let dy = -2; dy <= 2; dy++) {
      const yy = Math.round(y) + dy;
      if (yy >= 0 && yy < image.height && isRuleInk(image, x, yy)) {
        ink++;
        break;
      }
    }
  }
  return n === 0 ? 0 : ink / n;
}

/**
 * The tables of a page. `dpi` sets the scale: a rule is at least a third of an inch long, the rules
 * of one table are less than an inch apart.
 */
export function findTables(image: Gray, dpi: number): TableGrid[] {
  return findRules(image, dpi).tables;
}

/**
 * The tables of a page, and the horizontal rules that belong to none: those of a table ruled only
 * across (its rows apart, no column rules: its figures are read by their places, as a table without
 * rules is), underlines, separators. They are whitened with the tables' rules before the text is
 * read: left standing, a rule just above or below a figure made the recogniser read 「0」 as 「o」.
 */
export function findRules(image: Gray, dpi: number): { tables: TableGrid[]; stray: Rule[] } {
  const minRun = Math.round(dpi / 3);
  const rules = horizontalRules(image, minRun);
  // Rules that overlap across and stand close one under another form a table.
  const groups: Rule[][] = [];
  for (const r of [...rules].sort((a, b) => a.at - b.at)) {
    const group = groups.find((g) => {
      const last = g.at(-1) as Rule;
      return r.at - last.at <= dpi * 1.2 && r.from < last.to && r.to > last.from;
    });
    if (group) group.push(r);
    else groups.push([r]);
  }
  // Pieces of one table that the grouping kept apart (a rule broken in two) overlap: one table.
  const box = (g: Rule[]) => ({
    left: Math.min(...g.map((r) => r.from)),
    right: Math.max(...g.map((r) => r.to)),
    top: Math.min(...g.map((r) => r.at)),
    bottom: Math.max(...g.map((r) => r.at)),
  });
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < groups.length && !merged; i++)
      for (let j = i + 1; j < groups.length && !merged; j++) {
        const a = box(groups[i] as Rule[]);
        const b = box(groups[j] as Rule[]);
        if (a.left < b.right && b.left < a.right && a.top <= b.bottom + 3 && b.top <= a.bottom + 3) {
          (groups[i] as Rule[]).push(...(groups[j] as Rule[]));
          groups.splice(j, 1);
          merged = true;
        }
      }
  }
  const tables: TableGrid[] = [];
  const stray: Rule[] = [];
  for (const group of groups) {
    const table = group.length < 2 ? null : gridOf(image, group, dpi);
    if (table) tables.push(table);
    else stray.push(...group);
  }
  return { tables, stray };
}

function gridOf(image: Gray, group: Rule[], dpi: number): TableGrid | null {
  const left = Math.min(...group.map((r) => r.from));
  const right = Math.max(...group.map((r) => r.to));
  const ys = cluster(
    group.map((r) => r.at),
    Math.max(3, dpi / 40),
  );
  if (ys.length < 2) return null;
  // Column boundaries: x positions where a vertical rule fills some row band from rule to rule.
  const bandBoundaries: number[][] = [];
  const candidates: number[] = [];
  for (let b = 0; b + 1 < ys.length; b++) {
    const y0 = (ys[b] as number) + 3;
    const y1 = (ys[b + 1] as number) - 3;
    const found: number[] = [];
    if (y1 - y0 >= 4) {
      const cover = verticalCovers(image, left - 2, right + 2, y0, y1);
      for (let x = Math.max(0, left - 2); x <= Math.min(image.width - 1, right + 2); x++)
        if ((cover[x - (left - 2)] as number) >= 0.8) found.push(x);
    }
    const xs = cluster(found, 3);
    bandBoundaries.push(xs);
    candidates.push(...xs);
  }
  const xs = cluster(candidates, Math.max(4, dpi / 30));
  if (xs.length < 2) return null;
  const near = (list: number[], x: number) => list.some((v) => Math.abs(v - x) <= Math.max(4, dpi / 30));
  // Walls: a vertical wall right of (r, c), a horizontal wall below (r, c).
  const wallRight = (r: number, c: number) => near(bandBoundaries[r] as number[], xs[c + 1] as number);
  const wallBelow = (r: number, c: number) =>
    horizontalCover(image, ys[r + 1] as number, (xs[c] as number) + 3, (xs[c + 1] as number) - 3) >= 0.8;
  // A merged cell shaped like an L (a wall lost to a faint scan) is kept as the box around it:
  // refusing the table, as the PDF reader does, left its text to be read as loose lines, and the
  // bench's degraded scans then had a figure silently wrong (0 wrong, 69.0% exact when kept).
  const grid = gridCells(ys, xs, wallRight, wallBelow, false);
  if (!grid) return null;
  const { cells } = grid;
  const vertical: Rule[] = [];
  bandBoundaries.forEach((list, b) => {
    for (const x of list) vertical.push({ at: x, from: ys[b] as number, to: ys[b + 1] as number });
  });
  return {
    box: { left, right, top: ys[0] as number, bottom: ys.at(-1) as number },
    ys,
    xs,
    cells,
    rules: { horizontal: group, vertical },
  };
}

/**
 * Whitens the rules (where they are ink), so that the text reader sees only the text: the tables'
 * and the horizontal rules of no table (`stray`).
 */
export function eraseRules(
  image: Gray,
  tables: readonly TableGrid[],
  dpi: number,
  stray: readonly Rule[] = [],
): Gray {
  const out: Gray = { ...image, data: new Uint8Array(image.data) };
  const reach = Math.max(3, Math.round(dpi / 50));
  const whiten = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < out.width && y < out.height) out.data[y * out.width + x] = 255;
  };
  for (const t of [...tables, { rules: { horizontal: stray, vertical: [] } }]) {
    for (const r of t.rules.horizontal)
      for (let x = Math.round(r.from) - 1; x <= Math.round(r.to) + 1; x++)
        for (let dy = -reach; dy <= reach; dy++) {
          const y = Math.round(r.at) + dy;
          // Only the rule's own run of ink: stop at text that touches it.
          if (y >= 0 && y < out.height && isInk(image, x, y)) whiten(x, y);
        }
    for (const r of t.rules.vertical)
      for (let y = Math.round(r.from) - reach; y <= Math.round(r.to) + reach; y++)
        for (let dx = -reach; dx <= reach; dx++) {
          const x = Math.round(r.at) + dx;
          if (x >= 0 && x < out.width && y >= 0 && y < out.height && isInk(image, x, y)) whiten(x, y);
        }
  }
  return out;
}
