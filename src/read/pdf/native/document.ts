/**
 * A PDF's object layer: the cross-reference data (tables and streams, object streams, incremental
 * updates through `/Prev`; rebuilt by scanning for `N G obj` when it is broken), objects fetched
 * by reference, stream data decoded through its filters, and the page tree with its inherited
 * attributes. Encrypted documents are left to PDF.js.
 */
import { decryptor, type StreamDecryptor } from '../decrypt.js';
import { decode, TooLarge } from '../filters.js';
import {
  type Dict,
  isDict,
  Lexer,
  Name,
  nameOf,
  type PdfObj,
  PdfString,
  Ref,
  Stream,
  Unsupported,
  unsupported,
} from './objects.js';

type Entry = { type: 1; offset: number; gen: number } | { type: 2; stream: number; index: number };

const latin1 = (bytes: Uint8Array, start: number, end: number): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, end - start)).toString('latin1');

/** Most pages of a page tree walked (a loop or a bomb stops here). */
const maxNodes = 100_000;

export interface PageNode {
  dict: Dict;
  resources: Dict;
  mediaBox: PdfObj;
  cropBox: PdfObj;
  rotate: PdfObj;
}

export class PdfDocument {
  private entries = new Map<number, Entry>();
  private cache = new Map<number, PdfObj>();
  private objectStreams = new Map<number, { offsets: number[]; data: Uint8Array; first: number }>();
  trailer: Dict = new Map();
  /** Whether the cross-reference data had to be rebuilt. */
  repaired = false;

  constructor(
    readonly bytes: Uint8Array,
    /** Most bytes one stream may decode to. */
    private readonly cap: number,
  ) {
    // A file cut short (no `startxref` at its end) is left to PDF.js, which refuses it as damaged.
    const tail = latin1(bytes, Math.max(0, bytes.length - 2048), bytes.length);
    if (!tail.includes('startxref')) unsupported('no startxref: a file cut short');
    try {
      this.readXref();
      if (!isDict(this.get(this.trailer.get('Root')))) throw new Unsupported('no catalog');
    } catch (error) {
      if (error instanceof TooLarge) throw error;
      this.repair();
    }
    if (this.trailer.has('Encrypt')) this.decrypt = this.openEncryption();
  }

  /** Decrypts stream data of an encrypted file (which opens without a password). */
  private decrypt: StreamDecryptor | null = null;

  /** The standard security handler with the empty user password; `Unsupported` otherwise. */
  private openEncryption(): StreamDecryptor {
    const dict = this.get(this.trailer.get('Encrypt'));
    if (!isDict(dict)) return unsupported('bad /Encrypt');
    const n = (key: string, fallback: number): number => {
      const v = this.get(dict.get(key));
      return typeof v === 'number' ? v : fallback;
    };
    const bytes = (o: PdfObj | undefined): Uint8Array | null =>
      o instanceof PdfString ? new Uint8Array(Buffer.from(o.bytes, 'latin1')) : null;
    const id = this.get(this.trailer.get('ID'));
    const stmF = nameOf(this.get(dict.get('StmF')));
    const strF = nameOf(this.get(dict.get('StrF')));
    let streamMethod: string | null = null;
    if (stmF === 'Identity') streamMethod = 'None';
    else if (stmF) {
      const cf = this.get(dict.get('CF'));
      const filter = isDict(cf) ? this.get(cf.get(stmF)) : undefined;
      streamMethod = (isDict(filter) ? nameOf(this.get(filter.get('CFM'))) : undefined) ?? 'None';
    }
    void strF;
    const decrypt = decryptor({
      filter: nameOf(this.get(dict.get('Filter'))) ?? '',
      v: n('V', 0),
      r: n('R', 0),
      length: n('Length', 40),
      p: n('P', 0),
      o: bytes(this.get(dict.get('O'))) ?? new Uint8Array(0),
      u: bytes(this.get(dict.get('U'))) ?? new Uint8Array(0),
      ue: bytes(this.get(dict.get('UE'))),
      streamMethod,
      encryptMetadata: this.get(dict.get('EncryptMetadata')) !== false,
      id: (Array.isArray(id) ? bytes(this.get(id[0])) : null) ?? new Uint8Array(0),
    });
    // A file that needs a password: PDF.js says so.
    if (!decrypt) return unsupported('needs a password');
    return decrypt;
  }

