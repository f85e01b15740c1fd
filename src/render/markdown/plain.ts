/** A plain document (src/render/plain-document.ts) as Markdown: a title, headings, paragraphs, pipe tables. */
import type { PlainBlock, PlainDocument } from '../plain-document.js';
import { escapeCell, escapeHtml, escapeParagraph } from './escape.js';

const rule = { left: ':---', center: ':---:', right: '---:' } as const;

function block(b: PlainBlock): string[] {
  if (b.kind === 'heading') return [`## ${escapeHtml(b.text)}`, ''];
  if (b.kind === 'paragraph' || b.kind === 'addressee') return [escapeParagraph(b.text), ''];
  const row = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [
    row(b.header),
    `|${b.header.map((_, i) => rule[b.align?.[i] ?? 'left']).join('|')}|`,
    ...b.rows.map(row),
    '',
  ];
}

export function renderPlainMarkdown(doc: PlainDocument): string {
  const end = [
    ...(doc.signature
      ? [escapeParagraph(doc.signature.agency), '', escapeParagraph(doc.signature.date), '']
      : []),
    ...(doc.note !== undefined ? [escapeParagraph(`（${doc.note}）`), ''] : []),
  ];
  return [`# ${escapeHtml(doc.title.join(''))}`, '', ...doc.blocks.flatMap(block), ...end].join('\n');
}
