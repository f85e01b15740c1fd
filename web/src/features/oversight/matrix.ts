/**
 * The agency × year matrix of the corpus, from the stats by agency of each year, and the marks of
 * 发布情况 on its empty cells (pure).
 */
import type { BodyPublication } from '../../../../src/api/corpus-contract.js';
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
  /** Set by `markUnpublished`: the body has no report of 发布情况's year, which is overdue or not yet due. */
  unpublished?: Unpublished;
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

/** Why a row has no cell in the year of 发布情况: its report is past the deadline, or not yet due. */
export interface Unpublished {
  year: number;
  status: 'overdue' | 'pending';
  deadline: string;
}

/**
 * The matrix with each row that has no cell in the publication's year marked with the body's status
 * that year, where it is 逾期未发布 or 尚未到期 (rows keyed by body id, as the publication's
 * bodies). Nothing changes when the matrix has no column for that year: no column is added.
 */
export function markUnpublished<M extends { years: readonly number[]; rows: readonly MatrixRow[] }>(
  matrix: M,
  publication:
    | { year: number; bodies: readonly Pick<BodyPublication, 'bodyId' | 'status' | 'deadline'>[] }
    | undefined,
): M {
  if (!publication || !matrix.years.includes(publication.year)) return matrix;
  const { year } = publication;
  const due = new Map<string, Unpublished>();
  for (const b of publication.bodies)
    if (b.status === 'overdue' || b.status === 'pending')
      due.set(b.bodyId, { year, status: b.status, deadline: b.deadline });
  return {
    ...matrix,
    rows: matrix.rows.map((r) => {
      const mark = r.cells[year] ? undefined : due.get(r.agency);
      return mark ? { ...r, unpublished: mark } : r;
    }),
  };
}
