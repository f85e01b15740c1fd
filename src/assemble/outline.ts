import type { Point } from '../core/finding.js';
import type { Block, Paragraph } from '../read/blocks.js';
import type { SectionSpec } from '../spec/types.js';
import { foldedOf } from '../text/fold.js';
import { chooseHeadings, findHeadings, type HeadingMatch, withoutContents } from './sections.js';
import type { TokenStream } from './stream.js';

/** The report's parts: every heading found, the one that opens each part, and the preface's count. */
export interface Outline {
  /** Every heading-like match, in stream order (duplicates included, a table of contents not). */
  all: readonly HeadingMatch[];
  /** The heading that opens each part, by part number. */
  chosen: Map<number, HeadingMatch>;
  /** The chosen headings in stream order. */
  ordered: HeadingMatch[];
  /** Index of the block where the body (the first heading) starts. */
  bodyBlock: number;
  /** How many parts the preface says the report has (「共7部分」「六个部分」). */
  announced: { count: number; place: Point | null } | null;
}

const announcement = /(?:共|等|计)\s*([一二三四五六七八九十]|\d{1,2})\s*(?:个)?\s*部分/;

export function outline(
  stream: TokenStream,
  blocks: readonly Block[],
  sections: readonly SectionSpec[],
): Outline {
  // (A table of contents is none of them: its headings are written again where their parts start.)
  const all = withoutContents(findHeadings(stream, sections), stream.text);
  const chosen = chooseHeadings(all);
  const ordered = [...chosen.values()].sort((a, b) => a.start - b.start);
  const first = ordered[0];
  const bodyBlock = first ? (stream.tokens[stream.tokenAt(first.start)]?.block ?? 0) : 0;
  return {
    all,
    chosen,
    ordered,
    bodyBlock,
    announced: announcedParts(blocks, first ? bodyBlock : Math.min(blocks.length, 8)),
  };
}

function announcedParts(blocks: readonly Block[], lastBlock: number): Outline['announced'] {
  const preface = blocks.slice(0, lastBlock + 1).filter((b): b is Paragraph => b.type === 'paragraph');
  for (const p of preface) {
    const m = announcement.exec(foldedOf(p).text);
    if (!m) continue;
    const numeral = m[1] as string;
    const count = /\d/.test(numeral) ? Number(numeral) : '一二三四五六七八九十'.indexOf(numeral) + 1;
    return { count, place: { line: p.line, column: p.column } };
  }
  return null;
}
