/**
 * The inline checks of the table 二 form, by cell key: a whole number where the format wants one,
 * no negative figure, and 现行有效件数 not below 本年制发件数. Pure: test/web/proactive-checks.test.ts.
 */
import type { FormatSpec } from '../../../../src/spec/types.js';

export function proactiveProblems(
  spec: FormatSpec,
  cells: Record<string, number | null>,
): Map<string, string> {
  const out = new Map<string, string>();
  const table = spec.tables.find((t) => t.id === 'proactive');
  if (!table) return out;
  for (const part of table.parts)
    for (const row of part.rows) {
      const name = row.path.map((l) => l.official).join('');
      for (const cell of row.cells) {
        const v = cells[cell.key];
        if (v === null || v === undefined) continue;
        if (v < 0) out.set(cell.key, `${name}：数值不能为负数`);
        else if (cell.type !== 'decimal' && !Number.isInteger(v)) out.set(cell.key, `${name}：应为整数`);
      }
      const issued =
        cells[`${row.id}.issued`] ?? cells[row.cells.find((c) => c.key.endsWith('.issued'))?.key ?? ''];
      const inForceKey = row.cells.find((c) => c.key.endsWith('.inForce'))?.key;
      const inForce = inForceKey ? cells[inForceKey] : undefined;
      if (
        inForceKey &&
        typeof issued === 'number' &&
        typeof inForce === 'number' &&
        inForce < issued &&
        !out.has(inForceKey)
      )
        out.set(inForceKey, `${name}：现行有效件数（${inForce}）少于本年制发件数（${issued}）`);
    }
  return out;
}
