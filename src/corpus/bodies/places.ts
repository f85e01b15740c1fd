/**
 * 补全所属地区: many bodies sign without their higher places (「嘉祥县财政局」 names no city), so by
 * province or city (./region-level.ts) they stand apart from their neighbours. The corpus itself
 * often says where such a place lies: another body's name gives the county with its city
 * (「济宁市嘉祥县人民政府」), or the city with its province. Where every name that does so agrees,
 * the places are suggested, with those names as evidence, for a person to confirm (`gongkai corpus
 * bodies places --apply`, the 机关 page): county names repeat across China (鼓楼区 is in 福州, 南京,
 * 徐州 and 开封), so one name is evidence, not proof. Nothing is changed unasked.
 */
import type { RegionPlaces } from '../region-level.js';

/** A body as suggestions read it. */
export interface PlacedBody extends RegionPlaces {
  id: string;
  name: string;
}

/** Higher places the corpus gives a body, and the names that give them. */
export interface PlaceSuggestion {
  bodyId: string;
  name: string;
  /** The body's places now. */
  current: RegionPlaces;
  /** Its places with those suggested filled in (the county is never changed). */
  suggested: RegionPlaces;
  /** Names of bodies that give the places filled in (the first few). */
  evidence: string[];
}

/** Most names a suggestion gives as evidence. */
export const evidenceShown = 3;

/** A place known to lie in another, and the names that say so. */
type Parents = Map<string, { parent: string; grand: string | null; names: string[] }[]>;

function addParent(parents: Parents, place: string, parent: string, grand: string | null, name: string) {
  const known = parents.get(place) ?? [];
  parents.set(place, known);
  const same = known.find((k) => k.parent === parent && k.grand === grand);
  if (same) same.names.push(name);
  else known.push({ parent, grand, names: [name] });
}

/**
 * The one parent every name gives the place, of those consistent with the grandparent the body
 * already has; null when none or when the names disagree.
 */
function onlyParent(parents: Parents, place: string, grand: string | null) {
  const fitting = (parents.get(place) ?? []).filter(
    (k) => grand === null || k.grand === null || k.grand === grand,
  );
  const distinct = new Set(fitting.map((k) => k.parent));
  if (distinct.size !== 1) return null;
  const parent = fitting[0]?.parent as string;
  const names = fitting.flatMap((k) => k.names);
  // The grandparent the names give too, when they agree on one.
  const grands = new Set(fitting.flatMap((k) => (k.grand ? [k.grand] : [])));
  return { parent, grand: grands.size === 1 ? ([...grands][0] as string) : null, names };
}

/** The suggestions for the bodies, from the places the bodies' own names give; in the bodies' order. */
export function placeSuggestions(bodies: readonly PlacedBody[]): PlaceSuggestion[] {
  // The cities counties lie in (with the province where the name gives it), the provinces of cities.
  const cityOf: Parents = new Map();
  const provinceOf: Parents = new Map();
  for (const b of bodies) {
    if (b.county && b.city) addParent(cityOf, b.county, b.city, b.province, b.name);
    if (b.city && b.province) addParent(provinceOf, b.city, b.province, null, b.name);
  }
  const suggestions: PlaceSuggestion[] = [];
  for (const b of bodies) {
    let { province, city } = b;
    const evidence: string[] = [];
    if (b.county && !city) {
      const found = onlyParent(cityOf, b.county, province);
      if (found) {
        city = found.parent;
        province ??= found.grand;
        evidence.push(...found.names);
      }
    }
    if (city && !province) {
      const found = onlyParent(provinceOf, city, null);
      if (found) {
        province = found.parent;
        evidence.push(...found.names);
      }
    }
    if (province === b.province && city === b.city) continue;
    suggestions.push({
      bodyId: b.id,
      name: b.name,
      current: { province: b.province, city: b.city, county: b.county },
      suggested: { province, city, county: b.county },
      evidence: [...new Set(evidence)].slice(0, evidenceShown),
    });
  }
  return suggestions;
}
