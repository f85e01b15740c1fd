/**
 * Just enough ZIP to read the few parts of a DOCX (or an OFD) the reader needs, bounded against
 * hostile archives: the central directory is parsed by hand (zip-directory.ts), and only
 * the requested entries are inflated, in small compressed chunks, counting the bytes that come
 * out. Declared uncompressed sizes are never trusted or used to allocate; an entry that inflates
 * past `entryLimit`, or at a ratio past `ratioLimit` once it is past `ratioFloor`, is refused as
 * a probable ZIP bomb.
 */
import { inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';
import { formatBytes } from '../../core/limits.js';
import type { SourceFile } from '../../core/source-file.js';
import { type ArchiveKind, Bytes, docxArchive, type ZipEntry } from './zip-directory.js';

export {
  type ArchiveKind,
  docxArchive,
  findEntry,
  listEntries,
  type ZipEntry,
} from './zip-directory.js';

/** Most bytes one entry may inflate to (a real document.xml is a few MiB at most). */
export const entryLimit = 64 * 1024 * 1024;
/** Compression ratio above which an entry past `ratioFloor` is taken for a bomb (real XML: ~10:1). */
export const ratioLimit = 100;
export const ratioFloor = 8 * 1024 * 1024;
/** A local file header's signature. */
const LOCAL = 0x04034b50;
/** Compressed bytes fed to the inflater at a time: bounds what one step can produce (~1032×). */
const chunkSize = 16 * 1024;

/** Inflates one entry, refusing more than `limit` bytes of output or a bomb-like ratio. */
export function readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  file: SourceFile,
  limit = entryLimit,
  kind: ArchiveKind = docxArchive,
): Uint8Array {
  const b = new Bytes(bytes);
  const broken = (why: string): never =>
    file.fail(`${kind.name} 文件已损坏（${entry.name} ${why}），请重新获取或${kind.resave}后再试`);
  if ((entry.flags & 1) !== 0) file.fail(`${kind.name} 文件已加密，无法读取，请解除密码保护后再试`);
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
    file.fail(`${kind.name} 文件使用了不支持的压缩方式（${entry.method}），请${kind.resave}后再试`);

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
