/**
 * The kind of a body read from its name: a people's government (its report due by 31 March), the
 * 管理委员会 of a zone, or a department (31 January). A report in a place's own name is its
 * government's: 平潭综合实验区's reports (real fixtures 014, 016, 018, issued by the zone's 管委会) were
 * taken for a department's and their publication in February called late.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyKindOf } from '../../src/corpus/bodies/names.js';

describe('bodyKindOf', () => {
  it.each([
    ['淮安市人民政府', 'government'],
    ['湟源县政府', 'government'],
    ['平潭综合实验区', 'government'],
    ['平潭综合实验区管委会', 'government'],
    ['苏州工业园区管理委员会', 'government'],
    ['泉州市洛江区', 'government'],
    ['威海市', 'government'],
    ['某某镇', 'government'],
    ['湟源县人民政府办公室', 'department'],
    ['湟源县政府办', 'department'],
    ['泉州市洛江区工信局', 'department'],
    ['河北省科学技术厅', 'department'],
    ['平潭综合实验区教育局', 'department'],
    ['嘉祥县工业和信息化局', 'department'],
    ['某某市卫健委', 'department'],
    ['某某县政务服务中心', 'department'],
    ['', 'department'],
  ] as const)('%s → %s', (name, kind) => {
    expect(bodyKindOf(name)).toBe(kind);
  });

  const place = fc
    .tuple(
      fc.constantFrom('', '福建省', '河北省', '内蒙古自治区'),
      fc.constantFrom('', '泉州市', '威海市', '延边朝鲜族自治州'),
      fc.constantFrom('洛江区', '文登区', '湟源县', '嘉祥县', '平潭综合实验区', '某某镇'),
    )
    .map((parts) => parts.join(''));
  const department = fc.constantFrom(
    '工业和信息化局',
    '工信局',
    '教育局',
    '人民政府办公室',
    '发展和改革委员会',
    '市场监督管理局',
    '政务服务管理办公室',
    '统计局',
  );

  it('reads a place alone, or with 人民政府, as a government and a place with a department as a department', () => {
    fc.assert(
      fc.property(place, department, (p, d) => {
        expect(bodyKindOf(p)).toBe('government');
        expect(bodyKindOf(`${p}人民政府`)).toBe('government');
        expect(bodyKindOf(`${p}${d}`)).toBe('department');
      }),
    );
  });
});
