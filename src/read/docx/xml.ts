/**
 * Streaming XML for the DOCX parts: a small scanner of its own, namespaces, and the attribute
 * look-up they all need.
 *
 * The parts are machine-written XML whose shape is fixed, so a general parser's work (objects for
 * every attribute, namespace records, character-class checks on every name) is not needed: the
 * scanner finds each tag with `indexOf`, checks an element's attributes but keeps only where they
 * are written (most are never asked for), and decodes entities only where a `&` occurs. Content the
 * handlers have no use for (run and paragraph properties, mostly) is passed over by a lighter loop
 * that checks the same structure but reports nothing (`passOver`). The few namespace declarations a part makes are kept as
 * a chain of scopes, and a prefix is looked up only for the element names and the attributes
 * actually asked for.
 *
 * What it still refuses as malformed: unclosed or mismatched tags, text or a second element outside
 * the root, no root at all, an attribute without a quoted value, an unbound prefix, `<` in an
 * attribute value, and any entity but the five predefined ones and character references (DTD
 * entities are never expanded, so a part cannot smuggle in entity expansion).
 */
import type { SourceFile } from '../../core/source-file.js';
import { type ArchiveKind, docxArchive } from './zip-directory.js';

/** WordprocessingML, transitional and strict (ISO 29500 strict documents use the second). */
const wordNamespaces = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const mathNamespaces = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/math',
  'http://purl.oclc.org/ooxml/officeDocument/math',
]);

/** Prefix → namespace in scope (`''` for the default namespace), inherited through the prototype. */
type Scope = Record<string, string>;

/** An element, with its namespace resolved. */
export interface Tag<K = unknown> {
  local: string;
  uri: string;
  /** `local` when the element is WordprocessingML, '' otherwise. */
  word: string;
  /** What the handlers' vocabulary says of `word` (see parseXml); undefined when it says nothing. */
  known: K | undefined;
  scope: Scope;
  /** The part and where this element's attributes are written in it (checked, not decoded). */
  source: Source;
  from: number;
  to: number;
}

const rootScope: Scope = Object.assign(Object.create(null) as Scope, {
  '': '',
  xml: 'http://www.w3.org/XML/1998/namespace',
});

/** The element's local name when it is WordprocessingML, '' otherwise. */
export const wordName = (tag: Tag): string => tag.word;
export const isMath = (tag: Tag): boolean => mathNamespaces.has(tag.uri);

/**
 * A WordprocessingML attribute (`w:val`) by local name; unprefixed ones count too. The attributes
 * were checked by the scanner, so they are read here without checking again.
 */
export function attr(tag: Tag, local: string): string | undefined {
  const source = tag.source;
  const s = source.text;
  const codes = source.codes;
  const end = tag.to;
  let k = tag.from;
  for (;;) {
    while (k < end && isSpace(codeAt(codes, k))) k++;
    if (k >= end) return undefined;
    const a = k;
    const eq = s.indexOf('=', k);
    let nameEnd = eq;
    while (isSpace(codeAt(codes, nameEnd - 1))) nameEnd--;
    k = eq + 1;
    while (isSpace(codeAt(codes, k))) k++;
    const close = s.indexOf(codeAt(codes, k) === 34 ? '"' : "'", k + 1);
    const colon = nameEnd - local.length - 1;
    if (colon >= a - 1 && s.startsWith(local, nameEnd - local.length)) {
      if (colon === a - 1) return attributeValue(source, k + 1, close);
      if (colon > a && codeAt(codes, colon) === 58) {
        const uri = tag.scope[s.slice(a, colon)];
        if (uri !== undefined && wordNamespaces.has(uri)) return attributeValue(source, k + 1, close);
      }
    }
    k = close + 1;
  }
}

/** An ST_OnOff attribute: absent means on, 「false」「0」「off」 mean off. */
export const isOn = (tag: Tag, local = 'val'): boolean => {
  const v = attr(tag, local);
  return v === undefined || !/^(?:false|0|off)$/i.test(v);
};

/** An integer attribute, or `fallback` when absent or not a number. */
export const intAttr = (tag: Tag, local: string, fallback: number): number => {
  const v = attr(tag, local);
  const n = v === undefined ? Number.NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : fallback;
};

