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

/** The prose of one report as the checks read it, made once and shared by them. */
export interface ReadProse {
  /** Each paragraph folded and compacted (`compactProse`), in the order of the prose. */
  paragraphs: string[];
  sentences: Sentence[];
}

/** Folds (NFKC, the spec's equivalences) and removes whitespace, except a space between two digits. */
export function compactProse(text: string): string {
  return compactFolded(foldText(text).text);
}

/** Removes whitespace from folded text, except a space between two digits. */
function compactFolded(folded: string): string {
  if (!hasSpace.test(folded)) return folded;
  return folded.replace(/\s+/g, (space, offset: number, whole: string) =>
    isDigitAt(whole, offset - 1) && isDigitAt(whole, offset + space.length) ? ' ' : '',
  );
}

const hasSpace = /\s/;
const nonSpace = /\S/g;

/** An ASCII digit at the index (none outside the string). */
const isDigitAt = (text: string, index: number): boolean => {
  if (index < 0 || index >= text.length) return false;
  const c = text.charCodeAt(index);
  return c >= 48 && c <= 57;
};

/** For each UTF-16 code unit: 1 when `sentenceEnds` matches it, 2 when not, 0 not yet asked. */
const endUnits = new Uint8Array(0x10000);

/** Where the next sentence end is, from `from` on (the text's length when there is none). */
function nextEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let known = endUnits[code];
    if (known === 0) {
      // The pattern is a class of single characters (no `u` flag: it matches code units).
      known = sentenceEnds.test(String.fromCharCode(code)) ? 1 : 2;
      endUnits[code] = known;
    }
    if (known === 1) return i;
  }
  return text.length;
}

const readCache = new WeakMap<readonly ProseEvidence[], ReadProse>();

/**
 * The paragraphs and sentences of the prose. The checks of one report share them: the result is
 * kept for the same prose array.
 */
export function readProse(prose: readonly ProseEvidence[]): ReadProse {
  let read = readCache.get(prose);
  if (!read) {
    read = { paragraphs: [], sentences: [] };
    for (const paragraph of prose) readParagraph(paragraph, read);
    readCache.set(prose, read);
  }
  return read;
}

/**
 * The sentences of the prose (cut at 。；!? and line breaks), in order, empty ones left out, each
 * folded and compacted.
 */
export const sentencesOf = (prose: readonly ProseEvidence[]): Sentence[] => readProse(prose).sentences;

/** Adds one paragraph and its sentences to `read`. */
function readParagraph(paragraph: ProseEvidence, read: ReadProse): void {
  const whole = paragraph.text;
  const origin = paragraph.place;
  // The paragraph is folded once. Folding maps each code unit on its own: when none changes
  // length (the map is null), a sentence's folded text is that slice of the folded paragraph.
  const folded = foldText(whole);
  const sameLength = folded.map === null ? folded.text : null;
  // Most paragraphs have no whitespace, before or after folding: then none is looked for per sentence.
  const compacted = !hasSpace.test(folded.text);
  const spaced = hasSpace.test(whole);
  read.paragraphs.push(compacted ? folded.text : compactFolded(folded.text));
  // Where the sentence starts, advanced line by line (not recounted from the paragraph's start).
  let counted = 0;
  let lines = 0;
  let lastBreak = -1;
  let start = 0;
  for (;;) {
    const end = nextEnd(whole, start);
    const text =
      sameLength === null
        ? compactProse(whole.slice(start, end))
        : compacted
          ? sameLength.slice(start, end)
          : compactFolded(sameLength.slice(start, end));
    if (text) {
      let offset = start;
      if (spaced) {
        nonSpace.lastIndex = start;
        const lead = nonSpace.exec(whole)?.index ?? end;
        if (lead < end) offset = lead;
      }
      let place: Point | null = null;
      if (origin) {
        for (let i = whole.indexOf('\n', counted); i >= 0 && i < offset; i = whole.indexOf('\n', i + 1)) {
          lines++;
          lastBreak = i;
        }
        counted = Math.max(counted, offset);
        place =
          lines === 0
            ? { line: origin.line, column: origin.column + offset }
            : { line: origin.line + lines, column: offset - lastBreak };
        if (origin.page !== undefined) place.page = origin.page;
      }
      read.sentences.push({ text, place, section: paragraph.section });
    }
    if (end === whole.length) return;
    start = end + 1;
  }
}

/** The clauses of a sentence (cut at commas and colons). */
export const clausesOf = (sentence: string, ends: RegExp): string[] => sentence.split(ends);

/** True when the text contains any of the words. */
export const mentions = (text: string, words: readonly string[]): boolean =>
  words.some((w) => text.includes(w));
