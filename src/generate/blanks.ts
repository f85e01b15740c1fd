/**
 * Reports with cells left blank as real ones leave them: a cell here and there, a whole column
 * of table 三 (every 法人或其他组织 column, or 总计 in the result rows), or a group of table 四
 * never filled (复议后起诉). Blank cells are `null`; the figures that remain are unchanged.
 */
import type { Report } from '../core/report.js';
import { createRandom } from './prng.js';

export interface BlankOptions {
  /** Chance that any one cell is blank (default 0.06). */
  cellShare?: number;
}

/** Columns of table 三 that are left blank together, by key suffix. */
const columnGroups: readonly (readonly string[])[] = [
  ['biz', 'res', 'ngo', 'law', 'oth'],
  ['np'],
  ['total'],
  ['law'],
];

const resultRow = (key: string): boolean => !/^a\.(new|prev|next)\./.test(key);

/** The same report with some cells blank; the same seed always blanks the same cells. */
export function withBlankCells(report: Report, seed: number, options: BlankOptions = {}): Report {
  const random = createRandom(seed ^ 0x5bd1e995);
  const share = options.cellShare ?? 0.06;
  const cells = { ...report.cells };
  const keys = Object.keys(cells);
  for (const key of keys) if (random.chance(share)) cells[key] = null;
  if (random.chance(0.4)) {
    const group = columnGroups[random.int(0, columnGroups.length - 1)] as readonly string[];
    // 总计 is often left blank in the result rows only; the other columns in every row.
    const onlyResults = group[0] === 'total' && random.chance(0.5);
    for (const key of keys)
      if (key.startsWith('a.') && group.includes(key.slice(key.lastIndexOf('.') + 1)))
        if (!onlyResults || resultRow(key)) cells[key] = null;
  }
  if (random.chance(0.3)) for (const key of keys) if (key.startsWith('l.afterReview.')) cells[key] = null;
  return { ...report, cells };
}
