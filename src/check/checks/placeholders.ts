import type { Check } from '../types.js';

/**
 * Template text left in a published report: 【待补充】-style brackets, ×× and XX. An error: the
 * report was published unfinished.
 */
const patterns: readonly RegExp[] = [
  // A short bracket naming what is missing, or an instruction of any length after 「待补充：」
  // (the compiled draft's 【待补充：存在的主要问题及改进措施。】).
  /【(?:[^】\n]{0,12}(?:待补充|待填写?|待定|待核实|请填写|填写)[^】\n]{0,12}|\s*(?:待补充|待填写?|待核实|请填写)[：:][^】\n]*)】/g,
  /[×✕╳]{2,}/g,
  /(?<![A-Za-z0-9])[XＸ]{2,}(?![A-Za-z0-9])/g,
];

export const checkPlaceholders: Check = ({ report }, file) => {
  const sources: { text: string; line: number }[] = file.text
    ? [{ text: file.text, line: 1 }]
    : report.sections.map((s) => ({ text: s.text, line: 0 }));
  for (const source of sources) {
    const lines = source.text.split('\n');
    lines.forEach((text, i) => {
      for (const pattern of patterns)
        for (const match of text.matchAll(pattern)) {
          const place = source.line > 0 ? { line: source.line + i, column: (match.index ?? 0) + 1 } : null;
          file.error('check.placeholder', `报告中留有未填写的占位文字「${match[0]}」`, {
            place,
            actual: match[0],
          });
        }
    });
  }
};
