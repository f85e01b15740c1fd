/** Prose as the prose checks read it: folded, compacted and cut into sentences with places. */
import type { ProseEvidence } from '../../assemble/evidence.js';
import type { Point } from '../../core/finding.js';
import { foldText } from '../../text/fold.js';
import { sentenceEnds } from './vocabulary.js';

export interface Sentence {
  /** Folded, compacted text. */
  text: string;
  /** Where the sentence starts in the source (null when the paragraph has no place). */
  place: Point | null;
  /** The part it belongs to. */
  section: number;
}

/** Folds (NFKC, the spec's equivalences) and removes whitespace, except a space between two digits. */
export function compactProse(text: string): string {
  const folded = foldText(text).text;
  if (!hasSpace.test(folded)) return folded;
  return folded.replace(/\s+/g, (space, offset: number, whole: string) =>
    isDigitAt(whole, offset - 1) && isDigitAt(whole, offset + space.length) ? ' ' : '',
  );
}

const hasSpace = /\s/;

/** An ASCII digit at the index (none outside the string). */
const isDigitAt = (text: string, index: number): boolean => {
  const c = text.charCodeAt(index);
  return c >= 48 && c <= 57;
};

const sentenceCache = new WeakMap<readonly ProseEvidence[], Sentence[]>();

/**
 * The sentences of the prose (cut at 。；!? and line breaks), in order, empty ones left out. The
 * checks of one report share them: the result is kept for the same prose array.
 */
export function sentencesOf(prose: readonly ProseEvidence[]): Sentence[] {
  const cached = sentenceCache.get(prose);
  if (cached) return cached;
  const sentences: Sentence[] = [];
  const ends = new RegExp(sentenceEnds.source, 'g');
  for (const paragraph of prose) {
    const whole = paragraph.text;
    let start = 0;
    // Where the sentence starts, advanced line by line (not recounted from the paragraph's start).
    let counted = 0;
    let lines = 0;
    let lastBreak = -1;
    const placeOf = (offset: number): Point | null => {
      const origin = paragraph.place;
      if (!origin) return null;
      for (let i = whole.indexOf('\n', counted); i >= 0 && i < offset; i = whole.indexOf('\n', i + 1)) {
        lines++;
        lastBreak = i;
      }
      counted = Math.max(counted, offset);
      const point: Point =
        lines === 0
          ? { line: origin.line, column: origin.column + offset }
          : { line: origin.line + lines, column: offset - lastBreak };
      if (origin.page !== undefined) point.page = origin.page;
      return point;
    };
    const cut = (end: number) => {
      const raw = whole.slice(start, end);
      const text = compactProse(raw);
      if (text) {
        const lead = raw.search(/\S/);
        sentences.push({ text, place: placeOf(start + Math.max(lead, 0)), section: paragraph.section });
      }
    };
    for (const match of whole.matchAll(ends)) {
      cut(match.index);
      start = match.index + match[0].length;
    }
    cut(whole.length);
  }
  sentenceCache.set(prose, sentences);
  return sentences;
}

/** The clauses of a sentence (cut at commas and colons). */
export const clausesOf = (sentence: string, ends: RegExp): string[] => sentence.split(ends);

/** True when the text contains any of the words. */
export const mentions = (text: string, words: readonly string[]): boolean =>
  words.some((w) => text.includes(w));
