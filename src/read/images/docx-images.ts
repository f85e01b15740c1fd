/**
 * The pictures of a DOCX (word/media, referenced from the body by `a:blip r:embed` or VML
 * `v:imagedata r:id`), each placed at the ordinal of the paragraph that holds it, as the DOCX
 * reader numbers lines.
 */
import { type SourceFile, UnreadableInputError } from '../../core/source-file.js';
import { findEntry, listEntries, readEntry } from '../docx/zip.js';
import { type FoundImage, maxImageBytes, maxImages } from './embedded.js';

const decoder = new TextDecoder();
const relationship = /<Relationship\b[^>]*>/g;
/** The relationship attributes read, each with its pattern made once (not once per look-up). */
const attributes = {
  Id: /\sId="([^"]*)"/,
  Target: /\sTarget="([^"]*)"/,
  Type: /\sType="([^"]*)"/,
  TargetMode: /\sTargetMode="([^"]*)"/,
};
const attribute = (tag: string, name: keyof typeof attributes) => attributes[name].exec(tag)?.[1];
/** A paragraph's start, or a picture's reference. */
const marks = /<w:p[\s>/]|<a:blip\b[^>]*?\sr:embed="([^"]+)"|<v:imagedata\b[^>]*?\sr:id="([^"]+)"/g;

export function docxImages(bytes: Uint8Array, file: SourceFile): FoundImage[] {
  const entries = listEntries(bytes, file);
  const main = findEntry(entries, 'word/document.xml');
  const rels = findEntry(entries, 'word/_rels/document.xml.rels');
  if (!main || !rels) return [];
  const targets = new Map<string, string>();
  for (const [tag] of decoder.decode(readEntry(bytes, rels, file)).matchAll(relationship)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (
      id &&
      target &&
      /\/image$/.test(attribute(tag, 'Type') ?? '') &&
      attribute(tag, 'TargetMode') !== 'External'
    )
      targets.set(id, target.startsWith('/') ? target.slice(1) : `word/${target}`);
  }
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
