/** The figures of table 二 an agency gives for a year. */
import type { Cells } from '../../core/report.js';
import { cellsOf, formatForYear } from '../../spec/registry.js';
import type { Store } from '../../store/index.js';
import { badRequest } from '../errors.js';
import { type Principal, requireRight, requireVisible } from './principal.js';

export interface ProactiveFigures {
  agencyId: string;
  year: number;
  cells: Cells;
}

export async function getProactive(
  store: Store,
  p: Principal,
  agencyId: string,
  year: number,
): Promise<ProactiveFigures> {
  await requireVisible(store, p, agencyId, '机关', agencyId);
  requireRight(p, 'read');
  return { agencyId, year, cells: await store.proactive.get(agencyId, year) };
}

/** Each figure must be a cell of the year's table 二, of its type (whole, not negative, unless the cell allows). */
function check(year: number, cells: Cells): void {
  const spec = formatForYear(year);
  if (!spec) throw badRequest('invalid-input', `输入有误：${year} 年没有适用的年度报告格式`);
  const at = cellsOf(spec);
  const problems: string[] = [];
  for (const [key, value] of Object.entries(cells)) {
    const cell = at.get(key);
    if (cell?.table.id !== 'proactive') {
      problems.push(`「${key}」不是 ${year} 年度报告格式表二的单元格`);
      continue;
    }
    if (value === null) continue;
    if (cell.cell.type !== 'decimal' && !Number.isInteger(value)) problems.push(`表二「${key}」应为整数`);
    if (cell.cell.type !== 'signed int' && value < 0) problems.push(`表二「${key}」不能为负数`);
  }
  if (problems.length > 0) throw badRequest('invalid-input', `输入有误：${problems.join('；')}`);
}

export async function setProactive(
  store: Store,
  p: Principal,
  agencyId: string,
  year: number,
  cells: Cells,
): Promise<ProactiveFigures> {
  await requireVisible(store, p, agencyId, '机关', agencyId);
  requireRight(p, 'enter');
  check(year, cells);
  return { agencyId, year, cells: await store.proactive.set(p.actor, agencyId, year, cells) };
}
