/**
 * The sets of identities whose relaxing stands for one figure printed wrong, or for one identity
 * that does not hold in the report: what fragile.ts cuts the rows again under.
 */
import type { IdentitySpec } from '../spec/types.js';
import { numbersOf } from './net.js';

const identitySerials = new WeakMap<IdentitySpec, number>();
let nextSerial = 0;
const relaxationsByIdentities = new Map<string, number[][]>();
/** Lists of identities whose relaxations are kept at most (a long-lived process starts again). */
const relaxationLimit = 256;

/**
 * The sets of identities to relax, as indexes in `identities`: for each cell, every identity it
 * is in (one figure printed wrong breaks exactly those), and for each identity not derived, it
 * and the derived identities that share a cell with it (as `relax` drops one). Only the sets no
 * other set holds: a cut that fits with some identities relaxed fits with more relaxed. Kept for
 * the same identities, as the nets' shapes are.
 */
export function relaxations(identities: readonly IdentitySpec[]): readonly number[][] {
  let key = '';
  for (const identity of identities) {
    let n = identitySerials.get(identity);
    if (n === undefined) {
      n = nextSerial++;
      identitySerials.set(identity, n);
    }
    key += `${n},`;
  }
  const cached = relaxationsByIdentities.get(key);
  if (cached) return cached;
  const byNumber = new Map<number, number[]>();
  identities.forEach((identity, i) => {
    for (const n of numbersOf(identity)) {
      const list = byNumber.get(n);
      if (list === undefined) byNumber.set(n, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  const sets: number[][] = [...byNumber.values()];
  identities.forEach((identity, i) => {
    if (identity.derived) return;
    const mine = new Set(numbersOf(identity));
    const set: number[] = [];
    identities.forEach((other, j) => {
      if (j === i || (other.derived && numbersOf(other).some((n) => mine.has(n)))) set.push(j);
    });
    sets.push(set);
  });
  // Largest first; a set another holds (or one that came before) is left out: looked for among
  // the sets kept that hold its identity held by fewest.
  sets.sort((a, b) => b.length - a.length);
  const out: number[][] = [];
  const masks: Uint8Array[] = [];
  const holding: number[][] = identities.map(() => []);
  for (const set of sets) {
    let among = holding[set[0] as number] as number[];
    for (const id of set)
      if ((holding[id] as number[]).length < among.length) among = holding[id] as number[];
    if (among.some((j) => set.every((id) => (masks[j] as Uint8Array)[id] === 1))) continue;
    const mask = new Uint8Array(identities.length);
    for (const id of set) {
      mask[id] = 1;
      holding[id]?.push(out.length);
    }
    out.push(set);
    masks.push(mask);
  }
  if (relaxationsByIdentities.size >= relaxationLimit) relaxationsByIdentities.clear();
  relaxationsByIdentities.set(key, out);
  return out;
}