  // --- cross-reference data ---

  private readXref(): void {
    const b = this.bytes;
    const tail = latin1(b, Math.max(0, b.length - 2048), b.length);
    const at = tail.lastIndexOf('startxref');
    if (at < 0) unsupported('no startxref');
    let offset = Number(/^startxref\s+(\d+)/.exec(tail.slice(at))?.[1] ?? Number.NaN);
    const seen = new Set<number>();
    let first = true;
    while (Number.isFinite(offset)) {
      if (seen.has(offset) || seen.size > 1000) unsupported('xref loop');
      seen.add(offset);
      const trailer = this.readSection(offset);
      if (first) this.trailer = trailer;
      first = false;
      const stm = trailer.get('XRefStm');
      if (typeof stm === 'number') this.readSection(stm);
      const prev = trailer.get('Prev');
      offset = typeof prev === 'number' ? prev : Number.NaN;
    }
  }

  /** Reads a table or stream at `offset` (entries already known are newer and kept); its trailer. */
  private readSection(offset: number): Dict {
    const b = this.bytes;
    const lexer = new Lexer(b, offset);
    lexer.skipSpace();
    if (latin1(b, lexer.pos, lexer.pos + 4) === 'xref') {
      lexer.pos += 4;
      for (;;) {
        const start = lexer.object();
        if (start instanceof Object && 'cmd' in start && start.cmd === 'trailer') break;
        const count = lexer.object();
        if (typeof start !== 'number' || typeof count !== 'number') unsupported('bad xref table');
        for (let i = 0; i < (count as number); i++) {
          const off = lexer.object();
          const gen = lexer.object();
          const kind = lexer.object();
          if (
            typeof off !== 'number' ||
            typeof gen !== 'number' ||
            !(kind && typeof kind === 'object' && 'cmd' in kind)
          )
            unsupported('bad xref entry');
          const num = (start as number) + i;
          // A table whose first section starts at 1 while its first entry is the free head: off by one.
          if (this.entries.has(num)) continue;
          if ((kind as { cmd: string }).cmd === 'n' && (off as number) > 0)
            this.entries.set(num, { type: 1, offset: off as number, gen: gen as number });
          else if ((kind as { cmd: string }).cmd === 'f')
            this.entries.set(num, { type: 1, offset: 0, gen: -1 });
          else unsupported('bad xref entry');
        }
      }
      const trailer = lexer.object();
      if (!isDict(trailer)) return unsupported('bad trailer');
      return trailer;
    }
    const stream = this.parseIndirect(offset, undefined);
    if (!(stream instanceof Stream) || nameOf(stream.dict.get('Type')) !== 'XRef')
      return unsupported('bad xref');
    const dict = stream.dict;
    const w = dict.get('W');
    if (!Array.isArray(w) || w.length !== 3 || !w.every((x) => typeof x === 'number')) unsupported('bad /W');
    const [w0, w1, w2] = w as [number, number, number];
    const size = dict.get('Size');
    const index = (dict.get('Index') as PdfObj[] | undefined) ?? [0, size];
    const data = this.decodeStream(stream, true);
    let p = 0;
    const field = (n: number, fallback: number): number => {
      if (n === 0) return fallback;
      let v = 0;
      for (let k = 0; k < n; k++) v = v * 256 + (data[p++] ?? unsupported('short xref stream'));
      return v;
    };
    for (let s = 0; s + 1 < index.length; s += 2) {
      const start = index[s];
      const count = index[s + 1];
      if (typeof start !== 'number' || typeof count !== 'number') unsupported('bad /Index');
      for (let i = 0; i < (count as number); i++) {
        const type = field(w0, 1);
        const f1 = field(w1, 0);
        const f2 = field(w2, 0);
        const num = (start as number) + i;
        if (this.entries.has(num)) continue;
        if (type === 1) this.entries.set(num, { type: 1, offset: f1, gen: f2 });
        else if (type === 2) this.entries.set(num, { type: 2, stream: f1, index: f2 });
        else this.entries.set(num, { type: 1, offset: 0, gen: -1 });
      }
    }
    return dict;
  }

