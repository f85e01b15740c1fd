/** The agency × year matrix of the corpus, from the stats by agency of each year (pure). */
import type { StatsRow } from './chart-options.js';

export interface MatrixCell {
  reports: number;
  late: number;
  withErrors: number;
}
export interface MatrixRow {
  /** The body's id (the `agency` filter). */
  agency: string;
  label: string;
  cells: Record<number, MatrixCell>;
}

/** Rows by agency name, columns by year ascending; an agency without a report in a year has no cell. */
export function agencyYearMatrix(perYear: readonly { year: number; rows: readonly StatsRow[] }[]): {
  years: number[];
  rows: MatrixRow[];
} {
  const years = [...new Set(perYear.map((y) => y.year))].sort((a, b) => a - b);
  const byAgency = new Map<string, MatrixRow>();
  for (const { year, rows } of perYear)
    for (const r of rows) {
      if (!r.group) continue;
      let row = byAgency.get(r.group);
      if (!row) {
        row = { agency: r.group, label: r.label, cells: {} };
        byAgency.set(r.group, row);
      }
      row.cells[year] = { reports: r.reports, late: r.late, withErrors: r.withErrors };
    }
  const rows = [...byAgency.values()].sort(
    (a, b) => a.label.localeCompare(b.label, 'zh-CN') || a.agency.localeCompare(b.agency),
  );
  return { years, rows };
}
