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
  ] as const,
  /** Residue of converters, removed before reading (kept to the same length as spaces). */
  residue: [/\[(?:image|bookmark|img|pic)[:：][^\]\n]{0,200}\]/gi],
} as const;
