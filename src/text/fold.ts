import { normalization } from '../spec/normalization.js';
import { codeAt } from './code-unit.js';

const whitespace = new Set<string>(normalization.whitespace);
const equivalences = new Map<string, string>(normalization.equivalences.map(([a, b]) => [a, b]));
/** Folded form of each BMP code unit, filled on first use. */
const table: (string | undefined)[] = new Array(0x10000);

/** Folds one UTF-16 code unit (BMP character) to its canonical form, which may be empty or longer. */
function foldUnit(code: number): string {
  const cached = table[code];
  if (cached !== undefined) return cached;
  const ch = String.fromCharCode(code);
  let out: string = whitespace.has(ch) ? ' ' : ch.normalize('NFKC');
  out = equivalences.get(out) ?? out;
  if (out.length === 1 && whitespace.has(out)) out = ' ';
  table[code] = out;
  return out;
}

/** True for code units that fold to themselves without a lookup (printable ASCII, common CJK). */
const isPlain = (code: number): boolean =>
  (code >= 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff);

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each index of `text`, the index in the original string; `null` when the lengths match 1:1. */
  map: Int32Array | null;
}

/**
 * Folds a string for comparison (NFKC and the spec's equivalences, every whitespace → one space),
 * keeping a map back to the original offsets so findings point at the source.
 */
export function foldText(input: string): FoldedText {
  // Made only for text that changes (most text folds to itself). Built by concatenation: the
  // texts are short (a line, a cell), where that beats collecting parts and joining them.
  let folded: string | null = null;
  let last = 0;
  for (let i = 0; i < input.length; i++) {
    const code = codeAt(input, i);
    if (isPlain(code) || (code >= 0xd800 && code <= 0xdfff)) continue;
    const out = foldUnit(code);
    if (out.length !== 1) return foldWithMap(input);
    if (codeAt(out, 0) === code) continue;
    folded = (folded ?? '') + input.slice(last, i) + out;
    last = i + 1;
  }
  if (folded === null) return { text: input, map: null };
  return { text: last < input.length ? folded + input.slice(last) : folded, map: null };
}

/** The slow path, for the rare text where folding changes lengths (「㈠」→「(一)」). */
function foldWithMap(input: string): FoldedText {
  const parts: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const code = codeAt(input, i);
    // Surrogate pairs pass through unchanged.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < input.length) {
      parts.push(input.slice(i, i + 2));
      map.push(i, i + 1);
      i++;
      continue;
    }
    const out = isPlain(code) ? (input[i] as string) : foldUnit(code);
    parts.push(out);
    for (let k = 0; k < out.length; k++) map.push(i);
  }
  return { text: parts.join(''), map: Int32Array.from(map) };
}

/** Folds and removes all whitespace: the form in which labels are compared. */
export function compact(input: string): string {
  return foldText(input).text.replace(/ /g, '');
}

/**
 * Where a block keeps its folded text. A reader that makes many blocks may give each this slot
 * (as undefined) when it makes it, so that keeping the folded text later changes no block's shape.
 */
export const FOLDED = Symbol('folded');

/** The folded form of a block's text, computed once per block (kept on the block itself). */
export function foldedOf(block: { text: string }): FoldedText {
  const holder = block as { text: string; [FOLDED]?: FoldedText };
  let folded = holder[FOLDED];
  if (!folded) {
    folded = foldText(block.text);
    holder[FOLDED] = folded;
  }
  return folded;
}
