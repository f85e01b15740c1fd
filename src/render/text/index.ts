/**
 * Renders a report as plain text in the layouts real reports come in (seeds 000–004, and a word
 * processor's text export), plus a flattened layout for damage tests. Every layout is driven by
 * the spec of the report's format.
 */
import type { Report } from '../../core/report.js';
import { renderCellPerLine } from './cell-per-line.js';
import { renderFlattened } from './flattened.js';
import { renderTabIndented } from './tab-indented.js';
import { renderTabRows } from './tab-rows.js';
import { renderTabSplitLabels } from './tab-split-labels.js';
import { renderWebCellPerLine } from './web-cell-per-line.js';
import { renderWordText } from './word-text.js';

export type TextLayout =
  | 'cell-per-line'
  | 'web-cell-per-line'
  | 'tab-indented'
  | 'tab-split-labels'
  | 'tab-rows'
  | 'flattened'
  | 'word-text';

/** The layouts of the five seeds, in seed order (000–004). */
export const seedLayouts = [
  'cell-per-line',
  'web-cell-per-line',
  'tab-indented',
  'tab-split-labels',
  'tab-rows',
] as const satisfies readonly TextLayout[];

export const textRenderers: Record<TextLayout, (report: Report) => string> = {
  'cell-per-line': renderCellPerLine,
  'web-cell-per-line': renderWebCellPerLine,
  'tab-indented': renderTabIndented,
  'tab-split-labels': renderTabSplitLabels,
  'tab-rows': renderTabRows,
  flattened: renderFlattened,
  'word-text': renderWordText,
};

export function renderText(report: Report, layout: TextLayout): string {
  return textRenderers[layout](report);
}