  /** Rebuilds the cross-reference data from the objects found in the file. */
  private repair(): void {
    this.repaired = true;
    this.entries.clear();
    this.cache.clear();
    this.objectStreams.clear();
    const text = latin1(this.bytes, 0, this.bytes.length);
    const head = /(\d+)\s+(\d+)\s+obj\b/g;
    const found: { num: number; offset: number; gen: number }[] = [];
    for (let m = head.exec(text); m; m = head.exec(text)) {
      const num = Number(m[1]);
      found.push({ num, offset: m.index, gen: Number(m[2]) });
      this.entries.set(num, { type: 1, offset: m.index, gen: Number(m[2]) });
      // Skip a stream's data, which may hold anything.
      const s = text.indexOf('stream', head.lastIndex);
      const e = text.indexOf('endobj', head.lastIndex);
      if (s >= 0 && (e < 0 || s < e)) {
        const end = text.indexOf('endstream', s);
        if (end > 0) head.lastIndex = end;
      }
    }
    this.trailer = new Map();
    for (const m of text.matchAll(/trailer\s*<</g)) {
      try {
        const t = new Lexer(this.bytes, (m.index ?? 0) + m[0].length - 2).object();
        if (isDict(t) && t.has('Root')) this.trailer = t;
      } catch {
        // a damaged trailer: the next one, or the catalog found below
      }
    }
    // Objects inside object streams, where no direct object has the number.
    for (const f of found) {
      let o: PdfObj;
      try {
        o = this.parseIndirect(f.offset, f.num);
      } catch {
        continue;
      }
      if (!(o instanceof Stream)) continue;
      const type = nameOf(o.dict.get('Type'));
      if (type === 'XRef' && !this.trailer.has('Root') && o.dict.has('Root')) this.trailer = o.dict;
      if (type !== 'ObjStm') continue;
      const { offsets } = this.objectStream(f.num);
      offsets.forEach((num, i) => {
        if (i % 2 === 0 && !this.entries.has(num))
          this.entries.set(num, { type: 2, stream: f.num, index: i / 2 });
      });
    }
    this.cache.clear();
    if (!this.trailer.has('Root'))
      for (const f of found) {
        try {
          const o = this.get(new Ref(f.num, f.gen));
          if (isDict(o) && nameOf(o.get('Type')) === 'Catalog')
            this.trailer.set('Root', new Ref(f.num, f.gen));
        } catch {
          // not an object
        }
      }
    if (!this.trailer.has('Root')) unsupported('no catalog');
  }

  // --- objects ---

  /** The object `o` stands for (references followed). */
  get(o: PdfObj | undefined): PdfObj | undefined {
    if (!(o instanceof Ref)) return o;
    return this.fetch(o.num);
  }

  fetch(num: number): PdfObj {
    if (this.cache.has(num)) return this.cache.get(num) as PdfObj;
    const entry = this.entries.get(num);
    let o: PdfObj = null;
    if (entry?.type === 1 && entry.gen >= 0) o = this.parseIndirect(entry.offset, num);
    else if (entry?.type === 2) o = this.fromObjectStream(entry.stream, entry.index, num);
    this.cache.set(num, o);
    return o;
  }

