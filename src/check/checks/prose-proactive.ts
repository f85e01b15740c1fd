import { compactProse, readProse } from '../prose/text.js';
import {
  approximations,
  breakdownEnd,
  breakdownWord,
  comparisons,
  partSeparators,
  proactiveTotal,
  proactiveUnits,
} from '../prose/vocabulary.js';
import type { Check } from '../types.js';

export interface Breakdown {
  total: number;
  /** The counts of the parts listed after 其中. */
  parts: number[];
}

const comparison = new RegExp(comparisons.join('|'));
const comparisonClauses = new RegExp(`^(?:,(?:${comparisons.join('|')})[^,;。()]*)*`);
const count = new RegExp(`(?<![\\d.])(\\d+)(?:${proactiveUnits.join('|')})`, 'g');
const totals = new RegExp(proactiveTotal.source, 'g');

/** Reads the breakdown starting at `start` (just after 其中): its top-level text and where it ends. */
function scanBreakdown(text: string, start: number): { body: string; end: number } {
  let depth = 0;
  let body = '';
  let i = start;
  for (; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) break;
      depth--;
    } else if (ch === breakdownEnd && depth === 0) break;
    else if (depth === 0) body += ch;
  }
  return { body, end: i };
}

/**
 * The breakdowns 「主动公开政府信息N条，其中…a条、…b条」 of a paragraph. A list with an approximate
 * part (「10余条」) or fewer than two counted parts is left out.
 */
export const breakdownsOf = (paragraph: string): Breakdown[] => breakdownsOfCompact(compactProse(paragraph));

/** `breakdownsOf` a paragraph already folded and compacted. */
function breakdownsOfCompact(text: string): Breakdown[] {
  const found: Breakdown[] = [];
  totals.lastIndex = 0;
  for (let match = totals.exec(text); match; match = totals.exec(text)) {
    let at = match.index + match[0].length;
    at += comparisonClauses.exec(text.slice(at))?.[0].length ?? 0;
    at += /^[,;:。(]*/.exec(text.slice(at))?.[0].length ?? 0;
    if (!text.startsWith(breakdownWord, at)) continue;
    at += breakdownWord.length;
    const { body, end } = scanBreakdown(text, at);
    totals.lastIndex = Math.max(end, totals.lastIndex);
    const parts: number[] = [];
    let approximate = false;
    for (const piece of body.split(partSeparators)) {
      const own = piece.split(comparison)[0] ?? '';
      if (approximations.test(own)) approximate = true;
      for (const m of own.matchAll(count)) parts.push(Number(m[1]));
    }
    if (!approximate && parts.length >= 2) found.push({ total: Number(match[1]), parts });
  }
  return found;
}

/** The parts of a stated breakdown of proactively disclosed information must add up to its total. */
export const checkProseProactive: Check = ({ evidence }, file) => {
  if (!evidence) return;
  const { paragraphs } = readProse(evidence.prose);
  evidence.prose.forEach((paragraph, i) => {
    for (const { total, parts } of breakdownsOfCompact(paragraphs[i] as string)) {
      const sum = parts.reduce((a, b) => a + b, 0);
      if (sum === total) continue;
      file.warn(
        'check.prose-proactive-sum',
        `正文称主动公开政府信息 ${total} 条，但其后所列各类信息合计 ${sum} 条（${parts.join(' + ')}）`,
        { place: paragraph.place, actual: String(sum), expected: String(total) },
      );
    }
  });
};
