import { LinePositions } from '../../text/line-positions.js';
import type { Check } from '../types.js';

/**
 * Template text left in a published report: 【待补充】-style brackets, ×× and XX. An error: the
 * report was published unfinished.
 */
const patterns: readonly { pattern: RegExp; marks: readonly string[] }[] = [
  // A short bracket naming what is missing, or an instruction of any length after 「待补充：」
  // (the compiled draft's 【待补充：存在的主要问题及改进措施。】).
  {
    pattern:
      /【(?:[^】\n]{0,12}(?:待补充|待填写?|待定|待核实|请填写|填写)[^】\n]{0,12}|(?:待补充|待填写?|待核实|请填写)[：:][^】\n]*)】/g,
    marks: ['【'],
  },
  { pattern: /[×✕╳]{2,}/g, marks: ['×', '✕', '╳'] },
  { pattern: /(?<![A-Za-z0-9])[XＸ]{2,}(?![A-Za-z0-9])/g, marks: ['XX', 'XＸ', 'ＸX', 'ＸＸ'] },
];

/**
 * A pattern's matches; none looked for where the text holds none of the characters every match
 * holds (most reports: a plain search is much cheaper than running the pattern over the text).
 */
const matchesOf = (text: string, { pattern, marks }: (typeof patterns)[number]): RegExpMatchArray[] =>
  marks.some((m) => text.includes(m)) ? [...text.matchAll(pattern)] : [];

/**
 * A character of some pattern's marks: text without any (nearly every report) is settled by one
 * scan, not one search per mark.
 */
const anyMark = /[【×✕╳XＸ]/;

export const checkPlaceholders: Check = ({ report }, file) => {
  const sources: { text: string; placed: boolean }[] = file.text
    ? [{ text: file.text, placed: true }]
    : report.sections.map((s) => ({ text: s.text, placed: false }));
  for (const source of sources) {
    // The patterns match within a line; they run over the whole text at once (a match never
    // spans a line break) and only a match is placed.
    if (!anyMark.test(source.text)) continue;
    const matches = patterns
      .flatMap((p) => matchesOf(source.text, p))
      .sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    const positions = source.placed && matches.length > 0 ? new LinePositions(source.text) : undefined;
    for (const match of matches) {
      const place = positions?.at(match.index ?? 0) ?? null;
      file.error('check.placeholder', `报告中留有未填写的占位文字「${match[0]}」`, {
        place,
        actual: match[0],
      });
    }
  }
};
