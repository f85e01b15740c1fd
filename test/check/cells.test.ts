import { describe, expect, it } from 'vitest';
import { cellNumbers, cellValue, keyIndex, sumAt } from '../../src/check/cells.js';
import type { Cells } from '../../src/core/report.js';
import { format2021 } from '../../src/spec/format-2021.js';
import { cellKeys } from '../../src/spec/registry.js';
import { zeroReport } from './helpers.js';

describe('cells as the checks read them', () => {
  const keys = cellKeys(format2021);

  it('reads the codebook in order, finite numbers only (NaN for the others), whatever the order of the cells', () => {
    const inOrder = zeroReport(format2021).cells;
    inOrder['a.new.np'] = 3;
    inOrder['a.new.biz'] = Number.NaN;
    inOrder['a.new.res'] = null;
    const reversed: Cells = Object.fromEntries(Object.entries(inOrder).reverse());
    delete reversed['a.new.law'];
    const numbers = cellNumbers(inOrder, format2021);
    expect(numbers).toHaveLength(keys.length);
    expect(numbers[keyIndex(format2021).get('a.new.np') as number]).toBe(3);
    expect(numbers[keyIndex(format2021).get('a.new.biz') as number]).toBeNaN();
    expect(numbers[keyIndex(format2021).get('a.new.res') as number]).toBeNaN();
    const other = cellNumbers(reversed, format2021);
    expect(other[keyIndex(format2021).get('a.new.law') as number]).toBeNaN();
    other[keyIndex(format2021).get('a.new.law') as number] = 0;
    expect([...other]).toEqual([...numbers]);
  });

  it('reads a key outside the codebook from the cells', () => {
    const report = zeroReport(format2021, { cells: { ...zeroReport(format2021).cells, 'x.extra': 7 } });
    expect(cellValue({ report, spec: format2021 }, 'x.extra')).toBe(7);
    expect(cellValue({ report, spec: format2021 }, 'a.new.np')).toBe(0);
    report.cells['a.new.np'] = Number.POSITIVE_INFINITY;
    expect(cellValue({ report, spec: format2021 }, 'a.new.np')).toBeNull();
  });

  it('sums in order, or says the sum is unknown', () => {
    expect(sumAt(Float64Array.of(1, 2, Number.NaN, 0.1), [0, 1, 3])).toBe(1 + 2 + 0.1);
    expect(sumAt(Float64Array.of(1, 2, Number.NaN), [0, 2])).toBeNull();
    expect(sumAt(Float64Array.of(1), [-1])).toBeNull();
  });
});
