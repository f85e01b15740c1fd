/**
 * The quick way to find the other cuts of rows settled by identities (fragile.ts): the same as
 * cutting every row again under each relaxation, with far less work.
 *
 * Under a relaxation, a row holds its cut when that is the only cut keeping the identities among
 * its own cells (and the cells outside the rows) that are left on. The other rows ("mobile") are
 * cut again together against every identity left on, the rows that hold their cut read as
 * settled; unless first a cheap necessary test fails: some combination of the listed cuts of the
 * mobile rows, with at most one row cut from its runs taking the figures the identities then force
 * on its cells, must balance every identity left on and change some row.
 */
import type { IdentitySpec } from '../spec/types.js';
import type { RowReading } from './figures.js';
import { type IdentityNet, numbersOf } from './net.js';
import { relaxations } from './relaxations.js';
import { blockCuts, fitsRuns, sumBlocks } from './run-cuts.js';
import { type Budget, cutsAlone, type Kept, netOf, solve, type Values } from './solver.js';

/** Combinations of listed cuts tried at most for one relaxation before its rows are cut again. */
const comboLimit = 256;

/**
 * The other cuts of each settled row (empty for a row not settled by identities) that fit under
 * some relaxation, or null when the budget runs out first.
 */
export function otherCuts(group: Kept, known: Values, budget: Budget): number[][][] | null {
  return new OtherCutSearch(group, known, budget).run();
}

/** Whether two cuts read the same (blank cells alike). */
export function sameCut(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k] && !Object.is(a[k], b[k])) return false;
  return true;
}

/**
 * How the identities hold the rows' cells: for each identity the one row whose cells are the only
 * cells of the rows it holds (−1: none, or several); for each cell its identities, as (identity,
 * side) pairs; for each row the one cell of it each identity holds (−1: none; −2: several), and as
 * (identity, cell, side) each identity that holds one cell of it.
 */
function cellIdentities(rows: readonly RowReading[], identities: readonly IdentitySpec[]) {
  const rowOfNumber = new Map<number, number>();
  const cellOfNumber = new Map<number, number>();
  rows.forEach((r, i) => {
    r.numbers.forEach((n, k) => {
      rowOfNumber.set(n, i);
      cellOfNumber.set(n, k);
    });
  });
  const within: number[] = [];
  const edges = rows.map((r) => r.numbers.map((): number[] => []));
  identities.forEach((identity, id) => {
    let row = -1;
    numbersOf(identity).forEach((n, at) => {
      const i = rowOfNumber.get(n);
      if (i === undefined) return;
      row = row === -1 || row === i ? i : -2;
      edges[i]?.[cellOfNumber.get(n) as number]?.push(id, at < identity.left.length ? 1 : -1);
    });
    within.push(row < 0 ? -1 : row);
  });
  const single = edges.map((rowEdges) => {
    const at = new Int32Array(identities.length).fill(-1);
    rowEdges.forEach((e, k) => {
      for (let x = 0; x < e.length; x += 2) at[e[x] as number] = at[e[x] as number] === -1 ? k : -2;
    });
    return at;
  });
  const singles = edges.map((rowEdges, i) => {
    const out: number[] = [];
    rowEdges.forEach((e, k) => {
      for (let x = 0; x < e.length; x += 2)
        if ((single[i] as Int32Array)[e[x] as number] === k) out.push(e[x] as number, k, e[x + 1] as number);
    });
    return out;
  });
  return { rowOfNumber, cellOfNumber, within, edges, single, singles };
}

/** A combination of listed cuts: what it adds to each identity (nonzero). */
interface Combination {
  ids: number[];
  amounts: number[];
  /** Some row takes another cut. */
  changed: boolean;
  /** A blank cell comes or goes (not tested cheaply). */
  blank: boolean;
}

const none: number[] = [];

