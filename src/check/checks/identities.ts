import type { IdentitySpec } from '../../spec/types.js';
import { cellPlace, cellValues, formatNumber, sum } from '../cells.js';
import type { Check } from '../types.js';

const sameKeys = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * The linear identities of the format (`spec.identities`): sum(left) = sum(right) wherever every
 * cell is known. A derived identity stands in only for a non-derived one with the same code and
 * left side that can't be checked (（七）总计 blank → 一 + 二 = Σ办理结果 + 四).
 */
export const checkIdentities: Check = (input, file) => {
  const { spec } = input;
  const checkable = (identity: IdentitySpec) =>
    cellValues(input, identity.left) !== null && cellValues(input, identity.right) !== null;

  for (const identity of spec.identities) {
    if (
      identity.derived &&
      spec.identities.some(
        (other) =>
          !other.derived &&
          other.code === identity.code &&
          sameKeys(other.left, identity.left) &&
          checkable(other),
      )
    )
      continue;
    const left = cellValues(input, identity.left);
    const right = cellValues(input, identity.right);
    if (left === null || right === null) continue;
    const leftSum = sum(left);
    const rightSum = sum(right);
    if (Math.abs(leftSum - rightSum) < 1e-9) continue;
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
