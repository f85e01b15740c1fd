import type { SectionSpec } from '../spec/types.js';
import { compact } from '../text/fold.js';
import type { TokenStream } from './stream.js';

export interface HeadingMatch {
  section: SectionSpec;
  /** Offsets in the compact stream: from the numeral to the end of the title. */
  start: number;
  end: number;
  title: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<SectionSpec, RegExp>();

/** Numeral, an optional separator, a few lead characters, then one of the title's keys. */
function headingPattern(section: SectionSpec): RegExp {
  let pattern = patterns.get(section);
  if (!pattern) {
    const keys = section.keys.map((k) => escapeRegExp(compact(k))).join('|');
    pattern = new RegExp(
      `(?<![(\\[])${section.numeral}[、.,:]?[^、。,;:#_()]{0,${section.lead ?? 4}}?(?:${keys})`,
      'g',
    );
    patterns.set(section, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

const keysOf = new WeakMap<SectionSpec, string[]>();

/** The section's title keys, folded and without whitespace. */
function compactKeys(section: SectionSpec): string[] {
  let keys = keysOf.get(section);
  if (!keys) {
    keys = section.keys.map((k) => compact(k));
    keysOf.set(section, keys);
  }
  return keys;
}

/** Every place where a part's heading (numeral, separator, title words) stands, in stream order. */
export function findHeadings(stream: TokenStream, sections: readonly SectionSpec[]): HeadingMatch[] {
  const matches: HeadingMatch[] = [];
  for (const section of sections) {
    const pattern = headingPattern(section);
    const official = compact(section.title);
    for (const m of stream.text.matchAll(pattern)) {
      const start = m.index ?? 0;
      let end = start + m[0].length;
      // Extend over the rest of the official title where the report follows it.
      const matchedKey = compactKeys(section).find((k) => m[0].endsWith(k)) ?? '';
      let at = official.indexOf(matchedKey);
      if (at !== -1) {
        at += matchedKey.length;
        while (at < official.length && stream.text[end] === official[at]) {
          end++;
          at++;
        }
      }
      end = restOfLine(stream, end);
      matches.push({ section, start, end, title: stream.text.slice(start, end) });
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/**
 * The matches with a table of contents left out: three headings or more in the parts' order with
 * no more than the rest of a title, dots or a page number between them (「一、总体情况」「二、主动
 * 公开政府信息情况」…, a line each or on one line), each written again later. The parts then open
 * at their later headings, where their text is (the contents' would hold no table).
 */
export function withoutContents(matches: readonly HeadingMatch[], text: string): readonly HeadingMatch[] {
  let out: HeadingMatch[] | null = null;
  for (let i = 0; i < matches.length; ) {
    let j = i + 1;
    while (j < matches.length) {
      const before = matches[j - 1] as HeadingMatch;
      const m = matches[j] as HeadingMatch;
      if (m.section.number <= before.section.number || !titleGap(text, before.end, m.start)) break;
      j++;
    }
    const run = matches.slice(i, j);
    const again = (m: HeadingMatch) => matches.slice(j).some((l) => l.section === m.section);
    if (run.length >= 3 && run.every(again)) out ??= matches.slice(0, i);
    else out?.push(...run);
    i = j;
  }
  return out ?? matches;
}

/** Whether the compact text between two headings is no more than a title's rest, dots or a page number. */
const titleGap = (text: string, from: number, to: number): boolean =>
  to >= from && to - from <= 16 && !/[。;!?]/.test(text.slice(from, to));

/**
 * The heading that opens each part: walking the stream in order, the first heading of a part
 * that comes after the part before it.
 */
export function chooseHeadings(matches: readonly HeadingMatch[]): Map<number, HeadingMatch> {
  const chosen = new Map<number, HeadingMatch>();
  let last = 0;
  let lastEnd = -1;
  for (const m of matches) {
    if (m.section.number <= last || chosen.has(m.section.number) || m.start < lastEnd) continue;
    chosen.set(m.section.number, m);
    last = m.section.number;
    lastEnd = m.end;
  }
  return chosen;
}

/**
 * A heading on a line of its own keeps the words after the matched title
 * (「四、因政府信息公开工作被申请行政复议、提起行政诉讼情况」): a few words, no figure, no sentence.
 */
function restOfLine(stream: TokenStream, end: number): number {
  const i = stream.tokenAt(Math.max(0, end - 1));
  const token = stream.tokens[i];
  if (!token?.last) return end;
  const tokenEnd = stream.offsetOf(i + 1);
  const rest = stream.text.slice(end, tokenEnd);
  const titleLike = /^、|(?:情况|事项|问题)$/.test(rest);
  return rest.length > 0 && rest.length <= 16 && titleLike && !/[#_。;:!?]/.test(rest) ? tokenEnd : end;
}
