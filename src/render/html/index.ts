/**
 * Renders a report as a web page such as a government site publishes: the title, the 发布时间
 * line, the preface, the six parts with their prose and tables, the signature at the end, and a
 * small print stylesheet. Every label comes from the spec of the report's format.
 */
import type { Report } from '../../core/report.js';
import { outline, preface } from '../document.js';
import { escapeHtml } from './escape.js';
import { stylesheet } from './style.js';
import { tableHtml } from './table.js';

const paragraph = (text: string, indent = '  '): string => `${indent}<p>${escapeHtml(text)}</p>`;

export function renderHtml(report: Report): string {
  const o = outline(report);
  const title = escapeHtml(`${o.agency}${o.reportName}`);
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${stylesheet}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<article>',
    `<h1>${title}</h1>`,
  ];
  if (o.publishedOn)
    lines.push(
      `<p class="published">发布时间：<time datetime="${o.publishedOn}">${escapeHtml(o.publishedOn)}</time></p>`,
    );
  lines.push(...preface(o, 'full').map((p) => paragraph(p, '')));
  for (const part of o.parts) {
    lines.push(`<section id="part-${part.number}">`, `  <h2>${escapeHtml(part.heading)}</h2>`);
    lines.push(...part.paragraphs.map((p) => paragraph(p)));
    if (part.table && part.grids.length > 0) lines.push(tableHtml(part.table, part.grids));
    lines.push('</section>');
  }
  if (o.signature && report.signedOn)
    lines.push(
      '<div class="signature">',
      paragraph(o.signature.agency),
      `  <p><time datetime="${report.signedOn}">${escapeHtml(o.signature.date)}</time></p>`,
      '</div>',
    );
  lines.push('</article>', '</main>', '</body>', '</html>');
  return `${lines.join('\n')}\n`;
}
