/** Numbers written in Chinese numerals, as dates print them (pure: the web reads notices with it). */

const cjkDigits: Record<string, number> = {
  〇: 0,
  零: 0,
  O: 0,
  o: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 「二〇二二」→ 2022; 「十二」→ 12; 「三十一」→ 31. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^[〇零Oo一二三四五六七八九]{4}$/.test(text))
    return Number([...text].map((c) => cjkDigits[c]).join(''));
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  const tens = m[2] ? (m[1] ? (cjkDigits[m[1]] as number) : 1) : 0;
  const ones = m[3] ? (cjkDigits[m[3]] as number) : m[2] ? 0 : m[1] ? (cjkDigits[m[1]] as number) : 0;
  return m[2] ? tens * 10 + ones : ones;
}
