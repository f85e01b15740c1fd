/**
 * 汇总层级: bodies summed up by province (省), city (市) or county (县区). A body's region at a level
 * is its places down to that level: 福建省三明市沙县区教育局 is in 「福建省」 by province, 「福建省三明市」
 * by city. A name that doesn't say that far up keeps the highest place it gives — 三明市沙县区教育局
 * is in 「三明市」 by province, 湟源县人民政府 in 「湟源县」 at every level — rather than a guess
 * (there is no gazetteer). Pure data: the API contract and the web app import it.
 */
export const regionLevels = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof regionLevels)[number];

export const isRegionLevel = (text: string): text is RegionLevel =>
  (regionLevels as readonly string[]).includes(text);

/** The levels' names, as users read them (按省、按市、按县区). */
export const regionLevelNames: Record<RegionLevel, string> = {
  province: '省',
  city: '市',
  county: '县区',
};

/** A body's places, as its name gives them (null where it gives none). */
export interface RegionPlaces {
  province: string | null;
  city: string | null;
  county: string | null;
}

const placesOf = (b: RegionPlaces) => [b.province, b.city, b.county];

/** The body's region at the level ('' when its name gives no place). */
export function regionAt(places: RegionPlaces, level: RegionLevel): string {
  const given = placesOf(places);
  const upTo = given.slice(0, regionLevels.indexOf(level) + 1).filter(Boolean);
  // A name that doesn't say that far up: the highest place it gives.
  return (upTo.length > 0 ? upTo : given.filter(Boolean).slice(0, 1)).join('');
}

/**
 * The level a summary of the bodies starts at: the highest at which their names give at least two
 * places — by province for a national corpus, by city within a province, by county within a city.
 */
export function startingLevel(bodies: Iterable<RegionPlaces>): RegionLevel {
  const seen = regionLevels.map(() => new Set<string>());
  for (const b of bodies)
    placesOf(b).forEach((place, i) => {
      if (place) seen[i]?.add(place);
    });
  return regionLevels.find((_, i) => (seen[i]?.size ?? 0) >= 2) ?? 'county';
}
