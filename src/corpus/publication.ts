/**
 * 发布情况: for one year, which bodies of the corpus have published their report — on time, late or
 * without a date — and which have not: past the statutory deadline of their kind (逾期未发布) or
 * not yet due (尚未到期). 条例第四十九条: a department by 31 January, a people's government by 31 March.
 *
 * A body is expected to publish a year's report when the corpus holds a report of it on that year or
 * an earlier one: a body first seen later may not have existed then — or when a list of the bodies
 * that must publish (应发布名录) says it owes reports from that year or earlier, report or not, so that a
 * body that never published anything is overdue too. A body a person marked dissolved
 * in year D (撤销年份, e.g. by 机构改革) is not expected from D on: it still owes D−1's report, due
 * early in D, but none after — unless the corpus holds its report of the year all the same, which then
 * counts with its real status (the data wins over the mark). The year's report is its newest
 * version, as in the statistics. Whether a deadline has passed depends on `today`, which callers pass
 * (the server's day in China, or the CLI's `--today`), so the answer is the same for the same day.
 */
import type { Kysely } from 'kysely';
import { deadlineFor } from '../check/kind-findings.js';
import type { Database } from '../store/index.js';
import type { BodyKind } from '../store/schema.js';
import { daysBetween, type IsoDate, isIsoDate } from '../workflow/calendar/date.js';
import {
  type PublicationStatus,
  publicationRegionsListed,
  publicationStatuses,
} from './publication-status.js';
import { type CorpusFilter, standingBodies } from './query.js';
import { type RegionLevel, regionAt, startingLevel } from './region-level.js';

export {
  type PublicationStatus,
  publicationRegionsListed,
  publicationStatuses,
  publicationStatusNames,
  regionName,
} from './publication-status.js';

/** One body's report of the year, or its absence. */
export interface BodyPublication {
  bodyId: string;
  name: string;
  region: string;
  kind: BodyKind;
  status: PublicationStatus;
  /** The last day to publish, for the body's kind. */
  deadline: IsoDate;
  /** The year's report (its newest version), null when there is none. */
  reportId: number | null;
  publishedOn: string | null;
  signedOn: string | null;
  /**
   * Days past the deadline: of the later of the report's dates when it was published late, of today
   * when it is overdue; null otherwise.
   */
  daysLate: number | null;
  /** Days left to the deadline (0 on the day itself) when it is not yet due; null otherwise. */
  daysLeft: number | null;
  /** The latest earlier year the corpus holds a report of the body on (null when none). */
  lastYear: number | null;
}

/** How many bodies are expected to publish, and how many have each status. */
export type PublicationCounts = Record<PublicationStatus, number> & { expected: number };

/** The bodies of one region (按地区汇总): '' holds those whose place is unknown. */
export interface RegionPublication extends PublicationCounts {
  region: string;
}

export interface Publication {
  year: number;
  today: IsoDate;
  deadlines: Record<BodyKind, IsoDate>;
  counts: PublicationCounts;
  /** Overdue first, then not yet due, late, undated and on time; by region and name within. */
  bodies: BodyPublication[];
  /** The level the regions are summed up at (汇总层级): asked for, or where the bodies differ first. */
  level: RegionLevel;
  /** Every region of the bodies at that level, those that lag first (see `regionsOf`). */
  regions: RegionPublication[];
}

/** The year whose reports fall due in today's year: the year before. */
export const defaultPublicationYear = (today: IsoDate): number => Number(today.slice(0, 4)) - 1;

const statusOrder = new Map(publicationStatuses.map((s, i) => [s, i]));
const collator = new Intl.Collator('zh-CN');

const noCounts = (): PublicationCounts => ({
  expected: 0,
  overdue: 0,
  pending: 0,
  late: 0,
  undated: 0,
  onTime: 0,
});

/**
 * The bodies by region, those that lag first: the most overdue, then the most not yet due (they may
 * lag next), then the most bodies; by region name among equals.
 */
export function regionsOf(
  bodies: readonly Pick<BodyPublication, 'region' | 'status'>[],
): RegionPublication[] {
  const regions = new Map<string, RegionPublication>();
  for (const b of bodies) {
    const region = regions.get(b.region) ?? { region: b.region, ...noCounts() };
    regions.set(b.region, region);
    region.expected++;
    region[b.status]++;
  }
  return [...regions.values()].sort(
    (a, b) =>
      b.overdue - a.overdue ||
      b.pending - a.pending ||
      b.expected - a.expected ||
      collator.compare(a.region, b.region),
  );
}

/** Whether a body dissolved in `dissolvedIn` no longer owes the report of `year`. */
const dissolvedBy = (dissolvedIn: number | null, year: number): boolean =>
  dissolvedIn !== null && year >= dissolvedIn;

/**
 * Whether a body without a report of `year` owes one: it has an earlier report, or a list of the
 * bodies that must publish names it from that year or before; and it wasn't dissolved by then.
 */
export const owes = (
  body: { dissolved_in: number | null; expected_from: number | null },
  reportedBefore: boolean,
  year: number,
): boolean =>
  (reportedBefore || (body.expected_from !== null && year >= body.expected_from)) &&
  !dissolvedBy(body.dissolved_in, year);

/** A body's status for one year, with the days past or left to its deadline. */
export interface YearStatus {
  status: PublicationStatus;
  daysLate: number | null;
  daysLeft: number | null;
}

/**
 * A body's status for a year it is expected to publish: of its report's dates (the later of the two)
 * when it has one; otherwise past the deadline (逾期未发布) or not yet due as of `today`.
 */
