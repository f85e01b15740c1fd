import { describe, expect, it } from 'vitest';
import { fewerFiguresFit, splitRuns } from '../../src/assemble/split.js';

const ints = (n: number) => Array.from({ length: n }, () => 'int' as const);

describe('splitRuns', () => {
  it('cuts a flattened row of zeros one way', () => {
    expect(splitRuns(['0000000'], ints(7)).candidates).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });

  it('lists every cut of 「81153」 into three counts (no count starts with 0)', () => {
    expect(splitRuns(['81153'], ints(3)).candidates).toEqual([
      [8, 1, 153],
      [8, 11, 53],
      [8, 115, 3],
      [81, 1, 53],
      [81, 15, 3],
      [811, 5, 3],
    ]);
  });

  it('treats whitespace between runs as a cut', () => {
    expect(splitRuns(['230', '000023'], ints(7)).candidates).toEqual([
      [2, 30, 0, 0, 0, 0, 23],
      [23, 0, 0, 0, 0, 0, 23],
      [230, 0, 0, 0, 0, 2, 3],
    ]);
  });

  it('keeps decimals in decimal cells and signs in signed cells', () => {
    expect(splitRuns(['13575.5'], ['int', 'decimal']).candidates).toEqual([
      [1, 3575.5],
      [13, 575.5],
      [135, 75.5],
      [1357, 5.5],
    ]);
    expect(splitRuns(['-15', '3'], ['signed int', 'int']).candidates).toEqual([[-15, 3]]);
  });

  it('reads a count of more than 15 digits as Number reads it, and no count past a letter', () => {
    expect(splitRuns(['12345678901234567890'], ints(1)).candidates).toEqual([
      [Number('12345678901234567890')],
    ]);
    expect(splitRuns(['12a3'], ints(2)).candidates).toEqual([]);
    expect(splitRuns(['1', '0x'], ints(2)).candidates).toEqual([]);
  });

  it('gives no candidate when the runs cannot fill the row', () => {
    expect(splitRuns(['0', '0'], ints(3)).candidates).toEqual([]);
  });

  it('stops at its limit instead of running away', () => {
    const result = splitRuns(['1'.repeat(60)], ints(7), 1000);
    expect(result.truncated).toBe(true);
  });
});

describe('fewerFiguresFit: could a blank cell hide in runs of digits', () => {
  it('runs that cut into fewer counts than cells could hide one', () => {
    // 0 0 0 0 _ 0 11 written together reads as seven counts too.
    expect(fewerFiguresFit(['0000011'], 7)).toBe(true);
    expect(fewerFiguresFit(['041'], 3)).toBe(true);
    expect(fewerFiguresFit(['5', '17'], 3)).toBe(true);
  });

  it('runs of zeros, or a 0 before each further digit, cut into no fewer', () => {
    expect(fewerFiguresFit(['0000000'], 7)).toBe(false);
    expect(fewerFiguresFit(['004'], 3)).toBe(false);
    expect(fewerFiguresFit(['00', '0'], 3)).toBe(false);
    expect(fewerFiguresFit(['0', '0', '0'], 3)).toBe(false);
  });

  it('a sign or a fraction in a run: it could', () => {
    expect(fewerFiguresFit(['0-16237'], 3)).toBe(true);
    expect(fewerFiguresFit(['12.5'], 2)).toBe(true);
  });
});