export interface XmlHandlers<K = unknown> {
  /**
   * An element starts. Returning a set of local names (a `Set`; anything else is ignored) asks the scanner to pass over the element's
   * content without reporting it, unless one of those names occurs there: the handlers promise
   * that nothing else in it matters to them (its text included). Where such a name is a direct
   * child, the content before it is passed over and the scanning goes on from it; anywhere deeper,
   * or at anything the fast pass does not check as the full scan would (references, comments,
   * CDATA, namespace declarations, white space in end tags), the content is scanned in full, so
   * errors and events are those of a full scan either way.
   */
  open(tag: Tag<K>): unknown;
  close(tag: Tag<K>): void;
  text(text: string): void;
}

/**
 * A part's text. UTF-8 parts (all but those with a UTF-16 byte order mark) are scanned as Latin-1,
 * one character a byte, which is cheap to make and to search; the markup is ASCII, and only the
 * pieces of text and the attribute values taken out are decoded from the bytes as UTF-8.
 */
interface Source {
  /** Searched (`indexOf`) and sliced. */
  text: string;
  /**
   * The same characters' codes, read one at a time (a typed array is read some three times as
   * fast as `charCodeAt`): the bytes of a UTF-8 part, the code units of a UTF-16 one.
   */
  codes: Codes;
  /** The bytes when `text` is their Latin-1 reading. */
  utf8: Buffer | null;
}

type Codes = Uint8Array | Uint16Array;

/** The character code at `at` (what `text.charCodeAt` gives), or -1 outside the text. */
const codeAt = (codes: Codes, at: number): number => codes[at] ?? -1;

function utf16(text: string): Source {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return { text, codes, utf8: null };
}

function decodeXml(bytes: Uint8Array): Source {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(new TextDecoder('utf-16le').decode(bytes));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(new TextDecoder('utf-16be').decode(bytes));
  const utf8 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { text: utf8.toString('latin1'), codes: utf8, utf8 };
}

/** The characters written from `from` to `to`. */
function piece(source: Source, from: number, to: number): string {
  const codes = source.codes;
  if (source.utf8)
    for (let i = from; i < to; i++)
      if (codeAt(codes, i) > 0x7f) return source.utf8.toString('utf8', from, to);
  return source.text.slice(from, to);
}

/**
 * Parses one part, calling the handlers in document order (an empty element opens and closes).
 * Malformed XML fails the file. `vocabulary` maps the WordprocessingML local names the handlers
 * act on to what they want to know of each (`tag.known`): it is looked up once per name a part
 * uses, not once per element. `kind` names the package in the failure (a DOCX unless said).
 */
export function parseXml<K>(
  bytes: Uint8Array,
  part: string,
  file: SourceFile,
  handlers: XmlHandlers<K>,
  vocabulary: ReadonlyMap<string, K> = new Map(),
  kind: ArchiveKind = docxArchive,
): void {
  try {
    scan(decodeXml(bytes), handlers, vocabulary);
  } catch (error) {
    if (!(error instanceof MalformedXml)) throw error;
    file.fail(`${kind.name} 文件已损坏（${part} 不是有效的 XML：${error.message}），请${kind.resave}后再试`);
  }
}

/** Only the scanner's own complaints become a "not XML" failure; anything else propagates. */
class MalformedXml extends Error {}

const predefined: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves one entity or character reference (the text between `&` and `;`). */
function entity(name: string): string {
  const known = predefined[name];
  if (known !== undefined) return known;
  if (name.charCodeAt(0) === 35) {
    const hex = name.charCodeAt(1) === 120;
    const digits = name.slice(hex ? 2 : 1);
    if (digits !== '' && (hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) {
      const code = Number.parseInt(digits, hex ? 16 : 10);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff))
        return String.fromCodePoint(code);
    }
    throw new MalformedXml(`malformed character entity: &${name};`);
  }
  throw new MalformedXml(`undefined entity: &${name};`);
}

const references = /&([^;&<]*);|&/g;
const decodeReferences = (raw: string): string =>
  raw.replace(references, (_whole, name: string | undefined) => {
    if (name === undefined) throw new MalformedXml('unterminated entity reference');
    return entity(name);
  });

/** Character data: line ends normalised to `\n` (XML 1.0 §2.11), references resolved. */
function textOf(source: Source, from: number, to: number): string {
  let raw = piece(source, from, to);
  if (raw.indexOf('\r') >= 0) raw = raw.replace(/\r\n?/g, '\n');
  return raw.indexOf('&') >= 0 ? decodeReferences(raw) : raw;
}

