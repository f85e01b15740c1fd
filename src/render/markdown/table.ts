/**
 * A table part as a GitHub pipe table: one header row (merged header cells flattened into each
 * column's label path), one body row per spec row with its flattened label in the first column,
 * the part's caption as a line above and its note (the 勾稽 note of table 三) as a line below.
 */
import type { PartGrid } from '../grid.js';
import { escapeCell } from './escape.js';
import { columnLabels, rowLabels } from './labels.js';

const row = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;

/** The lines of one table part (blocks separated by an empty line). */
export function pipeTable(grid: PartGrid): string[] {
  const { part } = grid;
  const hasLabels = grid.labelWidth > 0;
  const head = [...(hasLabels ? [part.corner?.official ?? ''] : []), ...columnLabels(part)];
  const rows = rowLabels(part);
  const lines: string[] = [];
  if (grid.caption) lines.push(grid.caption.text, '');
  lines.push(row(head), row(head.map((_, i) => (hasLabels && i === 0 ? '---' : ':---:'))));
  grid.body.forEach(({ cells }, i) => {
    const figures = cells.filter((c) => c.kind === 'value').map((c) => c.text);
    lines.push(row([...(hasLabels ? [rows[i] ?? ''] : []), ...figures]));
  });
  if (part.note) lines.push('', part.note.official);
  return lines;
}
