import { describe, expect, it } from 'vitest';
import type { PdfItem } from '../../../src/read/pdf/items.js';
import { cleanItemText } from '../../../src/read/pdf/items.js';
import { clusterLines, figurePieces, laidOut, lineText } from '../../../src/read/pdf/lines.js';

const item = (text: string, x: number, y: number, width: number, size = 10): PdfItem => ({
  text,
  x,
  y,
  width,
  size,
  spaceBefore: false,
  spaceAfter: false,
});

/** Characters of a word set one by one, each an em wide, starting at x. */
const spelled = (word: string, x: number, y: number, size = 10) =>
  [...word].map((c, i) => item(c, x + i * size, y, size, size));

const texts = (items: PdfItem[]) => clusterLines(items, 1).map((line) => lineText(line, 50));

describe('items become lines', () => {
  it('characters set one by one join without spaces; digits too', () => {
    expect(texts([...spelled('信息公开', 50, 100), ...spelled('3001', 95, 100)])).toEqual([
      { text: `信息公开${' '.repeat(5)}3001`, indent: 0 },
    ]);
    // 「信息公开」 ends at 90: a gap of half an em is one space.
  });

  it("a gap pads the line to the item's place on the page (half-widths from the left edge), so columns line up", () => {
    const row = [
      item('规章', 50, 200, 20),
      item('1', 150, 200, 5),
      item('0', 200, 200, 5),
      item('11', 250, 200, 10),
    ];
    expect(texts(row)).toEqual([
      { text: `规章${' '.repeat(18)}1${' '.repeat(9)}0${' '.repeat(9)}11`, indent: 0 },
    ]);
  });

  it('figures set a little lower than their label share its line; lines are ordered top down', () => {
    const lines = texts([
      item('二、上年结转', 50, 300, 60),
      item('34', 150, 302.3, 10),
      item('一、本年新收', 50, 276, 60),
      item('3001', 150, 278.3, 20),
    ]);
    expect(lines.map((l) => l.text)).toEqual([
      `一、本年新收${' '.repeat(14)}3001`,
      `二、上年结转${' '.repeat(14)}34`,
    ]);
  });

  it('a label wrapped over two lines with its figures between them keeps three lines', () => {
    const lines = texts([
      item('（二）部分公开（区分处理的，只计这一情', 60, 500, 140),
      item('447', 260, 509.7, 15),
      item('形，不计其他情形）', 60, 515, 70),
    ]);
    expect(lines.map((l) => [l.text.trim(), l.indent])).toEqual([
      ['（二）部分公开（区分处理的，只计这一情', 2],
      ['447', 42],
      ['形，不计其他情形）', 2],
    ]);
  });

  it('a space item between two pieces is a space even where they almost touch', () => {
    const spaced = { ...item('', 90, 100, 0), spaceBefore: true, spaceAfter: true };
    expect(texts([item('2024', 50, 100, 40), spaced, item('年', 92, 100, 10)])).toEqual([
      { text: '2024 年', indent: 0 },
    ]);
  });

  it('text overprinted a hair apart (faked bold) reads once', () => {
    expect(texts([item('一、总体情况', 50, 100, 60), item('一、总体情况', 50.3, 100, 60)])).toEqual([
      { text: '一、总体情况', indent: 0 },
    ]);
  });

  it('whitespace-only lines are dropped', () => {
    expect(texts([{ ...item('', 50, 100, 0), spaceBefore: true, spaceAfter: true }])).toEqual([]);
  });
});

describe('item text', () => {
  it('full-width spaces split like two spaces; control characters go', () => {
    expect(cleanItemText('规章\u3000\u3000\u30001\u30000')).toEqual({
      text: '规章      1  0',
      before: false,
      after: false,
    });
    expect(cleanItemText('\u3000行政许可\u0000 ')).toEqual({ text: '行政许可', before: true, after: true });
    expect(cleanItemText('\u3000')).toEqual({ text: '', before: true, after: true });
  });
});

