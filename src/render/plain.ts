/** A plain document (plain-document.ts) as a file: DOCX bytes or Markdown text. */
import { renderPlainDocx } from './docx/plain.js';
import { renderPlainMarkdown } from './markdown/plain.js';
import type { PlainDocument } from './plain-document.js';

export const renderPlain = (doc: PlainDocument, to: 'docx' | 'md'): Uint8Array | string =>
  to === 'md' ? renderPlainMarkdown(doc) : renderPlainDocx(doc);
