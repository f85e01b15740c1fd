import type { Finding, Point } from '../core/finding.js';
import type { CellValue } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import type { CellType, IdentitySpec } from '../spec/types.js';
import { codeAt } from '../text/code-unit.js';
import type { RowReading } from './figures.js';
import { IdentityNet, keyNumber, keyNumberCount, numbersOf } from './net.js';
import { rowLabel } from './rows.js';
import { parseFigure, zeroLed } from './split.js';
import { pointOf } from './tokens.js';

/**
 * Cell values by key number (see net.ts): null for a blank cell or one not read (no map by key:
 * every cell of the report is written and read here).
 */
export type Values = CellValue[];

export const describe = (candidate: readonly CellValue[]) =>
  `（${candidate.map((v) => (v === null ? '空' : v)).join('，')}）`;

/**
 * Steps (cuts tried and transitions between rows) one report may spend settling its rows. Past
 * it, the rows left get the ambiguity error: no report takes long whatever its digits.
 */
export const settleBudget = 150_000;

/** Rows settled by the format's identities, and those left with several readings. */
export interface Settled {
  values: Values;
  /** Rows left with several readings, and the readings still possible (empty when unknown). */
  unsettled: { reading: RowReading; candidates: CellValue[][]; finding?: Finding }[];
  /** Steps spent (cuts tried, transitions between rows), against `settleBudget`. */
  steps: number;
  /** The rows the identities settled, to be announced (see fragile.ts). */
  kept: Kept[];
}

/** Rows settled together, the identities that settled them, and each row's cut (null: not settled so). */
export interface Kept {
  rows: readonly RowReading[];
  identities: readonly IdentitySpec[];
  cuts: (number[] | null)[];
}

export class Budget {
  constructor(public left: number) {}
  spend(n = 1): boolean {
    this.left -= n;
    return this.left >= 0;
  }
  get out(): boolean {
    return this.left < 0;
  }
}

/** A component's outcome: the readings some solution uses for each row, none, or out of budget. */
type Outcome =
  | { kind: 'solved'; used: number[][][] }
  | { kind: 'none'; local: (number[][] | null)[] }
  | { kind: 'budget'; local: (number[][] | null)[] };

/**
 * Settles rows whose figures ran together and could be cut in several ways, using the identities
 * of the format: a cut is kept only if some assignment of all such rows satisfies every identity
 * that can be evaluated. Cells that differ between the cuts left are blank, with an error naming
 * the candidates. When no assignment satisfies every identity (the report breaks one), the rows
 * are settled by the identities that hold and the broken one is named. Returns the values of
 * every cell read, and the rows the identities settled: `announceSettled` (fragile.ts) says
 * whether a figure printed wrong would let another cut fit.
 */
export function settle(
  readings: readonly RowReading[],
  identities: readonly IdentitySpec[],
  file: SourceFile,
  budgetSteps = settleBudget,
): Settled {
  // Every key of the identities numbered before the arrays by key number are made.
  for (const id of identities) numbersOf(id);
  const known: Values = new Array<CellValue>(keyNumberCount()).fill(null);
  const open: RowReading[] = [];
  for (const r of readings) {
    if (!r.runs && r.candidates.length === 1) {
      const values = r.candidates[0] as CellValue[];
      for (let i = 0; i < r.numbers.length; i++) known[r.numbers[i] as number] = values[i] ?? null;
    } else open.push(r);
  }
  const unsettled: Settled['unsettled'] = [];
  if (open.length === 0) return { values: known, unsettled, steps: 0, kept: [] };
  const budget = new Budget(budgetSteps);

  // Each open row's number, by key number (−1: no open row).
  const rowOf = new Array<number>(known.length).fill(-1);
  open.forEach((r, i) => {
    for (const n of r.numbers) rowOf[n] = i;
  });
  const relevant = identities.filter((id) => numbersOf(id).some((n) => (rowOf[n] as number) >= 0));

  const inComponent = new Uint8Array(known.length);
  const kept: Kept[] = [];
  for (const component of components(open, relevant, rowOf)) {
    const rows = component;
    inComponent.fill(0);
    for (const r of rows) for (const n of r.numbers) inComponent[n] = 1;
    const mine = relevant.filter((id) => numbersOf(id).some((n) => inComponent[n] === 1));
    let outcome = solve(rows, mine, known, budget);
    let broken: IdentitySpec[] = [];
    if (outcome.kind === 'none') {
      // At most half of what is left goes to trying the identities one by one.
      const share = new Budget(Math.floor(budget.left / 2));
      const relaxed = relax(rows, mine, known, share, 1);
      budget.spend(Math.floor(budget.left / 2) - Math.max(0, share.left));
      if (relaxed) {
        outcome = relaxed.outcome;
        broken = relaxed.broken;
      }
    }
    if (outcome.kind === 'none') {
      // Rows that no cut reconciles with the identities of their own row and of the cells read
      // are left blank; the others are settled by the identities that don't touch them.
      const split = withoutBrokenRows(rows, mine, known, budget);
      if (split) {
        // Their cells that every cut agrees on are kept (the error names the whole row).
        const cuts = split.broken.map((r) => {
          const o = solve([r], [], known, budget);
          return o.kind === 'solved' ? (o.used[0] ?? null) : null;
        });
        finish(split.broken, { kind: 'none', local: cuts }, [], known, unsettled, file);
        kept.push({
          rows: split.rest,
          identities: split.usable,
          cuts: finish(split.rest, split.outcome, [], known, unsettled, file),
        });
        continue;
      }
      const relaxed = relax(rows, mine, known, budget, 2);
      if (relaxed) {
        outcome = relaxed.outcome;
        broken = relaxed.broken;
      }
    }
    kept.push({ rows, identities: mine, cuts: finish(rows, outcome, broken, known, unsettled, file) });
  }
  return { values: known, unsettled, steps: budgetSteps - budget.left, kept };
}

