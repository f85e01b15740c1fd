/** Cell names and identities as text, for the inspector. */
import type { ReactNode } from 'react';
import type { InspectIdentity } from '../../../../src/api/inspect-contract.js';
import type { FormatSpec } from '../../../../src/spec/types.js';
import { pathText } from '../../components/table-grid.js';

/** Each cell's name: its table's number, its row and its column (「三 / 一、本年新收政府信息公开申请数量 / 自然人」). */
export function cellLabels(spec: FormatSpec): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of spec.tables)
    for (const part of t.parts)
      for (const row of part.rows)
        row.cells.forEach((cell, i) => {
          const column = part.columns[i];
          const parts = [
            pathText(row.path),
            column && part.columns.length > 1 ? pathText(column.path) : column ? pathText(column.path) : '',
          ];
          out.set(cell.key, parts.filter(Boolean).join(' / '));
        });
  return out;
}

export const formatValue = (v: number | null | undefined): string =>
  v === null || v === undefined ? '空' : String(v);

/** `a + b = c`: each term a link to its cell, then both sides and the difference. */
export function formula(
  i: InspectIdentity,
  labels: Map<string, string>,
  onCell: (key: string) => void,
): ReactNode {
  const side = (keys: string[]) =>
    keys.map((k, n) => (
      <span key={k}>
        {n > 0 ? ' + ' : ''}
        <button type="button" className="gk-chip" onClick={() => onCell(k)} title={labels.get(k) ?? k}>
          {labels.get(k)?.split(' / ').at(-1) ?? k}
        </button>
      </span>
    ));
  return (
    <>
      {side(i.left)} = {side(i.right)}
      <div>
        左边 {i.leftSum ?? '—'}，右边 {i.rightSum ?? '—'}，差 {i.difference ?? '—'}
      </div>
    </>
  );
}
