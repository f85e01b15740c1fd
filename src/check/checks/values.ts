import { cellsOf } from '../../spec/registry.js';
import { cellPlace, cellValue, formatNumber } from '../cells.js';
import type { Check } from '../types.js';

/** Each figure against its cell type: counts are whole, and only signed counts may be negative. */
export const checkValues: Check = (input, file) => {
  for (const [key, { cell }] of cellsOf(input.spec)) {
    const value = cellValue(input, key);
    if (value === null) continue;
    if (value < 0 && cell.type !== 'signed int')
      file.error('check.negative', `单元格「${key}」为负数 ${formatNumber(value)}，此处只能填写非负数`, {
        place: cellPlace(input, [key]),
        keys: [key],
        actual: formatNumber(value),
        expected: '≥ 0',
      });
    if (!Number.isInteger(value) && (cell.type === 'int' || cell.type === 'signed int'))
      file.error('check.fractional', `单元格「${key}」为小数 ${formatNumber(value)}，此处应为整数（件数）`, {
        place: cellPlace(input, [key]),
        keys: [key],
        actual: formatNumber(value),
        expected: '整数',
      });
  }
};
