/**
 * Tables from a page's ruling lines. Rules that cross or touch form one table. The grid's rows lie
 * between its horizontal rules, its columns between its vertical ones; where the rule between two
 * grid positions is missing they are one merged cell. A merged cell that is not a rectangle makes
 * the grid unsure, and it is not used.
 */

import { cluster } from '../cluster.js';
import { type GridCellBox, gridCells } from '../grid-cells.js';
import type { PageRules, Rule } from './rules.js';

export type { GridCellBox };

export interface RuledGrid {
  /** Y of the horizontal rules and X of the vertical ones, top to bottom and left to right. */
  ys: number[];
  xs: number[];
  cells: GridCellBox[];
  /** For each grid position (row × columns + column), the index of the cell covering it. */
  owner: number[];
}

/** Points by which rules that meet may miss each other, and lines at one place may differ. */
const slack = 2;
/** Share of a cell side a rule must cover to be a wall. */
const cover = 0.8;

/** Joins rules that continue one another on one line (a border drawn cell by cell). */
function mergeCollinear(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Rule[] = [];
  for (const r of sorted) {
    const last = out.findLast(
      (o) => Math.abs(o.at - r.at) <= 1 && r.from <= o.to + slack && r.to >= o.from - slack,
    );
    if (last) {
      last.from = Math.min(last.from, r.from);
      last.to = Math.max(last.to, r.to);
    } else out.push({ ...r });
  }
  return out;
}

/** How much of [from, to] the rules at `at` cover, as a share. */
function coverage(rules: readonly Rule[], at: number, from: number, to: number): number {
  if (to <= from) return 0;
  let covered = 0;
  for (const r of rules) {
    if (Math.abs(r.at - at) > slack) continue;
    covered += Math.max(0, Math.min(to, r.to + slack) - Math.max(from, r.from - slack));
  }
  return Math.min(1, covered / (to - from));
}

/** The ruled tables of a page, top to bottom. */
export function findGrids(rules: PageRules): RuledGrid[] {
  const horizontal = mergeCollinear(rules.horizontal);
  const vertical = mergeCollinear(rules.vertical);
  const all = [...horizontal, ...vertical];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      const meet =
        v.at >= h.from - slack && v.at <= h.to + slack && h.at >= v.from - slack && h.at <= v.to + slack;
      if (meet) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  all.forEach((r, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) {
      group = { h: [], v: [] };
      groups.set(root, group);
    }
    (i < horizontal.length ? group.h : group.v).push(r);
  });
  const grids: RuledGrid[] = [];
  for (const { h, v } of groups.values()) {
    if (h.length < 2 || v.length < 2) continue;
    const grid = gridOf(h, v);
    if (grid) grids.push(grid);
  }
  return grids.sort((a, b) => (a.ys[0] as number) - (b.ys[0] as number));
}

/**
 * The sides a table leaves open (公文 tables often draw no left and right borders): where its top
 * and bottom rules both run on past its outermost vertical rule to one place, its edge stands
 * there (added to `xs`).
 */
function openSides(horizontal: readonly Rule[], ys: readonly number[], xs: number[]): void {
  const at = (y: number) => horizontal.filter((r) => Math.abs(r.at - y) <= slack);
  const top = at(ys[0] as number);
  const bottom = at(ys.at(-1) as number);
  if (top.length === 0 || bottom.length === 0 || ys.length < 2) return;
  const left = [top, bottom].map((rules) => Math.min(...rules.map((r) => r.from)));
  const right = [top, bottom].map((rules) => Math.max(...rules.map((r) => r.to)));
  const [l0, l1] = left as [number, number];
  const [r0, r1] = right as [number, number];
  if (Math.abs(l0 - l1) <= slack && Math.max(l0, l1) < (xs[0] as number) - slack)
    xs.unshift(Math.min(l0, l1));
  if (Math.abs(r0 - r1) <= slack && Math.min(r0, r1) > (xs.at(-1) as number) + slack)
    xs.push(Math.max(r0, r1));
}

function gridOf(horizontal: readonly Rule[], vertical: readonly Rule[]): RuledGrid | null {
  const ys = cluster(
    horizontal.map((r) => r.at),
    slack,
  );
  const xs = cluster(
    vertical.map((r) => r.at),
    slack,
  );
  openSides(horizontal, ys, xs);
  const rows = ys.length - 1;
  const columns = xs.length - 1;
  if (rows < 1 || columns < 2) return null;
  const wallRight = (r: number, c: number) =>
    coverage(vertical, xs[c + 1] as number, ys[r] as number, ys[r + 1] as number) >= cover;
  const wallBelow = (r: number, c: number) =>
    coverage(horizontal, ys[r + 1] as number, xs[c] as number, xs[c + 1] as number) >= cover;
  const grid = gridCells(ys, xs, wallRight, wallBelow);
  return grid ? { ys, xs, ...grid } : null;
}
