/**
 * PDF objects and their syntax: a lexer and parser over raw bytes, for the file's objects and for
 * content streams alike. It is strict: whatever it does not understand throws `Unsupported`, and
 * the caller reads the document with PDF.js instead (never a silently different text).
 */

/** Something the native reader does not handle: the document goes to PDF.js. */
export class Unsupported extends Error {
  override name = 'Unsupported';
}

export const unsupported = (why: string): never => {
  throw new Unsupported(why);
};

export class Name {
  private static readonly interned = new Map<string, Name>();
  private constructor(readonly name: string) {}
  static of(name: string): Name {
    let n = Name.interned.get(name);
    if (!n) {
      n = new Name(name);
      Name.interned.set(name, n);
    }
    return n;
  }
}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** An operator of a content stream. */
export class Cmd {
  constructor(readonly cmd: string) {}
}

/** A PDF string, as its bytes (one char code per byte). */
export class PdfString {
  constructor(readonly bytes: string) {}
}

export type Dict = Map<string, PdfObj>;

export class Stream {
  constructor(
    readonly dict: Dict,
    /** The raw (encoded) data. */
    readonly raw: Uint8Array,
    readonly num: number,
    readonly gen: number,
  ) {}
}

export type PdfObj = number | boolean | null | Name | Ref | PdfString | PdfObj[] | Dict | Stream;

/** Whitespace (1) and delimiters (2), as PDF defines them. */
const special = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) special[c] = 1;
for (const c of '()<>[]{}/%') special[c.charCodeAt(0)] = 2;

const hexValue = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1;

const ARRAY_START = Symbol('[');
const ARRAY_END = Symbol(']');
const DICT_START = Symbol('<<');
const DICT_END = Symbol('>>');
const EOF = Symbol('eof');
type Token =
  | PdfObj
  | Cmd
  | typeof ARRAY_START
  | typeof ARRAY_END
  | typeof DICT_START
  | typeof DICT_END
  | typeof EOF;

/** Keywords met so far, each one object. */
const commands = new Map<string, Cmd>();

/** Every operator of content streams, and the prefixes PDF.js also knows (see `keyword`). */
export const contentOperators = new Set(
  'w J j M d ri i gs q Q cm m l c v y h re S s f F f* B B* b b* n W W* BT ET Tc Tw Tz TL Tf Tr Ts Td TD Tm T* Tj TJ \' " d0 d1 CS cs SC SCN sc scn G g RG rg K k sh BI ID EI Do MP DP BMC BDC EMC BX EX BM BD true fa fal fals false nu nul null'.split(
    ' ',
  ),
);

/** The known operators (and PDF.js' prefixes) by their character codes, first character lowest. */
const operatorKeys = new Map<number, Cmd | boolean | null>();
for (const op of contentOperators) {
  let key = 0;
  for (let i = 0; i < op.length; i++) key += op.charCodeAt(i) * 256 ** i;
  operatorKeys.set(key, op === 'true' ? true : op === 'false' ? false : op === 'null' ? null : new Cmd(op));
}

