import type { Check } from '../types.js';

/**
 * Template text left in a published report: 【待补充】-style brackets, ×× and XX. An error: the
 * report was published unfinished.
 */
const patterns: readonly RegExp[] = [
  // A short bracket naming what is missing, or an instruction of any length after 「待补充：」
  // (the compiled draft's 【待补充：存在的主要问题及改进措施。】).
  /【(?:[^】\n]{0,12}(?:待补充|待填写?|待定|待核实|请填写|填写)[^】\n]{0,12}|(?:待补充|待填写?|待核实|请填写)[：:][^】\n]*)】/g,
  /[×✕╳]{2,}/g,
  /(?<![A-Za-z0-9])[XＸ]{2,}(?![A-Za-z0-9])/g,
];

/** 1-based line and column of `index` in `text`, counting from `lineStarts` (the offsets of lines). */
function placeOf(lineStarts: readonly number[], index: number): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] as number) <= index) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: index - (lineStarts[lo] as number) + 1 };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export const checkPlaceholders: Check = ({ report }, file) => {
  const sources: { text: string; placed: boolean }[] = file.text
    ? [{ text: file.text, placed: true }]
    : report.sections.map((s) => ({ text: s.text, placed: false }));
  for (const source of sources) {
    // The patterns match within a line; they run over the whole text at once (a match never
    // spans a line break) and only a match is placed.
    let lineStarts: number[] | undefined;
    const matches = patterns
      .flatMap((pattern) => [...source.text.matchAll(pattern)])
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    for (const match of matches) {
      lineStarts ??= source.placed ? lineStartsOf(source.text) : [];
      const place = source.placed ? placeOf(lineStarts, match.index ?? 0) : null;
      file.error('check.placeholder', `报告中留有未填写的占位文字「${match[0]}」`, {
        place,
        actual: match[0],
      });
    }
  }
};
