import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBodyName, regionOf } from '../../src/corpus/bodies/names.js';
import { isRegionLevel, regionAt, regionLevels, startingLevel } from '../../src/corpus/region-level.js';

const places = (name: string) => parseBodyName(name);

describe('regionAt (汇总层级)', () => {
  it('takes the places down to the level', () => {
    const body = places('福建省泉州市洛江区教育局');
    expect(regionLevels.map((l) => regionAt(body, l))).toEqual([
      '福建省',
      '福建省泉州市',
      '福建省泉州市洛江区',
    ]);
  });

  it('keeps the highest place a name gives when it doesn’t say that far up', () => {
    expect(regionLevels.map((l) => regionAt(places('泉州市洛江区教育局'), l))).toEqual([
      '泉州市',
      '泉州市',
      '泉州市洛江区',
    ]);
    expect(regionLevels.map((l) => regionAt(places('湟源县人民政府'), l))).toEqual([
      '湟源县',
      '湟源县',
      '湟源县',
    ]);
    // A body above the level stays at its own place.
    expect(regionAt(places('福建省财政厅'), 'county')).toBe('福建省');
    expect(regionAt(places('某地档案局'), 'province')).toBe('');
  });

  it('is the stored region at the county level, and a prefix of it at every level', () => {
    const place = fc.option(fc.constantFrom('福建省', '泉州市', '洛江区', '青海省', '湟源县'), { nil: null });
    fc.assert(
      fc.property(fc.tuple(place, place, place), ([province, city, county]) => {
        const body = { province, city, county };
        expect(regionAt(body, 'county')).toBe(regionOf(body));
        for (const level of regionLevels) expect(regionOf(body).startsWith(regionAt(body, level))).toBe(true);
      }),
    );
  });
});

describe('startingLevel', () => {
  const of = (...names: string[]) => startingLevel(names.map(places));

  it('starts where the bodies’ places differ first', () => {
    expect(of('福建省财政厅', '青海省财政厅', '泉州市教育局')).toBe('province');
    expect(of('福建省泉州市教育局', '福建省厦门市教育局')).toBe('city');
    // Names that leave out the province and the city (「嘉祥县应急管理局」) don't make two cities.
    expect(of('济宁市教育局', '嘉祥县应急管理局', '汶上县财政局')).toBe('county');
    expect(of('福建省泉州市洛江区教育局')).toBe('county');
    expect(of()).toBe('county');
  });

  it('knows the levels by their names only', () => {
    expect(regionLevels.filter(isRegionLevel)).toEqual(['province', 'city', 'county']);
    expect(['省', 'County', ''].some(isRegionLevel)).toBe(false);
  });
});
