import type { Point } from '../core/finding.js';
import type { CellValue } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import type { IdentitySpec } from '../spec/types.js';
import type { RowReading } from './figures.js';
import { rowLabel } from './rows.js';
import { pointOf } from './tokens.js';

type Values = Map<string, CellValue>;

const sum = (keys: readonly string[], values: Values): number | null => {
  let total = 0;
  for (const key of keys) {
    const v = values.get(key);
    if (v === undefined || v === null) return null;
    total += v;
  }
  return total;
};

/** True, false, or null when a key is unknown or blank. */
function holds(identity: IdentitySpec, values: Values): boolean | null {
  const left = sum(identity.left, values);
  const right = sum(identity.right, values);
  if (left === null || right === null) return null;
  return Math.abs(left - right) < 1e-9;
}

const withRow = (base: Values, reading: RowReading, candidate: readonly CellValue[]): Values => {
  const values = new Map(base);
  reading.keys.forEach((key, i) => {
    values.set(key, candidate[i] ?? null);
  });
  return values;
};

export const describe = (candidate: readonly CellValue[]) =>
  `（${candidate.map((v) => (v === null ? '空' : v)).join('，')}）`;

/**
 * Settles rows whose figures ran together and could be cut in several ways, using the identities
 * of the format: a cut is kept only if some assignment of all such rows satisfies every identity
 * that can be evaluated. Cells that differ between the cuts left are blank, with an error naming
 * the candidates. Returns the values of every cell read.
 */
export interface Settled {
  values: Values;
  /** Rows left with several readings, and the readings still possible. */
  unsettled: { reading: RowReading; candidates: CellValue[][] }[];
}

export function settle(
  readings: readonly RowReading[],
  identities: readonly IdentitySpec[],
  file: SourceFile,
): Settled {
  const known: Values = new Map();
  const open: RowReading[] = [];
  for (const r of readings) {
    if (r.candidates.length === 1)
      r.keys.forEach((k, i) => {
        known.set(k, r.candidates[0]?.[i] ?? null);
      });
    else open.push(r);
  }
  const unsettled: Settled['unsettled'] = [];
  if (open.length === 0) return { values: known, unsettled };

  const keysOf = new Map<RowReading, Set<string>>(open.map((r) => [r, new Set(r.keys)]));
  const relevant = identities.filter((id) =>
    [...id.left, ...id.right].some((k) => open.some((r) => keysOf.get(r)?.has(k))),
  );

  // 1. Each row alone: keep the cuts that satisfy the identities over this row and known cells.
  const broken = new Set<RowReading>();
  const local = new Map<RowReading, number[]>();
  for (const r of open) {
    const own = relevant.filter((id) =>
      [...id.left, ...id.right].every(
        (k) => keysOf.get(r)?.has(k) || (known.has(k) && known.get(k) !== null),
      ),
    );
    const kept = r.candidates.flatMap((c, i) =>
      own.every((id) => holds(id, withRow(known, r, c)) !== false) ? [i] : [],
    );
    if (kept.length === 0) {
      broken.add(r);
      local.set(
        r,
        r.candidates.map((_, i) => i),
      );
    } else local.set(r, kept);
  }

  // 2. Rows linked by identities, together: every combination that satisfies the identities
  //    that can be evaluated. Rows that share no identity are settled apart.
  const brokenKeys = new Set([...broken].flatMap((r) => r.keys));
  const usable = relevant.filter((id) => ![...id.left, ...id.right].some((k) => brokenKeys.has(k)));
  const used = new Map<RowReading, Set<number>>();
  for (const component of components(
    open.filter((r) => !broken.has(r)),
    usable,
    keysOf,
  )) {
    const result = search(component, usable, known, local);
    if (result) for (const [r, indexes] of result) used.set(r, indexes);
  }

  for (const r of open) {
    let indexes = local.get(r) ?? [];
    const settled = used.get(r);
    if (!broken.has(r) && settled && settled.size > 0) indexes = [...settled];
    const candidates = indexes.map((i) => r.candidates[i] as CellValue[]);
    const settledValues = r.keys.map((_, k) => {
      const first = candidates[0]?.[k] ?? null;
      return candidates.every((c) => c[k] === first) ? first : null;
    });
    r.keys.forEach((key, k) => {
      known.set(key, settledValues[k] ?? null);
    });
    if (candidates.length === 1 && !broken.has(r)) {
      if (r.candidates.length > 1)
        file.info(
          'assemble.split-settled',
          `「${rowName(r)}」的数字「${r.printed}」连在一起，按表内勾稽关系唯一拆分为${describe(candidates[0] as CellValue[])}`,
          { place: place(r), keys: r.keys },
        );
      continue;
    }
    unsettled.push({ reading: r, candidates });
    const listed = candidates.slice(0, 12).map(describe).join('、') + (candidates.length > 12 ? ' 等' : '');
    file.error(
      broken.has(r) ? 'assemble.split-inconsistent' : 'assemble.split-ambiguous',
      broken.has(r)
        ? `「${rowName(r)}」的数字「${r.printed}」连在一起，任何拆分都不满足本行的勾稽关系（候选：${listed}），无法确定的单元格记为空值`
        : `「${rowName(r)}」的数字「${r.printed}」连在一起，有 ${candidates.length} 种拆分都说得通（${listed}），无法确定的单元格记为空值`,
      { place: place(r), keys: r.keys, actual: r.printed },
    );
  }
  return { values: known, unsettled };
}

