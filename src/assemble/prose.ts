import type { Section } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import type { Block } from '../read/blocks.js';
import { codeAt } from '../text/code-unit.js';
import { compact, foldedOf } from '../text/fold.js';
import type { Evidence } from './evidence.js';
import { dateIn } from './meta.js';
import type { Outline } from './outline.js';
import { isUnitOfFigure, type TableLocation } from './rows.js';
import type { TokenStream } from './stream.js';
import { headerOffset } from './tables.js';
import { pointOf, type Token } from './tokens.js';

/**
 * Blocks that only repeat a table's title (「主动公开政府信息情况」 as an HTML caption or a line
 * above the table, with or without 「表二」): captions, not prose.
 */
function captionBlocks(tokens: readonly Token[], tables: readonly TableLocation[]): Uint8Array {
  const titles = new Set(tables.map((t) => compact(t.table.title)));
  const lengths = [...titles].map((t) => t.length);
  const longest = Math.max(0, ...lengths) + 6;
  const shortest = Math.min(...lengths);
  const blocks = (tokens.at(-1)?.block ?? -1) + 1;
  const captions = new Uint8Array(blocks);
  if (titles.size === 0) return captions;
  // A block's words end as a title does (a title holds words only): its last token is words
  // ending in a title's last character. Only such blocks are put together and compared.
  const endings = new Set([...titles].map((t) => codeAt(t, t.length - 1)));
  // A block's tokens stand together in the stream: each block is judged when its last token is met.
  let first = 0;
  let length = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    length += t.text.length;
    if (i + 1 < tokens.length && (tokens[i + 1] as Token).block === t.block) continue;
    if (
      length <= longest &&
      length >= shortest &&
      t.kind === 'text' &&
      t.text.length > 0 &&
      endings.has(codeAt(t.text, t.text.length - 1))
    ) {
      let words = '';
      for (let k = first; k <= i; k++) {
        const w = tokens[k] as Token;
        words += w.kind === 'text' ? w.text : '#';
      }
      const bare = words.replace(/^(?:表[一二三四五六七八九十]+|[一二三四五六七八九十]+、)[:.、]?/, '');
      if (titles.has(bare)) captions[t.block] = 1;
    }
    first = i + 1;
    length = 0;
  }
  return captions;
}

