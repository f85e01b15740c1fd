/**
 * Just enough ZIP to read the few parts of a DOCX the reader needs, bounded against hostile
 * archives: the central directory is parsed by hand (bounds-checked against the bytes), and only
 * the requested entries are inflated, in small compressed chunks, counting the bytes that come
 * out. Declared uncompressed sizes are never trusted or used to allocate; an entry that inflates
 * past `entryLimit`, or at a ratio past `ratioLimit` once it is past `ratioFloor`, is refused as
 * a probable ZIP bomb.
 */
import { inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { formatBytes } from '../../core/limits.js';
import type { SourceFile } from '../../core/source-file.js';

/** Most bytes one entry may inflate to (a real document.xml is a few MiB at most). */
export const entryLimit = 64 * 1024 * 1024;
/** Compression ratio above which an entry past `ratioFloor` is taken for a bomb (real XML: ~10:1). */
export const ratioLimit = 100;
export const ratioFloor = 8 * 1024 * 1024;
/** Compressed bytes fed to the inflater at a time: bounds what one step can produce (~1032×). */
const chunkSize = 16 * 1024;

export interface ZipEntry {
  /** Name as stored, with `\` turned into `/`. */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

class Bytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fits = (at: number, n: number): boolean => at >= 0 && n >= 0 && at + n <= this.bytes.length;
  u16 = (at: number): number => this.view.getUint16(at, true);
  u32 = (at: number): number => this.view.getUint32(at, true);
  /** A 64-bit field, as a number (values past 2^53 are beyond any input we accept anyway). */
  u64 = (at: number): number => this.u32(at) + this.u32(at + 4) * 0x100000000;
}

/** Finds the end-of-central-directory record: the last signature within the comment window. */
function findEocd(b: Bytes): number {
  const n = b.bytes.length;
  const stop = Math.max(0, n - 22 - 0xffff);
  for (let at = n - 22; at >= stop; at--) if (b.u32(at) === EOCD) return at;
  return -1;
}

/**
 * Lists the archive's entries from its central directory. Anything out of bounds or malformed
 * fails the file: a DOCX that lost its end (a cut-off download) has no directory to read.
 */
export function listEntries(bytes: Uint8Array, file: SourceFile): ZipEntry[] {
  const b = new Bytes(bytes);
  const broken = (why: string): never =>
    file.fail(`DOCX 文件已损坏（${why}），请重新获取或用 Word 另存后再试`);
  if (bytes.length < 22) broken('文件过短');
  const eocd = findEocd(b);
  if (eocd < 0) broken('找不到 ZIP 目录，文件可能不完整');
  let count = b.u16(eocd + 10);
  let size = b.u32(eocd + 12);
  let start = b.u32(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && b.u32(locator) === ZIP64_LOCATOR) {
      const record = b.u64(locator + 8);
      if (!b.fits(record, 56) || b.u32(record) !== ZIP64_EOCD) broken('ZIP64 目录无效');
      count = b.u64(record + 32);
      size = b.u64(record + 40);
      start = b.u64(record + 48);
    }
  }
  if (!b.fits(start, size)) broken('ZIP 目录超出文件范围');
  const entries: ZipEntry[] = [];
  let at = start;
  const end = start + size;
  // Each central record is at least 46 bytes: the directory's size bounds the count.
  for (let i = 0; i < count && at < end; i++) {
    if (!b.fits(at, 46) || b.u32(at) !== CENTRAL) broken('ZIP 目录项无效');
    const flags = b.u16(at + 8);
    const method = b.u16(at + 10);
    let compressedSize = b.u32(at + 20);
    const uncompressed32 = b.u32(at + 24);
    const nameLength = b.u16(at + 28);
    const extraLength = b.u16(at + 30);
    const commentLength = b.u16(at + 32);
    let offset = b.u32(at + 42);
    if (!b.fits(at + 46, nameLength + extraLength + commentLength)) broken('ZIP 目录项超出文件范围');
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = ((flags & 0x800) !== 0 ? utf8 : latin1).decode(rawName).replace(/\\/g, '/');
    // ZIP64 extra field: the 32-bit fields that overflowed, in a fixed order.
    let x = at + 46 + nameLength;
    const extraEnd = x + extraLength;
    while (x + 4 <= extraEnd) {
      const id = b.u16(x);
      const length = b.u16(x + 2);
      if (id === 0x0001) {
        let y = x + 4;
        const take = (): number => {
          if (y + 8 > x + 4 + length) return -1;
          const v = b.u64(y);
          y += 8;
          return v;
        };
        if (uncompressed32 === 0xffffffff) take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (offset === 0xffffffff) offset = take();
      }
      x += 4 + length;
    }
    entries.push({ name, method, flags, compressedSize, offset });
    at = extraEnd + commentLength;
  }
  return entries;
}

