/**
 * The format's identities among one row's own cells (table 三's 总计 of a row, table 四's of each
 * group), worked out once per format and row.
 */
import type { CellSpec, FormatSpec } from '../spec/types.js';

/** An identity among one row's cells, as the indexes of its cells in the row. */
export interface RowIdentity {
  left: readonly number[];
  right: readonly number[];
}

/** The identities of a format whose cells are all one row's own, by format and row (worked out once). */
const rowIdentities = new WeakMap<FormatSpec, WeakMap<readonly CellSpec[], readonly RowIdentity[]>>();

export function identitiesOfRow(spec: FormatSpec, cells: readonly CellSpec[]): readonly RowIdentity[] {
  let ofSpec = rowIdentities.get(spec);
  if (!ofSpec) {
    ofSpec = new WeakMap();
    rowIdentities.set(spec, ofSpec);
  }
  let found = ofSpec.get(cells);
  if (!found) {
    // A key named twice in a row stands for its last cell (as a map by key would keep it).
    const index = new Map<string, number>();
    for (let i = 0; i < cells.length; i++) index.set((cells[i] as CellSpec).key, i);
    const within: RowIdentity[] = [];
    for (const identity of spec.identities) {
      const keys = [...identity.left, ...identity.right];
      if (keys.every((k) => index.has(k)))
        within.push({
          left: identity.left.map((k) => index.get(k) as number),
          right: identity.right.map((k) => index.get(k) as number),
        });
    }
    found = within;
    ofSpec.set(cells, found);
  }
  return found;
}

/**
 * How many of a row's own identities (see identitiesOfRow) these values check, in the row's cell
 * order (a null value, a blank cell, leaves its identities unchecked); −1 when one is broken.
 */
export function identitiesChecked(
  within: readonly RowIdentity[],
  values: readonly (number | null)[],
): number {
  let checked = 0;
  for (const { left, right } of within) {
    let sumLeft = 0;
    let sumRight = 0;
    let blank = false;
    for (const i of left) {
      const v = values[i] ?? null;
      if (v === null) blank = true;
      else sumLeft += v;
    }
    for (const i of right) {
      const v = values[i] ?? null;
      if (v === null) blank = true;
      else sumRight += v;
    }
    if (blank) continue;
    if (sumLeft !== sumRight) return -1;
    checked++;
  }
  return checked;
}