/** Tokens that are only Markdown or table punctuation (「|」「##」「:---:」「**」). */
const markup = /^[|#*>`:\-_=~]+$/;
/** Whether a character is one of `markup`'s (「|#*>`:-_=~」). */
function isMarkupChar(c: number): boolean {
  return (
    c === 0x7c ||
    c === 0x23 ||
    c === 0x2a ||
    c === 0x3e ||
    c === 0x60 ||
    c === 0x3a ||
    c === 0x2d ||
    c === 0x5f ||
    c === 0x3d ||
    c === 0x7e
  );
}
/** `markup`, tested only for text that starts with one of its characters (most text doesn't). */
const isMarkup = (text: string): boolean => isMarkupChar(codeAt(text, 0)) && markup.test(text);

/** Half-open ranges of the compact stream, sorted and merged. */
type Ranges = [number, number][];

function merged(ranges: Ranges): Ranges {
  // Read by index, not destructured: this runs once a report, mostly before it is optimised, and
  // unoptimised code destructures through the iterator protocol.
  const sorted = ranges.filter((r) => r[1] > r[0]).sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (let i = 0; i < sorted.length; i++) {
    const range = sorted[i] as [number, number];
    const last = out[out.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else out.push([range[0], range[1]]);
  }
  return out;
}

/** A piece of one token left in a part: folded characters [from, to) of token `token`. */
interface Piece {
  token: number;
  from: number;
  to: number;
}

/**
 * The pieces of [from, to) of the compact stream outside the skipped ranges, in order. Parts and
 * tables are cut at characters, not tokens: on a flattened page a part's last sentence and the
 * next heading (or a table's first label) are one token.
 */
function piecesOf(
  stream: TokenStream,
  from: number,
  to: number,
  skipped: Ranges,
  skipToken: (i: number) => boolean,
): Piece[] {
  const pieces: Piece[] = [];
  let r = 0;
  let at = from;
  while (at < to) {
    while (r < skipped.length && (skipped[r] as [number, number])[1] <= at) r++;
    const skip = skipped[r];
    if (skip && skip[0] <= at) {
      at = skip[1];
      continue;
    }
    const end = Math.min(to, skip ? skip[0] : to);
    // Split [at, end) by token.
    let i = stream.tokenAt(at);
    while (at < end && i < stream.tokens.length) {
      const tokenStart = stream.offsetOf(i);
      const tokenEnd = stream.offsetOf(i + 1);
      const stop = Math.min(end, tokenEnd);
      const token = stream.tokens[i] as Token;
      if (skipToken(i) || stop <= at) {
        // skipped
      } else if (token.kind !== 'text') pieces.push({ token: i, from: 0, to: token.text.length });
      else pieces.push({ token: i, from: at - tokenStart, to: stop - tokenStart });
      at = stop;
      i++;
    }
    at = Math.max(at, end);
  }
  return pieces;
}

/** The parts of the report with their prose, and the prose stretches for the checker; tables left out. */
export function sectionsAndProse(
  stream: TokenStream,
  blocks: readonly Block[],
  parts: Outline,
  tables: readonly TableLocation[],
  signatureLine: number | null,
  file?: SourceFile,
): { sections: Section[]; prose: Evidence['prose'] } {
  const tokens = stream.tokens;
  const signatureBlock = signatureLine === null ? null : firstBlockFrom(tokens, signatureLine);
  const signatureEnd = signatureBlock === null ? null : endOfSignature(blocks, signatureBlock);
  const inSignature = (t: Token) =>
    signatureLine !== null &&
    t.line >= signatureLine &&
    t.block >= (signatureBlock ?? Infinity) &&
    (signatureEnd === null || t.block <= signatureEnd);
  const ranges: Ranges = [];
  for (const t of tables) {
    if (t.rows.length === 0) continue;
    const first = t.rows[0];
    // (A grid cell's words are all the table's: a label's numbering, 「一、」, before its key too.)
    const label = first?.label;
    const from = label
      ? stream.inGrid(label.firstToken)
        ? Math.min(label.start, stream.offsetOf(label.firstToken))
        : label.start
      : stream.offsetOf(first?.from ?? 0);
    // A sentence paragraph of its own, apart from the block of the table's first row, is prose.
    const rowBlock = tokens[stream.tokenAt(from)]?.block;
    const inProse = (token: number) => {
      const block = tokens[token]?.block;
      const b = block === undefined ? undefined : blocks[block];
      return block !== rowBlock && b?.type === 'paragraph' && sentence(b.text);
    };
    ranges.push([
      headerOffset(stream, t, from, inProse),
      unitAfter(stream, stream.offsetOf(Math.max(t.labelsEnd ?? 0, ...t.rows.map((r) => r.to)))),
    ]);
    // A table's note (the 勾稽 note) may stand under it rather than in its header.
    for (const part of t.table.parts) {
      const note = part.note ? stream.find(part.note, t.start, t.end) : null;
      if (note) ranges.push([noteStart(stream, note.start), noteEnd(stream, note.end)]);
    }
  }
  const skipped = merged(ranges);
  // Left out of the parts' text: the tables and their captions, the closing signature, and
  // Markdown punctuation. Marked once per token.
  const captions = captionBlocks(tokens, tables);
  const skippedToken = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (captions[t.block] === 1 || (t.kind === 'text' && isMarkup(t.text)) || inSignature(t))
      skippedToken[i] = 1;
  }
  const skipToken = (i: number) => skippedToken[i] === 1;
  const source = new SourceText(stream, blocks);
  const stray = strayPieces(stream, blocks, skipped, skipToken);
  /** The part's pieces, with the stray sentences that stand in its stretch put back in order. */
  const withStray = (pieces: Piece[], from: number, to: number, section?: HeadingMatchLike): Piece[] => {
    const own = stray.filter((g) => g.at >= from && g.at < to);
    if (own.length === 0) return pieces;
    for (const g of own)
      if (section)
        file?.warn(
          'assemble.stray-text',
          `表格中的「${g.text.length > 20 ? `${g.text.slice(0, 20)}…` : g.text}」不是表格内容，归入「${section.title}」部分`,
          { place: pointOf(tokens[g.pieces[0]?.token ?? 0]) },
        );
    return [...pieces, ...own.flatMap((g) => g.pieces)].sort((a, b) => a.token - b.token || a.from - b.from);
  };
  // Text after the signature (附件 lines, notes under the 落款) goes to the last part, with a warning.
  const last = parts.ordered.at(-1);
  if (signatureEnd !== null && last)
    for (let b = signatureEnd + 1; b < blocks.length; b++) {
      const block = blocks[b];
      const first = tokens.findIndex((t) => t.block === b);
      if (block?.type !== 'paragraph' || first === -1 || stream.offsetOf(first) < last.end) continue;
      const text = block.text.trim();
      file?.warn(
        'assemble.after-signature',
        `落款之后的「${text.length > 20 ? `${text.slice(0, 20)}…` : text}」归入「${last.section.title}」部分`,
        { place: pointOf(tokens[first]) },
      );
    }
  const sections = parts.ordered.map((h, index) => {
    const to = parts.ordered[index + 1]?.start ?? stream.text.length;
    const pieces = withStray(piecesOf(stream, h.end, to, skipped, skipToken), h.end, to, {
      title: h.section.title,
    });
    return {
      number: h.section.number,
      // A title as written, less the spacing some put after its numeral (「一、\t总体情况」).
      title: source.join(piecesOf(stream, h.start, h.end, [], () => false)).replace(/\s+/g, ''),
      text: source.join(pieces),
      line: tokens[stream.tokenAt(h.start)]?.line ?? null,
    };
  });
  // (Pushed onto a literal, as in rows.ts: a report without headings gets the same shape.)
  const prosePieces: { section: number; pieces: Piece[] }[] = [];
  for (let index = 0; index < parts.ordered.length; index++) {
    const h = parts.ordered[index] as (typeof parts.ordered)[number];
    const to = parts.ordered[index + 1]?.start ?? stream.text.length;
    prosePieces.push({
      section: h.section.number,
      pieces: withStray(piecesOf(stream, h.start, to, skipped, skipToken), h.start, to),
    });
  }
  const before = parts.ordered[0]?.start ?? stream.text.length;
  prosePieces.unshift({ section: 0, pieces: piecesOf(stream, 0, before, skipped, skipToken) });
  return { sections, prose: proseOf(stream, prosePieces) };
}

/** The block of the first token that starts a line at or after `line`, or null. */
function firstBlockFrom(tokens: readonly Token[], line: number): number | null {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.first && t.line >= line) return t.block;
  }
  return null;
}

