/**
 * Streaming XML for the DOCX parts: decoding, namespaces, and the attribute look-up they all need.
 *
 * saxes runs without its own namespace processing (a quarter of the parse, spent on objects for
 * every attribute): the few declarations a part makes are kept here as a chain of scopes, and a
 * prefix is looked up only for the element names and the attributes actually asked for.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { SourceFile } from '../../core/source-file.js';

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
export interface Tag {
  local: string;
  uri: string;
  /** Attributes by qualified name, as written. */
  attributes: Record<string, string>;
  scope: Scope;
}

const rootScope: Scope = Object.assign(Object.create(null) as Scope, {
  '': '',
  xml: 'http://www.w3.org/XML/1998/namespace',
});

/** The element's local name when it is WordprocessingML, '' otherwise. */
export const wordName = (tag: Tag): string => (wordNamespaces.has(tag.uri) ? tag.local : '');
export const isMath = (tag: Tag): boolean => mathNamespaces.has(tag.uri);

/** A WordprocessingML attribute (`w:val`) by local name; unprefixed ones count too. */
export function attr(tag: Tag, local: string): string | undefined {
  const attributes = tag.attributes;
  for (const key in attributes) {
    if (key === local) return attributes[key];
    const colon = key.length - local.length - 1;
    if (colon > 0 && key.charCodeAt(colon) === 58 && key.endsWith(local)) {
      const uri = tag.scope[key.slice(0, colon)];
      if (uri !== undefined && wordNamespaces.has(uri)) return attributes[key];
    }
  }
  return undefined;
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

export interface XmlHandlers {
  open(tag: Tag): void;
  close(tag: Tag): void;
  text(text: string): void;
}

/** XML parts are UTF-8 unless they start with a UTF-16 byte order mark. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Parses one part, calling the handlers in document order. saxes expands no DTD entities, so a
 * part cannot smuggle in entity expansion; malformed XML fails the file.
 */
export function parseXml(bytes: Uint8Array, part: string, file: SourceFile, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false });
  const open: Tag[] = [];
  let scope = rootScope;
  parser.on('opentag', (raw: SaxesTagPlain) => {
    const attributes = raw.attributes as Record<string, string>;
    let forked = false;
    for (const key in attributes)
      if (
        key.charCodeAt(0) === 120 &&
        key.startsWith('xmlns') &&
        (key.length === 5 || key.charCodeAt(5) === 58)
      ) {
        if (!forked) scope = Object.create(scope) as Scope;
        forked = true;
        scope[key.slice(6)] = attributes[key] as string;
      }
    const colon = raw.name.indexOf(':');
    const prefix = colon < 0 ? '' : raw.name.slice(0, colon);
    const uri = scope[prefix];
    if (uri === undefined) throw new MalformedXml(`unbound namespace prefix: "${prefix}"`);
    const tag: Tag = { local: colon < 0 ? raw.name : raw.name.slice(colon + 1), uri, attributes, scope };
    open.push(tag);
    handlers.open(tag);
  });
  parser.on('closetag', () => {
    const tag = open.pop() as Tag;
    scope = open[open.length - 1]?.scope ?? rootScope;
    handlers.close(tag);
  });
  parser.on('text', handlers.text);
  parser.on('cdata', handlers.text);
  parser.on('error', (error) => {
    throw new MalformedXml(error.message);
  });
  try {
    parser.write(decodeXml(bytes)).close();
  } catch (error) {
    if (!(error instanceof MalformedXml)) throw error;
    file.fail(
      `DOCX 文件已损坏（${part} 不是有效的 XML：${error.message.split('\n')[0]}），请用 Word 另存后再试`,
    );
  }
}

/** Only the parser's own complaints become a "not XML" failure; anything else propagates. */
class MalformedXml extends Error {}
