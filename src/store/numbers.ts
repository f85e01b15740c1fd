/**
 * The per-agency human numbers of applications and cases (2026-001, 2026-002, …): the year, then a
 * sequence of at least three digits, one sequence per agency, table and year. Numbers a client gave
 * (any other shape) are left alone. Called inside the write's transaction after the agency's data
 * version was raised, which serialises writes of one agency (see bumpVersion), so two processes
 * never hand out the same number.
 */
import type { Tx } from './context.js';

const sequenced = /^(\d{4})-(\d+)$/;

export async function nextNumber(trx: Tx, table: 'applications' | 'cases', agencyId: string, year: number) {
  const rows = await trx
    .selectFrom(table)
    .select('number')
    .where('agency_id', '=', agencyId)
    .where('number', 'like', `${year}-%`)
    .execute();
  let last = 0;
  for (const { number } of rows) {
    const m = sequenced.exec(number ?? '');
    if (m && Number(m[1]) === year) last = Math.max(last, Number(m[2]));
  }
  return `${year}-${String(last + 1).padStart(3, '0')}`;
}