/** One search of `otherCuts`, over one group of rows settled together. */
class OtherCutSearch {
  private readonly rows: readonly RowReading[];
  private readonly identities: readonly IdentitySpec[];
  private readonly cuts: readonly (number[] | null)[];
  private readonly found: Map<string, number[]>[];
  private readonly within: number[];
  private readonly edges: number[][][];
  private readonly single: Int32Array[];
  private readonly singles: number[][];
  /** Identities that can tell cuts apart: no cell outside the rows blank, none in a row left unsettled. */
  private readonly telling: boolean[];
  /** Whether the settled cuts balance every telling identity (not where the report breaks one). */
  private readonly balanced: boolean;
  /** Rows whose cells are all counts. */
  private readonly countsOnly: boolean[];
  /** Each row's own cuts, by the identities relaxed (see `ownCuts`). */
  private readonly memo: Map<string, number[][] | null>[];
  /** A listed row's cuts other than its settled one, by list; and the row of each such cut. */
  private readonly others = new Map<number[][], number[][]>();
  private readonly rowOfCut = new Map<number[], number>();
  /** What each other cut adds to each identity (see `deltaOf`). */
  private readonly deltas = new Map<number[], number[] | null>();
  private readonly listSerials = new Map<number[][], number>();
  private readonly combinationsBy = new Map<string, Combination[]>();
  /** Scratch: what a combination adds to each identity. */
  private readonly imbalance: Float64Array;
  /** Scratch: the figures forced on the cells of the row cut from its runs. */
  private readonly forced: Float64Array;
  /** The identities the relaxation being tried switches off. */
  private readonly isOff: Uint8Array;

  constructor(
    group: Kept,
    private readonly known: Values,
    private readonly budget: Budget,
  ) {
    const { rows, identities, cuts } = group;
    this.rows = rows;
    this.identities = identities;
    this.cuts = cuts;
    this.found = rows.map(() => new Map<string, number[]>());
    const { rowOfNumber, cellOfNumber, within, edges, single, singles } = cellIdentities(rows, identities);
    this.within = within;
    this.edges = edges;
    this.single = single;
    this.singles = singles;
    let balanced = true;
    this.telling = identities.map((identity) => {
      let diff = 0;
      const tells = numbersOf(identity).every((n, at) => {
        const i = rowOfNumber.get(n);
        const v = i === undefined ? (known[n] ?? null) : (cuts[i]?.[cellOfNumber.get(n) as number] ?? null);
        if (v === null || Number.isNaN(v)) return false;
        diff += at < identity.left.length ? v : -v;
        return true;
      });
      if (tells && Math.abs(diff) > 1e-9) balanced = false;
      return tells;
    });
    this.balanced = balanced;
    this.countsOnly = rows.map((r) => r.types.every((t) => t === 'int'));
    this.memo = rows.map(() => new Map<string, number[][] | null>());
    this.imbalance = new Float64Array(identities.length);
    this.forced = new Float64Array(Math.max(...rows.map((r) => r.keys.length)));
    this.isOff = new Uint8Array(identities.length);
  }

  run(): number[][][] | null {
    const { rows, identities, cuts, found, within } = this;
    const base: (number[][] | null)[] = [];
    for (let i = 0; i < rows.length; i++) {
      const list = this.ownCuts(i, none);
      if (list === undefined) return null;
      base.push(list);
    }
    // The net the rows are cut again in (made when first needed), and each row's cells in it.
    let net: IdentityNet | null = null;
    const netCells: number[][] = [];
    const withinOf: number[][] = rows.map(() => []);
    const baseMobile: number[] = [];
    const baseMoving = new Uint8Array(rows.length);
    for (let i = 0; i < rows.length; i++)
      if (this.moves(i, base[i] as number[][] | null)) {
        baseMobile.push(i);
        baseMoving[i] = 1;
      }
    const moving = baseMoving.slice();
    const lists = base.slice();
    const touched: number[] = [];
    for (const relaxed of relaxations(identities)) {
      // The relaxed identities among each row's own cells, and each row's cuts then.
      for (const w of touched) lists[w] = base[w] as number[][] | null;
      touched.length = 0;
      for (const id of relaxed) {
        const w = within[id] as number;
        if (w < 0) continue;
        if ((withinOf[w] as number[]).length === 0) touched.push(w);
        withinOf[w]?.push(id);
      }
      for (const w of touched) {
        const list = this.ownCuts(w, withinOf[w] as number[]);
        withinOf[w] = [];
        if (list === undefined) return null;
        lists[w] = list;
      }
      // A row alone: its cuts are all there is to it.
      const alone = lists[0];
      if (rows.length === 1 && alone !== null && alone !== undefined) {
        for (const c of this.otherOf(0, alone)) found[0]?.set(c.join(','), c);
        continue;
      }
      // The rows that may take another cut (in order).
      let mobile = baseMobile;
      if (touched.length > 0) {
        for (const w of touched) moving[w] = this.moves(w, lists[w] as number[][] | null) ? 1 : 0;
        mobile = [];
        for (let i = 0; i < rows.length; i++) if (moving[i] === 1) mobile.push(i);
        for (const w of touched) moving[w] = baseMoving[w] as number;
      }
      const mobileLists = mobile.map((i) => lists[i] as number[][] | null);
      const free = mobile.some((i) => cuts[i] !== null);
      if (!free) continue;
      this.isOff.fill(0);
      for (const id of relaxed) this.isOff[id] = 1;
      if (this.balanced && !this.mayMove(mobile, mobileLists)) continue;
      if (net === null) {
        net = netOf(rows, identities);
        for (let i = 0, at = 0; i < rows.length; i++) {
          const n = (rows[i] as RowReading).keys.length;
          netCells.push(net.keyCells.slice(at, at + n));
          at += n;
        }
      }
      // The rows that hold their cut are read as settled (`known` has them).
      const readings = mobile.map((i, m) => {
        const list = mobileLists[m];
        const r = rows[i] as RowReading;
        if (list === null || list === undefined) return r;
        const reading: RowReading = { ...r, candidates: list };
        delete reading.runs;
        return reading;
      });
      const outcome = solve(readings, identities, this.known, this.budget, relaxed, {
        net,
        cells: mobile.map((i) => netCells[i] as number[]),
      });
      if (outcome.kind === 'budget' || this.budget.out) return null;
      if (outcome.kind !== 'solved') continue;
      outcome.used.forEach((candidates, m) => {
        const cut = cuts[mobile[m] as number];
        if (cut)
          for (const c of candidates) if (!sameCut(c, cut)) found[mobile[m] as number]?.set(c.join(','), c);
      });
    }
    return found.map((m) => [...m.values()]);
  }

