import { format2019 } from './format-2019.js';
import { format2021 } from './format-2021.js';
import type { CellSpec, FormatId, FormatSpec, RowSpec, TablePartSpec, TableSpec } from './types.js';

/** Every format version Gongkai knows, newest first. A new version is a new spec file added here. */
export const formats: readonly FormatSpec[] = [format2021, format2019];

export function getFormat(id: FormatId): FormatSpec {
  const spec = formats.find((f) => f.id === id);
  if (!spec) throw new Error(`unknown format ${id}`);
  return spec;
}

export function isFormatId(value: unknown): value is FormatId {
  return formats.some((f) => f.id === value);
}

/** The format that applies to a report year (the year the figures cover). */
export function formatForYear(year: number): FormatSpec | undefined {
  return formats.find((f) => year >= f.years.from && (f.years.to === null || year <= f.years.to));
}

export interface CellLocation {
  cell: CellSpec;
  table: TableSpec;
  part: TablePartSpec;
  row: RowSpec;
  column: number;
}

const cellIndex = new WeakMap<FormatSpec, Map<string, CellLocation>>();

/** Every cell of a format by key, in table order. */
export function cellsOf(spec: FormatSpec): Map<string, CellLocation> {
  let index = cellIndex.get(spec);
  if (!index) {
    index = new Map();
    for (const table of spec.tables)
      for (const part of table.parts)
        for (const row of part.rows)
          row.cells.forEach((cell, column) => {
            index?.set(cell.key, { cell, table, part, row, column });
          });
    cellIndex.set(spec, index);
  }
  return index;
}

const keyLists = new WeakMap<FormatSpec, readonly string[]>();

/** Codebook keys of a format, in table order (one shared, frozen list per format). */
export function cellKeys(spec: FormatSpec): readonly string[] {
  let keys = keyLists.get(spec);
  if (!keys) {
    keys = Object.freeze([...cellsOf(spec).keys()]);
    keyLists.set(spec, keys);
  }
  return keys;
}
