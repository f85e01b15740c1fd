/**
 * How text is folded before labels are compared: data, not code. Real reports mix half- and
 * full-width brackets and digits, NBSP and ideographic spaces, and PDF extraction puts spaces
 * inside labels. Folding applies Unicode NFKC (full-width → ASCII, Kangxi radicals → ideographs,
 * U+3000/NBSP → space), then these equivalences; label matching then ignores all whitespace.
 */
export const normalization = {
  /** Characters treated as whitespace (removed when comparing labels, separators between cells). */
  whitespace: [
    ' ',
    '\t',
    '\n',
    '\r',
    '\f',
    '\v',
    '\u00a0',
    '\u2002',
    '\u2003',
    '\u2009',
    '\u200b',
    '\u3000',
    '\ufeff',
  ],
  /** Extra equivalences applied after NFKC: [from, to]. */
  equivalences: [
    ['〔', '['],
    ['〕', ']'],
    ['【', '['],
    ['】', ']'],
    ['﹝', '['],
    ['﹞', ']'],
    ['．', '.'],
    ['。', '。'],
    ['－', '-'],
    ['−', '-'],
    ['–', '-'],
    ['﹣', '-'],
    ['〇', '〇'],
    ['＂', '"'],
    ['「', '“'],
    ['」', '”'],
    // CJK radicals that PDFs give for the characters of the same shape (a font's cmap lists the
    // radical first, as macOS-made PDFs show: 「⻔户网站」「⼈⺠政府」). The Kangxi radicals (U+2F00…)
    // fold by NFKC; these of the supplement do not.
    ['\u2e9d', '月'],
    ['\u2ea0', '民'],
    ['\u2ec5', '见'],
    ['\u2ec6', '角'],
    ['\u2ec9', '贝'],
    ['\u2ecb', '车'],
    ['\u2ed3', '长'],
    ['\u2ed4', '门'],
    ['\u2ed8', '青'],
    ['\u2ed9', '韦'],
    ['\u2eda', '页'],
    ['\u2edb', '风'],
    ['\u2edc', '飞'],
    ['\u2edd', '食'],
    ['\u2ee2', '马'],
    ['\u2ee3', '骨'],
    ['\u2ee4', '鬼'],
    ['\u2ee5', '鱼'],
    ['\u2ee6', '鸟'],
    ['\u2ee7', '卤'],
    ['\u2ee8', '麦'],
    ['\u2ee9', '黄'],
    ['\u2eea', '黾'],
    ['\u2eec', '齐'],
    ['\u2eee', '齿'],
    ['\u2ef0', '龙'],
  ] as const,
  /** Residue of converters, removed before reading (kept to the same length as spaces). */
  residue: [/\[(?:image|bookmark|img|pic)[:：][^\]\n]{0,200}\]/gi],
} as const;
