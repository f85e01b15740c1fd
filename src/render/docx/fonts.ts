/**
 * The fonts of GB/T 9704-2012 and their free fallbacks. Runs name the official fonts (w:rFonts
 * eastAsia); the font table describes each one (panose, charset, family, pitch) and names, as its
 * alternate, a free font of the same kind that fonts-noto-cjk provides, so a machine without the
 * official fonts still sets 仿宋 and 小标宋 as a serif and 黑体 as a sans-serif.
 */

export interface FontFace {
  /** The name runs use. */
  name: string;
  /** Free fonts of the same kind, best first (the first one is the table's w:altName). */
  fallbacks: readonly string[];
  /** w:panose1 of the official font. */
  panose: string;
  /** w:charset: 86 is GB2312, 00 ANSI. */
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable';
}

/** Latin letters and digits of body text and tables (GB/T 9704 practice). */
export const latin: FontFace = {
  name: 'Times New Roman',
  fallbacks: ['Liberation Serif', 'DejaVu Serif'],
  panose: '02020603050405020304',
  charset: '00',
  family: 'roman',
  pitch: 'variable',
};

/** 仿宋_GB2312: body text and tables. */
export const fangsong: FontFace = {
  name: '仿宋_GB2312',
  fallbacks: ['Noto Serif CJK SC', '仿宋', 'FangSong'],
  panose: '02010609030101010101',
  charset: '86',
  family: 'modern',
  pitch: 'fixed',
};

/** 黑体: 一级标题 and table headers. */
export const heiti: FontFace = {
  name: '黑体',
  fallbacks: ['Noto Sans CJK SC', 'SimHei'],
  panose: '02010609060101010101',
  charset: '86',
  family: 'modern',
  pitch: 'fixed',
};

/** 楷体_GB2312: 二级标题. No free 楷体 ships with fonts-noto-cjk: a serif stands in. */
export const kaiti: FontFace = {
  name: '楷体_GB2312',
  fallbacks: ['Noto Serif CJK SC', '楷体', 'KaiTi'],
  panose: '02010609030101010101',
  charset: '86',
  family: 'modern',
  pitch: 'fixed',
};

/** 方正小标宋简体: the title. */
export const xiaobiaosong: FontFace = {
  name: '方正小标宋简体',
  fallbacks: ['Noto Serif CJK SC Bold', 'Noto Serif CJK SC', '宋体'],
  panose: '02000000000000000000',
  charset: '86',
  family: 'auto',
  pitch: 'variable',
};

/** 宋体: page numbers (GB/T 9704: 4号半角宋体阿拉伯数字). */
export const songti: FontFace = {
  name: '宋体',
  fallbacks: ['Noto Serif CJK SC', 'SimSun'],
  panose: '02010600030101010101',
  charset: '86',
  family: 'auto',
  pitch: 'variable',
};

export const faces: readonly FontFace[] = [latin, fangsong, heiti, kaiti, xiaobiaosong, songti];

/** w:rFonts of a run: Chinese in `face`, Latin letters and digits in `latinFace`. */
export const runFonts = (face: FontFace, latinFace: FontFace = latin) => ({
  eastAsia: face.name,
  ascii: latinFace.name,
  hAnsi: latinFace.name,
  cs: latinFace.name,
});

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml describing every face with its fallback as w:altName. */
export function fontTableXml(): string {
  const fonts = faces.map(
    (f) =>
      `<w:font w:name="${escapeXml(f.name)}">` +
      `<w:altName w:val="${escapeXml(f.fallbacks.join(','))}"/>` +
      `<w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="${f.charset}"/>` +
      `<w:family w:val="${f.family}"/>` +
      `<w:pitch w:val="${f.pitch}"/>` +
      `</w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts.join('')}</w:fonts>`
  );
}
