/**
 * Decompression bombs behind the other filters PDF.js decodes (LZW, RunLength, ASCIIHex, ASCII85,
 * in chains) and inside encrypted files that open without a password: each is refused before
 * PDF.js parses it, and a small stream of each kind is read and counted exactly.
 */
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import { prescanPdf } from '../../../src/read/pdf/prescan.js';
import { readPdf } from '../../../src/read/pdf/read-pdf.js';
import { bombStream, onePagePdf } from './bomb-pdf.js';

const hello = Buffer.from('BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n', 'latin1');
const refused = '输入过大：PDF 的页面内容解压后超过 8.0 MB 的上限（文件可能经过恶意构造），未读取';
const counted = (pdf: Uint8Array) => prescanPdf(pdf, { fonts: 1 << 30, content: 1 << 30 }).inflated;
const texts = async (pdf: Uint8Array) =>
  (await readPdf(pdf, new SourceFile('t.pdf'))).map((b) => (b.type === 'paragraph' ? b.text : ''));

function ascii85(bytes: Uint8Array): Buffer {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i);
    let value = 0;
    for (let k = 0; k < 4; k++) value = value * 256 + (k < n ? (bytes[i + k] as number) : 0);
    if (n === 4 && value === 0) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (value % 85)));
      value = Math.floor(value / 85);
    }
    out += digits.slice(0, n + 1).join('');
  }
  return Buffer.from(`${out}~>`, 'latin1');
}

/** LZW codes written as PDF reads them (early change): widths grow as the table fills. */
function lzwCodes(codes: readonly number[]): Buffer {
  const out: number[] = [];
  let buffer = 0;
  let held = 0;
  let next = 258;
  let bits = 9;
  codes.forEach((code, i) => {
    buffer = (buffer << bits) | code;
    held += bits;
    while (held >= 8) {
      out.push((buffer >> (held - 8)) & 0xff);
      held -= 8;
      buffer &= (1 << held) - 1;
    }
    if (code === 256) {
      next = 258;
      bits = 9;
    } else if (i > 0 && codes[i - 1] !== 256 && next < 4096) {
      next++;
      if (next + 1 >= 1 << bits && bits < 12) bits++;
    }
  });
  if (held > 0) out.push((buffer << (8 - held)) & 0xff);
  return Buffer.from(out);
}

/** The text, each byte its own code, then `runs` codes for ever longer runs of spaces. */
function lzwStream(text: Buffer, runs: number, repeats: number): Buffer {
  const codes = [256, ...text];
  // After the text, code `next` (not yet defined) is the previous entry plus its first byte; start
  // from a space, so each new code is one space longer.
  codes.push(32);
  let next = 258 + text.length;
  for (let k = 0; k < runs && next < 4096; k++) codes.push(next++);
  for (let k = 0; k < repeats; k++) codes.push(next - 1);
  codes.push(257);
  return lzwCodes(codes);
}

function runLength(text: Buffer, megabytes: number): Buffer {
  const out: number[] = [text.length - 1, ...text];
  for (let k = 0; k < megabytes * 8192; k++) out.push(129, 32);
  out.push(128);
  return Buffer.from(out);
}

describe('PDF bombs behind other filters and encryption', () => {
  it('ASCIIHex and ASCII85 in front of Flate: read and counted; a bomb behind them refused', async () => {
    const small = bombStream(1);
    const hex = onePagePdf(Buffer.from(`${small.toString('hex')}>`), '[/ASCIIHexDecode /FlateDecode]');
    const a85 = onePagePdf(ascii85(small), '[/A85 /Fl]');
    for (const pdf of [hex, a85]) {
      expect(counted(pdf)).toBe((1 << 20) + 37);
      expect(await texts(pdf)).toEqual(['Hello']);
    }
    const bomb = bombStream(300);
    for (const pdf of [
      onePagePdf(Buffer.from(`${bomb.toString('hex')}>`), '[/ASCIIHexDecode /FlateDecode]'),
      onePagePdf(ascii85(bomb), '[/ASCII85Decode /FlateDecode]'),
    ])
      await expect(readPdf(pdf, new SourceFile('bomb.pdf'))).rejects.toThrow(refused);
  }, 30_000);

  it('LZW: read and counted; a bomb (a few kilobytes that decode to gigabytes) refused', async () => {
    const small = onePagePdf(lzwStream(hello, 100, 0), '/LZWDecode');
    // The text, one space, then runs of 2 to 101 spaces.
    expect(counted(small)).toBe(hello.length + 1 + (100 * 103) / 2);
    expect(await texts(small)).toEqual(['Hello']);
    const bomb = onePagePdf(lzwStream(hello, 4096, 300_000), '/LZWDecode');
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(readPdf(bomb, new SourceFile('bomb.pdf'))).rejects.toThrow(refused);
  }, 30_000);

  it('RunLength: read and counted; a bomb refused', async () => {
    const small = onePagePdf(runLength(hello, 1), '/RunLengthDecode');
    expect(counted(small)).toBe(hello.length + (1 << 20));
    expect(await texts(small)).toEqual(['Hello']);
    const bomb = onePagePdf(runLength(hello, 300), '/RL');
    await expect(readPdf(bomb, new SourceFile('bomb.pdf'))).rejects.toThrow(refused);
  }, 30_000);

  it('encrypted without an open password (AES-256): decrypted, read and counted; a bomb refused', async () => {
    const small = onePagePdf(bombStream(1), '/FlateDecode', true);
    expect(counted(small)).toBe((1 << 20) + 37);
    expect(await texts(small)).toEqual(['Hello']);
    const bomb = onePagePdf(bombStream(300), '/FlateDecode', true);
    await expect(readPdf(bomb, new SourceFile('bomb.pdf'))).rejects.toThrow(refused);
  }, 30_000);

  it('every encryption pdfkit writes (RC4 40 and 128 bits, AES-128, AES-256) is decrypted', async () => {
    const make = async (pdfVersion?: '1.4' | '1.5' | '1.6' | '1.7ext3'): Promise<Uint8Array> => {
      const doc = new PDFDocument({
        size: 'A4',
        ...(pdfVersion ? { ownerPassword: 'owner', pdfVersion } : {}),
      });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
      doc.font('Helvetica').fontSize(12);
      for (let i = 0; i < 40; i++) doc.text(`Line ${i} of the report`, 72, 72 + 12 * i, { lineBreak: false });
      doc.end();
      await done;
      return new Uint8Array(Buffer.concat(chunks));
    };
    const plain = counted(await make());
    expect(plain).toBeGreaterThan(500);
    for (const version of ['1.4', '1.5', '1.6', '1.7ext3'] as const) {
      const pdf = await make(version);
      expect(Buffer.from(pdf).toString('latin1')).toContain('/Encrypt');
      expect(counted(pdf), version).toBe(plain);
    }
  }, 30_000);
});
