/**
 * The web page archive reader (MHTML, 「网页，单个文件」: .mht/.mhtml as browsers and Word save a
 * page): the page is taken out of the archive, in the character set its part declares, and read
 * by the HTML reader; its pictures come from the archive's own parts (a table published as a
 * picture is read by OCR as in a web page), never from the network.
 */
import type { SourceFile } from '../../core/source-file.js';
import { decodeHtml } from '../html/decode.js';
import { noTextInPage, readHtml } from '../html/index.js';
import { withImages } from '../images/embedded.js';
import { htmlImagesIn } from '../images/html-images.js';
import type { Reader } from '../registry.js';
import { headerValue, type MimePart, mimeParts } from './mime.js';
import { sniffMhtml } from './sniff.js';

interface Page {
  /** The page's HTML: UTF-8 with a BOM where its part names a character set, else its own bytes. */
  html: Uint8Array;
  /** A resource of the archive by the address the page uses for it. */
  resource(address: string): Uint8Array | null;
}

const stripAngles = (id: string) => id.trim().replace(/^<|>$/g, '');

/** An address made absolute against the page's own (so relative and absolute ones match). */
function absolute(address: string, base: string | undefined): string {
  try {
    return new URL(address, base).href;
  } catch {
    return address;
  }
}

function pageHtml(part: MimePart): Uint8Array {
  const bytes = part.body();
  const charset = headerValue(part.headers.get('content-type')).params.get('charset');
  if (!charset) return bytes;
  let text: string;
  try {
    text = new TextDecoder(charset).decode(bytes);
  } catch {
    // A character set the decoder doesn't know: the HTML reader detects one.
    return bytes;
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

export function unwrapMhtml(bytes: Uint8Array, file: SourceFile): Page {
  const message = mimeParts(bytes);
  if (!message) file.fail('网页存档（MHTML）文件已损坏：缺少各部分之间的分隔符，无法读取');
  const { params } = headerValue(message.headers.get('content-type'));
  const start = params.get('start');
  const isHtml = (p: MimePart) => headerValue(p.headers.get('content-type')).value === 'text/html';
  const root =
    (start
      ? message.parts.find((p) => stripAngles(p.headers.get('content-id') ?? '') === stripAngles(start))
      : undefined) ?? message.parts.find(isHtml);
  if (!root) file.fail('网页存档（MHTML）中没有网页');
  const base = root.headers.get('content-location');
  const byAddress = new Map<string, MimePart>();
  for (const part of message.parts) {
    const location = part.headers.get('content-location');
    if (location) byAddress.set(absolute(location, base), part);
    const id = part.headers.get('content-id');
    if (id) byAddress.set(`cid:${stripAngles(id)}`, part);
  }
  return {
    html: pageHtml(root),
    resource: (address) => {
      const part = byAddress.get(address.startsWith('cid:') ? address : absolute(address, base));
      return part ? part.body() : null;
    },
  };
}

/** Reads the page of an archive, its pictures from the archive. */
const readMhtml: Reader['read'] = (bytes, file, options) => {
  const page = unwrapMhtml(bytes, file);
  const read = withImages(
    readHtml,
    (html) => htmlImagesIn(decodeHtml(html).text, page.resource),
    noTextInPage,
  );
  return read(page.html, file, options);
};

export const mhtmlReader: Reader = { type: 'html', sniff: sniffMhtml, read: readMhtml };
