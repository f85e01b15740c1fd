/**
 * Reports whose tables 三 and 四 hold figures of several digits in every cell, so that a flattened
 * rendering prints each row as one long run of digits (15–21 digits in a row of table 三, 15–20 in
 * table 四): the worst case for the splitter. Every identity holds, unless `breakIdentity` asks
 * for one to be broken (a report that contradicts itself).
 */
import type { Cells, Report } from '../core/report.js';
import { getFormat } from '../spec/registry.js';
import type { FormatId, IdentitySpec } from '../spec/types.js';
import { createRandom, type Random } from './prng.js';
import { generateReport } from './random-report.js';

const headIds = new Set(['new', 'prev', 'total', 'next']);

export interface LongRunOptions {
  /** Smallest and largest figure of a result cell of table 三 (default 10–99: two digits). */
  min?: number;
  max?: number;
  /** Table 四 too (default true). */
  litigation?: boolean;
}

/** Table 三 (and 四) of `report` refilled with figures of several digits; identities hold. */
export function withLongRuns(report: Report, seed: number, options: LongRunOptions = {}): Report {
  const random = createRandom(seed ^ 0x27d4eb2f);
  const spec = getFormat(report.format);
  const min = options.min ?? 10;
  const max = options.max ?? 99;
  const cells: Cells = { ...report.cells };
  const table = spec.tables.find((t) => t.id === 'applications');
  const part = table?.parts[0];
  if (part) {
    const columns = part.columns.map((c) => c.id).filter((id) => id !== 'total');
    const resultRows = part.rows.filter((r) => !headIds.has(r.id));
    for (const column of columns) {
      let results = 0;
      for (const row of resultRows) {
        const value = random.int(min, max);
        cells[`a.${row.id}.${column}`] = value;
        results += value;
      }
      const next = random.int(min, max);
      const prev = random.int(min, Math.min(max, results + next - min));
      cells[`a.total.${column}`] = results;
      cells[`a.next.${column}`] = next;
      cells[`a.prev.${column}`] = prev;
      cells[`a.new.${column}`] = results + next - prev;
    }
    for (const row of part.rows)
      cells[`a.${row.id}.total`] = columns.reduce((s, c) => s + (cells[`a.${row.id}.${c}`] ?? 0), 0);
  }
  if (options.litigation ?? true)
    for (const group of ['review', 'direct', 'afterReview']) {
      let total = 0;
      for (const outcome of ['upheld', 'corrected', 'other', 'pending']) {
        // One or two digits: 15 cells printed as 15–20 digits.
        const value = random.chance(0.3) ? random.int(10, 60) : random.int(0, 9);
        cells[`l.${group}.${outcome}`] = value;
        total += value;
      }
      cells[`l.${group}.total`] = total;
    }
  return { ...report, cells };
}

/** A generated report of the given format with long runs in tables 三 and 四. */
export function longRunReport(seed: number, format: FormatId, options: LongRunOptions = {}): Report {
  return withLongRuns(generateReport(seed, format), seed, options);
}

/**
 * The identities a one-cell change can break alone: those that are not derived, of table 三 or 四.
 */
export function breakableIdentities(format: FormatId): IdentitySpec[] {
  return getFormat(format).identities.filter((i) => !i.derived);
}

/**
 * The same report with one identity broken: one cell of the identity's left side (a total) moved
 * by a small amount, so that this identity and only the identities that share the cell fail.
 * Returns the changed key too.
 */
export function breakOne(
  report: Report,
  random: Random,
  identity: IdentitySpec,
): { report: Report; key: string } {
  const key = identity.left[0] as string;
  const value = report.cells[key] ?? 0;
  const delta = value > 0 && random.chance(0.5) ? -1 : random.int(1, 3);
  return { report: { ...report, cells: { ...report.cells, [key]: value + delta } }, key };
}
