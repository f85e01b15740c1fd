/** Prose as the prose checks read it: folded, compacted and cut into sentences with places. */
import type { ProseEvidence } from '../../assemble/evidence.js';
import type { Point } from '../../core/finding.js';
import { codeAt } from '../../text/code-unit.js';
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
  const c = codeAt(text, index);
  return c >= 48 && c <= 57;
};

/** For each UTF-16 code unit: 1 when `sentenceEnds` matches it, 2 when not, 0 not yet asked. */
const endUnits = new Uint8Array(0x10000);

/** Where the next sentence end is, from `from` on (the text's length when there is none). */
function nextEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = codeAt(text, i);
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
 * The sentences of the (folded) prose, cut at 。;!?, in order, empty ones left out, each
 * compacted.
 */
export const sentencesOf = (prose: readonly ProseEvidence[]): Sentence[] => readProse(prose).sentences;

/**
 * Adds one paragraph and its sentences to `read`. The paragraph's text is folded already (as
 * `ProseEvidence` says: the assembler's prose is made of folded tokens, and a report read from
 * JSON folds its prose), so it is not folded again; folded text holds no line break (whitespace
 * folds to a space), so every sentence is on the paragraph's line.
 */
function readParagraph(paragraph: ProseEvidence, read: ReadProse): void {
  const whole = paragraph.text;
  const origin = paragraph.place;
  // Most paragraphs have no whitespace: then none is looked for per sentence.
  const spaced = hasSpace.test(whole);
  read.paragraphs.push(spaced ? compactFolded(whole) : whole);
  let start = 0;
  for (;;) {
    const end = nextEnd(whole, start);
    const text = spaced ? compactFolded(whole.slice(start, end)) : whole.slice(start, end);
    if (text) {
      read.sentences.push({
        text,
        place: origin && placeAt(origin, spaced ? firstNonSpace(whole, start, end) : start),
        section: paragraph.section,
      });
    }
    if (end === whole.length) return;
    start = end + 1;
  }
}

/** The first character of [start, end) that is not whitespace (`start` when there is none). */
function firstNonSpace(text: string, start: number, end: number): number {
  nonSpace.lastIndex = start;
  const lead = nonSpace.exec(text)?.index ?? end;
  return lead < end ? lead : start;
}

/** The place of the paragraph's character at `offset` (on the paragraph's line). */
function placeAt(origin: Point, offset: number): Point {
  const place: Point = { line: origin.line, column: origin.column + offset };
  if (origin.page !== undefined) place.page = origin.page;
  return place;
}

/** The clauses of a sentence (cut at commas and colons). */
export const clausesOf = (sentence: string, ends: RegExp): string[] => sentence.split(ends);

/** True when the text contains any of the words. */
export const mentions = (text: string, words: readonly string[]): boolean =>
  words.some((w) => text.includes(w));
