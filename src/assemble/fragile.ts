/**
 * Cuts of run-together digits that the identities settled, announced: a report may break its own
 * identities (a total printed wrong), and then the cut that satisfies all of them need not be the
 * one printed. A cut is fragile when another cut fits too with the identities of any one cell
 * relaxed (that figure printed wrong) or any one identity relaxed (with the derived identities that
 * share a cell with it); the cut of a report that breaks one identity, or whose one figure is
 * wrong, is among those. A fragile cut is kept (it is the one that satisfies every identity, the
 * right one whenever the report is consistent), with an error `assemble.split-fragile` naming each
 * cell another cut reads differently, and the other cuts: an error, not a warning, because a wrong
 * cut that keeps every identity leaves the checker nothing to find, and a report whose only sign
 * of a wrong number is a warning is silently wrong (as shared/tools/score-fixtures and the
 * properties' verdict count). A cut no relaxation changes gets the info finding
 * `assemble.split-settled`.
 */
import type { SourceFile } from '../core/source-file.js';
import type { RowReading } from './figures.js';
import { type IdentityNet, numbersOf } from './net.js';
import { relaxations } from './relaxations.js';
import { blockCuts, fitsRuns, sumBlocks } from './run-cuts.js';
import {
  Budget,
  cutsAlone,
  describe,
  type Kept,
  netOf,
  place,
  rowName,
  type Settled,
  settleBudget,
  solve,
  type Values,
} from './solver.js';

/**
 * The share of the settling budget that deciding fragility may take at most (its steps, cutting
 * rows together again, cost more than settling's: the slowest report stays within its time).
 */
const fragilityShare = 1 / 3;

/**
 * Announces the rows `settle` settled by identities, with what is left of its budget (`settle`
 * spent `settled.steps` of `budgetSteps`), up to `fragilityShare` of it. When that runs out
 * before a group of rows is decided, the error names every cell of its rows.
 */
export function announceSettled(settled: Settled, file: SourceFile, budgetSteps = settleBudget): void {
  const allowed = Math.min(budgetSteps - settled.steps, Math.floor(budgetSteps * fragilityShare));
  const budget = new Budget(allowed);
  for (const group of settled.kept) announce(group, settled.values, budget, file);
  settled.steps += allowed - Math.max(budget.left, 0);
}

/**
 * How fragility is decided: `exhaustive` cuts every row again under each relaxation, as the
 * definition says (slow: for tests, which compare it with the quick way).
 */
export const fragility = { exhaustive: false };

/** Announces one group of rows settled together (see the top of this file). */
function announce(group: Kept, known: Values, budget: Budget, file: SourceFile): void {
  const { rows, cuts } = group;
  if (cuts.every((c) => c === null)) return;
  const others = fragility.exhaustive ? everyOtherCut(group, known, budget) : otherCuts(group, known, budget);
  rows.forEach((r, i) => {
    const cut = cuts[i];
    if (!cut) return;
    const values = cut.map((v) => (Number.isNaN(v) ? null : v));
    if (others === null) {
      file.error(
        'assemble.split-fragile',
        `「${rowName(r)}」的数字「${r.printed}」连在一起，按表内勾稽关系拆分为${describe(values)}；表内若有一个数字填错，可能另有拆分，因可能的拆分方式过多未能逐一核对，本行各单元格的读数都可能有误，请对照原件核实`,
        { place: place(r), keys: r.keys, actual: r.printed },
      );
      return;
    }
    // (In the order of their figures, cell by cell: whatever order they were found in.)
    const alternatives = (others[i] ?? [])
      .map((c) => c.map((v) => (Number.isNaN(v) ? null : v)))
      .sort(byFigures);
    if (alternatives.length === 0) {
      file.info(
        'assemble.split-settled',
        `「${rowName(r)}」的数字「${r.printed}」连在一起，按表内勾稽关系唯一拆分为${describe(values)}`,
        { place: place(r), keys: r.keys },
      );
      return;
    }
    const differs = r.keys.map((_, k) => alternatives.some((c) => c[k] !== values[k]));
    const listed =
      alternatives.slice(0, 12).map(describe).join('、') + (alternatives.length > 12 ? ' 等' : '');
    file.error(
      'assemble.split-fragile',
      `「${rowName(r)}」的数字「${r.printed}」连在一起，按表内勾稽关系拆分为${describe(values)}；表内若有一个数字填错或一处勾稽关系本不成立，也可拆分为${listed}，第 ${differs.flatMap((d, k) => (d ? [k + 1] : [])).join('、')} 个单元格的读数可能有误，请对照原件核实`,
      { place: place(r), keys: r.keys.filter((_, k) => differs[k]), actual: r.printed },
    );
  });
}

/**
 * The other cuts of each settled row (see `announce`) by the definition: every row cut again
 * under each relaxation. Null when the budget runs out.
 */