  /**
   * Row `i`'s cuts that keep the identities among its own cells a relaxation leaves on (null:
   * none left on), by the identities it switches off; undefined when the budget runs out.
   */
  private ownCuts(i: number, relaxed: readonly number[]): number[][] | null | undefined {
    const key = relaxed.join(',');
    const memo = this.memo[i] as Map<string, number[][] | null>;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    const own = this.identities.filter((_, id) => this.within[id] === i && !relaxed.includes(id));
    let list: number[][] | null = null;
    if (own.length > 0) {
      const r = this.rows[i] as RowReading;
      const blocks = sumBlocks(r, own);
      list = blocks
        ? blockCuts(r.runs as string[], r.keys.length, blocks, this.budget)
        : cutsAlone(r, own, this.known, this.budget);
      if (list === null || this.budget.out) return undefined;
    }
    memo.set(key, list);
    return list;
  }

  /**
   * Whether row `i` may take another cut: it is listed with other cuts, cut from its runs (no
   * list), or left unsettled.
   */
  private moves(i: number, list: number[][] | null): boolean {
    return this.cuts[i] === null || list === null || this.otherOf(i, list).length > 0;
  }

  /** A listed row's cuts other than its settled one. */
  private otherOf(i: number, list: number[][]): number[][] {
    let other = this.others.get(list);
    if (!other) {
      const cut = this.cuts[i];
      other = cut ? list.filter((c) => !sameCut(c, cut)) : list;
      for (const c of other) this.rowOfCut.set(c, i);
      this.others.set(list, other);
    }
    return other;
  }

  /**
   * What another cut adds to each identity, as (identity, amount) pairs; null where a blank cell
   * comes or goes.
   */
  private deltaOf(other: number[]): number[] | null {
    let delta = this.deltas.get(other);
    if (delta !== undefined) return delta;
    const i = this.rowOfCut.get(other) as number;
    const kept = this.cuts[i] as number[];
    const sums = new Map<number, number>();
    delta = [];
    for (let k = 0; k < other.length; k++) {
      const d = (other[k] as number) - (kept[k] as number);
      if (Number.isNaN(d)) {
        if (Number.isNaN(other[k] as number) && Number.isNaN(kept[k] as number)) continue;
        delta = null;
        break;
      }
      if (d === 0) continue;
      const e = (this.edges[i] as number[][])[k] as number[];
      for (let x = 0; x < e.length; x += 2)
        sums.set(e[x] as number, (sums.get(e[x] as number) ?? 0) + (e[x + 1] as number) * d);
    }
    if (delta !== null) for (const [id, d] of sums) if (Math.abs(d) > 1e-9) delta.push(id, d);
    this.deltas.set(other, delta);
    return delta;
  }

