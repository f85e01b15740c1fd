/**
 * A ZIP archive's central directory, parsed by hand and bounds-checked against the bytes: the
 * entries' names, methods and where they are. Nothing is inflated here (see zip.ts), so the
 * directory can be listed cheaply, by a sniffer too (an OFD package is told from a DOCX by it).
 */
import type { SourceFile } from '../../core/source-file.js';

/** The kind of package an archive is read as, for the messages that name it. */
export interface ArchiveKind {
  /** The format's name (「DOCX」「OFD」). */
  name: string;
  /** How to make a sound copy (「用 Word 另存」). */
  resave: string;
}

export const docxArchive: ArchiveKind = { name: 'DOCX', resave: '用 Word 另存' };

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

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

export class Bytes {
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
export function listEntries(bytes: Uint8Array, file: SourceFile, kind = docxArchive): ZipEntry[] {
  const b = new Bytes(bytes);
  const broken = (why: string): never =>
    file.fail(`${kind.name} 文件已损坏（${why}），请重新获取或${kind.resave}后再试`);
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
