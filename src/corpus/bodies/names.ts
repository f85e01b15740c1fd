/**
 * Names of bodies (机关): one body spelled three ways (「区工信局」, 「洛江区工信局」,
 * 「泉州市洛江区工业和信息化局」) normalises to one match key; the region tree (省/市/县) and the kind
 * of body (人民政府 or 部门) are read from the name. Pure: no store, no I/O.
 */

export type BodyKindName = 'government' | 'department';

export const bodyKindNames: Record<BodyKindName, string> = { government: '人民政府', department: '部门' };

export interface BodyName {
  /** The full name with abbreviations written out. */
  name: string;
  province: string | null;
  city: string | null;
  county: string | null;
  /** What is left after the places: 「工业和信息化局」, 「人民政府」. */
  rest: string;
  /** The name from the lowest place down: the same for every spelling of one body. */
  matchKey: string;
  kind: BodyKindName;
}

/** Common short forms and their official names (only at the end of a name). */
const abbreviations: readonly [RegExp, string][] = [
  [/工信局$/, '工业和信息化局'],
  [/经信局$/, '经济和信息化局'],
  [/发改委$/, '发展和改革委员会'],
  [/发改局$/, '发展和改革局'],
  [/住建局$/, '住房和城乡建设局'],
  [/人社局$/, '人力资源和社会保障局'],
  [/市监局$/, '市场监督管理局'],
  [/卫健委$/, '卫生健康委员会'],
  [/卫健局$/, '卫生健康局'],
  [/农业局$/, '农业农村局'],
  [/文旅局$/, '文化和旅游局'],
  [/文广旅局$/, '文化广电和旅游局'],
  [/交通局$/, '交通运输局'],
  [/自然资源局$/, '自然资源局'],
  [/资规局$/, '自然资源和规划局'],
  [/生态环境局$/, '生态环境局'],
  [/环保局$/, '生态环境局'],
  [/应急局$/, '应急管理局'],
  [/医保局$/, '医疗保障局'],
  [/教体局$/, '教育和体育局'],
  [/退役军人局$/, '退役军人事务局'],
  [/政府办$/, '人民政府办公室'],
  [/管委会$/, '管理委员会'],
  [/(?<!人民)政府$/, '人民政府'],
];

const provincePattern =
  /^(北京市|天津市|上海市|重庆市|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区|[^省市区县]{2,3}省)/;
const cityPattern = /^([^省市区县旗]{2,6}?(?:自治州|市|州|盟|地区))/;
const countyPattern = /^([^省市州盟区县旗]{1,6}?(?:自治县|区|县|旗|市))/;

/** Full-width and spacing differences removed; abbreviations written out. */
export function expandName(raw: string): string {
  let name = raw
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '');
  for (const [pattern, full] of abbreviations) name = name.replace(pattern, full);
  return name;
}

/** The ends of a zone's name (its 管理委员会 exercises the powers of a people's government). */
const zone = '(?:开发区|高新区|新区|园区|试验区|实验区|示范区|经济区|合作区|自贸区|保税区)';
const zoneBody = new RegExp(`${zone}管理委员会$`);
/**
 * A name that is a place and nothing more: 「平潭综合实验区」, 「洛江区」, 「某某镇」. A report
 * issued in a place's own name is its government's (a department's name ends in what it is: 局, 委员会,
 * 办公室, 中心…).
 */
const placeOnly = new RegExp(`(?:${zone}|省|市|区|县|旗|州|盟|地区|乡|镇)$`);

/** 人民政府 (any level, or a report in a place's own name), 管理委员会 of a zone, or a department. */
export function bodyKindOf(name: string | null | undefined): BodyKindName {
  if (!name) return 'department';
  const n = expandName(name);
  if (/人民政府$/.test(n) || zoneBody.test(n) || placeOnly.test(n)) return 'government';
  return 'department';
}

export function parseBodyName(raw: string): BodyName {
  const name = expandName(raw);
  let rest = name;
  const take = (pattern: RegExp): string | null => {
    const match = pattern.exec(rest);
    if (!match?.[1] || match[1].length === rest.length) return null;
    rest = rest.slice(match[1].length);
    return match[1];
  };
  const province = take(provincePattern);
  const city = take(cityPattern);
  const county = take(countyPattern);
  const matchKey = county ? county + rest : city ? city + rest : (province ?? '') + rest;
  return { name, province, city, county, rest, matchKey, kind: bodyKindOf(name) };
}

/** 「福建省泉州市洛江区」: the places of a name, top down ('' when none). */
export const regionOf = (b: Pick<BodyName, 'province' | 'city' | 'county'>): string =>
  [b.province, b.city, b.county].filter(Boolean).join('');

/**
 * The names of a list of the bodies that must publish (应发布名录) as pasted or saved: a name a line,
 * the line's first field when it has more (a table's row: before a tab or comma); blank lines give ''.
 */
export const rosterNames = (text: string): string[] =>
  text.split(/\r?\n/).map((line) => line.split(/[\t,，]/)[0]?.trim() ?? '');
