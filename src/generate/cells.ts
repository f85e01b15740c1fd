/**
 * Random figures for every cell of a format such that every identity of the format holds:
 * table 三 is built column by column (results and 四 first, then 二 and 一), table 四 from its
 * outcomes, and table 二 cell by cell according to the cell type.
 */
import type { Cells } from '../core/report.js';
import { cellsOf } from '../spec/registry.js';
import type { CellType, FormatSpec, IdentitySpec, TablePartSpec } from '../spec/types.js';
import type { Random } from './prng.js';

export interface CellOptions {
  /** Largest count in one cell of tables 三 and 四 (default 400). */
  maxCount?: number;
}

/** Rows of table 三 that are not results: 一, 二, （七）总计, 四. */
const headIds = new Set(['new', 'prev', 'total', 'next']);

function decimal(random: Random): number {
  const r = random.next();
  if (r < 0.4) return 0;
  if (r < 0.6) return random.int(1, 500);
  if (r < 0.85) return random.int(1, 99_999) / 10;
  return random.int(1, 999_999) / 100;
}

function figure(type: CellType, random: Random, maxCount: number): number {
  switch (type) {
    case 'decimal':
      return decimal(random);
    case 'signed int':
      return random.chance(0.5) ? 0 : random.int(-Math.min(maxCount, 30), Math.min(maxCount, 30));
    default:
      return random.count(maxCount);
  }
}

function fillApplications(part: TablePartSpec, random: Random, maxCount: number, cells: Cells): void {
  // Many bodies receive no application at all in a year.
  const quiet = random.chance(0.35);
  const resultRows = part.rows.filter((r) => !headIds.has(r.id));
  const columns = part.columns.map((c) => c.id).filter((id) => id !== 'total');
  // Most applications come from natural persons; other applicants are rarer.
  for (const column of columns) {
    const cap = quiet ? 0 : column === 'np' ? maxCount : Math.max(1, Math.floor(maxCount / 8));
    let results = 0;
    for (const row of resultRows) {
      const value = cap === 0 || random.chance(0.6) ? 0 : random.count(Math.max(1, Math.floor(cap / 4)));
      cells[`a.${row.id}.${column}`] = value;
      results += value;
    }
    const next = cap === 0 || random.chance(0.7) ? 0 : random.count(Math.max(1, Math.floor(cap / 4)));
    const prev = random.chance(0.6) ? 0 : random.int(0, results + next);
    cells[`a.total.${column}`] = results;
    cells[`a.next.${column}`] = next;
    cells[`a.prev.${column}`] = prev;
    cells[`a.new.${column}`] = results + next - prev;
  }
  for (const row of part.rows) {
    cells[`a.${row.id}.total`] = columns.reduce((sum, c) => sum + (cells[`a.${row.id}.${c}`] ?? 0), 0);
  }
}

/** Fills the left side of each single-cell sum identity (totals) from its right side. */
function fillTotals(identities: readonly IdentitySpec[], cells: Cells): void {
  for (const identity of identities) {
    if (identity.derived || identity.left.length !== 1) continue;
    const [left] = identity.left as [string];
    if (!(left in cells) && identity.right.every((k) => k in cells))
      cells[left] = identity.right.reduce((sum, k) => sum + (cells[k] ?? 0), 0);
  }
}

export function randomCells(spec: FormatSpec, random: Random, options: CellOptions = {}): Cells {
  const maxCount = options.maxCount ?? 400;
  const cells: Cells = {};
  const totals = new Set(
    spec.identities.filter((i) => !i.derived && i.left.length === 1).flatMap((i) => i.left),
  );
  const quietLitigation = random.chance(0.6);
  for (const table of spec.tables) {
    for (const part of table.parts) {
      if (table.id === 'applications') {
        fillApplications(part, random, maxCount, cells);
        continue;
      }
      for (const row of part.rows)
        for (const cell of row.cells)
          if (!totals.has(cell.key))
            cells[cell.key] =
              table.id === 'litigation'
                ? quietLitigation
                  ? 0
                  : figure(cell.type, random, 12)
                : figure(cell.type, random, maxCount);
    }
  }
  fillTotals(spec.identities, cells);
  // Every key, in table order (the fill order above differs for table 三).
  const ordered: Cells = {};
  for (const key of cellsOf(spec).keys()) ordered[key] = cells[key] ?? 0;
  return ordered;
}

/** The identities of a format that the cells break (empty for generated cells). */
export function brokenIdentities(spec: FormatSpec, cells: Cells): IdentitySpec[] {
  const sum = (keys: readonly string[]) => keys.reduce((s, k) => s + (cells[k] ?? Number.NaN), 0);
  return spec.identities.filter((i) => !(Math.abs(sum(i.left) - sum(i.right)) <= 1e-9));
}
