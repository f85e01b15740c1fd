/**
 * The PDF stream filters that PDF.js decodes for text, each stopping once its output passes a cap
 * (`TooLarge` is thrown): Flate, LZW, RunLength, ASCIIHex and ASCII85. Damaged data ends the output
 * where it is (PDF.js reports such streams itself); only the size matters here.
 */
import { constants, inflateSync } from 'node:zlib';

/** The output passed the cap. */
export class TooLarge extends Error {}

/** Bytes written one at a time into a buffer that grows, up to `cap`. */
class Output {
  bytes = new Uint8Array(4096);
  length = 0;
  constructor(private readonly cap: number) {}
  room(n: number): void {
    if (this.length + n > this.cap) throw new TooLarge();
    if (this.length + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.min(this.cap, Math.max(this.bytes.length * 2, this.length + n)));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
  push(b: number): void {
    this.room(1);
    this.bytes[this.length++] = b;
  }
  done = (): Uint8Array => this.bytes.subarray(0, this.length);
}

export function flate(input: Uint8Array, cap: number): Uint8Array {
  try {
    return inflateSync(input, { maxOutputLength: Math.max(1, cap + 1), finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    return new Uint8Array(0);
  }
}

/** LZW as PDF writes it: 9- to 12-bit codes, 256 clears, 257 ends; `early` is /EarlyChange. */
export function lzw(input: Uint8Array, cap: number, early = 1): Uint8Array {
  const out = new Output(cap);
  const prefix = new Int32Array(4096);
  const last = new Uint8Array(4096);
  const length = new Int32Array(4096);
  for (let i = 0; i < 256; i++) {
    prefix[i] = -1;
    last[i] = i;
    length[i] = 1;
  }
  let next = 258;
  let bits = 9;
  let previous = -1;
  let buffer = 0;
  let held = 0;
  let at = 0;
  /** Writes entry `code`, last byte first from its end; returns its first byte. */
  const write = (code: number): number => {
    const n = length[code] as number;
    out.room(n);
    let c = code;
    for (let k = out.length + n - 1; k >= out.length; k--) {
      out.bytes[k] = last[c] as number;
      c = prefix[c] as number;
    }
    out.length += n;
    return out.bytes[out.length - n] as number;
  };
  for (;;) {
    while (held < bits && at < input.length) {
      buffer = ((buffer << 8) | (input[at++] as number)) & 0xffffff;
      held += 8;
    }
    if (held < bits) break;
    const code = (buffer >> (held - bits)) & ((1 << bits) - 1);
    held -= bits;
    if (code === 256) {
      next = 258;
      bits = 9;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    if (previous < 0) {
      if (code > 255) break;
      write(code);
      previous = code;
      continue;
    }
    if (code > next) break;
    if (next >= 4096) {
      // A full table: codes are still read, and nothing more is defined (as PDF.js does).
      write(code);
      previous = code;
      continue;
    }
    if (code < next) {
      const first = write(code);
      prefix[next] = previous;
      last[next] = first;
      length[next] = (length[previous] as number) + 1;
    } else {
      // The code being defined: the previous entry and its own first byte.
      prefix[next] = previous;
      length[next] = (length[previous] as number) + 1;
      let c = previous;
      while ((prefix[c] as number) >= 0) c = prefix[c] as number;
      last[next] = last[c] as number;
      write(next);
    }
    next++;
    previous = code;
    if (next + early >= 1 << bits && bits < 12) bits++;
  }
  return out.done();
}

export function runLength(input: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  for (let i = 0; i < input.length; ) {
    const n = input[i++] as number;
    if (n === 128) break;
    if (n < 128) {
      const end = Math.min(input.length, i + n + 1);
      out.room(end - i);
      out.bytes.set(input.subarray(i, end), out.length);
      out.length += end - i;
      i = end;
    } else {
      if (i >= input.length) break;
      const b = input[i++] as number;
      out.room(257 - n);
      out.bytes.fill(b, out.length, out.length + 257 - n);
      out.length += 257 - n;
    }
  }
  return out.done();
}

const isWhite = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === 12 || c === 0;

export function asciiHex(input: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  let high = -1;
  for (const c of input) {
    if (c === 62) break;
    if (isWhite(c)) continue;
    const d = c >= 48 && c <= 57 ? c - 48 : (c | 32) >= 97 && (c | 32) <= 102 ? (c | 32) - 87 : -1;
    if (d < 0) break;
    if (high < 0) high = d;
    else {
      out.push((high << 4) | d);
      high = -1;
    }
  }
  if (high >= 0) out.push(high << 4);
  return out.done();
}

export function ascii85(input: Uint8Array, cap: number): Uint8Array {
  const out = new Output(cap);
  const group: number[] = [];
  const flush = (n: number) => {
    let value = 0;
    for (let k = 0; k < 5; k++) value = value * 85 + (group[k] ?? 84);
    for (let k = 0; k < n - 1; k++) out.push((value >>> (24 - 8 * k)) & 0xff);
    group.length = 0;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as number;
    if (c === 126) break;
    if (isWhite(c)) continue;
    if (c === 122 && group.length === 0) {
      out.room(4);
      out.length += 4;
      out.bytes.fill(0, out.length - 4, out.length);
      continue;
    }
    if (c < 33 || c > 117) break;
    group.push(c - 33);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return out.done();
}

/** Decodes through one filter (full or abbreviated name); null for one that is not decoded here. */
export function decode(filter: string, input: Uint8Array, cap: number, early: number): Uint8Array | null {
  switch (filter) {
    case 'FlateDecode':
    case 'Fl':
      return flate(input, cap);
    case 'LZWDecode':
    case 'LZW':
      return lzw(input, cap, early);
    case 'RunLengthDecode':
    case 'RL':
      return runLength(input, cap);
    case 'ASCIIHexDecode':
    case 'AHx':
      return asciiHex(input, cap);
    case 'ASCII85Decode':
    case 'A85':
      return ascii85(input, cap);
    default:
      return null;
  }
}