/** An attribute value: white space normalised to spaces (XML 1.0 §3.3.3), references resolved. */
function attributeValue(source: Source, from: number, to: number): string {
  let raw = piece(source, from, to);
  if (raw.indexOf('<') >= 0) throw new MalformedXml('disallowed character in attribute value');
  if (/[\t\n\r]/.test(raw)) raw = raw.replace(/\r\n|[\t\n\r]/g, ' ');
  return raw.indexOf('&') >= 0 ? decodeReferences(raw) : raw;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

function isBlank(codes: Codes, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(codeAt(codes, i))) return false;
  return true;
}

/** Where `needle` starts at or after `from`; a missing one is an unterminated construct. */
function find(s: string, needle: string, from: number, what: string): number {
  const at = s.indexOf(needle, from);
  if (at < 0) throw new MalformedXml(`unclosed ${what}`);
  return at;
}

/** Skips `<!DOCTYPE …>` (its internal subset included, quoted strings respected); returns the end. */
function skipDoctype(s: string, from: number): number {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 39) {
      i = find(s, c === 34 ? '"' : "'", i + 1, 'DOCTYPE');
    } else if (c === 91) depth++;
    else if (c === 93) depth--;
    else if (c === 62 && depth <= 0) return i + 1;
  }
  throw new MalformedXml('unclosed DOCTYPE');
}

/** Whether the `length` characters at `at` are those at `from` (names compared where written). */
function sameAt(codes: Codes, at: number, from: number, length: number): boolean {
  for (let j = 0; j < length; j++) if (codeAt(codes, at + j) !== codeAt(codes, from + j)) return false;
  return true;
}

/** The next `<` at or after `from` (-1 if none): mostly the very next character, where no search is needed. */
const nextTag = (source: Source, from: number): number =>
  codeAt(source.codes, from) === 60 ? from : source.text.indexOf('<', from);

/** Name characters end at white space, `/`, `>` or `=`, and at the end of the text. */
const endsName = (c: number): boolean => isSpace(c) || c === 47 || c === 62 || c === 61 || c < 0;

interface Name<K> {
  qname: string;
  prefix: string;
  local: string;
  /** The vocabulary's entry for `local`. */
  known: K | undefined;
  /** Where the name is first written in the part. */
  at: number;
  /**
   * The empty children last passed over in one go (by `runPattern`) inside an element of this
   * name: the next element of the name mostly holds the same (formatting repeats).
   */
  run: string;
  runPattern: RegExp | null;
}

/** Element names met in a part, each made into strings (and looked up) once: a part uses a few dozen. */
class NameTable<K> {
  private readonly slots: (Name<K> | undefined)[] = new Array(1024);
  constructor(private readonly vocabulary: ReadonlyMap<string, K>) {}
  at(source: Source, from: number, to: number, hash: number): Name<K> {
    const slot = hash & 1023;
    const found = this.slots[slot];
    if (found && found.qname.length === to - from && sameAt(source.codes, from, found.at, to - from))
      return found;
    const qname = source.text.slice(from, to);
    const colon = qname.indexOf(':');
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const name = {
      qname,
      prefix: colon < 0 ? '' : qname.slice(0, colon),
      local,
      known: this.vocabulary.get(local),
      at: from,
      run: '',
      runPattern: null,
    };
    this.slots[slot] = name;
    return name;
  }
}

