/**
 * A decompression bomb: a one-page PDF of a few hundred kilobytes whose content stream inflates to
 * `megabytes` MB (a line of text, then spaces). Built in memory, a megabyte at a time.
 */
import { createCipheriv } from 'node:crypto';
import { constants, deflateSync } from 'node:zlib';
import { hashR6 } from '../../../src/read/pdf/decrypt.js';

export function bombPdf(megabytes: number, filler = ' '): Uint8Array {
  return onePagePdf(bombStream(megabytes, filler), '/FlateDecode');
}

/** The deflated content stream of a bomb: a line of text, then `megabytes` MB of `filler`. */
export function bombStream(megabytes: number, filler = ' '): Buffer {
  const text = Buffer.from('BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n', 'latin1');
  const chunk = Buffer.alloc(1 << 20, filler);
  // One deflate stream fed a megabyte at a time: each piece ends on a byte boundary (full flush)
  // so the pieces join into one valid stream.
  const piece = deflateSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH }).subarray(2);
  const head = deflateSync(text, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const tail = deflateSync(Buffer.alloc(0), { level: 9 }).subarray(2);
  const parts: Buffer[] = [head];
  for (let i = 0; i < megabytes; i++) parts.push(piece);
  const check = Buffer.alloc(4);
  check.writeUInt32BE(adler32([text, ...Array<Buffer>(megabytes).fill(chunk)]));
  parts.push(tail.subarray(0, tail.length - 4), check);
  return Buffer.concat(parts);
}

/**
 * A one-page PDF whose content stream is `stream` (Helvetica as F1) with the given `/Filter` value,
 * encrypted with AES-256 (revision 6, no open password) when asked.
 */
export function onePagePdf(stream: Uint8Array, filter: string, encrypt = false): Uint8Array {
  const key = Buffer.alloc(32, 7);
  if (encrypt) {
    const iv = Buffer.alloc(16, 3);
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    stream = Buffer.concat([iv, cipher.update(stream), cipher.final()]);
  }
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    null,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  if (encrypt) objects.push(encryptionDictionary(key));
  const out: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  let offset = out[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const piece =
      body === null
        ? Buffer.concat([
            Buffer.from(
              `${i + 1} 0 obj\n<< /Length ${stream.length} /Filter ${filter} >>\nstream\n`,
              'latin1',
            ),
            stream,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ])
        : Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    out.push(piece);
    offset += piece.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt ? ` /Encrypt ${objects.length} 0 R /ID [<0102030405060708090a0b0c0d0e0f10><0102030405060708090a0b0c0d0e0f10>]` : ''} >>\nstartxref\n${offset}\n%%EOF\n`,
  ].join('');
  out.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(out));
}

/** The AES-256 (revision 6) dictionary for file key `key` and the empty user password. */
function encryptionDictionary(key: Buffer): string {
  const empty = new Uint8Array(0);
  const validation = Buffer.alloc(8, 1);
  const salt = Buffer.alloc(8, 2);
  const u = Buffer.concat([hashR6(6, empty, validation, empty), validation, salt]);
  const wrap = createCipheriv('aes-256-cbc', hashR6(6, empty, salt, empty), Buffer.alloc(16));
  wrap.setAutoPadding(false);
  const ue = Buffer.concat([wrap.update(key), wrap.final()]);
  const hex = (b: Buffer) => `<${b.toString('hex')}>`;
  return `<< /Filter /Standard /V 5 /R 6 /Length 256 /CF << /StdCF << /AuthEvent /DocOpen /CFM /AESV3 /Length 32 >> >> /StmF /StdCF /StrF /StdCF /O ${hex(Buffer.alloc(48))} /U ${hex(u)} /OE ${hex(Buffer.alloc(32))} /UE ${hex(ue)} /P -4 /Perms ${hex(Buffer.alloc(16))} >>`;
}

function adler32(buffers: readonly Buffer[]): number {
  let a = 1;
  let b = 0;
  for (const buffer of buffers)
    for (let i = 0; i < buffer.length; ) {
      const end = Math.min(buffer.length, i + 5552);
      for (; i < end; i++) {
        a += buffer[i] as number;
        b += a;
      }
      a %= 65521;
      b %= 65521;
    }
  return ((b << 16) | a) >>> 0;
}