function everyOtherCut(group: Kept, known: Values, budget: Budget): number[][][] | null {
  const { rows, identities, cuts } = group;
  const found = rows.map(() => new Map<string, number[]>());
  for (const relaxed of relaxations(identities)) {
    const outcome = solve(rows, identities, known, budget, relaxed);
    if (outcome.kind === 'budget' || budget.out) return null;
    if (outcome.kind !== 'solved') continue;
    outcome.used.forEach((candidates, i) => {
      const cut = cuts[i];
      if (cut) for (const c of candidates) if (!sameCut(c, cut)) found[i]?.set(c.join(','), c);
    });
  }
  return found.map((m) => [...m.values()]);
}

/** Combinations of listed cuts tried at most for one relaxation before its rows are cut again. */
const comboLimit = 256;

/**
 * The other cuts of each settled row (empty for a row not settled by identities) that fit under
 * some relaxation (see `announce`), or null when the budget runs out first; the same as
 * `everyOtherCut`, found with less work.
 *
 * Under a relaxation, a row holds its cut when that is the only cut keeping the identities among
 * its own cells (and the cells outside the rows) that are left on. The other rows ("mobile") are
 * cut again together against every identity left on, the rows that hold their cut read as
 * settled; unless first a cheap necessary test fails: some combination of the listed cuts of the
 * mobile rows, with at most one row cut from its runs taking the figures the identities then force
 * on its cells, must balance every identity left on and change some row.
 */