/**
 * The last block of the closing signature that starts at block `from`: the first of its next few
 * short paragraphs that holds the date (the body's name, then the date).
 */
function endOfSignature(blocks: readonly Block[], from: number): number | null {
  for (let b = from; b < Math.min(blocks.length, from + 4); b++) {
    const block = blocks[b];
    if (block?.type !== 'paragraph') return null;
    if (dateIn(compact(block.text))) return b;
  }
  return null;
}

interface HeadingMatchLike {
  title: string;
}

/** Sentences inside a table's stretch: a paragraph that is not a table's own and stands wholly in it. */
interface Stray {
  /** Stream offset of its first character. */
  at: number;
  text: string;
  pieces: Piece[];
}

/**
 * A sentence: it ends one (。！？), with words enough; labels, headers and notes of tables never do.
 * Text too short to hold six words and a mark is none without a look (most blocks asked are a
 * table's cells, a figure or a label a line).
 */
const sentence = (text: string): boolean => text.length > 6 && /[。！？]/.test(text) && cjkAtLeast(text, 6);

/** Whether the text holds at least `n` CJK characters (counted, not matched into an array). */
function cjkAtLeast(text: string, n: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length && count < n; i++) {
    const c = codeAt(text, i);
    if (c >= 0x4e00 && c <= 0x9fff) count++;
  }
  return count >= n;
}

/**
 * Paragraphs of prose that stand wholly inside a table's stretch (a note between its rows): the
 * table leaves them out, and without a part they would be read nowhere.
 */
function strayPieces(
  stream: TokenStream,
  blocks: readonly Block[],
  skipped: Ranges,
  skipToken: (i: number) => boolean,
): Stray[] {
  const out: Stray[] = [];
  const tokens = stream.tokens;
  let i = 0;
  /** The skipped range looked at: the last one starting at or before the block. */
  let r = 0;
  while (i < tokens.length) {
    const block = (tokens[i] as Token).block;
    let j = i;
    while (j < tokens.length && (tokens[j] as Token).block === block) j++;
    const b = blocks[block];
    const from = stream.offsetOf(i);
    const to = stream.offsetOf(j);
    // The ranges are sorted and apart, and blocks come in stream order: the one range that may
    // hold the block is the last that starts at or before it.
    while (r + 1 < skipped.length && (skipped[r + 1] as [number, number])[0] <= from) r++;
    const range = skipped[r];
    const inside = range !== undefined && range[0] <= from && to <= range[1];
    if (b?.type === 'paragraph' && inside && sentence(b.text)) {
      const pieces: Piece[] = [];
      for (let k = i; k < j; k++)
        if (!skipToken(k)) pieces.push({ token: k, from: 0, to: (tokens[k] as Token).text.length });
      if (pieces.length > 0) out.push({ at: from, text: b.text.trim(), pieces });
    }
    i = j;
  }
  return out;
}

/** Table and heading offsets mapped back to the blocks' own text (not the folded form used for matching). */
class SourceText {
  constructor(
    private readonly stream: TokenStream,
    private readonly blocks: readonly Block[],
  ) {}

