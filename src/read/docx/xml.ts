/** Streaming XML for the DOCX parts: decoding, namespaces, and the attribute look-up they all need. */
import { type SaxesAttributeNS, SaxesParser, type SaxesTagNS } from 'saxes';
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

export type Tag = SaxesTagNS;

/** The element's local name when it is WordprocessingML, '' otherwise. */
export const wordName = (tag: Tag): string => (wordNamespaces.has(tag.uri) ? tag.local : '');
export const isMath = (tag: Tag): boolean => mathNamespaces.has(tag.uri);

/** A WordprocessingML attribute (`w:val`) by local name; unprefixed ones count too. */
export function attr(tag: Tag, local: string): string | undefined {
  for (const key in tag.attributes) {
    const a = tag.attributes[key] as SaxesAttributeNS;
    if (a.local === local && (a.uri === '' || wordNamespaces.has(a.uri))) return a.value;
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
  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', handlers.open);
  parser.on('closetag', handlers.close);
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
