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
  return foldText(text).text.replace(/\s+/g, (space, offset: number, whole: string) =>
    /\d/.test(whole[offset - 1] ?? '') && /\d/.test(whole[offset + space.length] ?? '') ? ' ' : '',
  );
}

/** The point `offset` code units into a text that starts at `start`. */
export function pointAt(start: Point | null, text: string, offset: number): Point | null {
  if (!start) return null;
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  const point: Point =
    lines === 0
      ? { line: start.line, column: start.column + offset }
      : { line: start.line + lines, column: offset - lastBreak };
  if (start.page !== undefined) point.page = start.page;
  return point;
}

/** The sentences of the prose (cut at 。；!? and line breaks), in order, empty ones left out. */
export function sentencesOf(prose: readonly ProseEvidence[]): Sentence[] {
  const sentences: Sentence[] = [];
  const ends = new RegExp(sentenceEnds.source, 'g');
  for (const paragraph of prose) {
    let start = 0;
    const cut = (end: number) => {
      const text = compactProse(paragraph.text.slice(start, end));
      if (text) {
        const lead = paragraph.text.slice(start, end).search(/\S/);
        sentences.push({
          text,
          place: pointAt(paragraph.place, paragraph.text, start + Math.max(lead, 0)),
          section: paragraph.section,
        });
      }
    };
    for (const match of paragraph.text.matchAll(ends)) {
      cut(match.index);
      start = match.index + match[0].length;
    }
    cut(paragraph.text.length);
  }
  return sentences;
}

/** The clauses of a sentence (cut at commas and colons). */
export const clausesOf = (sentence: string, ends: RegExp): string[] => sentence.split(ends);

/** True when the text contains any of the words. */
export const mentions = (text: string, words: readonly string[]): boolean =>
  words.some((w) => text.includes(w));
