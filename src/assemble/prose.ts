import type { Section } from '../core/report.js';
import { compact } from '../text/fold.js';
import type { Evidence } from './evidence.js';
import type { Outline } from './outline.js';
import type { TableLocation } from './rows.js';
import type { HeadingMatch } from './sections.js';
import type { TokenStream } from './stream.js';
import { headerStart } from './tables.js';
import { pointOf, type Token } from './tokens.js';

/**
 * Blocks that only repeat a table's title (「主动公开政府信息情况」 as an HTML caption or a line
 * above the table, with or without 「表二」): captions, not prose.
 */
function captionBlocks(tokens: readonly Token[], tables: readonly TableLocation[]): Set<number> {
  const titles = new Set(tables.map((t) => compact(t.table.title)));
  const lengths = [...titles].map((t) => t.length);
  const longest = Math.max(0, ...lengths) + 6;
  const shortest = Math.min(...lengths);
  const blocks = (tokens.at(-1)?.block ?? -1) + 1;
  const length = new Int32Array(blocks);
  for (const t of tokens) length[t.block] = (length[t.block] as number) + t.text.length;
  const text = new Map<number, string>();
  for (const t of tokens)
    if ((length[t.block] as number) <= longest && (length[t.block] as number) >= shortest)
      text.set(t.block, (text.get(t.block) ?? '') + (t.kind === 'text' ? t.text : '#'));
  const captions = new Set<number>();
  for (const [block, words] of text) {
    const bare = words.replace(/^(?:表[一二三四五六七八九十]+|[一二三四五六七八九十]+、)[:.、]?/, '');
    if (titles.has(bare)) captions.add(block);
  }
  return captions;
}

/** Tokens that are only Markdown or table punctuation (「|」「##」「:---:」「**」). */
const markup = /^[|#*>`:\-_=~]+$/;

/** The parts of the report with their prose, and the prose stretches for the checker; tables left out. */
export function sectionsAndProse(
  stream: TokenStream,
  parts: Outline,
  tables: readonly TableLocation[],
  signatureLine: number | null,
): { sections: Section[]; prose: Evidence['prose'] } {
  const tokens = stream.tokens;
  const signatureBlock =
    signatureLine === null ? null : (tokens.find((t) => t.line >= signatureLine && t.first)?.block ?? null);
  const ranges: (readonly [number, number])[] = [];
  for (const t of tables) {
    if (t.rows.length === 0) continue;
    const first = t.rows[0];
    const from = first?.label ? first.label.firstToken : (first?.from ?? 0);
    ranges.push([headerStart(stream, t, from), Math.max(...t.rows.map((r) => r.to))]);
    // A table's note (the 勾稽 note) may stand under it rather than in its header.
    for (const part of t.table.parts) {
      const note = part.note ? stream.find(part.note, t.start, t.end) : null;
      if (note) ranges.push([noteStart(stream, note.firstToken), noteEnd(stream, note.endToken - 1)]);
    }
  }
  // Left out of the parts' text: the tables and their captions, the closing signature, and
  // Markdown punctuation. Marked once per token.
  const captions = captionBlocks(tokens, tables);
  const skipped = new Uint8Array(tokens.length);
  for (const [a, b] of ranges) skipped.fill(1, a, b);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (
      captions.has(t.block) ||
      (t.kind === 'text' && markup.test(t.text)) ||
      (signatureLine !== null && t.line >= signatureLine && t.block >= (signatureBlock ?? Infinity))
    )
      skipped[i] = 1;
  }
  const inTable = (i: number) => skipped[i] === 1;
  const sections = parts.ordered.map((h, index) => ({
    number: h.section.number,
    title: h.title,
    text: joinTokens(
      tokens,
      stream.tokenAt(h.end),
      stream.tokenAt(parts.ordered[index + 1]?.start ?? stream.text.length),
      inTable,
    ),
    line: tokens[stream.tokenAt(h.start)]?.line ?? null,
  }));
  return { sections, prose: proseOf(tokens, parts.ordered, stream, inTable) };
}

function joinTokens(
  tokens: readonly Token[],
  from: number,
  to: number,
  skip: (i: number) => boolean,
): string {
  const parts: string[] = [];
  let last = '';
  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    const t = tokens[i] as Token;
    if (parts.length > 0 && (t.first || t.spaced) && last !== ' ' && last !== '\n')
      parts.push(t.first ? '\n' : ' ');
    parts.push(t.text);
    last = t.text.at(-1) ?? last;
  }
  return parts.join('').trim();
}

function proseOf(
  tokens: readonly Token[],
  headings: readonly HeadingMatch[],
  stream: TokenStream,
  skip: (i: number) => boolean,
): Evidence['prose'] {
  const prose: Evidence['prose'] = [];
  const starts = headings.map((h) => ({ at: stream.tokenAt(h.start), number: h.section.number }));
  let current: { text: string; place: ReturnType<typeof pointOf>; section: number; block: number } | null =
    null;
  let section = 0;
  let nextHeading = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (nextHeading < starts.length && (starts[nextHeading]?.at ?? Infinity) <= i) {
      section = starts[nextHeading]?.number ?? section;
      nextHeading++;
      if (current) prose.push(current);
      current = null;
    }
    const t = tokens[i] as Token;
    if (skip(i)) {
      if (current) prose.push(current);
      current = null;
      continue;
    }
    if (!current || current.block !== t.block) {
      if (current) prose.push(current);
      current = { text: t.text, place: pointOf(t), section, block: t.block };
      continue;
    }
    current.text += (t.spaced ? ' ' : '') + t.text;
  }
  if (current) prose.push(current);
  return prose.map(({ text, place, section }) => ({ text, place, section }));
}

/** The note's tokens: from its opening bracket to its closing one, on the same stretch of text. */
function noteStart(stream: TokenStream, at: number): number {
  let k = at;
  while (k > 0 && !/^\(/.test(stream.tokens[k]?.text ?? '') && at - k < 3) k--;
  return /^\(/.test(stream.tokens[k]?.text ?? '') ? k : at;
}

function noteEnd(stream: TokenStream, at: number): number {
  for (let k = at; k < stream.tokens.length && k - at < 12; k++)
    if (/\)$/.test(stream.tokens[k]?.text ?? '')) return k + 1;
  return at + 1;
}