function scan<K>(source: Source, handlers: XmlHandlers<K>, vocabulary: ReadonlyMap<string, K>): void {
  const s = source.text;
  const codes = source.codes;
  const n = s.length;
  const open: Tag<K>[] = [];
  const names: string[] = [];
  /** Where each open element's name is written (its end tag is compared with it there). */
  const nameStarts: number[] = [];
  const pool: Tag<K>[] = [];
  const nameTable = new NameTable(vocabulary);
  let scope = rootScope;
  let lastScope: Scope | null = null;
  let lastPrefix = '';
  let lastUri: string | undefined;
  let lastIsWord = false;
  let rooted = false;
  let i = codeAt(codes, 0) === 0xfeff ? 1 : source.utf8 && s.startsWith('\xef\xbb\xbf') ? 3 : 0;
  while (i < n) {
    const lt = nextTag(source, i);
    const end = lt < 0 ? n : lt;
    if (end > i) {
      if (open.length > 0) handlers.text(textOf(source, i, end));
      else if (!isBlank(codes, i, end)) throw new MalformedXml('text data outside of root node');
    }
    if (lt < 0) break;
    const c = codeAt(codes, lt + 1);
    if (c === 47) {
      // End tag: mostly the expected name and `>` right after it; anything else is searched and checked.
      const expected = names.pop();
      const start = nameStarts.pop() as number;
      let gt = lt + 2 + (expected?.length ?? 0);
      if (
        expected === undefined ||
        codeAt(codes, gt) !== 62 ||
        !sameAt(codes, lt + 2, start, expected.length)
      ) {
        gt = find(s, '>', lt + 2, 'end tag');
        if (expected === undefined) throw new MalformedXml(`unmatched closing tag: ${s.slice(lt + 2, gt)}`);
        if (!sameAt(codes, lt + 2, start, expected.length) || !isBlank(codes, lt + 2 + expected.length, gt))
          throw new MalformedXml(`unexpected close tag: ${s.slice(lt + 2, gt).trim()}, expected ${expected}`);
      }
      const tag = open.pop() as Tag<K>;
      scope = open[open.length - 1]?.scope ?? rootScope;
      handlers.close(tag);
      i = gt + 1;
      continue;
    }
    if (c === 63) {
      i = find(s, '?>', lt + 2, 'processing instruction') + 2;
      continue;
    }
    if (c === 33) {
      if (s.startsWith('!--', lt + 1)) {
        i = find(s, '-->', lt + 4, 'comment') + 3;
      } else if (s.startsWith('![CDATA[', lt + 1)) {
        const close = find(s, ']]>', lt + 9, 'CDATA section');
        if (open.length === 0) throw new MalformedXml('CDATA section outside of root node');
        handlers.text(piece(source, lt + 9, close).replace(/\r\n?/g, '\n'));
        i = close + 3;
      } else if (s.startsWith('!DOCTYPE', lt + 1) && !rooted) {
        i = skipDoctype(s, lt + 9);
      } else throw new MalformedXml('unexpected markup declaration');
      continue;
    }
    // Start tag: the attributes are checked here and decoded only when asked for (attr).
    let k = lt + 1;
    let hash = 0;
    for (let d = codeAt(codes, k); !endsName(d); d = codeAt(codes, ++k)) hash = (hash * 31 + d) | 0;
    if (k === lt + 1) throw new MalformedXml('missing element name');
    const name = nameTable.at(source, lt + 1, k, hash);
    const qname = name.qname;
    if (open.length === 0 && rooted) throw new MalformedXml('more than one root element');
    const from = k;
    let to = k;
    let forked = false;
    let empty = false;
    let nextLt = -1;
    let checked = false;
    while (!checked) {
      const spaced = isSpace(codeAt(codes, k));
      while (isSpace(codeAt(codes, k))) k++;
      const d = codeAt(codes, k);
      if (d === 62) {
        to = k++;
        checked = true;
        break;
      }
      if (d === 47 && codeAt(codes, k + 1) === 62) {
        empty = true;
        to = k;
        k += 2;
        checked = true;
        break;
      }
      if (d < 0) throw new MalformedXml(`unclosed tag: ${qname}`);
      if (!spaced) throw new MalformedXml('no whitespace between attributes');
      const a = k;
      while (!endsName(codeAt(codes, k))) k++;
      const keyEnd = k;
      while (isSpace(codeAt(codes, k))) k++;
      if (keyEnd === a || codeAt(codes, k) !== 61) throw new MalformedXml('attribute without value');
      k++;
      while (isSpace(codeAt(codes, k))) k++;
      const q = codeAt(codes, k);
      if (q !== 34 && q !== 39) throw new MalformedXml('unquoted attribute value');
      const close = find(s, q === 34 ? '"' : "'", k + 1, 'attribute value');
      if (nextLt < k) {
        nextLt = s.indexOf('<', k);
        if (nextLt < 0) nextLt = n;
      }
      if (nextLt < close) throw new MalformedXml('disallowed character in attribute value');
      if (
        codeAt(codes, a) === 120 &&
        s.startsWith('xmlns', a) &&
        (keyEnd - a === 5 || codeAt(codes, a + 5) === 58)
      ) {
        if (!forked) scope = Object.create(scope) as Scope;
        forked = true;
        scope[s.slice(a + 6, keyEnd)] = attributeValue(source, k + 1, close);
      }
      k = close + 1;
    }
    if (scope !== lastScope || name.prefix !== lastPrefix) {
      lastScope = scope;
      lastPrefix = name.prefix;
      lastUri = scope[name.prefix];
      lastIsWord = lastUri !== undefined && wordNamespaces.has(lastUri);
    }
    const uri = lastUri;
    if (uri === undefined) throw new MalformedXml(`unbound namespace prefix: "${name.prefix}"`);
    // One Tag per depth, reused: handlers never keep a tag past its close.
    const depth = open.length;
    let tag = pool[depth];
    if (tag === undefined) {
      tag = { local: '', uri: '', word: '', known: undefined, scope, source, from, to };
      pool[depth] = tag;
    }
    tag.local = name.local;
    tag.uri = uri;
    tag.word = lastIsWord ? name.local : '';
    tag.known = lastIsWord ? name.known : undefined;
    tag.scope = scope;
    tag.source = source;
    tag.from = from;
    tag.to = to;
    rooted = true;
    const pass = handlers.open(tag);
    if (!empty && pass instanceof Set) {
      const end = passOver(source, k, lt + 1, name, pass, scope, nameTable);
      if (end >= 0) {
        empty = true;
        k = end;
      } else k = -1 - end;
    }
    if (empty) {
      scope = open[open.length - 1]?.scope ?? rootScope;
      handlers.close(tag);
    } else {
      open.push(tag);
      names.push(qname);
      nameStarts.push(lt + 1);
    }
    i = k;
  }
  if (open.length > 0) throw new MalformedXml(`unclosed tag: ${names[names.length - 1]}`);
  if (!rooted) throw new MalformedXml('document must contain a root element');
}

