/**
 * The page number forms every reader drops (src/read/page-number.ts), and the figures of a table's
 * row that take one of those forms on a line of their own.
 */
import { describe, expect, it } from 'vitest';
import { isPageNumberLine, pageCountFits, pageNumberLine } from '../../src/read/page-number.js';

describe('page number lines', () => {
  it.each(['-1-', '— 2 —', '第 3 页', '第 3 页 共 12 页', '3 / 12', 'Page 3', '－４－'])(
    '%s is one',
    (text) => {
      expect(pageNumberLine.test(text)).toBe(true);
      expect(isPageNumberLine(text)).toBe(true);
    },
  );

  it('「2 / 0」 gives a page past its count: a row (a figure, the blank mark, a figure), no page number', () => {
    expect(pageNumberLine.test('2 / 0')).toBe(true);
    expect(isPageNumberLine('2 / 0')).toBe(false);
  });

  it("a page count must fit the document's pages (or one less, a cover not counted)", () => {
    // 「0   /   1」 near the foot of page 1 of a PDF of three pages: a row's figures.
    expect(pageCountFits('          0           /            1', 3)).toBe(false);
    expect(pageCountFits('1 / 3', 3)).toBe(true);
    expect(pageCountFits('2 / 2', 3)).toBe(true);
    expect(pageCountFits('2 / 12', 3)).toBe(false);
    expect(pageCountFits('第 2 页 共 3 页', 3)).toBe(true);
    // No count given: nothing to fit.
    expect(pageCountFits('- 7 -', 3)).toBe(true);
    expect(pageCountFits('第 7 页', 3)).toBe(true);
    expect(pageCountFits('规章', 3)).toBe(false);
  });
});
