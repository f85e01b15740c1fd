import type { FormatSpec, IdentitySpec } from '../../spec/types.js';
import { cellPlace, formatNumber, keyIndex, numbersOf, sumAt } from '../cells.js';
import type { Check } from '../types.js';

const sameKeys = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((key, i) => key === b[i]);

/** An identity with its sides as codebook places. */
interface Sides {
  identity: IdentitySpec;
  left: number[];
  right: number[];
}

interface Planned extends Sides {
  /** For a derived identity: the non-derived ones it stands in for (same code and left side). */
  standsInFor: Sides[];
}

const plans = new WeakMap<FormatSpec, Planned[]>();

/** The identities of a format, their keys looked up once. */
function planOf(spec: FormatSpec): Planned[] {
  let plan = plans.get(spec);
  if (!plan) {
    const index = keyIndex(spec);
    // A key outside the codebook has no value: the identity is never checked.
    const places = (keys: readonly string[]) => keys.map((key) => index.get(key) ?? -1);
    const sides = spec.identities.map((identity) => ({
      identity,
      left: places(identity.left),
      right: places(identity.right),
    }));
    plan = sides.map((s) => ({
      ...s,
      standsInFor: s.identity.derived
        ? sides.filter(
            ({ identity: other }) =>
              !other.derived && other.code === s.identity.code && sameKeys(other.left, s.identity.left),
          )
        : [],
    }));
    plans.set(spec, plan);
  }
  return plan;
}

/**
 * The linear identities of the format (`spec.identities`): sum(left) = sum(right) wherever every
 * cell is known. A derived identity stands in only for a non-derived one with the same code and
 * left side that can't be checked (（七）总计 blank → 一 + 二 = Σ办理结果 + 四).
 */
export const checkIdentities: Check = (input, file) => {
  const numbers = numbersOf(input);
  const checkable = ({ left, right }: Sides) =>
    sumAt(numbers, left) !== null && sumAt(numbers, right) !== null;

  for (const planned of planOf(input.spec)) {
    if (planned.standsInFor.some(checkable)) continue;
    const leftSum = sumAt(numbers, planned.left);
    const rightSum = sumAt(numbers, planned.right);
    if (leftSum === null || rightSum === null) continue;
    if (Math.abs(leftSum - rightSum) < 1e-9) continue;
    const { identity } = planned;
    const keys = [...identity.left, ...identity.right];
    file.error(
      identity.code,
      `勾稽关系不成立：${identity.description}，左边为 ${formatNumber(leftSum)}，右边为 ${formatNumber(rightSum)}`,
      {
        place: cellPlace(input, keys),
        keys,
        actual: formatNumber(leftSum),
        expected: formatNumber(rightSum),
      },
    );
  }
};
