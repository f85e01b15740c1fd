/**
 * Cells named in the format's words (cellLabel, cellsPlace): exact labels in each table of both
 * formats, and for every key a label of its own that holds its row's and column's own wording.
 */
import { describe, expect, it } from 'vitest';
import { cellLabel, cellsPlace } from '../../src/spec/cell-label.js';
import { cellsOf, formats } from '../../src/spec/registry.js';

describe('cellLabel', () => {
  it('names the table, the row (after the caption) and the column, without the prefix every column shares', () => {
    expect(cellLabel('2021', 'p.rules.issued')).toBe('表二「第二十条第（一）项/规章」行「本年制发件数」列');
    expect(cellLabel('2021', 'a.new.np')).toBe('表三「一、本年新收政府信息公开申请数量」行「自然人」列');
    expect(cellLabel('2021', 'a.deny.secret.biz')).toBe(
      '表三「三、本年度办理结果/（三）不予公开/1.属于国家秘密」行「法人或其他组织/商业企业」列',
    );
    expect(cellLabel('2021', 'a.next.total')).toBe('表三「四、结转下年度继续办理」行「总计」列');
    // Table 四 is one row under its header: the column alone.
    expect(cellLabel('2021', 'l.afterReview.upheld')).toBe('表四「行政诉讼/复议后起诉/结果维持」列');
    expect(cellLabel('2019', 'p.penalty.change')).toBe(
      '表二「第二十条第（六）项/行政处罚」行「本年增/减」列',
    );
    expect(cellLabel('2021', 'no.such.key')).toBeNull();
  });

  for (const spec of formats)
    it(`gives each of the ${spec.id} format's cells a label of its own with its row's and column's wording`, () => {
      const labels = new Set<string>();
      for (const [key, at] of cellsOf(spec)) {
        const label = cellLabel(spec.id, key) as string;
        expect(label.startsWith(`表${'〇一二三四'[at.table.section]}`)).toBe(true);
        const own = at.row.path.at(-1)?.official;
        if (own) expect(label).toContain(`${own}」行`);
        expect(label).toContain(`${at.part.columns[at.column]?.path.at(-1)?.official}」列`);
        labels.add(label);
      }
      expect(labels.size).toBe(cellsOf(spec).size);
    });
});

describe('cellsPlace', () => {
  it('spells out two cells, and counts more by table', () => {
    expect(cellsPlace('2021', [])).toBe('');
    expect(cellsPlace('2021', ['a.new.np', 'a.prev.np'])).toBe(
      '表三「一、本年新收政府信息公开申请数量」行「自然人」列、表三「二、上年结转政府信息公开申请数量」行「自然人」列',
    );
    expect(cellsPlace('2021', ['a.new.np', 'a.prev.np', 'a.total.np'])).toBe('表三的 3 个单元格');
    expect(cellsPlace('2021', ['p.rules.issued', 'a.new.np', 'l.review.total', 'l.review.other'])).toBe(
      '表二的 1 个、表三的 1 个、表四的 2 个单元格',
    );
  });
});
