import { normalization } from '../spec/normalization.js';

const whitespace = new Set<string>(normalization.whitespace);
const equivalences = new Map<string, string>(normalization.equivalences.map(([a, b]) => [a, b]));
const cache = new Map<number, string>();

/** Folds one UTF-16 code unit (BMP character) to its canonical form, which may be empty or longer. */
function foldUnit(code: number): string {
  const cached = cache.get(code);
  if (cached !== undefined) return cached;
  const ch = String.fromCharCode(code);
  let out: string = whitespace.has(ch) ? ' ' : ch.normalize('NFKC');
  out = equivalences.get(out) ?? out;
  if (out.length === 1 && whitespace.has(out)) out = ' ';
  cache.set(code, out);
  return out;
}

/** True for code units that fold to themselves without a lookup (ASCII, common CJK). */
function isPlain(code: number): boolean {
  return (code >= 0x21 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff);
}

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
  let plain = true;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (!isPlain(code)) {
      plain = false;
      break;
    }
  }
  if (plain) return { text: input, map: null };

  const parts: string[] = [];
  let sameLength = true;
  const map: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    // Surrogate pairs pass through unchanged.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < input.length) {
      parts.push(input.slice(i, i + 2));
      map.push(i, i + 1);
      i++;
      continue;
    }
    const out = isPlain(code) ? (input[i] as string) : foldUnit(code);
    if (out.length !== 1) sameLength = false;
    parts.push(out);
    for (let k = 0; k < out.length; k++) map.push(i);
  }
  const text = parts.join('');
  return { text, map: sameLength ? null : Int32Array.from(map) };
}

/** Folds and removes all whitespace: the form in which labels are compared. */
export function compact(input: string): string {
  return foldText(input).text.replace(/ /g, '');
}