function otherCuts(group: Kept, known: Values, budget: Budget): number[][][] | null {
  const { rows, identities, cuts } = group;
  const found = rows.map(() => new Map<string, number[]>());
  const rowOfNumber = new Map<number, number>();
  const cellOfNumber = new Map<number, number>();
  rows.forEach((r, i) => {
    r.numbers.forEach((n, k) => {
      rowOfNumber.set(n, i);
      cellOfNumber.set(n, k);
    });
  });
  // The row whose cells are the only cells of the rows an identity holds (−1: none, or several);
  // each cell's identities, as (identity, side) pairs.
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
  // Identities that can tell cuts apart: no cell outside the rows blank, none in a row left
  // unsettled. Whether the settled cuts balance them all (not where the report breaks one).
  let balanced = true;
  const telling = identities.map((identity) => {
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
  // For each row, the one cell of it each identity holds (−1: none; −2: several), and as
  // (identity, cell, side) each identity that holds one cell of it.
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
  // Each row's cuts that keep the identities among its own cells a relaxation leaves on (null:
  // none left on), by the identities it switches off; undefined when the budget runs out.
  const memo = rows.map(() => new Map<string, number[][] | null>());
  const ownCuts = (i: number, relaxed: readonly number[]): number[][] | null | undefined => {
    const key = relaxed.join(',');
    const cached = (memo[i] as Map<string, number[][] | null>).get(key);
    if (cached !== undefined) return cached;
    const own = identities.filter((_, id) => within[id] === i && !relaxed.includes(id));
    let list: number[][] | null = null;
    if (own.length > 0) {
      const r = rows[i] as RowReading;
      const blocks = sumBlocks(r, own);
      list = blocks
        ? blockCuts(r.runs as string[], r.keys.length, blocks, budget)
        : cutsAlone(r, own, known, budget);
      if (list === null || budget.out) return undefined;
    }
    memo[i]?.set(key, list);
    return list;
  };
  // A listed row's cuts other than its settled one (by list), and what each adds to each
  // identity, as (identity, amount) pairs (null where a blank cell comes or goes).
  const others = new Map<number[][], number[][]>();
  const rowOfCut = new Map<number[], number>();
  const otherOf = (i: number, list: number[][]): number[][] => {
    let other = others.get(list);
    if (!other) {
      const cut = cuts[i];
      other = cut ? list.filter((c) => !sameCut(c, cut)) : list;
      for (const c of other) rowOfCut.set(c, i);
      others.set(list, other);
    }
    return other;
  };
  const deltas = new Map<number[], number[] | null>();
  const deltaOf = (other: number[]): number[] | null => {
    let delta = deltas.get(other);
    if (delta !== undefined) return delta;
    const i = rowOfCut.get(other) as number;
    const kept = cuts[i] as number[];
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
      const e = (edges[i] as number[][])[k] as number[];
      for (let x = 0; x < e.length; x += 2)
        sums.set(e[x] as number, (sums.get(e[x] as number) ?? 0) + (e[x + 1] as number) * d);
    }
    if (delta !== null) for (const [id, d] of sums) if (Math.abs(d) > 1e-9) delta.push(id, d);
    deltas.set(other, delta);
    return delta;
  };
  const countsOnly = rows.map((r) => r.types.every((t) => t === 'int'));
  // Each combination of the listed rows' cuts (their settled cut or another: in the order of a
  // number written with a digit for each row), as what it adds to each identity (nonzero), by
  // the rows' lists of other cuts.
  interface Combination {
    ids: number[];
    amounts: number[];
    changed: boolean;
    blank: boolean;
  }
  const listSerials = new Map<number[][], number>();
  const combinationsBy = new Map<string, Combination[]>();
  const combinations = (listed: readonly number[][][]): Combination[] => {
    let key = '';
    for (const l of listed) {
      let n = listSerials.get(l);
      if (n === undefined) {
        n = listSerials.size;
        listSerials.set(l, n);
      }
      key += `${n},`;
    }
    let out = combinationsBy.get(key);
    if (out) return out;
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
        const delta = deltaOf(options[c - 1] as number[]);
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
    combinationsBy.set(key, out);
    return out;
  };
  const none: number[] = [];
  const base: (number[][] | null)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const list = ownCuts(i, none);
    if (list === undefined) return null;
    base.push(list);
  }
  // The net the rows are cut again in (made when first needed), and each row's cells in it.
  let net: IdentityNet | null = null;
  const netCells: number[][] = [];
  const imbalance = new Float64Array(identities.length);
  const forced = new Float64Array(Math.max(...rows.map((r) => r.keys.length)));
  const isOff = new Uint8Array(identities.length);
  const withinOf: number[][] = rows.map(() => []);
  // A row may take another cut when it is listed with other cuts, cut from its runs (no list),
  // or left unsettled.
  const moves = (i: number, list: number[][] | null) =>
    cuts[i] === null || list === null || otherOf(i, list).length > 0;
  const baseMobile: number[] = [];
  const baseMoving = new Uint8Array(rows.length);
  for (let i = 0; i < rows.length; i++)
    if (moves(i, base[i] as number[][] | null)) {
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
      const list = ownCuts(w, withinOf[w] as number[]);
      withinOf[w] = [];
      if (list === undefined) return null;
      lists[w] = list;
    }
    // A row alone: its cuts are all there is to it.
    const alone = lists[0];
    if (rows.length === 1 && alone !== null && alone !== undefined) {
      for (const c of otherOf(0, alone)) found[0]?.set(c.join(','), c);
      continue;
    }
    // The rows that may take another cut (in order).
    let mobile = baseMobile;
    if (touched.length > 0) {
      for (const w of touched) moving[w] = moves(w, lists[w] as number[][] | null) ? 1 : 0;
      mobile = [];
      for (let i = 0; i < rows.length; i++) if (moving[i] === 1) mobile.push(i);
      for (const w of touched) moving[w] = baseMoving[w] as number;
    }
    const mobileLists = mobile.map((i) => lists[i] as number[][] | null);
    const free = mobile.some((i) => cuts[i] !== null);
    if (!free) continue;
    isOff.fill(0);
    for (const id of relaxed) isOff[id] = 1;
    if (balanced && !mayMove(mobile, mobileLists)) continue;
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
    const outcome = solve(readings, identities, known, budget, relaxed, {
      net,
      cells: mobile.map((i) => netCells[i] as number[]),
    });
    if (outcome.kind === 'budget' || budget.out) return null;
    if (outcome.kind !== 'solved') continue;
    outcome.used.forEach((candidates, m) => {
      const cut = cuts[mobile[m] as number];
      if (cut)
        for (const c of candidates) if (!sameCut(c, cut)) found[mobile[m] as number]?.set(c.join(','), c);
    });
  }
  return found.map((m) => [...m.values()]);

  /**
   * The cheap necessary test (see above) under the relaxation `isOff`, for cuts that balance
   * every identity (`balanced`): false when no other cut can fit, true when one may (or the test
   * can't tell cheaply).
   */
  function mayMove(mobile: readonly number[], lists: readonly (number[][] | null)[]): boolean {
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
      const other = otherOf(i, list);
      if (other.length === 0) continue;
      listed.push(other);
      combos *= other.length + 1;
      if (combos > comboLimit) return true;
    }
    const own = cut >= 0 ? (singles[cut] as number[]) : none;
    // Where no listed row moves, the row cut from its runs moves alone, and each of its cells
    // that an identity left on holds alone keeps its figure: a cut of counts that moves changes
    // two cells at least (the first whose end moves and the last whose start moves have another
    // length, so another value).
    let alone = true;
    if (cut >= 0 && countsOnly[cut]) {
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
    for (const { ids, amounts, changed, blank } of combinations(listed)) {
      // (A step of the budget for each combination: a true answer when it runs out.)
      if (!budget.spend(1 + (listed.length >> 2))) return true;
      if (!changed && (cut < 0 || !alone)) continue;
      // (A blank cell that comes or goes is not tested here.)
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
      if (!dead && fitsRuns(rows[cut] as RowReading, kept, forced, !changed, budget)) return true;
    }
    return false;
  }
}

/** Cuts in the order of their figures, cell by cell (a blank cell first). */
function byFigures(a: readonly (number | null)[], b: readonly (number | null)[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k] ?? Number.NEGATIVE_INFINITY;
    const y = b[k] ?? Number.NEGATIVE_INFINITY;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Whether two cuts read the same (blank cells alike). */
function sameCut(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k] && !Object.is(a[k], b[k])) return false;
  return true;
}
