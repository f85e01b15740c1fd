/**
 * The PDF standard security handler, only as far as the bounds pass needs it: a PDF encrypted
 * without an open password (permissions only, common for published reports) opens in PDF.js, so
 * its streams must be decrypted here too before their inflated size can be counted.
 *
 * Revisions 2–4 (RC4 and AES-128, ISO 32000-1 §7.6.3) and 5–6 (AES-256, ISO 32000-2 §7.6.4), with
 * the empty user password; a file that needs a password gets no decryptor (PDF.js refuses it).
 */
import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';

/** Decrypts the data of stream object `number` (generation `generation`). */
export type StreamDecryptor = (data: Uint8Array, number: number, generation: number) => Uint8Array;

/** The 32-byte padding of ISO 32000-1 Algorithm 2. */
const padding = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

const md5 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** RC4 (symmetric). */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] as number)) & 0xff;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[k] = (data[k] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 0xff] as number);
  }
  return out;
}

/** AES-CBC with the IV in the first 16 bytes; PKCS#7 padding removed when it is well formed. */
function aesDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32 || data.length % 16 !== 0) return new Uint8Array(0);
  const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, data.subarray(0, 16));
  decipher.setAutoPadding(false);
  const out = Buffer.concat([decipher.update(data.subarray(16)), decipher.final()]);
  const pad = out[out.length - 1] as number;
  return pad >= 1 && pad <= 16 ? out.subarray(0, out.length - pad) : out;
}

/** The fields of an `/Encrypt` dictionary (strings as bytes), and the file's first `/ID` string. */
export interface EncryptionFields {
  filter: string;
  v: number;
  r: number;
  length: number;
  p: number;
  o: Uint8Array;
  u: Uint8Array;
  ue: Uint8Array | null;
  /** The stream crypt filter's method: `V2` (RC4), `AESV2`, `AESV3`, `None`, or null without `/CF`. */
  streamMethod: string | null;
  encryptMetadata: boolean;
  id: Uint8Array;
}

/** The decryptor for a file encrypted this way with no open password; null when there is none. */
export function decryptor(f: EncryptionFields): StreamDecryptor | null {
  if (f.filter !== 'Standard') return null;
  if (f.streamMethod === 'None') return (data) => data;
  if (f.r >= 5) {
    const key = fileKeyR6(f);
    return key ? (data) => aesDecrypt(key, data) : null;
  }
  const n = f.r === 2 ? 5 : Math.min(16, Math.max(5, Math.floor(f.length / 8)));
  const p = Buffer.alloc(4);
  p.writeInt32LE(f.p | 0);
  let key = md5(
    padding,
    f.o.subarray(0, 32),
    p,
    f.id,
    ...(f.r >= 4 && !f.encryptMetadata ? [Buffer.from([255, 255, 255, 255])] : []),
  );
  if (f.r >= 3) for (let i = 0; i < 50; i++) key = md5(key.subarray(0, n));
  key = key.subarray(0, n);
  // Algorithm 6: the empty password is the user password when U comes out as computed.
  if (f.r === 2) {
    if (!Buffer.from(rc4(key, padding)).equals(Buffer.from(f.u.subarray(0, 32)))) return null;
  } else {
    let check: Uint8Array = md5(padding, f.id);
    for (let i = 0; i < 20; i++)
      check = rc4(
        key.map((b) => b ^ i),
        check,
      );
    if (!Buffer.from(check).equals(Buffer.from(f.u.subarray(0, 16)))) return null;
  }
  const aes = f.v === 4 && f.streamMethod === 'AESV2';
  return (data, number, generation) => {
    const object = Buffer.from([number, number >> 8, number >> 16, generation, generation >> 8]);
    const k = md5(key, object, aes ? Buffer.from('sAlT', 'latin1') : Buffer.alloc(0)).subarray(
      0,
      Math.min(16, n + 5),
    );
    return aes ? aesDecrypt(k, data) : rc4(k, data);
  };
}

/** Algorithm 2.B of ISO 32000-2 (revision 6); revision 5 is its first SHA-256 alone. */
export function hashR6(r: number, password: Uint8Array, salt: Uint8Array, udata: Uint8Array): Buffer {
  let k = createHash('sha256').update(password).update(salt).update(udata).digest();
  if (r === 5) return k;
  for (let i = 0; ; ) {
    const one = Buffer.concat([password, k, udata]);
    const k1 = Buffer.concat(Array<Buffer>(64).fill(one));
    const cipher = createCipheriv('aes-128-cbc', k.subarray(0, 16), k.subarray(16, 32));
    cipher.setAutoPadding(false);
    const e = Buffer.concat([cipher.update(k1), cipher.final()]);
    let sum = 0;
    for (let j = 0; j < 16; j++) sum += e[j] as number;
    k = createHash(['sha256', 'sha384', 'sha512'][sum % 3] as string)
      .update(e)
      .digest();
    i++;
    if (i >= 64 && (e[e.length - 1] as number) <= i - 32) break;
  }
  return k.subarray(0, 32);
}

function fileKeyR6(f: EncryptionFields): Buffer | null {
  if (f.u.length < 48 || !f.ue || f.ue.length < 32) return null;
  const empty = new Uint8Array(0);
  const check = hashR6(f.r, empty, f.u.subarray(32, 40), empty);
  if (!check.equals(Buffer.from(f.u.subarray(0, 32)))) return null;
  const wrap = hashR6(f.r, empty, f.u.subarray(40, 48), empty);
  const decipher = createDecipheriv('aes-256-cbc', wrap, Buffer.alloc(16));
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(f.ue.subarray(0, 32)), decipher.final()]);
}
