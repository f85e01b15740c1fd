/**
 * A small ZIP writer for the DOCX package: every part deflated (node:zlib), dated the DOS epoch
 * (1980-01-01 00:00), so the same parts always give the same bytes. Parts that never change can
 * be deflated once (`deflatedPart`) and reused by every package.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** A part ready to be stored: its name, CRC-32, sizes and deflated bytes. */
export interface DeflatedPart {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
}

/** Deflates one part (UTF-8 text or bytes). */
export function deflatedPart(name: string, content: string | Uint8Array): DeflatedPart {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name: Buffer.from(name, 'utf8'),
    crc: crc32(bytes) >>> 0,
    size: bytes.length,
    data: deflateRawSync(bytes),
  };
}

/** MS-DOS date of 1980-01-01 (time 00:00 is 0). */
const dosDate = (1 << 5) | 1;
/** Version needed to extract: 2.0 (deflate). */
const version = 20;
/** General purpose flags: UTF-8 names. */
const utf8Names = 0x800;

/** The ZIP archive of the parts, in the order given. */
export function zipParts(parts: readonly DeflatedPart[]): Uint8Array {
  let total = 22;
  for (const p of parts) total += 30 + 46 + 2 * p.name.length + p.data.length;
  const out = Buffer.alloc(total);
  const offsets: number[] = [];
  let at = 0;
  for (const p of parts) {
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(version, at + 4);
    out.writeUInt16LE(utf8Names, at + 6);
    out.writeUInt16LE(8, at + 8);
    out.writeUInt16LE(0, at + 10);
    out.writeUInt16LE(dosDate, at + 12);
    out.writeUInt32LE(p.crc, at + 14);
    out.writeUInt32LE(p.data.length, at + 18);
    out.writeUInt32LE(p.size, at + 22);
    out.writeUInt16LE(p.name.length, at + 26);
    out.writeUInt16LE(0, at + 28);
    p.name.copy(out, at + 30);
    p.data.copy(out, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const directory = at;
  parts.forEach((p, i) => {
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(version, at + 4);
    out.writeUInt16LE(version, at + 6);
    out.writeUInt16LE(utf8Names, at + 8);
    out.writeUInt16LE(8, at + 10);
    out.writeUInt16LE(0, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    out.writeUInt32LE(p.crc, at + 16);
    out.writeUInt32LE(p.data.length, at + 20);
    out.writeUInt32LE(p.size, at + 24);
    out.writeUInt16LE(p.name.length, at + 28);
    // Extra and comment lengths, disk number, internal and external attributes: all 0.
    out.writeUInt32LE(offsets[i] as number, at + 42);
    p.name.copy(out, at + 46);
    at += 46 + p.name.length;
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(parts.length, at + 8);
  out.writeUInt16LE(parts.length, at + 10);
  out.writeUInt32LE(at - directory, at + 12);
  out.writeUInt32LE(directory, at + 16);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
