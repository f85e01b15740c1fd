/**
 * Renders a report as Markdown: the title as a level-1 heading, the 发布时间 line, the preface,
 * each part under a level-2 heading with its paragraphs and its tables as pipe tables, and the
 * signature. Labels come from the spec of the report's format.
 */
import type { Report } from '../../core/report.js';
import { outline, preface } from '../document.js';
import { escapeHtml, escapeParagraph } from './escape.js';
import { pipeTable } from './table.js';

export function renderMarkdown(report: Report): string {
  const o = outline(report);
  const blocks: string[] = [`# ${escapeHtml(`${o.agency}${o.reportName}`)}`];
  if (o.publishedOn) blocks.push(`发布时间：${o.publishedOn}`);
  blocks.push(...preface(o, 'full').map(escapeParagraph));
  for (const part of o.parts) {
    blocks.push(`## ${part.heading}`, ...part.paragraphs.map(escapeParagraph));
    for (const grid of part.grids) blocks.push(pipeTable(grid).join('\n'));
  }
  if (o.signature) blocks.push(escapeParagraph(o.signature.agency), escapeParagraph(o.signature.date));
  return `${blocks.join('\n\n')}\n`;
}
