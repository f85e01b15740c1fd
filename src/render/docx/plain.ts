/**
 * A plain document (src/render/plain-document.ts) as a DOCX laid out as the report is (GB/T 9704: A4,
 * the margins and grid, the title in 2号小标宋, 一级标题 in 黑体, body text in 3号仿宋, page numbers),
 * its tables plain (plainTable). The same document always gives the same bytes.
 */
import type { PlainDocument } from '../plain-document.js';
import { documentXmlOf } from './index.js';
import { docxPackage } from './package.js';
import {
  addresseeParagraph,
  bodyParagraph,
  emptyLine,
  firstLevelHeading,
  signature,
  tableGap,
  titleLine,
} from './paragraphs.js';
import { plainTable } from './table.js';
import { zipParts } from './zip.js';

export function renderPlainDocx(doc: PlainDocument): Uint8Array {
  const children = [...doc.title.map(titleLine), emptyLine()];
  for (const b of doc.blocks) {
    if (b.kind === 'addressee') children.push(addresseeParagraph(b.text));
    else if (b.kind === 'heading') children.push(firstLevelHeading(b.text));
    else if (b.kind === 'paragraph') children.push(bodyParagraph(b.text));
    else children.push(plainTable(b.header, b.rows, { align: b.align, weights: b.weights }), tableGap());
  }
  if (doc.signature) children.push(...signature(doc.signature.agency, doc.signature.date));
  if (doc.note !== undefined) children.push(bodyParagraph(`（${doc.note}）`));
  return zipParts(
    docxPackage(documentXmlOf(children), { title: doc.title.join(''), creator: doc.creator, date: doc.date }),
  );
}
