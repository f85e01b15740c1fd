/**
 * The prose as the checks read it (sentences and compacted paragraphs) against the plain reading:
 * each sentence cut from the source text, then folded and compacted on its own.
 */
import { describe, expect, it } from 'vitest';
import type { ProseEvidence } from '../../src/assemble/evidence.js';
import { compactProse, readProse } from '../../src/check/prose/text.js';
import { sentenceEnds } from '../../src/check/prose/vocabulary.js';
import type { Point } from '../../src/core/finding.js';
import { foldText } from '../../src/text/fold.js';

/** The reading as first written: a sentence at a time. */
function plainSentences(prose: readonly ProseEvidence[]) {
  const out: { text: string; place: Point | null; section: number }[] = [];
  for (const { text: whole, place: origin, section } of prose) {
    const ends = new RegExp(sentenceEnds.source, 'g');
    let start = 0;
    const cut = (end: number) => {
      const raw = whole.slice(start, end);
      const text = compactProse(raw);
      if (!text) return;
      const offset = start + Math.max(raw.search(/\S/), 0);
      let place: Point | null = null;
      if (origin) {
        const before = whole.slice(0, offset).split('\n');
        const lines = before.length - 1;
        place =
          lines === 0
            ? { line: origin.line, column: origin.column + offset }
            : { line: origin.line + lines, column: offset - whole.lastIndexOf('\n', offset - 1) };
        if (origin.page !== undefined) place.page = origin.page;
      }
      out.push({ text, place, section });
    };
    for (const match of whole.matchAll(ends)) {
      cut(match.index);
      start = match.index + match[0].length;
    }
    cut(whole.length);
  }
  return out;
}

/** Characters that fold, fold to longer text, are whitespace to one side only, or end sentences. */
const alphabet = [
  ...'申请收到件共条其中公开政府信息',
  ...'0123456789',
  ...'１２３，。；;！!？?：（）',
  ' ',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\t',
  '\n',
  '\r',
  '㈠',
  '①',
  '\ud842\udfb7',
  '【',
  '】',
];

/** Reproducible random paragraphs, folded as the assembler gives its prose. */
function paragraphs(seed: number, count: number): ProseEvidence[] {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  return Array.from({ length: count }, (_, i) => ({
    text: foldText(Array.from({ length: next(40) }, () => alphabet[next(alphabet.length)]).join('')).text,
    place: i % 3 === 2 ? null : { line: 1 + next(50), column: 1 + next(9), ...(i % 2 ? { page: 3 } : {}) },
    section: i % 7,
  }));
}

describe('the prose as the checks read it', () => {
  it('gives the sentences of the plain reading, with their places', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const prose = paragraphs(seed, 4);
      expect(readProse(prose).sentences).toEqual(plainSentences(prose));
    }
  });

  it('gives each paragraph folded and compacted', () => {
    const prose = paragraphs(7, 200);
    expect(readProse(prose).paragraphs).toEqual(prose.map((p) => compactProse(p.text)));
  });

  it('reads a prose array once', () => {
    const prose = paragraphs(3, 2);
    expect(readProse(prose)).toBe(readProse(prose));
  });
});
