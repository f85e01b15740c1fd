import { formatForYear, formats } from '../spec/registry.js';
import type { FormatSpec } from '../spec/types.js';
import { compact } from '../text/fold.js';

const compiled = new Map<FormatSpec, string[]>();
const signaturesOf = (spec: FormatSpec): string[] => {
  let list = compiled.get(spec);
  if (!list) {
    list = spec.signatures.map(compact);
    compiled.set(spec, list);
  }
  return list;
};

export interface FormatDecision {
  spec: FormatSpec;
  /** Signature labels of each format found in the text. */
  scores: Record<string, number>;
  /** How it was decided. */
  basis: 'labels' | 'year' | 'default';
}

/** How many of each format's signature labels the text prints, by format id. */
export function formatScores(streamText: string): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const spec of formats) {
    let score = 0;
    for (const s of signaturesOf(spec)) if (streamText.includes(s)) score++;
    scores[spec.id] = score;
  }
  return scores;
}

/**
 * Decides the table format from the labels the report prints (each format's `signatures`), and
 * only when the labels don't tell, from the year. `scores` (from `formatScores`) saves counting
 * the labels again.
 */
export function detectFormat(
  streamText: string,
  year: number | null,
  scores: Record<string, number> = formatScores(streamText),
): FormatDecision {
  let best: FormatSpec | null = null;
  let bestScore = 0;
  let tie = false;
  for (const spec of formats) {
    const score = scores[spec.id] ?? 0;
    if (score > bestScore) {
      best = spec;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) tie = true;
  }
  if (best && !tie) return { spec: best, scores, basis: 'labels' };
  const byYear = year !== null ? formatForYear(year) : undefined;
  if (byYear) return { spec: byYear, scores, basis: 'year' };
  return { spec: formats[0] as FormatSpec, scores, basis: 'default' };
}
