/** The pure parts of the PDF renderer: page geometry, line breaking, table layout. */
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../../src/generate/random-report.js';
import { outline } from '../../../src/render/document.js';
import { breakLines } from '../../../src/render/pdf/breaking.js';
import { charPitch, linePitch, margin, page, sizes, textArea } from '../../../src/render/pdf/layout.js';
import { columnWidths, layoutTable, textHeight } from '../../../src/render/pdf/table.js';

/** Full-width characters measure 1, half-width ones ½. */
const measure = (text: string) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x100 ? 0.5 : 1), 0);

describe('page geometry (GB/T 9704-2012)', () => {
  it('is A4 with margins 37/35/28/26 mm and a 156 × 225 mm 版心', () => {
    expect(page).toEqual({ width: 595.28, height: 841.89 });
    expect(Object.fromEntries(Object.entries(margin).map(([k, v]) => [k, Number(v.toFixed(2))]))).toEqual({
      top: 104.88,
      bottom: 99.21,
      left: 79.37,
      right: 73.7,
    });
    expect([textArea.width.toFixed(2), textArea.height.toFixed(2)]).toEqual(['442.21', '637.80']);
  });

  it('holds 22 lines of 28 characters of 3号 text', () => {
    expect(linePitch).toBe(28.95);
    expect(22 * linePitch).toBeLessThanOrEqual(textArea.height);
    expect(23 * linePitch).toBeGreaterThan(textArea.height);
    expect(28 * charPitch).toBeCloseTo(textArea.width, 9);
    expect(charPitch).toBeLessThan(sizes.body);
  });
});

describe('breakLines', () => {
  it('breaks Chinese text by character to the width', () => {
    expect(breakLines('一二三四五六七', 3, measure)).toEqual(['一二三', '四五六', '七']);
  });

  it('gives the first line its own width (an indent)', () => {
    expect(breakLines('一二三四五六七', (i) => (i === 0 ? 2 : 3), measure)).toEqual([
      '一二',
      '三四五',
      '六七',
    ]);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    expect(breakLines('一二三。四五', 3, measure)).toEqual(['一二', '三。四', '五']);
    expect(breakLines('一二三”。四五', 3, measure)).toEqual(['一二', '三”。', '四五']);
    expect(breakLines('一二《三四》', 3, measure)).toEqual(['一二', '《三', '四》']);
  });

  it('with squeeze, lets one closing mark overflow instead of pulling a character down', () => {
    expect(breakLines('一二三。四五', 3, measure, { squeeze: true })).toEqual(['一二三。', '四五']);
    expect(breakLines('一二三”。四五', 3, measure, { squeeze: true })).toEqual(['一二', '三”。', '四五']);
  });

  it('never breaks next to a space', () => {
    expect(breakLines('一二信息 4 条', 4, measure)).toEqual(['一二信', '息 4 条']);
  });

  it('breaks a long Latin run by character rather than leave a wide gap', () => {
    expect(breakLines('一二www.example.cn', 4, measure, { longUnit: 3 })).toEqual([
      '一二www.',
      'example.',
      'cn',
    ]);
    expect(breakLines('一二三0537-698', 4, measure, { longUnit: 5 })).toEqual(['一二三', '0537-698']);
  });

  it('keeps a run of Latin letters and digits together unless it is longer than a line', () => {
    expect(breakLines('一二2021年', 3, measure)).toEqual(['一二', '2021年']);
    expect(breakLines('abcdefghij', 3, measure)).toEqual(['abcdef', 'ghij']);
  });

  it('returns one empty line for empty text', () => {
    expect(breakLines('', 3, measure)).toEqual(['']);
  });
});

describe('table layout', () => {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('spreads columns over the 版心 width', () => {
    for (const [width, labels] of [
      [4, 1],
      [15, 0],
      [10, 3],
    ] as const)
      expect(sum(columnWidths(width, labels))).toBeCloseTo(textArea.width, 9);
    expect(columnWidths(10, 3).slice(3)).toEqual(Array(7).fill(2.5 * sizes.table + 2 * ((72 / 25.4) * 1)));
  });

  const tableOf = (format: '2019' | '2021', section: number) => {
    const o = outline(generateReport(11, format));
    const part = o.parts.find((p) => p.number === section);
    return layoutTable(part?.grids ?? [], (text, _face, size) => measure(text) * size);
  };

  it('merges the header and label cells of table 三 as the format does', () => {
    const layout = tableOf('2021', 3);
    const find = (text: string) => layout.cells.find((c) => c.cell.text === text);
    const shape = (text: string) => {
      const c = find(text);
      return c && { row: c.row, column: c.column, rowSpan: c.rowSpan, columnSpan: c.columnSpan };
    };
    expect(shape('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')).toEqual({
      row: 0,
      column: 0,
      rowSpan: 3,
      columnSpan: 3,
    });
    expect(shape('申请人情况')).toEqual({ row: 0, column: 3, rowSpan: 1, columnSpan: 7 });
    expect(shape('自然人')).toEqual({ row: 1, column: 3, rowSpan: 2, columnSpan: 1 });
    expect(shape('法人或其他组织')).toEqual({ row: 1, column: 4, rowSpan: 1, columnSpan: 5 });
    expect(shape('三、本年度办理结果')).toEqual({ row: 5, column: 0, rowSpan: 22, columnSpan: 1 });
    expect(shape('（三）不予公开')).toEqual({ row: 7, column: 1, rowSpan: 8, columnSpan: 1 });
    expect(shape('（一）予以公开')).toEqual({ row: 5, column: 1, rowSpan: 1, columnSpan: 2 });
    expect(shape('四、结转下年度继续办理')).toEqual({ row: 27, column: 0, rowSpan: 1, columnSpan: 3 });
    expect(layout.rows.map((r) => r.kind)).toEqual([...Array(3).fill('header'), ...Array(25).fill('body')]);
  });

  it('widens the last cell of a narrower part of table 二 to the table width', () => {
    const layout = tableOf('2021', 2);
    const license = layout.cells.find((c) => c.cell.key === 'p.license.decisions');
    expect(license && { column: license.column, columnSpan: license.columnSpan }).toEqual({
      column: 1,
      columnSpan: 3,
    });
  });

  it('gives every row and merged cell room for its text, figures on one line', () => {
    for (const [format, section] of [
      ['2021', 2],
      ['2021', 3],
      ['2019', 2],
      ['2019', 3],
      ['2021', 4],
    ] as const) {
      const layout = tableOf(format, section);
      for (const c of layout.cells) {
        const height = sum(layout.rows.slice(c.row, c.row + c.rowSpan).map((r) => r.height));
        expect(height).toBeGreaterThanOrEqual(textHeight(c) - 1e-9);
        if (c.cell.kind === 'value') expect(c.lines.length).toBeLessThanOrEqual(1);
      }
    }
  });
});