export class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
    /** For content streams: keywords split as PDF.js splits them (`cmq` is `cm` then `q`). */
    private readonly known: ReadonlySet<string> | null = null,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos] as number;
      if (special[c] === 1) this.pos++;
      else if (c === 37) {
        while (this.pos < this.end && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      } else break;
    }
  }

  token(): Token {
    this.skipSpace();
    const b = this.bytes;
    if (this.pos >= this.end) return EOF;
    const c = b[this.pos] as number;
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) return this.number();
    switch (c) {
      case 47:
        return this.name();
      case 40:
        return this.literal();
      case 91:
        this.pos++;
        return ARRAY_START;
      case 93:
        this.pos++;
        return ARRAY_END;
      case 60:
        if (b[this.pos + 1] === 60) {
          this.pos += 2;
          return DICT_START;
        }
        return this.hex();
      case 62:
        if (b[this.pos + 1] === 62) {
          this.pos += 2;
          return DICT_END;
        }
        return unsupported('stray >');
      case 41:
      case 123:
      case 125:
        return unsupported(`stray ${String.fromCharCode(c)}`);
    }
    return this.keyword();
  }

  /** A number, computed as PDF.js computes it (all digits, then one division), to the same bits. */
  private number(): number {
    const b = this.bytes;
    let i = this.pos;
    let sign = 1;
    if (b[i] === 45) {
      sign = -1;
      i++;
    } else if (b[i] === 43) i++;
    let divideBy = 0;
    let value = 0;
    let digits = 0;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c >= 48 && c <= 57) {
        if (divideBy !== 0) divideBy *= 10;
        value = value * 10 + (c - 48);
        digits++;
      } else if (c === 46) {
        if (divideBy !== 0) unsupported('malformed number');
        divideBy = 1;
      } else break;
    }
    if (digits === 0) unsupported('malformed number');
    // `1-2`, `1+`: PDF.js reads such numbers its own way.
    if (i < this.end && (b[i] === 45 || b[i] === 43)) unsupported('malformed number');
    this.pos = i;
    if (divideBy !== 0) value /= divideBy;
    return sign * value;
  }

  private name(): Name {
    const b = this.bytes;
    let i = this.pos + 1;
    let s = '';
    let escaped = false;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (special[c]) break;
      if (c === 35) {
        const h = hexValue(b[i + 1] ?? 0);
        const l = hexValue(b[i + 2] ?? 0);
        if (h < 0 || l < 0) unsupported('malformed name');
        s += String.fromCharCode(h * 16 + l);
        i += 2;
        escaped = true;
        continue;
      }
      s += String.fromCharCode(c);
    }
    this.pos = i;
    // Names are UTF-8 bytes; PDF.js keeps them as bytes too: compare as bytes.
    void escaped;
    return Name.of(s);
  }

  private literal(): PdfString {
    const b = this.bytes;
    let depth = 1;
    let s = '';
    let i = this.pos + 1;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c === 92) {
        const d = b[++i] as number;
        if (d >= 48 && d <= 55) {
          let v = d - 48;
          for (let n = 0; n < 2 && (b[i + 1] as number) >= 48 && (b[i + 1] as number) <= 55; n++)
            v = v * 8 + ((b[++i] as number) - 48);
          s += String.fromCharCode(v & 0xff);
        } else if (d === 110) s += '\n';
        else if (d === 114) s += '\r';
        else if (d === 116) s += '\t';
        else if (d === 98) s += '\b';
        else if (d === 102) s += '\f';
        else if (d === 13) {
          if (b[i + 1] === 10) i++;
        } else if (d === 10) {
          // line continuation
        } else if (d === undefined) break;
        else s += String.fromCharCode(d);
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41 && --depth === 0) {
        this.pos = i + 1;
        return new PdfString(s);
      }
      s += String.fromCharCode(c);
    }
    return unsupported('unterminated string');
  }

  private hex(): PdfString {
    const b = this.bytes;
    let s = '';
    let high = -1;
    let i = this.pos + 1;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (c === 62) {
        if (high >= 0) s += String.fromCharCode(high * 16);
        this.pos = i + 1;
        return new PdfString(s);
      }
      if (special[c] === 1) continue;
      const v = hexValue(c);
      if (v < 0) unsupported('malformed hex string');
      if (high < 0) high = v;
      else {
        s += String.fromCharCode(high * 16 + v);
        high = -1;
      }
    }
    return unsupported('unterminated hex string');
  }

  private keyword(): Token {
    if (this.known) return this.operator();
    const b = this.bytes;
    let s = String.fromCharCode(b[this.pos] as number);
    let i = this.pos + 1;
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (special[c]) break;
      if (s.length > 128) unsupported('keyword too long');
      s += String.fromCharCode(c);
    }
    this.pos = i;
    if (s === 'true') return true;
    if (s === 'false') return false;
    if (s === 'null') return null;
    let cmd = commands.get(s);
    if (!cmd) {
      cmd = new Cmd(s);
      if (commands.size < 1000) commands.set(s, cmd);
    }
    return cmd;
  }

  /**
   * An operator of a content stream, split as PDF.js splits keywords: while the characters so far
   * are a known operator and one more would not be, it ends there (`cmq` is `cm`, then `q`).
   * Known operators are at most five characters: they are looked up by their character codes.
   */
  private operator(): Token {
    const b = this.bytes;
    let key = b[this.pos] as number;
    let length = 1;
    let i = this.pos + 1;
    let found = operatorKeys.has(key);
    for (; i < this.end; i++) {
      const c = b[i] as number;
      if (special[c]) break;
      if (length >= 5) {
        if (found) break;
        unsupported('unknown operator');
      }
      const longer = key + c * 256 ** length;
      if (found && !operatorKeys.has(longer)) break;
      key = longer;
      length++;
      found = operatorKeys.has(key);
    }
    this.pos = i;
    const op = operatorKeys.get(key);
    if (op === undefined) return unsupported('unknown operator');
    return op;
  }

  /** The next object; a keyword other than `R` comes back as a `Cmd`, EOF as `undefined`. */
  object(): PdfObj | Cmd | undefined {
    const t = this.token();
    return this.finish(t);
  }

  private finish(t: Token): PdfObj | Cmd | undefined {
    if (t === EOF) return undefined;
    if (t === ARRAY_START) {
      const array: PdfObj[] = [];
      for (;;) {
        const n = this.token();
        if (n === ARRAY_END) return array;
        if (n === EOF) unsupported('unterminated array');
        const v = this.finish(n);
        if (v instanceof Cmd) {
          if (v.cmd === 'R' && array.length >= 2) {
            const gen = array.pop();
            const num = array.pop();
            if (Number.isInteger(num) && Number.isInteger(gen)) {
              array.push(new Ref(num as number, gen as number));
              continue;
            }
          }
          unsupported(`keyword ${v.cmd} in array`);
        }
        array.push(v as PdfObj);
      }
    }
    if (t === DICT_START) {
      const dict: Dict = new Map();
      for (;;) {
        const k = this.token();
        if (k === DICT_END) return dict;
        if (!(k instanceof Name)) return unsupported('dictionary key is not a name');
        const n = this.token();
        if (n === DICT_END || n === EOF) return unsupported('dictionary value missing');
        let v = this.finish(n);
        if (typeof v === 'number' && Number.isInteger(v)) {
          // `num gen R`?
          const save = this.pos;
          const g = this.token();
          if (typeof g === 'number' && Number.isInteger(g)) {
            const r = this.token();
            if (r instanceof Cmd && r.cmd === 'R') v = new Ref(v, g);
            else this.pos = save;
          } else this.pos = save;
        }
        if (v instanceof Cmd) return unsupported(`keyword ${v.cmd} in dictionary`);
        dict.set(k.name, v as PdfObj);
      }
    }
    if (t === ARRAY_END || t === DICT_END) return unsupported('unbalanced ] or >>');
    return t as PdfObj | Cmd;
  }
}

export const isDict = (o: unknown): o is Dict => o instanceof Map;
export const isNum = (o: unknown): o is number => typeof o === 'number';
export const nameOf = (o: unknown): string | undefined => (o instanceof Name ? o.name : undefined);