  /**
   * Each combination of the listed rows' cuts (their settled cut or another: in the order of a
   * number written with a digit for each row), by the rows' lists of other cuts.
   */
  private combinations(listed: readonly number[][][]): Combination[] {
    let key = '';
    for (const l of listed) {
      let n = this.listSerials.get(l);
      if (n === undefined) {
        n = this.listSerials.size;
        this.listSerials.set(l, n);
      }
      key += `${n},`;
    }
    let out = this.combinationsBy.get(key);
    if (out) return out;
    const imbalance = this.imbalance;
    out = [];
    let count = 1;
    for (const l of listed) count *= l.length + 1;
    for (let combo = 0; combo < count; combo++) {
      let rest = combo;
      let changed = false;
      let blank = false;
      const touched: number[] = [];
      for (const options of listed) {
        const c = rest % (options.length + 1);
        rest = Math.floor(rest / (options.length + 1));
        if (c === 0) continue;
        changed = true;
        const delta = this.deltaOf(options[c - 1] as number[]);
        if (delta === null) blank = true;
        else
          for (let x = 0; x < delta.length; x += 2) {
            const id = delta[x] as number;
            if (imbalance[id] === 0) touched.push(id);
            imbalance[id] = (imbalance[id] as number) + (delta[x + 1] as number);
          }
      }
      const ids: number[] = [];
      const amounts: number[] = [];
      for (const id of touched) {
        if (Math.abs(imbalance[id] as number) > 1e-9 && !ids.includes(id)) {
          ids.push(id);
          amounts.push(imbalance[id] as number);
        }
        imbalance[id] = 0;
      }
      out.push({ ids, amounts, changed, blank });
    }
    this.combinationsBy.set(key, out);
    return out;
  }

  /**
   * The cheap necessary test (see the top of this file) under the relaxation `isOff`, for cuts
   * that balance every identity (`balanced`): false when no other cut can fit, true when one may
   * (or the test can't tell cheaply).
   */
  private mayMove(mobile: readonly number[], lists: readonly (number[][] | null)[]): boolean {
    const { cuts, telling, isOff, single, forced, imbalance, budget } = this;
    const listed: number[][][] = [];
    let cut = -1;
    let combos = 1;
    for (let m = 0; m < mobile.length; m++) {
      const i = mobile[m] as number;
      const list = lists[m];
      if (cuts[i] === null) continue;
      if (list === null || list === undefined) {
        if (cut >= 0) return true;
        cut = i;
        continue;
      }
      const other = this.otherOf(i, list);
      if (other.length === 0) continue;
      listed.push(other);
      combos *= other.length + 1;
      if (combos > comboLimit) return true;
    }
    const own = cut >= 0 ? (this.singles[cut] as number[]) : none;
    // Where no listed row moves, the row cut from its runs moves alone, and each of its cells
    // that an identity left on holds alone keeps its figure: a cut of counts that moves changes
    // two cells at least (the first whose end moves and the last whose start moves have another
    // length, so another value).
    let alone = true;
    if (cut >= 0 && this.countsOnly[cut]) {
      const n = (cuts[cut] as number[]).length;
      forced.fill(0, 0, n);
      for (let x = 0; x < own.length; x += 3)
        if (telling[own[x] as number] && isOff[own[x] as number] === 0) forced[own[x + 1] as number] = 1;
      let loose = 0;
      for (let k = 0; k < n; k++) if (forced[k] === 0) loose++;
      if (loose < 2) {
        if (listed.length === 0) return false;
        alone = false;
      }
    }
    for (const { ids, amounts, changed, blank } of this.combinations(listed)) {
      // (A step of the budget for each combination: a true answer when it runs out.)
      if (!budget.spend(1 + (listed.length >> 2))) return true;
      if (!changed && (cut < 0 || !alone)) continue;
      if (blank) return true;
      let dead = false;
      for (let x = 0; x < ids.length && !dead; x++) {
        const id = ids[x] as number;
        if (telling[id] && isOff[id] === 0 && (cut < 0 || (single[cut] as Int32Array)[id] === -1))
          dead = true;
      }
      if (dead) continue;
      if (cut < 0) return true;
      // The one cell of the row cut from its runs in an identity takes what balances it.
      for (let x = 0; x < ids.length; x++) imbalance[ids[x] as number] = amounts[x] as number;
      const kept = cuts[cut] as number[];
      forced.fill(Number.NaN, 0, kept.length);
      for (let x = 0; x < own.length && !dead; x += 3) {
        const id = own[x] as number;
        if (!telling[id] || isOff[id] === 1) continue;
        const k = own[x + 1] as number;
        const v = (kept[k] as number) - (own[x + 2] as number) * (imbalance[id] as number);
        const f = forced[k] as number;
        if (!Number.isNaN(f) && Math.abs(f - v) > 1e-9) dead = true;
        forced[k] = v;
      }
      for (let x = 0; x < ids.length; x++) imbalance[ids[x] as number] = 0;
      if (!dead && fitsRuns(this.rows[cut] as RowReading, kept, forced, !changed, budget)) return true;
    }
    return false;
  }
}