/** Writes a component's outcome into `known`, with the findings it calls for. */
function finish(
  rows: readonly RowReading[],
  outcome: Outcome,
  broken: readonly IdentitySpec[],
  known: Values,
  unsettled: Settled['unsettled'],
  file: SourceFile,
): (number[] | null)[] {
  const settledCuts: (number[] | null)[] = rows.map(() => null);
  rows.forEach((r, i) => {
    const raw = outcome.kind === 'solved' ? (outcome.used[i] ?? []) : (outcome.local[i] ?? null);
    const candidates = (raw ?? []).map((c) => c.map((v) => (Number.isNaN(v) ? null : v)));
    const settledValues = r.keys.map((_, k) => {
      if (candidates.length === 0) return null;
      const first = candidates[0]?.[k] ?? null;
      return candidates.every((c) => c[k] === first) ? first : null;
    });
    r.numbers.forEach((n, k) => {
      known[n] = settledValues[k] ?? null;
    });
    if (outcome.kind === 'solved' && candidates.length === 1) {
      // Announced once every component is settled (see `announce`).
      if (r.runs || r.candidates.length > 1) settledCuts[i] = raw?.[0] ?? null;
      return;
    }
    const listed = candidates.slice(0, 12).map(describe).join('、') + (candidates.length > 12 ? ' 等' : '');
    let finding: Finding;
    if (outcome.kind === 'budget')
      finding = file.error(
        'assemble.split-ambiguous',
        `「${rowName(r)}」的数字「${r.printed}」连在一起，可能的拆分方式过多，无法确定的单元格记为空值`,
        { place: place(r), keys: r.keys, actual: r.printed },
      );
    else if (outcome.kind === 'none')
      finding = file.error(
        'assemble.split-inconsistent',
        `「${rowName(r)}」的数字「${r.printed}」连在一起，任何拆分都不满足表内的勾稽关系${candidates.length > 0 ? `（候选：${listed}）` : ''}，无法确定的单元格记为空值`,
        { place: place(r), keys: r.keys, actual: r.printed },
      );
    else
      finding = file.error(
        'assemble.split-ambiguous',
        `「${rowName(r)}」的数字「${r.printed}」连在一起，有 ${candidates.length} 种拆分都说得通（${listed}），无法确定的单元格记为空值`,
        { place: place(r), keys: r.keys, actual: r.printed },
      );
    unsettled.push({ reading: r, candidates, finding });
  });
  for (const identity of broken) {
    const keys = keysOf(identity);
    // Where every cell is settled the checker names the broken identity itself.
    if (numbersOf(identity).every((n) => (known[n] ?? null) !== null)) continue;
    file.error(identity.code, `勾稽关系不成立：${identity.description}；连在一起的数字按其余勾稽关系拆分`, {
      place: place(rows[0] as RowReading),
      keys,
    });
  }
  return settledCuts;
}