export const rowName = (r: RowReading) => rowLabel(r.location);
export const place = (r: RowReading): Point | null => pointOf(r.token);

/** Groups rows that share an identity (directly or through other rows). */
function components(
  rows: readonly RowReading[],
  identities: readonly IdentitySpec[],
  keysOf: Map<RowReading, Set<string>>,
): RowReading[][] {
  const parent = new Map<RowReading, RowReading>(rows.map((r) => [r, r]));
  const find = (r: RowReading): RowReading => {
    let p = parent.get(r) as RowReading;
    while (p !== parent.get(p)) p = parent.get(p) as RowReading;
    parent.set(r, p);
    return p;
  };
  for (const id of identities) {
    const keys = [...id.left, ...id.right];
    const linked = rows.filter((r) => keys.some((k) => keysOf.get(r)?.has(k)));
    for (const r of linked.slice(1)) parent.set(find(r), find(linked[0] as RowReading));
  }
  const groups = new Map<RowReading, RowReading[]>();
  for (const r of rows) {
    const root = find(r);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  }
  return [...groups.values()];
}

/**
 * Every assignment of candidates to the rows that satisfies the identities that can be
 * evaluated; returns, for each row, the candidates some solution uses, or null when the search
 * hit its limits or found no solution.
 */
function search(
  rows: readonly RowReading[],
  identities: readonly IdentitySpec[],
  known: Values,
  local: Map<RowReading, number[]>,
): Map<RowReading, Set<number>> | null {
  const rowKeys = new Set(rows.flatMap((r) => r.keys));
  const mine = identities.filter((id) => [...id.left, ...id.right].some((k) => rowKeys.has(k)));
  const used = new Map<RowReading, Set<number>>(rows.map((r) => [r, new Set<number>()]));
  let solutions = 0;
  let steps = 0;
  const stepLimit = 200000;
  const solutionLimit = 2000;
  const choose = (index: number, values: Values): boolean => {
    if (++steps > stepLimit || solutions > solutionLimit) return false;
    const evaluable = mine.filter((id) => [...id.left, ...id.right].every((k) => values.has(k)));
    if (evaluable.some((id) => holds(id, values) === false)) return false;
    if (index === rows.length) {
      solutions++;
      return true;
    }
    const r = rows[index] as RowReading;
    let any = false;
    for (const i of local.get(r) ?? []) {
      if (choose(index + 1, withRow(values, r, r.candidates[i] as CellValue[]))) {
        used.get(r)?.add(i);
        any = true;
      }
    }
    return any;
  };
  choose(0, known);
  if (steps > stepLimit || solutions > solutionLimit || solutions === 0) return null;
  return used;
}