  /** The object `num G obj … endobj` at `offset`. */
  private parseIndirect(offset: number, num: number | undefined): PdfObj {
    const lexer = new Lexer(this.bytes, offset);
    const n = lexer.object();
    const g = lexer.object();
    const obj = lexer.object();
    if (typeof n !== 'number' || typeof g !== 'number' || !(obj && typeof obj === 'object' && 'cmd' in obj))
      return unsupported('bad object header');
    if ((obj as { cmd: string }).cmd !== 'obj' || (num !== undefined && n !== num))
      return unsupported('object not where the xref says');
    const value = lexer.object();
    if (value === undefined || (value && typeof value === 'object' && 'cmd' in value)) {
      // `endobj` straight away: null.
      return null;
    }
    if (!isDict(value)) return value as PdfObj;
    const save = lexer.pos;
    const next = lexer.object();
    if (!(next && typeof next === 'object' && 'cmd' in next && (next as { cmd: string }).cmd === 'stream')) {
      lexer.pos = save;
      return value;
    }
    // The data starts after `stream` and its end of line.
    let start = lexer.pos;
    const b = this.bytes;
    if (b[start] === 13) start++;
    if (b[start] === 10) start++;
    const lengthObj = value.get('Length');
    let length = typeof lengthObj === 'number' ? lengthObj : undefined;
    if (lengthObj instanceof Ref && lengthObj.num !== num) {
      const l = this.fetch(lengthObj.num);
      if (typeof l === 'number') length = l;
    }
    const endsAt = (end: number): boolean => {
      let p = end;
      while (p < b.length && (b[p] === 10 || b[p] === 13 || b[p] === 32 || b[p] === 9)) p++;
      return latin1(b, p, p + 9) === 'endstream';
    };
    if (length === undefined || !Number.isInteger(length) || length < 0 || !endsAt(start + length)) {
      // A wrong /Length: the data ends before `endstream` and its end of line.
      const stop = latin1(b, start, b.length).indexOf('endstream');
      if (stop < 0) return unsupported('stream without end');
      length = stop;
      if (b[start + length - 1] === 10) length--;
      if (b[start + length - 1] === 13) length--;
    }
    return new Stream(value, b.subarray(start, start + length), num ?? n, g);
  }

  private objectStream(num: number): { offsets: number[]; data: Uint8Array; first: number } {
    let s = this.objectStreams.get(num);
    if (s) return s;
    const stream = this.fetch(num);
    if (!(stream instanceof Stream)) return unsupported('object stream is not a stream');
    const n = stream.dict.get('N');
    const first = stream.dict.get('First');
    if (typeof n !== 'number' || typeof first !== 'number') return unsupported('bad object stream');
    const data = this.decodeStream(stream);
    const lexer = new Lexer(data, 0, Math.min(first, data.length));
    const offsets: number[] = [];
    for (let i = 0; i < 2 * n; i++) {
      const v = lexer.object();
      if (typeof v !== 'number') return unsupported('bad object stream header');
      offsets.push(v);
    }
    s = { offsets, data, first };
    this.objectStreams.set(num, s);
    return s;
  }

  private fromObjectStream(stream: number, index: number, num: number): PdfObj {
    const { offsets, data, first } = this.objectStream(stream);
    if (offsets[2 * index] !== num) {
      // PDF.js looks the number up in the stream's header.
      const at = offsets.findIndex((v, i) => i % 2 === 0 && v === num);
      if (at < 0) return unsupported('object not in its object stream');
      index = at / 2;
    }
    const lexer = new Lexer(data, first + (offsets[2 * index + 1] as number));
    const o = lexer.object();
    if (o === undefined || (o && typeof o === 'object' && 'cmd' in o))
      return unsupported('bad object in stream');
    return o as PdfObj;
  }

  // --- streams ---

  /** A stream's data through its filters; `predictor` allows the PNG predictors (xref streams). */
  decodeStream(stream: Stream, predictor = false): Uint8Array {
    // Each stream decoded once (a form drawn a thousand times is not inflated a thousand times).
    let data = this.decoded.get(stream);
    if (!data) {
      data = this.decodeOnce(stream, predictor);
      this.decoded.set(stream, data);
    }
    return data;
  }

  private readonly decoded = new WeakMap<Stream, Uint8Array>();

  private decodeOnce(stream: Stream, predictor: boolean): Uint8Array {
    const f = this.get(stream.dict.get('Filter'));
    const filters = f === undefined || f === null ? [] : Array.isArray(f) ? f.map((x) => this.get(x)) : [f];
    const p = this.get(stream.dict.get('DecodeParms'));
    const parms = Array.isArray(p) ? p.map((x) => this.get(x)) : [p];
    let data = stream.raw;
    // Cross-reference streams are never encrypted.
    if (this.decrypt && nameOf(stream.dict.get('Type')) !== 'XRef')
      data = this.decrypt(data, stream.num, stream.gen);
    filters.forEach((filter, i) => {
      const name = nameOf(filter);
      if (!name) unsupported('bad filter');
      const parm = parms[i];
      const early = isDict(parm) && parm.get('EarlyChange') === 0 ? 0 : 1;
      const out = decode(name as string, data, this.cap, early);
      if (out === null) unsupported(`filter ${name}`);
      data = out as Uint8Array;
      const pred = isDict(parm) ? parm.get('Predictor') : undefined;
      if (typeof pred === 'number' && pred > 1) {
        if (!predictor || pred < 10) unsupported('predictor');
        const columns = isDict(parm) ? parm.get('Columns') : undefined;
        data = unPng(data, typeof columns === 'number' ? columns : 1);
      }
    });
    return data;
  }

