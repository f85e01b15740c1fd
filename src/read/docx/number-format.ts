/**
 * Automatic numbers as Word prints them, by `w:numFmt` (ECMA-376 ST_NumberFormat). The formats
 * Chinese reports use are all here: 「一」「十一」「一百零一」 (chineseCounting,
 * chineseCountingThousand, japaneseCounting, taiwaneseCounting…), 「壹」 (chineseLegalSimplified),
 * 「〇一」 digit by digit (ideographDigital), 「甲」 (ideographTraditional), 「子」 (ideographZodiac),
 * 「①」 「⑴」 「⒈」 「㈠」 「㊀」, full-width digits, and the Latin ones (decimal, roman, letters).
 * A format not listed prints as decimal; `none` and `bullet` print nothing (see numbering.ts).
 */
import { codeAt } from '../../text/code-unit.js';

const digits = '〇一二三四五六七八九';
const countingDigits = '零一二三四五六七八九';
const legalDigits = '零壹贰叁肆伍陆柒捌玖';
const legalTraditionalDigits = '零壹貳參肆伍陸柒捌玖';

/** Chinese counting numerals: 十一, 二十, 一百零一, 一千零一十; `legal` writes 壹拾 for 10–19. */
function counting(n: number, d: string, units: readonly string[], legal: boolean): string {
  if (n === 0) return legal ? (d[0] as string) : '〇';
  if (n >= 10000) return String(n);
  const parts: string[] = [];
  let zero = false;
  const places = [1000, 100, 10, 1];
  let started = false;
  for (let i = 0; i < places.length; i++) {
    const place = places[i] as number;
    const digit = Math.floor(n / place) % 10;
    if (digit === 0) {
      if (started) zero = true;
      continue;
    }
    if (zero) parts.push(d[0] as string);
    zero = false;
    // 十一 rather than 一十一 when the number starts at the tens (not in legal style).
    if (!(place === 10 && digit === 1 && !started && !legal)) parts.push(d[digit] as string);
    parts.push(units[i] as string);
    started = true;
  }
  return parts.join('');
}

const chinese = (n: number) => counting(n, countingDigits, ['千', '百', '十', ''], false);
const legalSimplified = (n: number) => counting(n, legalDigits, ['仟', '佰', '拾', ''], true);
const legalTraditional = (n: number) => counting(n, legalTraditionalDigits, ['仟', '佰', '拾', ''], true);
const digital = (n: number) => [...String(n)].map((c) => digits[Number(c)]).join('');

/** A numbered series that stops at its last sign; past it Word falls back to decimal. */
const series = (signs: string, base = 1) => {
  const list = [...signs];
  return (n: number) => list[n - base] ?? String(n);
};
const range = (first: number, count: number) =>
  series(Array.from({ length: count }, (_, i) => String.fromCodePoint(first + i)).join(''));

const roman = (n: number): string => {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, sign] of table)
    while (rest >= value) {
      out += sign;
      rest -= value;
    }
  return out;
};

/** A, B, … Z, AA, BB, … as Word writes letters. */
const letter = (n: number): string => {
  if (n <= 0) return String(n);
  const sign = String.fromCharCode(65 + ((n - 1) % 26));
  return sign.repeat(Math.floor((n - 1) / 26) + 1);
};

const formats: Record<string, (n: number) => string> = {
  decimal: String,
  decimalZero: (n) => (n < 10 && n >= 0 ? `0${n}` : String(n)),
  decimalHalfWidth: String,
  decimalFullWidth: (n) => String(n).replace(/\d/g, (c) => String.fromCharCode(codeAt(c, 0) + 0xfee0)),
  decimalFullWidth2: (n) => String(n).replace(/\d/g, (c) => String.fromCharCode(codeAt(c, 0) + 0xfee0)),
  ordinal: String,
  cardinalText: String,
  ordinalText: String,
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  upperLetter: letter,
  lowerLetter: (n) => letter(n).toLowerCase(),
  chineseCounting: chinese,
  chineseCountingThousand: chinese,
  japaneseCounting: chinese,
  taiwaneseCounting: chinese,
  taiwaneseCountingThousand: chinese,
  koreanCounting: chinese,
  chineseLegalSimplified: legalSimplified,
  ideographLegalTraditional: legalTraditional,
  japaneseLegal: legalTraditional,
  ideographDigital: digital,
  taiwaneseDigital: digital,
  japaneseDigitalTenThousand: digital,
  koreanDigital: digital,
  ideographTraditional: series('甲乙丙丁戊己庚辛壬癸'),
  ideographZodiac: series('子丑寅卯辰巳午未申酉戌亥'),
  // Two signs per number (the sexagenary cycle's first ten).
  ideographZodiacTraditional: (n) =>
    ['甲子', '乙丑', '丙寅', '丁卯', '戊辰', '己巳', '庚午', '辛未', '壬申', '癸酉'][n - 1] ?? String(n),
  // ①–⑳, then ㉑–㉟ and ㊱–㊿ as Word continues the circled series.
  decimalEnclosedCircle: (n) =>
    n >= 1 && n <= 20
      ? String.fromCodePoint(0x2460 + n - 1)
      : n >= 21 && n <= 35
        ? String.fromCodePoint(0x3251 + n - 21)
        : n >= 36 && n <= 50
          ? String.fromCodePoint(0x32b1 + n - 36)
          : String(n),
  decimalEnclosedCircleChinese: range(0x2460, 20),
  decimalEnclosedFullstop: range(0x2488, 20),
  decimalEnclosedParen: range(0x2474, 20),
  ideographEnclosedCircle: range(0x3280, 10),
  ideographParenthesized: range(0x3220, 10),
};

/** Prints `n` in the given `w:numFmt`; unknown formats print as decimal. */
export function formatNumber(n: number, numFmt: string): string {
  return (formats[numFmt] ?? String)(n);
}

export const supportedFormats: readonly string[] = Object.keys(formats);
