/** Header flattening and body rows of table parts, from the spec alone. */
import { describe, expect, it } from 'vitest';
import { expandRow, partGrid } from '../../src/render/grid.js';
import { getFormat } from '../../src/spec/registry.js';

const spec = getFormat('2021');
const table = (id: string) => spec.tables.find((t) => t.id === id);
const applications = table('applications')?.parts[0];
const litigation = table('litigation')?.parts[0];

describe('partGrid', () => {
  it('flattens the header of table 三 in row-major order, merged cells once', () => {
    if (!applications) throw new Error('no table 三');
    const grid = partGrid(applications, {});
    expect(grid.labelWidth).toBe(3);
    expect(grid.header.map((row) => row.map((c) => (c.continued ? '|' : c.text)))).toEqual([
      ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
      ['|', '自然人', '法人或其他组织', '总计'],
      ['|', '|', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '|'],
    ]);
    expect(grid.header[0]?.[1]?.span).toBe(7);
    expect(grid.header[1]?.[2]?.span).toBe(5);
  });

  it('flattens the three header rows of table 四', () => {
    if (!litigation) throw new Error('no table 四');
    const grid = partGrid(litigation, {});
    expect(grid.labelWidth).toBe(0);
    expect(grid.header.map((row) => row.filter((c) => !c.continued).map((c) => c.text))).toEqual([
      ['行政复议', '行政诉讼'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
      [...Array(2)].flatMap(() => ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']),
    ]);
    expect(expandRow(grid.header[0] ?? [])).toHaveLength(15);
  });

  it('marks group labels shared with the row above as continuations, spans short label paths', () => {
    if (!applications) throw new Error('no table 三');
    const grid = partGrid(applications, { 'a.deny.law.np': 3, 'a.deny.law.biz': null });
    const row = (id: string) => grid.body.find((r) => r.row.id === id)?.cells ?? [];
    expect(expandRow(row('deny.secret')).slice(0, 3)).toEqual(['', '（三）不予公开', '1.属于国家秘密']);
    expect(row('deny.secret')[0]?.continued).toBe(true);
    expect(expandRow(row('deny.law')).slice(0, 5)).toEqual(['', '', '2.其他法律行政法规禁止公开', '3', '']);
    expect(expandRow(row('new')).slice(0, 3)).toEqual(['一、本年新收政府信息公开申请数量', '', '']);
    expect(row('new')[0]?.span).toBe(3);
    expect(expandRow(row('open')).slice(0, 3)).toEqual(['三、本年度办理结果', '（一）予以公开', '']);
  });
});