export const rowName = (r: RowReading) => rowLabel(r.location);
export const place = (r: RowReading): Point | null => pointOf(r.token);

/** Groups rows that share an identity (directly or through other rows), in the rows' order. */
function components(
  rows: readonly RowReading[],
  identities: readonly IdentitySpec[],
  rowOf: readonly number[],
): RowReading[][] {
  // Union–find over row numbers.
  // (Pushed onto a literal: one kind of array for every report.)
  const parent: number[] = [];
  for (let i = 0; i < rows.length; i++) parent.push(i);
  const find = (i: number): number => {
    let p = i;
    while (parent[p] !== p) p = parent[p] as number;
    parent[i] = p;
    return p;
  };
  for (const id of identities) {
    let first = -1;
    for (const n of numbersOf(id)) {
      const r = rowOf[n] as number;
      if (r < 0) continue;
      if (first === -1) first = r;
      else if (r !== first) parent[find(r)] = find(first);
    }
  }
  // Groups in the order of their first row.
  const groups: RowReading[][] = [];
  const groupOf = new Map<number, RowReading[]>();
  rows.forEach((r, i) => {
    const root = find(i);
    const group = groupOf.get(root);
    if (group) group.push(r);
    else {
      const created = [r];
      groupOf.set(root, created);
      groups.push(created);
    }
  });
  return groups;
}

const identityKeys = new WeakMap<IdentitySpec, readonly string[]>();

/** An identity's cells, left then right (made once per identity: it is asked for again and again). */
function keysOf(identity: IdentitySpec): readonly string[] {
  let keys = identityKeys.get(identity);
  if (!keys) {
    keys = [...identity.left, ...identity.right];
    identityKeys.set(identity, keys);
  }
  return keys;
}

/**
 * The rows whose cuts all break an identity over their own cells and the cells read (none
 * when there are none), and the other rows settled by the identities that don't touch them.
 */
function withoutBrokenRows(
  rows: readonly RowReading[],
  identities: readonly IdentitySpec[],
  known: Values,
  budget: Budget,
): { broken: RowReading[]; rest: RowReading[]; usable: IdentitySpec[]; outcome: Outcome } | null {
  const broken = rows.filter((r) => {
    const own = identities.filter((id) =>
      numbersOf(id).every((n) => r.numbers.includes(n) || (known[n] ?? null) !== null),
    );
    return solve([r], own, known, budget).kind === 'none';
  });
  if (broken.length === 0 || budget.out) return null;
  const rest = rows.filter((r) => !broken.includes(r));
  const brokenKeys = new Set(broken.flatMap((r) => r.keys));
  const usable = identities.filter((id) => !keysOf(id).some((k) => brokenKeys.has(k)));
  const outcome: Outcome =
    rest.length > 0 ? solve(rest, usable, known, budget) : { kind: 'solved', used: [] };
  return outcome.kind === 'none' ? null : { broken, rest, usable, outcome };
}

/**
 * A report that breaks its own identities: settles the rows with all identities but one (and
 * the derived identities that follow from it), then all but those of one figure printed in a
 * row read unambiguously. Keeps what every relaxation that has a solution agrees on.
 */
function relax(
  rows: readonly RowReading[],
  identities: readonly IdentitySpec[],
  known: Values,
  budget: Budget,
  /** 1: one identity at a time; 2: the identities of one figure read without doubt. */
  tier: 1 | 2,
): { outcome: Outcome; broken: IdentitySpec[] } | null {
  const dropWith = (dropped: readonly IdentitySpec[]) => {
    const keys = new Set(dropped.flatMap(keysOf));
    return new Set([
      ...dropped,
      ...identities.filter((i) => i.derived && keysOf(i).some((k) => keys.has(k))),
    ]);
  };
  const drops: Set<IdentitySpec>[] =
    tier === 1
      ? identities.filter((i) => !i.derived).map((i) => dropWith([i]))
      : [...new Set(identities.flatMap(keysOf))]
          .filter((k) => (known[keyNumber(k)] ?? null) !== null)
          .map((k) => dropWith(identities.filter((i) => !i.derived && keysOf(i).includes(k))))
          .filter((s) => s.size > 1);
  {
    const seen = new Set<string>();
    const used: Map<string, number[]>[] = rows.map(() => new Map());
    const broken = new Set<IdentitySpec>();
    for (const drop of drops) {
      const id = [...drop]
        .map((i) => i.id)
        .sort()
        .join('|');
      if (seen.has(id)) continue;
      seen.add(id);
      const outcome = solve(
        rows,
        identities.filter((i) => !drop.has(i)),
        known,
        budget,
      );
      if (outcome.kind === 'budget' || budget.out) return null;
      if (outcome.kind !== 'solved') continue;
      for (const i of drop) if (!i.derived) broken.add(i);
      outcome.used.forEach((candidates, r) => {
        for (const c of candidates) used[r]?.set(c.join(','), c);
      });
    }
    if (broken.size > 0)
      return { outcome: { kind: 'solved', used: used.map((m) => [...m.values()]) }, broken: [...broken] };
  }
  return null;
}

