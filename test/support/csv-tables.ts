/**
 * A report written as text whose tables are rows of comma-separated values: the tables exported
 * from a spreadsheet to CSV and pasted into the report (merged cells expanded to empty fields,
 * every row of a table as wide as the table), or a portal's CSV-like text. And a report whose
 * tab-separated tables carry a count's unit in its cells (「5件」「3 件」「0元」). The report's prose,
 * title and signature are written as tab-rows.ts writes them.
 */
import type { Report } from '../../src/core/report.js';
import { outline, preface } from '../../src/render/document.js';
import { expandRow, formatValue, type GridCell, type PartGrid } from '../../src/render/grid.js';
import type { CellSpec } from '../../src/spec/types.js';

export interface CsvOptions {
  /** The separator: a comma, or a full-width one (「，」). */
  comma: ',' | '，';
  /** `all`: every field in double quotes; `needed`: those with a separator or a quote; `none`. */
  quote: 'all' | 'needed' | 'none';
  /** Figures of four digits or more written with thousands commas (「1,234」). */
  thousands: boolean;
  /** The tables' captions and header rows written (else only their rows of figures). */
  header: boolean;
  /** A separator after each row's last field. */
  trailing: boolean;
  /** A space after each separator. */
  spaced: boolean;
  /**
   * Every row of a table as wide as its widest (a spreadsheet's sheet: table 二's parts of one or
   * two columns padded with empty fields), else each part's rows as wide as the part.
   */
  rectangular: boolean;
  /** A count written with its unit (「5件」), an amount with the format's (「7279.3万元」). */
  units: boolean;
}

/** A figure with its thousands grouped (「1234567」→「1,234,567」); decimals stay. */
export const grouped = (figure: string): string => {
  const [whole = '', fraction] = figure.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.slice(sign.length).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
};

function field(text: string, o: CsvOptions): string {
  const needs = text.includes(',') || text.includes('，') || text.includes('"');
  if (o.quote === 'all' || (o.quote === 'needed' && needs)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** A grid's rows (caption, header, body), each as its cells' texts with merged cells expanded. */
function gridRows(grid: PartGrid, header: boolean, value: (cell: GridCell) => string): string[][] {
  const rows: string[][] = [];
  if (header) {
    if (grid.caption) rows.push(expandRow([grid.caption]));
    for (const row of grid.header) rows.push(expandRow(row));
  }
  for (const { cells } of grid.body)
    rows.push(expandRow(cells.map((c) => (c.kind === 'value' ? { ...c, text: value(c) } : c))));
  return rows;
}

/** The text around the tables, as tab-rows.ts writes it, with `table` writing each table's parts. */
function document(report: Report, table: (grids: PartGrid[]) => string[]): string {
  const o = outline(report);
  const title = o.year
    ? `${o.agency}${o.year}年政府信息公开工作年度报告`
    : `${o.agency}政府信息公开工作年度报告`;
  const lines: string[] = [title, ''];
  if (o.publishedOn) lines.push(`发布时间：${o.publishedOn}`, '');
  for (const p of preface(o, 'short')) lines.push(p, '');
  for (const part of o.parts) {
    lines.push(part.heading, '');
    for (const p of part.paragraphs) lines.push(p, '');
    if (part.grids.length > 0) lines.push(...table(part.grids));
    if (part.grids.length > 0) lines.push('');
  }
  if (o.signature) lines.push(o.signature.agency, '', o.signature.date);
  return lines.join('\n');
}

/** The cells of the report's format, by key. */
function cellSpecs(report: Report): Map<string, CellSpec> {
  const specs = new Map<string, CellSpec>();
  for (const part of outline(report).spec.tables.flatMap((t) => t.parts))
    for (const row of part.rows) for (const c of row.cells) specs.set(c.key, c);
  return specs;
}

/** The report with its tables as comma-separated rows. */
export function renderCsvTables(report: Report, o: CsvOptions): string {
  const separator = o.comma + (o.spaced ? ' ' : '');
  const specs = cellSpecs(report);
  const value = (c: GridCell): string => {
    const text = o.thousands ? grouped(c.text) : c.text;
    if (!o.units || text === '') return text;
    const spec = specs.get(c.key as string);
    return spec?.type === 'decimal' ? `${text}${spec.unit ?? ''}` : `${text}件`;
  };
  return document(report, (grids) => {
    const rows = grids.flatMap((grid) => gridRows(grid, o.header, value));
    const width = Math.max(...rows.map((row) => row.length));
    return rows.map((row) => {
      const fields = o.rectangular ? [...row, ...Array<string>(width - row.length).fill('')] : row;
      return fields.map((t) => field(t, o)).join(separator) + (o.trailing ? o.comma : '');
    });
  });
}

/**
 * The unit a count is written with in its cell, right after it or after a space ('' for none: the
 * same tables without units).
 */
export interface UnitOptions {
  count: '件' | '个' | ' 件' | '项' | '';
  /** A money cell's unit: the format's own (「万元」), 「元」 for a 0 only, or none. */
  money: 'format' | 'yuan-zero' | 'none';
}

/** The report with its tables as tab-separated rows, each figure followed by a unit. */
export function renderTabUnits(report: Report, u: UnitOptions): string {
  const specs = cellSpecs(report);
  const unitOf = (c: GridCell): string => {
    const text = formatValue(report.cells[c.key as string]);
    if (text === '') return '';
    const spec = specs.get(c.key as string);
    if (spec?.type !== 'decimal') return `${text}${u.count}`;
    if (u.money === 'format' && spec.unit) return `${text}${spec.unit}`;
    if (u.money === 'yuan-zero' && Number(text) === 0) return `${text}元`;
    return text;
  };
  return document(report, (grids) =>
    grids.flatMap((grid) => gridRows(grid, true, unitOf)).map((row) => row.join('\t')),
  );
}
