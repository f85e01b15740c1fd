/**
 * What the statistics (`gongkai corpus stats`, GET /api/corpus/stats) group by, and the names users
 * read. `region` is a body's whole region (down to its county); `province` and `city` sum regions up
 * as 发布情况 does (./region-level.ts: a name that doesn't say that far up keeps the highest place it
 * gives). Pure data: the API contract imports it.
 */
export const statsDimensions = ['region', 'province', 'city', 'agency', 'year', 'kind'] as const;
export type StatsDimension = (typeof statsDimensions)[number];

export const statsDimensionNames: Record<StatsDimension, string> = {
  region: '地区',
  province: '省',
  city: '市',
  agency: '机关',
  year: '年度',
  kind: '机关类型',
};

export const isStatsDimension = (text: string): text is StatsDimension =>
  (statsDimensions as readonly string[]).includes(text);

/** 「region（地区（县区））、province（省）…」: the dimensions for help texts and messages. */
export const statsDimensionsText = statsDimensions.map((d) => `${d}（${statsDimensionNames[d]}）`).join('、');
