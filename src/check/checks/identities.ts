import { cellsOf } from '../../spec/registry.js';
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
  /** Every cell a count or an amount, none of them negative (no 「本年增/减」). */
  unsigned: boolean;
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
    const cells = cellsOf(spec);
    plan = sides.map((s) => ({
      ...s,
      unsigned: [...s.identity.left, ...s.identity.right].every((key) => {
        const type = cells.get(key)?.cell.type;
        return type !== undefined && type !== 'signed int';
      }),
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
    if (leftSum === null && rightSum === null) continue;
    if (leftSum === null || rightSum === null) {
      if (planned.unsigned) checkBound(input, file, numbers, planned, leftSum, rightSum);
      continue;
    }
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

/**
 * An identity one side of which has blank cells, every cell a count or an amount (never
 * negative): whatever the blanks hold, that side is at least the sum of its known cells, so where
 * that already passes the other side, complete, the identity cannot hold (「二、上年结转」 read
 * 20 12 _ 0 0 37 with 总计 0: a row's figures shifted by one, its first written after its last).
 */
function checkBound(
  input: Parameters<Check>[0],
  file: Parameters<Check>[1],
  numbers: Float64Array,
  planned: Planned,
  leftSum: number | null,
  rightSum: number | null,
): void {
  const open = leftSum === null ? planned.left : planned.right;
  const whole = (leftSum ?? rightSum) as number;
  let known = 0;
  let blanks = 0;
  for (const place of open) {
    const value = numbers[place];
    if (value === undefined || Number.isNaN(value)) blanks++;
    else known += value;
  }
  if (known <= whole + 1e-9) return;
  const { identity } = planned;
  const keys = [...identity.left, ...identity.right];
  const side = leftSum === null ? '左边' : '右边';
  const other = leftSum === null ? '右边' : '左边';
  file.error(
    identity.code,
    `勾稽关系不成立：${identity.description}，${side}有 ${blanks} 格空白，其余各格之和已为 ${formatNumber(known)}，大于${other}的 ${formatNumber(whole)}`,
    {
      place: cellPlace(input, keys),
      keys,
      actual: formatNumber(known),
      expected: formatNumber(whole),
    },
  );
}