export function yearStatus(
  report: { published_on: string | null; signed_on: string | null } | null | undefined,
  deadline: IsoDate,
  today: IsoDate,
): YearStatus {
  if (!report) {
    return today > deadline
      ? { status: 'overdue', daysLate: daysBetween(deadline, today), daysLeft: null }
      : { status: 'pending', daysLate: null, daysLeft: daysBetween(today, deadline) };
  }
  const dates = [report.published_on, report.signed_on].filter(
    (d): d is string => d !== null && isIsoDate(d),
  );
  if (dates.length === 0) return { status: 'undated', daysLate: null, daysLeft: null };
  const latest = dates.reduce((a, b) => (a > b ? a : b));
  return latest > deadline
    ? { status: 'late', daysLate: daysBetween(deadline, latest), daysLeft: null }
    : { status: 'onTime', daysLate: null, daysLeft: null };
}

/**
 * The publication of `year`'s reports as of `today`, over the standing bodies the filter chooses
 * (its region, kind, agency and visible bodies; its report filters don't apply), summed up by region
 * at `level` (by default the highest level at which the expected bodies' places differ).
 */
export async function publicationOf(
  db: Kysely<Database>,
  filter: CorpusFilter,
  year: number,
  today: IsoDate,
  level?: RegionLevel,
): Promise<Publication> {
  if (!isIsoDate(today)) throw new RangeError(`日期「${today}」不是有效的 YYYY-MM-DD 格式日期`);
  const chosen = () => standingBodies(db, filter).select('id');
  const [bodies, earlier, reports] = await Promise.all([
    standingBodies(db, filter)
      .select(['id', 'name', 'region', 'province', 'city', 'county', 'kind', 'dissolved_in', 'expected_from'])
      .execute(),
    db
      .selectFrom('corpus_reports')
      .select(['body_id', (eb) => eb.fn.max<number>('year').as('last')])
      .where('year', '<', year)
      .where('body_id', 'in', chosen())
      .groupBy('body_id')
      .execute(),
    db
      .selectFrom('corpus_reports')
      .select(['id', 'body_id', 'version', 'published_on', 'signed_on'])
      .where('year', '=', year)
      .where('body_id', 'in', chosen())
      .execute(),
  ]);
  const lastYear = new Map(earlier.map((r) => [r.body_id as string, Number(r.last)]));
  const newest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) {
    const seen = newest.get(r.body_id as string);
    if (!seen || r.version > seen.version) newest.set(r.body_id as string, r);
  }
  const deadlines: Record<BodyKind, IsoDate> = {
    department: deadlineFor(year, 'department'),
    government: deadlineFor(year, 'government'),
  };
  const counts = noCounts();
  const rows: BodyPublication[] = [];
  const expected: typeof bodies = [];
  for (const body of bodies) {
    const report = newest.get(body.id);
    const last = lastYear.get(body.id) ?? null;
    if (!report && !owes(body, last !== null, year)) continue;
    const deadline = deadlines[body.kind];
    const { status, daysLate, daysLeft } = yearStatus(report, deadline, today);
    counts.expected++;
    counts[status]++;
    expected.push(body);
    rows.push({
      bodyId: body.id,
      name: body.name,
      region: body.region,
      kind: body.kind,
      status,
      deadline,
      reportId: report ? Number(report.id) : null,
      publishedOn: report?.published_on ?? null,
      signedOn: report?.signed_on ?? null,
      daysLate,
      daysLeft,
      lastYear: last,
    });
  }
  // (Before the rows are sorted: the i-th row is the i-th expected body's.)
  const summedAt = level ?? startingLevel(expected);
  const regions = regionsOf(
    rows.map((r, i) => ({
      region: regionAt(expected[i] as (typeof bodies)[number], summedAt),
      status: r.status,
    })),
  );
  rows.sort(
    (a, b) =>
      (statusOrder.get(a.status) as number) - (statusOrder.get(b.status) as number) ||
      collator.compare(a.region, b.region) ||
      collator.compare(a.name, b.name) ||
      (a.bodyId < b.bodyId ? -1 : a.bodyId > b.bodyId ? 1 : 0),
  );
  return { year, today, deadlines, counts, bodies: rows, level: summedAt, regions };
}

/** What the answer lists of 发布情况: the bodies of some statuses, a page of them. */
export interface PublicationListing {
  /** The statuses whose bodies to list (every status when absent). */
  status?: readonly PublicationStatus[] | undefined;
  offset?: number | undefined;
  /** Every body from `offset` when absent. */
  limit?: number | undefined;
}

/** 发布情况 as the API and `gongkai corpus publication --json` answer it. */
export interface PublicationAnswer extends Publication {
  /** How many bodies have the statuses listed, before paging. */
  listed: number;
  /** How many regions there are in all; `regions` holds the first `publicationRegionsListed`. */
  regionCount: number;
}

/**
 * The answer of 发布情况: the listed bodies' page, and the regions that lag most; the counts and the
 * regions stay those of every body, whatever is listed.
 */
export function publicationAnswer(
  p: Publication,
  { status, offset = 0, limit }: PublicationListing = {},
): PublicationAnswer {
  const listed = status ? p.bodies.filter((b) => status.includes(b.status)) : p.bodies;
  return {
    ...p,
    listed: listed.length,
    bodies: listed.slice(offset, limit === undefined ? undefined : offset + limit),
    regions: p.regions.slice(0, publicationRegionsListed),
    regionCount: p.regions.length,
  };
}
