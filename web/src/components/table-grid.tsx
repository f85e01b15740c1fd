/**
 * One table of the format (表二, 表三, 表四) as a grid, from the format spec: a header row per part and
 * a row per row of the spec; what each cell shows is the caller's (a figure, an input, a button).
 */
import type { ReactNode } from 'react';
import type { CellSpec, FormatSpec, RowSpec, TableSpec } from '../../../src/spec/types.js';

export const pathText = (path: readonly { official: string }[]): string =>
  path.map((l) => l.official).join(' / ');

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

export function TableGrid({
  table,
  renderCell,
  caption,
}: {
  table: TableSpec;
  renderCell: (cell: CellSpec, row: RowSpec, column: number) => ReactNode;
  caption?: string;
}) {
  return (
    <table className="gk-grid">
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '4px 0' }}>
        {caption ?? table.title}
      </caption>
      {table.parts.map((part) => (
        <tbody key={part.id}>
          <tr>
            <th scope="col">{part.caption?.official ?? part.corner?.official ?? ''}</th>
            {part.columns.map((c) => (
              <th scope="col" key={c.id}>
                {pathText(c.path)}
              </th>
            ))}
          </tr>
          {part.rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{pathText(row.path)}</th>
              {part.columns.map((c, i) => {
                const cell = row.cells[i];
                return <td key={c.id}>{cell ? renderCell(cell, row, i) : null}</td>;
              })}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
