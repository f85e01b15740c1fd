/**
 * 发布情况 made by hand for the tests of what is drafted from it (通报, 催报提醒): 2025's reports as
 * of 15 February 2026, departments due 31 January.
 */
import { type BodyPublication, type Publication, regionsOf } from '../../src/corpus/publication.js';

/** A department of `region` with `status`, its last report of 2024, unless `extra` says otherwise. */
export const bodyPublication = (
  name: string,
  region: string,
  status: BodyPublication['status'],
  extra: Partial<BodyPublication> = {},
): BodyPublication => ({
  bodyId: name,
  name,
  region,
  kind: 'department',
  status,
  deadline: '2026-01-31',
  reportId: null,
  publishedOn: null,
  signedOn: null,
  daysLate: null,
  daysLeft: null,
  lastYear: 2024,
  ...extra,
});

/** 发布情况 of 2025 as of 2026-02-15 over these bodies, counted as publicationOf counts them. */
export function publicationOver(bodies: BodyPublication[]): Publication {
  const counts = { expected: bodies.length, overdue: 0, pending: 0, late: 0, undated: 0, onTime: 0 };
  for (const b of bodies) counts[b.status]++;
  return {
    year: 2025,
    today: '2026-02-15',
    deadlines: { department: '2026-01-31', government: '2026-03-31' },
    counts,
    bodies,
    level: 'county',
    regions: regionsOf(bodies),
  };
}
