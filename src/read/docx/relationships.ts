/**
 * The main document's relationships (word/_rels/document.xml.rels): which part each `r:id` of the
 * body names. Machine-written and flat, so read with patterns.
 */
import type { SourceFile } from '../../core/source-file.js';
import { findEntry, readEntry, type ZipEntry } from './zip.js';

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

/**
 * The parts (ZIP entry names) the document's relationships of a type (its URI ends with `/type`)
 * name, by relationship id; external targets are left out.
 */
export function documentTargets(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  file: SourceFile,
  type: string,
): Map<string, string> {
  const targets = new Map<string, string>();
  const rels = findEntry(entries, 'word/_rels/document.xml.rels');
  if (!rels) return targets;
  const suffix = `/${type}`.toLowerCase();
  for (const [tag] of decoder.decode(readEntry(bytes, rels, file)).matchAll(relationship)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (
      id &&
      target &&
      (attribute(tag, 'Type') ?? '').toLowerCase().endsWith(suffix) &&
      attribute(tag, 'TargetMode') !== 'External'
    )
      targets.set(id, target.startsWith('/') ? target.slice(1) : `word/${target}`);
  }
  return targets;
}