  // --- pages ---

  catalog(): Dict {
    const root = this.get(this.trailer.get('Root'));
    if (!isDict(root)) return unsupported('no catalog');
    return root;
  }

  /** The pages in order, with inherited attributes; `Count` must agree. */
  pages(): PageNode[] {
    const top = this.get(this.catalog().get('Pages'));
    if (!isDict(top)) return unsupported('no page tree');
    const out: PageNode[] = [];
    const seen = new Set<Dict>();
    const walk = (node: Dict, inherited: Omit<PageNode, 'dict'>) => {
      if (seen.has(node) || seen.size > maxNodes) unsupported('page tree loop');
      seen.add(node);
      const here = {
        resources: mergeResources(this.get(node.get('Resources')), inherited.resources),
        mediaBox: node.has('MediaBox') ? (this.get(node.get('MediaBox')) as PdfObj) : inherited.mediaBox,
        cropBox: node.has('CropBox') ? (this.get(node.get('CropBox')) as PdfObj) : inherited.cropBox,
        rotate: node.has('Rotate') ? (this.get(node.get('Rotate')) as PdfObj) : inherited.rotate,
      };
      const kids = this.get(node.get('Kids'));
      if (Array.isArray(kids)) {
        for (const k of kids) {
          const kid = this.get(k);
          if (!isDict(kid)) unsupported('bad page tree node');
          walk(kid as Dict, here);
        }
      } else {
        if (nameOf(node.get('Type')) !== 'Page') unsupported('page without /Type /Page');
        out.push({ dict: node, ...here });
      }
    };
    walk(top, { resources: new Map(), mediaBox: null, cropBox: null, rotate: 0 });
    const count = this.get(top.get('Count'));
    if (count !== out.length) unsupported('page count disagrees');
    return out;
  }

  /** A page's content: its streams decoded and joined (as PDF.js joins them, nothing between). */
  contents(page: Dict): Uint8Array {
    const c = this.get(page.get('Contents'));
    const list = Array.isArray(c) ? c.map((x) => this.get(x)) : c === undefined || c === null ? [] : [c];
    const parts: Uint8Array[] = [];
    for (const s of list) {
      if (!(s instanceof Stream)) unsupported('content is not a stream');
      parts.push(this.decodeStream(s as Stream));
    }
    return parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts);
  }
}

/** Resources as PDF.js inherits them: the keys of every ancestor's, the nearest first. */
function mergeResources(own: PdfObj | undefined, inherited: Dict): Dict {
  if (!isDict(own)) return inherited;
  if (inherited.size === 0) return own;
  const merged: Dict = new Map(inherited);
  for (const [k, v] of own) merged.set(k, v);
  return merged;
}

/** Undoes PNG predictors (Predictor ≥ 10), row by row. */
function unPng(data: Uint8Array, columns: number): Uint8Array {
  const row = columns + 1;
  const rows = Math.floor(data.length / row);
  const out = new Uint8Array(rows * columns);
  const prev = new Uint8Array(columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * row] as number;
    const cur = out.subarray(r * columns, (r + 1) * columns);
    for (let i = 0; i < columns; i++) {
      const x = data[r * row + 1 + i] as number;
      const left = i > 0 ? (cur[i - 1] as number) : 0;
      const up = prev[i] as number;
      const upLeft = i > 0 ? (prev[i - 1] as number) : 0;
      let v: number;
      if (type === 0) v = x;
      else if (type === 1) v = x + left;
      else if (type === 2) v = x + up;
      else if (type === 3) v = x + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else return unsupported('bad PNG predictor');
      cur[i] = v & 0xff;
    }
    prev.set(cur);
  }
  return out;
}

export { Name };
