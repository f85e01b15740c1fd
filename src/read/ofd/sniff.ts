/**
 * Recognises an OFD package (GB/T 33190-2016 版式文档): a ZIP archive with OFD.xml at its root.
 * A Word document stays a Word document even if it held a part of that name. Only the archive's
 * directory is read (docx/zip-directory.ts), so the registry can sniff every ZIP with it.
 */
import { SourceFile } from '../../core/source-file.js';
import { findEntry, listEntries } from '../docx/zip-directory.js';

const localHeader = [0x50, 0x4b, 0x03, 0x04];

export function sniffOfd(bytes: Uint8Array): boolean {
  if (!localHeader.every((b, i) => bytes[i] === b)) return false;
  let entries: ReturnType<typeof listEntries>;
  try {
    entries = listEntries(bytes, new SourceFile('sniff.ofd'));
  } catch {
    // A damaged archive: the DOCX reader says what is wrong with it.
    return false;
  }
  return findEntry(entries, 'OFD.xml') !== undefined && findEntry(entries, 'word/document.xml') === undefined;
}