/** The entry with this name, compared as OPC part names are (case-insensitively). */
export function findEntry(entries: readonly ZipEntry[], name: string): ZipEntry | undefined {
  const wanted = name.toLowerCase();
  return entries.find((e) => e.name.toLowerCase() === wanted || e.name.toLowerCase() === `/${wanted}`);
}

/** Inflates one entry, refusing more than `limit` bytes of output or a bomb-like ratio. */
export function readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  file: SourceFile,
  limit = entryLimit,
): Uint8Array {
  const b = new Bytes(bytes);
  const broken = (why: string): never =>
    file.fail(`DOCX 文件已损坏（${entry.name} ${why}），请重新获取或用 Word 另存后再试`);
  if ((entry.flags & 1) !== 0) file.fail('DOCX 文件已加密，无法读取，请解除密码保护后再试');
  if (!b.fits(entry.offset, 30) || b.u32(entry.offset) !== LOCAL) broken('的文件头无效');
  const dataStart = entry.offset + 30 + b.u16(entry.offset + 26) + b.u16(entry.offset + 28);
  if (dataStart > bytes.length) broken('超出文件范围');
  // The compressed data ends where the directory says, and never past the file.
  const dataEnd = Math.min(bytes.length, dataStart + Math.max(0, entry.compressedSize));
  const tooLarge = (why: string): never => file.fail(`${entry.name} 解压后过大（${why}），可能是压缩炸弹`);
  if (entry.method === 0) {
    if (dataEnd - dataStart > limit) tooLarge(`超过 ${formatBytes(limit)}`);
    return bytes.slice(dataStart, dataEnd);
  }
  if (entry.method !== 8)
    file.fail(`DOCX 文件使用了不支持的压缩方式（${entry.method}），请用 Word 另存后再试`);

  // Up to the ratio floor no ratio needs watching: zlib inflates at once, stopping at the cap. Past
  // it, or on any error, the entry is inflated again step by step, which says exactly what is wrong.
  const cap = Math.min(limit, ratioFloor);
  // zlib inflates into chunks and joins them at the end: one chunk large enough for a whole XML
  // part (XML compresses some 10-20:1) spares the joining copy; it never exceeds the cap. An
  // output that leaves much of it unused (a picture, which hardly compresses) is copied out, so
  // that the rest of the chunk is not kept.
  const outputChunk = Math.min(cap, Math.max(16 * 1024, (dataEnd - dataStart) * 32));
  try {
    const out = inflateRawSync(bytes.subarray(dataStart, dataEnd), {
      maxOutputLength: cap,
      chunkSize: outputChunk,
    });
    if (outputChunk - out.byteLength > 256 * 1024) return new Uint8Array(out);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch {
    // Larger than the cap, damaged or cut off: see below.
  }
  const chunks: Uint8Array[] = [];
  let produced = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced <= limit) chunks.push(chunk);
    if (final) done = true;
  });
  for (let at = dataStart; at < dataEnd && !done; at += chunkSize) {
    const to = Math.min(dataEnd, at + chunkSize);
    try {
      inflater.push(bytes.subarray(at, to), to === dataEnd);
    } catch {
      broken('无法解压');
    }
    if (produced > limit) tooLarge(`超过 ${formatBytes(limit)}`);
    const consumed = to - dataStart;
    if (produced > ratioFloor && produced / consumed > ratioLimit) tooLarge(`压缩比超过 ${ratioLimit}:1`);
  }
  if (!done) broken('的压缩数据不完整');
  const out = new Uint8Array(produced);
  let k = 0;
  for (const c of chunks) {
    out.set(c, k);
    k += c.length;
  }
  return out;
}
