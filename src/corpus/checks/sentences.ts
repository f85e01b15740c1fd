/**
 * A report's prose as sentences for copy detection: split at 。！？；and line ends, spacing removed
 * and digits folded (a copied report with the year changed is still copied), headings, short
 * sentences and the official format's fixed wording left out.
 */
import type { Section } from '../../core/report.js';

/** Fixed wording of the official format and its usual notes: never evidence of copying. */
export const fixedWording: readonly RegExp[] = [
  /^本(年度)?报告(是)?根据《中华人民共和国政府信息公开条例》/,
  /^本报告(中)?所列数据的统计期限/,
  /^本报告(的)?电子版可在/,
  /^如对本报告有任何疑问/,
  /^(一|二|三|四|五|六)、/,
  /^[（(][一二三四五六七八九十]+[）)]/,
  /^\d+[.．、]/,
  /收到和处理政府信息公开申请情况$/,
  /主动公开政府信息情况$/,
  /行政复议、行政诉讼情况$/,
  /^暂无其他需要报告的事项$/,
  /^无$/,
];

export const minSentenceLength = 12;

export interface Sentence {
  /** As written. */
  raw: string;
  /** Normalised: what copies are compared by. */
  key: string;
}

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[0-9]+/g, '#');

export function sentencesOf(sections: readonly Section[]): Sentence[] {
  const out: Sentence[] = [];
  for (const section of sections)
    for (const piece of section.text.split(/(?<=[。！？；!?;])|\n/)) {
      const raw = piece.trim();
      const key = normalise(raw).replace(/[。！？；!?;，,、：:]+$/, '');
      if (key.length < minSentenceLength) continue;
      if (fixedWording.some((p) => p.test(key))) continue;
      out.push({ raw, key });
    }
  return out;
}

/** The 1-based line and column of a passage in the report's text, when it is there verbatim. */
export function placeOf(text: string, passage: string): { line: number; column: number } | null {
  const at = text.indexOf(passage);
  if (at < 0) return null;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** A line that is only a page number or running footer of a printed page: 「- 3 -」「第 2 页 共 5 页」. */
const pageLine = /^[-—–－\s]*\d+[-—–－\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/;

/**
 * Prose folded so that copies of one report compare equal whatever their file form: a PDF's text
 * wraps lines anywhere and adds page numbers, a web page spaces differently, and a copy may use
 * half- or full-width punctuation. Page-number lines go, the lines of each part are joined, then
 * NFKC (full-width forms to their plain ones), every whitespace removed and curly quotes made
 * straight. Digits are kept: a changed figure is a change.
 */
export function foldProse(text: string): string {
  return text
    .split('\n')
    .filter((line) => !pageLine.test(line.trim()))
    .join('')
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‘’′]/g, "'");
}

/**
 * A report's prose as folded sentences (split at 。!?; only, never at line ends) for comparing two
 * versions of one report: `raw` is the folded sentence, `key` the same without its final stop.
 */
export function foldedSentences(sections: readonly Section[]): Sentence[] {
  const out: Sentence[] = [];
  for (const section of sections)
    for (const raw of foldProse(section.text).split(/(?<=[。!?;])/)) {
      const key = raw.replace(/[。!?;,、:]+$/, '');
      if (key.length > 0) out.push({ raw, key });
    }
  return out;
}