const regexChars = /[.*+?^${}()|[\]\\]/g;
const patterns = new WeakMap<ReadonlySet<string>, Map<string, RegExp>>();
/** The pattern last asked for (a document asks for the same one over and over). */
let last = { watch: new Set<string>() as ReadonlySet<string>, prefix: '', pattern: /(?:)/y };

/**
 * A sticky pattern for a run of empty elements with this prefix, none named in `watch`, their
 * attributes as the scanner checks them (white space before each, quoted values without `<`, no
 * namespace declaration). Anything else ends the run and is left to the loop of passOver. Each
 * element is tried first as Word and WPS write it (names of letters, digits, `_`, `.` and `-`;
 * each attribute prefixed, after one space, its value in double quotes), which takes some three
 * quarters of the time the general rules take, and only then by the general rules: either way an
 * element matches to the same end, so the run is the same.
 */
function emptyChildren(watch: ReadonlySet<string>, prefix: string): RegExp {
  if (watch === last.watch && prefix === last.prefix) return last.pattern;
  let byPrefix = patterns.get(watch);
  if (!byPrefix) {
    byPrefix = new Map();
    patterns.set(watch, byPrefix);
  }
  let pattern = byPrefix.get(prefix);
  if (!pattern) {
    const names = [...watch].map((n) => n.replace(regexChars, '\\$&')).join('|');
    const start = `<${prefix.replace(regexChars, '\\$&')}:${names ? `(?!(?:${names})[ \\t\\n\\r/>])` : ''}`;
    const usualName = '[A-Za-z][\\w.-]*';
    const usual = `${start}${usualName}(?: (?!xmlns:)${usualName}:[\\w.-]+="[^"<]*")*/>`;
    const space = '[ \\t\\n\\r]';
    const name = `[^ \\t\\n\\r/>=<"'&!?]+`;
    const attribute = `${space}+(?!xmlns[:= \\t\\n\\r])${name}${space}*=${space}*(?:"[^"<]*"|'[^'<]*')`;
    const element = `${usual}|${start}${name}(?:${attribute})*${space}*/>`;
    pattern = new RegExp(`(?:${element})*`, 'y');
    byPrefix.set(prefix, pattern);
  }
  last = { watch, prefix, pattern };
  return pattern;
}

/** Where the end tag of the element named at `nameStart` ends if it is written at `at`, or -1. */
function endTagAt(codes: Codes, at: number, nameStart: number, length: number): number {
  const end = at + 2 + length;
  return codeAt(codes, at) === 60 &&
    codeAt(codes, at + 1) === 47 &&
    sameAt(codes, at + 2, nameStart, length) &&
    codeAt(codes, end) === 62
    ? end + 1
    : -1;
}

