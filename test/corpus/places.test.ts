import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBodyName } from '../../src/corpus/bodies/names.js';
import { type PlacedBody, placeSuggestions } from '../../src/corpus/bodies/places.js';

const body = (id: string, name: string): PlacedBody => {
  const { province, city, county } = parseBodyName(name);
  return { id, name, province, city, county };
};

describe('placeSuggestions (补全所属地区)', () => {
  it('fills in the city and province other names give a county, with those names as evidence', () => {
    const bodies = [
      body('a', '嘉祥县财政局'),
      body('b', '济宁市嘉祥县人民政府'),
      body('c', '山东省济宁市人民政府'),
      body('d', '济宁市教育局'),
    ];
    expect(placeSuggestions(bodies)).toEqual([
      {
        bodyId: 'a',
        name: '嘉祥县财政局',
        current: { province: null, city: null, county: '嘉祥县' },
        suggested: { province: '山东省', city: '济宁市', county: '嘉祥县' },
        evidence: ['济宁市嘉祥县人民政府', '山东省济宁市人民政府'],
      },
      {
        bodyId: 'b',
        name: '济宁市嘉祥县人民政府',
        current: { province: null, city: '济宁市', county: '嘉祥县' },
        suggested: { province: '山东省', city: '济宁市', county: '嘉祥县' },
        evidence: ['山东省济宁市人民政府'],
      },
      {
        bodyId: 'd',
        name: '济宁市教育局',
        current: { province: null, city: '济宁市', county: null },
        suggested: { province: '山东省', city: '济宁市', county: null },
        evidence: ['山东省济宁市人民政府'],
      },
    ]);
  });

  it('suggests nothing where the names disagree, or where none gives the place', () => {
    // 鼓楼区 is in 福州 and in 南京.
    const bodies = [
      body('a', '鼓楼区财政局'),
      body('b', '福州市鼓楼区教育局'),
      body('c', '南京市鼓楼区教育局'),
    ];
    expect(placeSuggestions(bodies)).toEqual([]);
    expect(placeSuggestions([body('a', '湟源县人民政府'), body('b', '某地档案局')])).toEqual([]);
    // The province a body gives chooses among the cities: only 福建省's 鼓楼区 fits.
    const inFujian = placeSuggestions([
      { id: 'a', name: '鼓楼区财政局', province: '福建省', city: null, county: '鼓楼区' },
      body('b', '福建省福州市鼓楼区教育局'),
      body('c', '江苏省南京市鼓楼区教育局'),
    ]);
    expect(inFujian.map((s) => s.suggested)).toEqual([
      { province: '福建省', city: '福州市', county: '鼓楼区' },
    ]);
  });

  it('never changes a place a body has, and backs every place it fills in by another body', () => {
    const place = (options: string[]) => fc.option(fc.constantFrom(...options), { nil: null });
    const placed = fc.record({
      province: place(['福建省', '江苏省']),
      city: place(['福州市', '南京市', '泉州市']),
      county: place(['鼓楼区', '洛江区', '玄武区']),
    });
    fc.assert(
      fc.property(fc.array(placed, { maxLength: 10 }), (places) => {
        const bodies = places.map((p, i) => ({ id: `b${i}`, name: `第${i}局`, ...p }));
        for (const s of placeSuggestions(bodies)) {
          const own = bodies.find((b) => b.id === s.bodyId) as PlacedBody;
          expect(s.current).toEqual({ province: own.province, city: own.city, county: own.county });
          expect(s.suggested.county).toBe(own.county);
          if (own.province) expect(s.suggested.province).toBe(own.province);
          if (own.city) expect(s.suggested.city).toBe(own.city);
          expect(s.suggested).not.toEqual(s.current);
          // A city filled in: some other body has it with the county; a province: with the city.
          if (!own.city && s.suggested.city)
            expect(bodies.some((b) => b.county === own.county && b.city === s.suggested.city)).toBe(true);
          if (!own.province && s.suggested.province)
            expect(
              bodies.some(
                (b) =>
                  b.province === s.suggested.province &&
                  (b.city === s.suggested.city || (b.county === own.county && own.county !== null)),
              ),
            ).toBe(true);
          expect(s.evidence.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