/** The largest figure a cut may give. */
const maxFigure = 1e12;

/** Whether a cell of this type is never negative. */
const nonNegativeType = (t: CellType | undefined) => t !== 'signed int';

/** Powers of ten as `10 ** k` gives them, looked up (the search asks at every step). */
const powers = Array.from({ length: 32 }, (_, k) => 10 ** k);
const pow10 = (k: number): number => (k >= 0 && k < powers.length ? (powers[k] as number) : 10 ** k);

/** Characters of a bound written as a whole number (String(Math.floor(u)).length). */
export function digitsOf(u: number): number {
  if (!(u >= 0 && u < 1e15)) return String(Math.floor(u)).length;
  let digits = 1;
  for (let x = Math.floor(u); x >= 10; x = Math.floor(x / 10)) digits++;
  return digits;
}

/** Digits (0–9) in a run as printed. */
function digitCount(run: string): number {
  let n = 0;
  for (let i = 0; i < run.length; i++) {
    const c = codeAt(run, i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * A row's cuts (its readings, for a row read without cutting) that the identities allow, the
 * cells outside it as read; null when the budget runs out. (Phase 1 of `solve` for one row.)
 */
export function cutsAlone(
  r: RowReading,
  identities: readonly IdentitySpec[],
  known: Values,
  budget: Budget,
): number[][] | null {
  const net = netOf([r], identities);
  const cells = net.keyCells.slice(0, r.keys.length);
  const n = net.keys.length;
  const assignFixed = () => {
    for (let c = r.keys.length; c < n; c++) {
      const v = known[net.numbers[c] as number];
      net.assign(c, v === undefined || v === null ? Number.NaN : v);
    }
  };
  if (r.runs) {
    let longest = 0;
    for (const run of r.runs) longest = Math.max(longest, digitCount(run));
    if (longest <= 12) for (const c of cells) net.ub[c] = 10 ** longest - 1;
  }
  assignFixed();
  net.propagateBounds();
  net.reset();
  assignFixed();
  return r.runs ? cutRow(r.runs, r.types, cells, net, budget) : filterRow(r.candidates, cells, net, budget);
}

/** A net over the identities whose first cells are the rows' cells, in order. */
export function netOf(rows: readonly RowReading[], identities: readonly IdentitySpec[]): IdentityNet {
  const rowKeys: string[] = [];
  const rowTypes: CellType[] = [];
  for (const r of rows)
    for (let k = 0; k < r.keys.length; k++) {
      rowKeys.push(r.keys[k] as string);
      rowTypes.push(r.types[k] as CellType);
    }
  return new IdentityNet(identities, rowKeys, (i) => nonNegativeType(rowTypes[i]));
}

/**
 * Every assignment of cuts to the rows that satisfies the identities: first each row alone
 * (cuts checked against every identity as soon as its last cell is set, and against the bounds
 * of the others), then the rows together, row by row, merging partial assignments that leave the
 * same running sums (so the work grows with the sums, not with the product of the rows' cuts).
 */
export function solve(
  rows: readonly RowReading[],
  identities: readonly IdentitySpec[],
  known: Values,
  budget: Budget,
  /** Identities (indexes in `identities`) switched off: they say nothing. */
  off: readonly number[] = [],
  /** A net over `identities` to use (its bounds and state are set again), and each row's cells in it. */
  shared?: { net: IdentityNet; cells: readonly (readonly number[])[] },
): Outcome {
  let net: IdentityNet;
  const rowCells: number[][] = [];
  const local: (number[][] | null)[] = [];
  const pinned: boolean[] = [];
  if (shared) {
    net = shared.net;
    net.ub.fill(Number.POSITIVE_INFINITY);
    net.switchOff(off);
    for (const cells of shared.cells) {
      rowCells.push(cells.slice());
      local.push(null);
      pinned.push(false);
    }
  } else {
    net = netOf(rows, identities);
    if (off.length > 0) net.switchOff(off);
    // The arrays a row are pushed onto literals, as in rows.ts (a solve without rows gets the same
    // shapes).
    let at = 0;
    for (const r of rows) {
      const from = at;
      at += r.keys.length;
      rowCells.push(net.keyCells.slice(from, at));
      local.push(null);
      pinned.push(false);
    }
  }
  const openCell = new Uint8Array(net.keys.length);
  for (const cells of rowCells) for (const c of cells) openCell[c] = 1;
  // Cells outside these rows: as read, or blank when no row holds them.
  const fixedCells: number[] = [];
  const fixedValues: number[] = [];
  for (let c = 0; c < net.keys.length; c++) {
    if (openCell[c]) continue;
    const v = known[net.numbers[c] as number];
    fixedCells.push(c);
    fixedValues.push(v === undefined || v === null ? Number.NaN : v);
  }
  const assignFixed = () => {
    for (let f = 0; f < fixedCells.length; f++) net.assign(fixedCells[f] as number, fixedValues[f] as number);
  };
  // A figure cut from a run has at most as many digits as the longest run.
  rows.forEach((r, i) => {
    if (!r.runs) return;
    let longest = 0;
    for (const run of r.runs) longest = Math.max(longest, digitCount(run));
    // (Bounds stay exact sums in floating point only up to 12 digits.)
    if (longest <= 12) for (const c of rowCells[i] as number[]) net.ub[c] = 10 ** longest - 1;
  });
  const reassign = () => {
    net.reset();
    assignFixed();
    rows.forEach((_, i) => {
      if (!pinned[i]) return;
      (rowCells[i] as number[]).forEach((c, k) => {
        net.assign(c, local[i]?.[0]?.[k] as number);
      });
    });
  };
  assignFixed();
  net.propagateBounds();
  reassign();

  // 1. Each row alone, until no row is pinned down further (a row with one reading is set).
  for (let round = 0; round < 4; round++) {
    let pinnedNow = false;
    for (let i = 0; i < rows.length; i++) {
      if (pinned[i]) continue;
      const r = rows[i] as RowReading;
      const found = r.runs
        ? cutRow(r.runs, r.types, rowCells[i] as number[], net, budget)
        : filterRow(r.candidates, rowCells[i] as number[], net, budget);
      if (found === null) return { kind: 'budget', local };
      local[i] = found;
      if (found.length === 0) return { kind: 'none', local };
      if (found.length === 1) {
        pinned[i] = true;
        pinnedNow = true;
        (rowCells[i] as number[]).forEach((c, k) => {
          net.assign(c, found[0]?.[k] as number);
        });
      }
    }
    if (!pinnedNow) break;
    // Bounds from the readings left: each cell at most its largest reading.
    rows.forEach((_, i) => {
      if (pinned[i]) return;
      (rowCells[i] as number[]).forEach((c, k) => {
        let most = Number.NEGATIVE_INFINITY;
        for (const cand of local[i] as number[][])
          most = Math.max(
            most,
            Number.isNaN(cand[k] as number) ? Number.POSITIVE_INFINITY : (cand[k] as number),
          );
        if (most < (net.ub[c] as number)) net.ub[c] = most;
      });
    });
    net.propagateBounds();
    reassign();
  }
  if (pinned.every((p) => p)) return { kind: 'solved', used: local.map((l) => l ?? []) };

  // 2. The rows with several readings, together.
  const free: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!pinned[i]) free.push(i);
  const used = joint(
    free.map((i) => ({ cells: rowCells[i] as number[], candidates: local[i] as number[][] })),
    net,
    budget,
  );
  if (used === null) return { kind: 'budget', local };
  if (used.length === 0) return { kind: 'none', local };
  const result = local.map((l) => l ?? []);
  free.forEach((i, f) => {
    result[i] = (used[f] as number[]).map((j) => (local[i] as number[][])[j] as number[]);
  });
  return { kind: 'solved', used: result };
}

/** The candidates of a row (read without cutting) that the identities allow. */
function filterRow(
  candidates: readonly CellValue[][],
  cells: readonly number[],
  net: IdentityNet,
  budget: Budget,
): number[][] | null {
  const out: number[][] = [];
  for (const cand of candidates) {
    if (!budget.spend(cells.length)) return null;
    const values = cand.map((v) => (v === null ? Number.NaN : v));
    let ok = true;
    let set = 0;
    for (; set < cells.length; set++) {
      if (net.assign(cells[set] as number, values[set] as number) !== 'ok') {
        ok = false;
        set++;
        break;
      }
    }
    for (let k = set - 1; k >= 0; k--) net.unassign(cells[k] as number);
    if (ok) out.push(values);
  }
  return out;
}

/**
 * Every cut of a row's runs into its cells that the identities allow, each cell checked as it is
 * set. Whitespace between runs is always a cut; each piece must fit its cell's type. The last
 * cell (a row's total, in tables 三 and 四) is cut first, from the end of the last run, so that
 * the cells before it are bounded by it; a cell that an identity forces (every other cell of the
 * identity set) is only compared with the text.
 */
export function cutRow(
  runs: readonly string[],
  types: readonly CellType[],
  cells: readonly number[],
  net: IdentityNet,
  budget: Budget,
): number[][] | null {
  const out: number[][] = [];
  const n = cells.length;
  const values: number[] = new Array(n).fill(0);
  let exhausted = false;
  let parts: string[] = [];
  const after: number[] = [];
  const room: number[] = new Array(n).fill(0);
  let closing: { id: number; sign: number; at: number[] }[] = [];
  // Cuts cells [cell, n − 1) from parts[run] at offset onwards.
  const walk = (run: number, offset: number, cell: number): void => {
    if (run === parts.length) {
      if (cell === n - 1) out.push([...values]);
      return;
    }
    const left = n - 1 - cell;
    if (left === 0 || left < parts.length - run) return;
    const text = parts[run] as string;
    // Each cell takes at most as many characters as its bound has digits: the rest must fit.
    const rest = text.length - offset + (after[run + 1] as number);
    if (rest > (room[cell] as number)) return;
    // The identities of the last cell whose open cells are all cells left in this row: what
    // those cells must still add up to can't exceed what the characters left can write.
    for (const { id, sign, at } of closing) {
      let m = 0;
      for (const k of at) if (k >= cell) m++;
      if (m === 0) continue;
      const need = sign * net.diffOf(id);
      if (need > m * (pow10(rest - left + 1) - 1)) return;
    }
    const c = cells[cell] as number;
    const type = types[cell] as CellType;
    const ub = net.ub[c] as number;
    // This cell takes the rest of its run when each later run needs a cell of its own.
    const last = left - 1 === parts.length - run - 1;
    const forced = type === 'int' ? net.forced(c) : Number.NaN;
    if (!Number.isNaN(forced)) {
      if (!budget.spend()) {
        exhausted = true;
        return;
      }
      if (forced < 0 || !Number.isInteger(forced)) return;
      const piece = String(forced);
      if (!text.startsWith(piece, offset)) return;
      const end = offset + piece.length;
      if (last && end !== text.length) return;
      values[cell] = forced;
      if (net.assign(c, forced) === 'ok') {
        if (end === text.length) walk(run + 1, 0, cell + 1);
        else walk(run, end, cell + 1);
      }
      net.unassign(c);
      return;
    }
    const digitsOnly = type === 'int';
    let value = 0;
    for (let end = offset + 1; end <= text.length; end++) {
      if (!budget.spend()) {
        exhausted = true;
        return;
      }
      let v: number | null;
      if (digitsOnly) {
        const d = codeAt(text, end - 1) - 48;
        if (d < 0 || d > 9) break;
        // A count of several digits never starts with 0.
        if (end - offset > 1 && codeAt(text, offset) === 48) break;
        value = value * 10 + d;
        v = value;
      } else {
        const piece = text.slice(offset, end);
        v = parseFigure(piece, type);
        if (v === null) {
          if (zeroLed(piece)) break;
          continue;
        }
      }
      // Longer pieces only grow: past the cell's bound (or 12 digits, where sums stop being exact
      // in floating point and no count of a report goes) nothing longer fits.
      if ((v > ub || v > maxFigure) && v >= 0 && (digitsOnly || text.indexOf('.', offset) < 0)) break;
      if (last && end !== text.length) continue;
      values[cell] = v;
      const verdict = net.assign(c, v);
      if (verdict === 'ok') {
        if (end === text.length) walk(run + 1, 0, cell + 1);
        else walk(run, end, cell + 1);
      }
      net.unassign(c);
      if (exhausted) return;
      // A longer piece of digits is a larger figure: it fails too.
      if (verdict === 'over' && v >= 0 && (digitsOnly || !text.includes('.', offset))) break;
    }
  };
  const lastRun = runs[runs.length - 1] as string;
  const lastCell = cells[n - 1] as number;
  const lastType = types[n - 1] as CellType;
  for (let start = lastRun.length - 1; start >= 0; start--) {
    if (!budget.spend()) return null;
    const piece = lastRun.slice(start);
    const v = parseFigure(piece, lastType);
    if (v === null) continue;
    if ((v > maxFigure || v > (net.ub[lastCell] as number)) && v >= 0 && !piece.includes('.')) break;
    // (Pushed onto a literal, as the runs are: one kind of array for `walk`.)
    parts = [];
    for (let r = 0; r < runs.length - 1; r++) parts.push(runs[r] as string);
    if (start > 0) parts.push(lastRun.slice(0, start));
    if (n === 1 ? parts.length > 0 : parts.length === 0) continue;
    // Characters of the parts after each one.
    after.length = parts.length + 1;
    after[parts.length] = 0;
    for (let r = parts.length - 1; r >= 0; r--)
      after[r] = (after[r + 1] as number) + (parts[r] as string).length;
    values[n - 1] = v;
    const verdict = net.assign(lastCell, v);
    if (verdict === 'ok') {
      if (n === 1) out.push([v]);
      else {
        const restore = net.boundFrom(lastCell);
        // Characters the cells from each one on can take at most.
        for (let k = n - 2; k >= 0; k--) {
          const u = net.ub[cells[k] as number] as number;
          const chars = types[k] === 'int' && u < maxFigure ? digitsOf(u) : 13;
          room[k] = (room[k + 1] as number) + chars;
        }
        closing = closingIdentities(lastCell, cells, net);
        walk(0, 0, 0);
        for (let k = restore.length - 2; k >= 0; k -= 2)
          net.setUb(restore[k] as number, restore[k + 1] as number);
      }
    }
    net.unassign(lastCell);
    if (exhausted) return null;
    // A longer suffix is a larger figure: it fails too.
    if (verdict === 'over' && v >= 0 && !piece.includes('.')) break;
  }
  return out;
}

/**
 * Identities of counts through `last` (set) whose other open cells are all cells of the row, all
 * on the other side: with the row index of each such cell.
 */
function closingIdentities(
  last: number,
  cells: readonly number[],
  net: IdentityNet,
): { id: number; sign: number; at: number[] }[] {
  const out: { id: number; sign: number; at: number[] }[] = [];
  for (let e = net.edgeStart[last] as number; e < (net.edgeStart[last + 1] as number); e++) {
    const id = net.edgeId[e] as number;
    const sign = net.edgeSign[e] as number;
    if (!net.isBounded(id) || net.hasBlank(id)) continue;
    const at: number[] = [];
    let usable = true;
    const ids = net.cellsOf[id] as number[];
    const nl = net.leftOf(id);
    for (let i = 0; i < ids.length; i++) {
      const cell = ids[i] as number;
      if (net.assigned[cell]) continue;
      const k = cells.indexOf(cell);
      if (k < 0 || (i < nl ? 1 : -1) === sign) {
        usable = false;
        break;
      }
      at.push(k);
    }
    if (usable && at.length > 0) out.push({ id, sign, at });
  }
  return out;
}

/**
 * The rows together, row by row: a state is the running left − right of every identity that
 * spans the rows, so partial assignments that leave the same sums are one state. Returns, for
 * each row, the candidates some complete assignment uses (empty when none), or null when the
 * budget ran out.
 */
function joint(
  rows: readonly { cells: number[]; candidates: number[][] }[],
  net: IdentityNet,
  budget: Budget,
): number[][] | null {
  // Identities that span these rows, and the last row of each.
  const rowOfCell = new Map<number, number>();
  rows.forEach((r, i) => {
    for (const c of r.cells) rowOfCell.set(c, i);
  });
  const ids: number[] = [];
  const lastRow: number[] = [];
  for (let id = 0; id < net.identities.length; id++) {
    let last = -1;
    let count = 0;
    for (const c of net.cellsOf[id] as number[]) {
      const row = rowOfCell.get(c);
      if (row !== undefined) {
        count++;
        last = Math.max(last, row);
      }
    }
    if (count > 0) {
      ids.push(id);
      lastRow.push(last);
    }
  }
  const J = ids.length;
  const slot = new Map(ids.map((id, j) => [id, j]));
  // Each candidate's contribution to each identity.
  const deltas = rows.map((r) =>
    r.candidates.map((cand) => {
      const d = new Float64Array(J);
      r.cells.forEach((c, k) => {
        for (let e = net.edgeStart[c] as number; e < (net.edgeStart[c + 1] as number); e++) {
          const j = slot.get(net.edgeId[e] as number);
          if (j !== undefined) d[j] = (d[j] as number) + (net.edgeSign[e] as number) * (cand[k] as number);
        }
      });
      return d;
    }),
  );
  // Largest sum the rows after each row can still add on each side (Infinity unknown).
  const capAfter: { left: Float64Array; right: Float64Array }[] = rows.map(() => ({
    left: new Float64Array(J),
    right: new Float64Array(J),
  }));
  for (let i = rows.length - 2; i >= 0; i--) {
    const next = capAfter[i + 1] as { left: Float64Array; right: Float64Array };
    const here = capAfter[i] as { left: Float64Array; right: Float64Array };
    here.left.set(next.left);
    here.right.set(next.right);
    const r = rows[i + 1] as { cells: number[] };
    for (const c of r.cells)
      for (let e = net.edgeStart[c] as number; e < (net.edgeStart[c + 1] as number); e++) {
        const j = slot.get(net.edgeId[e] as number);
        if (j === undefined) continue;
        const side = (net.edgeSign[e] as number) > 0 ? here.left : here.right;
        side[j] =
          (side[j] as number) + (net.nonNegative[c] ? (net.ub[c] as number) : Number.POSITIVE_INFINITY);
      }
  }
  const base = new Float64Array(J);
  ids.forEach((id, j) => {
    base[j] = net.hasBlank(id) ? Number.NaN : net.diffOf(id);
  });
  const bounded = ids.map((id) => net.isBounded(id));

  interface State {
    diff: Float64Array;
    /** Pairs (state of the layer before, candidate). */
    edges: number[];
  }
  let layer: State[] = [{ diff: base, edges: [] }];
  const layers: State[][] = [layer];
  for (let i = 0; i < rows.length; i++) {
    const next: State[] = [];
    const byKey = new Map<string, number>();
    const cands = deltas[i] as Float64Array[];
    const caps = capAfter[i] as { left: Float64Array; right: Float64Array };
    for (let s = 0; s < layer.length; s++) {
      const from = (layer[s] as State).diff;
      for (let c = 0; c < cands.length; c++) {
        if (!budget.spend(1 + (J >> 3))) return null;
        const delta = cands[c] as Float64Array;
        const diff = new Float64Array(J);
        let ok = true;
        for (let j = 0; j < J; j++) {
          const d = (from[j] as number) + (delta[j] as number);
          diff[j] = d;
          if (Number.isNaN(d)) continue;
          if ((lastRow[j] as number) === i) {
            // Its last row: it holds or this path dies (cells outside the rows are set).
            if (Math.abs(d) >= 1e-9) {
              ok = false;
              break;
            }
          } else if ((lastRow[j] as number) > i && bounded[j]) {
            if (d - (caps.right[j] as number) > 1e-9 || d + (caps.left[j] as number) < -1e-9) {
              ok = false;
              break;
            }
          }
        }
        if (!ok) continue;
        const key = diff.join(',');
        let at = byKey.get(key);
        if (at === undefined) {
          at = next.length;
          byKey.set(key, at);
          next.push({ diff, edges: [] });
        }
        (next[at] as State).edges.push(s, c);
      }
    }
    layer = next;
    layers.push(layer);
    if (layer.length === 0) return [];
  }
  // Back from every complete assignment: the candidates on some path are used.
  const used = rows.map(() => new Set<number>());
  let live = new Set<number>(layer.map((_, s) => s));
  for (let i = rows.length - 1; i >= 0; i--) {
    const before = new Set<number>();
    const states = layers[i + 1] as State[];
    for (const s of live) {
      const edges = (states[s] as State).edges;
      for (let e = 0; e < edges.length; e += 2) {
        before.add(edges[e] as number);
        used[i]?.add(edges[e + 1] as number);
      }
    }
    live = before;
  }
  return used.map((s) => [...s].sort((a, b) => a - b));
}