/** Where the names of the elements open inside passed-over content start, and their lengths. */
const passStarts: number[] = [];
const passLengths: number[] = [];

/**
 * Passes over an element's content from `from` (just after its start tag), checking the structure
 * as the full scan does (names matched, prefixes bound, attributes quoted, no `<` in values).
 * Returns where its end tag ends; or, as `-1 - at`, where the full scan is to go on: at a direct
 * child named in `watch`, or at `from` when anything else needs the full scan.
 */
function passOver<K>(
  source: Source,
  from: number,
  nameStart: number,
  element: Name<K>,
  watch: ReadonlySet<string>,
  scope: Scope,
  nameTable: NameTable<K>,
): number {
  const s = source.text;
  const codes = source.codes;
  const bail = -1 - from;
  let depth = 0;
  let k = from;
  const qname = element.qname;
  if (element.prefix !== '') {
    // The usual content first, in one go: empty elements in the element's own namespace. The
    // same characters as the run last matched in an element of this name (formatting repeats)
    // need no matching: the pattern would match them to the same end, and goes on from there.
    const children = emptyChildren(watch, element.prefix);
    const run = element.run;
    if (element.runPattern === children && run !== '' && s.slice(from, from + run.length) === run)
      k = from + run.length;
    let end = endTagAt(codes, k, nameStart, qname.length);
    if (end < 0) {
      children.lastIndex = k;
      children.test(s);
      if (k === from) {
        element.run = s.slice(from, children.lastIndex);
        element.runPattern = children;
      }
      k = children.lastIndex;
      end = endTagAt(codes, k, nameStart, qname.length);
    }
    if (end >= 0) return end;
  }
  let lastPrefix = '';
  for (;;) {
    const lt = nextTag(source, k);
    if (lt < 0) return bail;
    for (let j = k; j < lt; j++) if (codeAt(codes, j) === 38) return bail;
    const c = codeAt(codes, lt + 1);
    if (c === 47) {
      if (depth === 0) {
        const end = lt + 2 + qname.length;
        return sameAt(codes, lt + 2, nameStart, qname.length) && codeAt(codes, end) === 62 ? end + 1 : bail;
      }
      depth--;
      const at = passStarts[depth] as number;
      const length = passLengths[depth] as number;
      if (!sameAt(codes, lt + 2, at, length)) return bail;
      if (codeAt(codes, lt + 2 + length) !== 62) return bail;
      k = lt + 3 + length;
      continue;
    }
    if (c === 33 || c === 63) return bail;
    let e = lt + 1;
    let hash = 0;
    for (let d = codeAt(codes, e); !endsName(d); d = codeAt(codes, ++e)) hash = (hash * 31 + d) | 0;
    if (e === lt + 1) return bail;
    const name = nameTable.at(source, lt + 1, e, hash);
    if (watch.has(name.local)) return depth === 0 ? -1 - lt : bail;
    if (name.prefix !== lastPrefix) {
      if (scope[name.prefix] === undefined) return bail;
      lastPrefix = name.prefix;
    }
    k = e;
    let empty = false;
    for (;;) {
      const spaced = isSpace(codeAt(codes, k));
      while (isSpace(codeAt(codes, k))) k++;
      const d = codeAt(codes, k);
      if (d === 62) {
        k++;
        break;
      }
      if (d === 47 && codeAt(codes, k + 1) === 62) {
        k += 2;
        empty = true;
        break;
      }
      if (!spaced) return bail;
      const a = k;
      while (!endsName(codeAt(codes, k))) k++;
      if (k === a || codeAt(codes, k) !== 61) return bail;
      if (codeAt(codes, a) === 120 && s.startsWith('xmlns', a)) return bail;
      const q = codeAt(codes, ++k);
      if (q !== 34 && q !== 39) return bail;
      const close = s.indexOf(q === 34 ? '"' : "'", k + 1);
      if (close < 0) return bail;
      for (let j = k + 1; j < close; j++) if (codeAt(codes, j) === 60) return bail;
      k = close + 1;
    }
    if (!empty) {
      passStarts[depth] = lt + 1;
      passLengths[depth] = e - lt - 1;
      depth++;
    }
  }
}
