import { cellKeys, cellsOf } from '../../spec/registry.js';
import type { CellSpec, FormatSpec } from '../../spec/types.js';
import { cellPlace, formatNumber, numbersOf } from '../cells.js';
import type { Check } from '../types.js';

const cellLists = new WeakMap<FormatSpec, CellSpec[]>();

/** The cells of the format in codebook order (the places of `numbersOf`). */
function cellList(spec: FormatSpec): CellSpec[] {
  let list = cellLists.get(spec);
  if (!list) {
    const cells = cellsOf(spec);
    list = cellKeys(spec).map((key) => cells.get(key)?.cell as CellSpec);
    cellLists.set(spec, list);
  }
  return list;
}

/** Each figure against its cell type: counts are whole, and only signed counts may be negative. */
export const checkValues: Check = (input, file) => {
  const numbers = numbersOf(input);
  const cells = cellList(input.spec);
  for (let at = 0; at < cells.length; at++) {
    const value = numbers[at] as number;
    // Most figures are whole and not negative: nothing to say whatever their type (NaN: no value).
    if (Number.isNaN(value) || (value >= 0 && Number.isInteger(value))) continue;
    const { key, type } = cells[at] as CellSpec;
    if (value < 0 && type !== 'signed int')
      file.error('check.negative', `单元格「${key}」为负数 ${formatNumber(value)}，此处只能填写非负数`, {
        place: cellPlace(input, [key]),
        keys: [key],
        actual: formatNumber(value),
        expected: '≥ 0',
      });
    if (!Number.isInteger(value) && (type === 'int' || type === 'signed int'))
      file.error('check.fractional', `单元格「${key}」为小数 ${formatNumber(value)}，此处应为整数（件数）`, {
        place: cellPlace(input, [key]),
        keys: [key],
        actual: formatNumber(value),
        expected: '整数',
      });
  }
};