describe("figures set off inside an item (the native reader's gaps)", () => {
  // 「一、本年新收申请数量 19」 as one item, as PDF.js joins a label filling its cell and the figure
  // 0.3 em after it (10 pt: each CJK character 10 wide, the label 100), then 67 in the 总计 column.
  const joined: PdfItem = {
    ...item('一、本年新收申请数量 19', 50, 100, 113),
    gaps: [{ at: 10, end: 150, start: 153 }],
  };
  const line = (items: PdfItem[]) => ({ page: 1, y: 100, size: 10, items });

  it('a figure becomes an item of its own, where the gap puts it; the words before stay one item', () => {
    expect(figurePieces([joined]).map((p) => [p.text, p.x, p.width, p.spaceBefore, p.spaceAfter])).toEqual([
      ['一、本年新收申请数量', 50, 100, false, true],
      ['19', 153, 10, true, false],
    ]);
  });

  it('words alone keep their item; figures between words stand apart', () => {
    const words: PdfItem = { ...item('自然 人', 50, 100, 35), gaps: [{ at: 2, end: 70, start: 75 }] };
    expect(figurePieces([words])).toEqual([words]);
    const between: PdfItem = {
      ...item('规章 3 件', 50, 100, 50),
      gaps: [
        { at: 2, end: 70, start: 73 },
        { at: 4, end: 78, start: 81 },
      ],
    };
    expect(figurePieces([between]).map((p) => [p.text, p.x])).toEqual([
      ['规章', 50],
      ['3', 73],
      ['件', 81],
    ]);
  });

  it('in a line laid out in columns, a figure after a narrow space stands at its place on the page', () => {
    const row = line([...figurePieces([joined]), item('67', 300, 100, 10)]);
    expect(laidOut(row)).toBe(true);
    // 153 is 20.6 half-widths from the left edge at 50: column 21, not one space after the label.
    expect(lineText(row, 50, true).text).toBe(`一、本年新收申请数量${' '.repeat(11)}19${' '.repeat(27)}67`);
    // As PDF.js gives it (one item): the figure one space after the label.
    expect(lineText(line([joined, item('67', 300, 100, 10)]), 50, true).text).toBe(
      `一、本年新收申请数量 19${' '.repeat(37)}67`,
    );
  });

  it('however narrow the space: a figure flush left in its cell, 0.15 em after the label', () => {
    const close = line([
      { ...item('一、本年新收申请数量', 50, 100, 100), spaceAfter: true },
      item('19', 151.5, 100, 10),
      item('67', 300, 100, 10),
    ]);
    expect(lineText(close, 50, true).text).toBe(`一、本年新收申请数量${' '.repeat(10)}19${' '.repeat(28)}67`);
    expect(lineText(close, 50).text).toBe(`一、本年新收申请数量 19${' '.repeat(37)}67`);
  });

  it('or no space at all: a label and a figure 0.15 em apart, two items, no space between', () => {
    const glued = line([
      item('（二）部分公开（区分处理的，只计', 50, 100, 165),
      item('0', 216.5, 100, 5),
      item('0', 300, 100, 5),
    ]);
    expect(lineText(glued, 50, true).text).toBe(
      `（二）部分公开（区分处理的，只计${' '.repeat(17)}0${' '.repeat(16)}0`,
    );
    expect(lineText(glued, 50).text).toBe(`（二）部分公开（区分处理的，只计0${' '.repeat(33)}0`);
    // Nearer than a tenth of an em, the figure is part of the text before it.
    const close = line([
      item('（二）部分公开', 50, 100, 70),
      item('0', 120.5, 100, 5),
      item('0', 300, 100, 5),
    ]);
    expect(lineText(close, 50, true).text).toBe(`（二）部分公开0${' '.repeat(42)}0`);
  });

  it('prose (no gap wider than a space) keeps its one space', () => {
    const prose = line([{ ...item('共收到申请 19 件', 50, 100, 73), gaps: [] }]);
    expect(laidOut(prose)).toBe(false);
    expect(lineText(prose, 50, true).text).toBe('共收到申请 19 件');
  });
});