  /** The source characters of folded characters [from, to) of token `i`. */
  slice(i: number, from: number, to: number): string {
    const token = this.stream.tokens[i] as Token;
    const folded = token.text.slice(from, to);
    const block = this.blocks[token.block];
    if (block?.type !== 'paragraph' || token.kind === 'blank') return folded;
    const base = token.column - block.column;
    const { map, text: foldedBlock } = foldedOf(block);
    let raw: string;
    if (map === null) {
      raw = block.text.slice(base + from, base + to);
      // Folding maps each code unit to one here, so the slice folds to the same slice of the
      // folded block: no need to fold it again when that is the token's text.
      if (raw !== folded && foldedBlock.slice(base + from, base + to) === folded)
        return raw.replace(/\s+/g, ' ');
    } else {
      // The token's first folded character: the first one that maps to `base`.
      let lo = 0;
      let hi = map.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((map[mid] as number) < base) lo = mid + 1;
        else hi = mid;
      }
      const a = map[lo + from];
      const last = map[lo + to - 1];
      raw = a === undefined || last === undefined ? '' : block.text.slice(a, last + 1);
    }
    // Only a slice that folds back to the token's text is the source's; else the folded text.
    // (Folding is idempotent, so a slice equal to the folded text folds back to it.)
    return raw === folded || compact(raw) === folded ? raw.replace(/\s+/g, ' ') : folded;
  }

  /** Pieces joined as the source separates them: a new line between lines, a space where spaced. */
  join(pieces: readonly Piece[]): string {
    // Built line by line (no piece holds a line break): each line trimmed, empty lines left out.
    const lines: string[] = [];
    let line = '';
    const endLine = () => {
      const trimmed = line.trim();
      if (trimmed !== '') lines.push(trimmed);
      line = '';
    };
    let cut = false;
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k] as Piece;
      const token = this.stream.tokens[p.token] as Token;
      if (k > 0) {
        // A piece that starts or ends inside a token was cut by a table: a new paragraph.
        if (cut || p.from > 0 || token.first) endLine();
        else if (token.spaced) line += ' ';
      }
      line += this.slice(p.token, p.from, p.to);
      cut = token.kind === 'text' && p.to < token.text.length;
    }
    endLine();
    return lines.join('\n');
  }
}

function proseOf(
  stream: TokenStream,
  parts: readonly { section: number; pieces: readonly Piece[] }[],
): Evidence['prose'] {
  const prose: Evidence['prose'] = [];
  for (const { section, pieces } of parts) {
    let current: { text: string; place: ReturnType<typeof pointOf>; block: number; token: number } | null =
      null;
    for (const p of pieces) {
      const t = stream.tokens[p.token] as Token;
      const text = t.text.slice(p.from, p.to);
      if (current && current.block === t.block && current.token + 1 === p.token && p.from === 0) {
        current.text += (t.spaced ? ' ' : '') + text;
        current.token = p.token;
        continue;
      }
      if (current) prose.push({ text: current.text, place: current.place, section });
      current = { text, place: pointOf(t), block: t.block, token: p.token };
    }
    if (current) prose.push({ text: current.text, place: current.place, section });
  }
  return prose;
}

/** The note's characters: from its opening bracket to its closing one, on the same stretch of text. */
function noteStart(stream: TokenStream, at: number): number {
  // The last 「(」 at or before `at`, looked for only as far back as it may stand (12 characters).
  const text = stream.text;
  for (let i = Math.min(at, text.length - 1); i >= Math.max(0, at - 12); i--)
    if (codeAt(text, i) === 40) return !text.slice(i, at).includes(')') ? i : at;
  return at;
}

function noteEnd(stream: TokenStream, at: number): number {
  // The first 「)」 from `at` on, looked for only as far as it may stand (60 characters).
  const text = stream.text;
  for (let i = Math.max(0, at); i <= Math.min(text.length - 1, at + 60); i++)
    if (codeAt(text, i) === 41) return !text.slice(at, i).includes('(') ? i + 1 : at;
  return at;
}

/**
 * A unit written after a table's last figure (「13575394432.52元」, a count's 「5件」 in its cell):
 * the cell's, not prose.
 */
function unitAfter(stream: TokenStream, at: number): number {
  const unit = /^(?:万元|元)/.exec(stream.text.slice(at, at + 2));
  if (unit && stream.text[at - 1] === '#') return at + unit[0].length;
  const k = stream.tokenAt(at);
  return stream.offsetOf(k) === at && isUnitOfFigure(stream, k)
    ? at + (stream.tokens[k] as Token).text.length
    : at;
}
