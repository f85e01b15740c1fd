/**
 * Content a DOCX imports in another format (`w:altChunk`), which Word converts when it opens the
 * file: what web applications' 「导出 Word」 writes (html-docx-js and the like put the whole
 * document in one MHT or HTML part). Chunks that are web pages or web page archives are read as
 * such; others (RTF, plain text) are not.
 */
import type { SourceFile } from '../../core/source-file.js';
import { decodeHtml } from '../html/decode.js';
import { sniffHtml } from '../html/sniff.js';
import { unwrapMhtml } from '../mhtml/index.js';
import { sniffMhtml } from '../mhtml/sniff.js';
import { documentTargets } from './relationships.js';
import { findEntry, readEntry, type ZipEntry } from './zip.js';

const chunkReference = /<(?:[\w-]+:)?altChunk\b[^>]*?\s(?:[\w-]+:)?id="([^"]+)"/g;

/** The web pages of the document's chunks, in document order, as text; and how many are not pages. */
export function altChunkPages(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  main: Uint8Array,
  file: SourceFile,
): { pages: string[]; other: number } {
  const targets = documentTargets(bytes, entries, file, 'aFChunk');
  const pages: string[] = [];
  let other = 0;
  for (const [, id] of new TextDecoder().decode(main).matchAll(chunkReference)) {
    const name = targets.get(id as string);
    const entry = name ? findEntry(entries, name) : undefined;
    const part = entry ? readEntry(bytes, entry, file) : null;
    if (part && sniffMhtml(part)) pages.push(decodeHtml(unwrapMhtml(part, file).html).text);
    else if (part && sniffHtml(part)) pages.push(decodeHtml(part).text);
    else other++;
  }
  return { pages, other };
}
