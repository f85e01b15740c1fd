/**
 * The pictures of a web page (`<img src>`): inline ones (`data:` URIs, base64) and files beside the
 * page on disk (a relative address, resolved within the page's folder; never the network).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { SourceFile } from '../../core/source-file.js';
import { decodeHtml } from '../html/decode.js';
import { type FoundImage, maxImageBytes, maxImages } from './embedded.js';

const imgTag = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const dataUri = /^data:image\/(?:png|jpe?g|tiff?);base64,/i;

/** A relative address's file, inside `folder` and not too large; null otherwise. */
function besideFile(address: string, folder: string): Uint8Array | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//') || address.startsWith('/'))
    return null;
  let path: string;
  try {
    path = resolve(folder, decodeURIComponent(address.replace(/[?#].*$/, '')));
  } catch {
    return null;
  }
  const inside = relative(folder, path);
  if (inside === '' || inside.startsWith('..') || inside.startsWith(sep)) return null;
  try {
    const stat = statSync(path);
    return stat.isFile() && stat.size <= maxImageBytes ? readFileSync(path) : null;
  } catch {
    return null;
  }
}

/**
 * The pictures of a page's text: inline ones (`data:` URIs) and those `resource` finds by their
 * address (HTML entities in it undone); each where its `<img>` stands.
 */
export function htmlImagesIn(text: string, resource: (address: string) => Uint8Array | null): FoundImage[] {
  const out: FoundImage[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  // One more than the bound, so the reader can say that some were left out.
  for (const match of text.matchAll(imgTag)) {
    if (out.length > maxImages) break;
    const address = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    let image: Uint8Array | null = null;
    if (dataUri.test(address)) {
      const data = address.slice(address.indexOf(',') + 1).replace(/\s+/g, '');
      if (data.length * 0.75 <= maxImageBytes) image = Buffer.from(data, 'base64');
    } else {
      image = resource(address.replace(/&amp;/g, '&'));
      if (image && image.length > maxImageBytes) image = null;
    }
    if (!image) continue;
    for (; scanned < match.index; scanned++)
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    out.push({ bytes: image, line, column: match.index - lineStart + 1 });
  }
  return out;
}

export function htmlImages(bytes: Uint8Array, file: SourceFile): FoundImage[] {
  const { text } = decodeHtml(bytes);
  const folder = file.path === '-' || file.path === '' ? null : dirname(resolve(file.path));
  return htmlImagesIn(text, (address) => (folder ? besideFile(address, folder) : null));
}
