/**
 * The pictures of a DOCX (word/media, referenced from the body by `a:blip r:embed` or VML
 * `v:imagedata r:id`), each placed at the ordinal of the paragraph that holds it, as the DOCX
 * reader numbers lines.
 */
import { type SourceFile, UnreadableInputError } from '../../core/source-file.js';
import { documentTargets } from '../docx/relationships.js';
import { findEntry, listEntries, readEntry } from '../docx/zip.js';
import { type FoundImage, maxImageBytes, maxImages } from './embedded.js';

const decoder = new TextDecoder();
/** A paragraph's start, or a picture's reference. */
const marks = /<w:p[\s>/]|<a:blip\b[^>]*?\sr:embed="([^"]+)"|<v:imagedata\b[^>]*?\sr:id="([^"]+)"/g;

export function docxImages(bytes: Uint8Array, file: SourceFile): FoundImage[] {
  const entries = listEntries(bytes, file);
  const main = findEntry(entries, 'word/document.xml');
  if (!main) return [];
  const targets = documentTargets(bytes, entries, file, 'image');
  if (targets.size === 0) return [];
  const out: FoundImage[] = [];
  const seen = new Set<string>();
  let paragraph = 0;
  for (const match of decoder.decode(readEntry(bytes, main, file)).matchAll(marks)) {
    const id = match[1] ?? match[2];
    if (!id) {
      paragraph++;
      continue;
    }
    const name = targets.get(id);
    const entry = name && !seen.has(name) ? findEntry(entries, name) : undefined;
    if (!name || !entry) continue;
    seen.add(name);
    let image: Uint8Array;
    try {
      image = readEntry(bytes, entry, file, maxImageBytes);
    } catch (error) {
      // Too large or damaged: the picture is left out, the text read as before.
      if (error instanceof UnreadableInputError) continue;
      throw error;
    }
    out.push({ bytes: image, line: Math.max(1, paragraph), column: 1 });
    if (out.length > maxImages) break;
  }
  return out;
}
