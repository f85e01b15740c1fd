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
/**
 * Points a rule must run on past the outermost rule across it to reach an open edge (no row or
 * column is narrower): a frame drawn a little long is no edge.
 */
const reach = 6;
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
 * Where all the rules that run on past the outermost rules across them end: the edge of a table
 * that leaves that side open (公文 tables often draw no left and right borders; some draw only the
 * walls inside, no frame at all). `past` gives where a rule that runs on past the outermost one
 * ends, or null for one that doesn't; the rules that do must end at one place, else the side has
 * no edge.
 */
function openEdge(rules: readonly Rule[], past: (r: Rule) => number | null): number | null {
  let edge: number | null = null;
  let far = Number.NEGATIVE_INFINITY;
  let near = Number.POSITIVE_INFINITY;
  for (const r of rules) {
    const end = past(r);
    if (end === null) continue;
    edge ??= end;
    far = Math.max(far, end);
    near = Math.min(near, end);
  }
  return edge !== null && far - near <= slack ? edge : null;
}

/**
 * The edges a table leaves open, added to `xs` and `ys`: on each side, where rules run on past the
 * outermost rule across them, all to one place, the table's edge stands there.
 */
function openEdges(horizontal: readonly Rule[], vertical: readonly Rule[], ys: number[], xs: number[]): void {
  const [x0, x1, y0, y1] = [xs[0], xs.at(-1), ys[0], ys.at(-1)] as [number, number, number, number];
  const left = openEdge(horizontal, (r) => (r.from < x0 - reach ? r.from : null));
  const right = openEdge(horizontal, (r) => (r.to > x1 + reach ? r.to : null));
  const top = openEdge(vertical, (r) => (r.from < y0 - reach ? r.from : null));
  const bottom = openEdge(vertical, (r) => (r.to > y1 + reach ? r.to : null));
  if (left !== null) xs.unshift(left);
  if (right !== null) xs.push(right);
  if (top !== null) ys.unshift(top);
  if (bottom !== null) ys.push(bottom);
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
  openEdges(horizontal, vertical, ys, xs);
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
