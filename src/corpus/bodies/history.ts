/**
 * 机关档案: one body's years in the corpus — for each year it was expected to publish, its status as
 * 发布情况 gives it (src/corpus/publication.ts, the same rules: expected from the first year the corpus
 * holds a report of it or a list of the bodies that must publish names, not from its 撤销年份 on unless
 * a report of the year is there all the same),
 * the year's newest version and how many versions there are — and the names its reports signed with.
 */
import type { Kysely } from 'kysely';
import { deadlineFor } from '../../check/kind-findings.js';
import type { Database } from '../../store/index.js';
import type { IsoDate } from '../../workflow/calendar/date.js';
import { defaultPublicationYear, owes, type YearStatus, yearStatus } from '../publication.js';
import { bodyReports, type CorpusRow } from '../query.js';
import { type Body, getBody, standing } from './store.js';

/** A year the body was expected to publish (or published all the same). */
export interface BodyYear extends YearStatus {
  year: number;
  /** The last day to publish, for the body's kind. */
  deadline: IsoDate;
  /** The year's newest version, null when there is none. */
  report: CorpusRow | null;
  /** How many versions of the year's report the corpus holds. */
  versions: number;
}

export interface BodyHistory {
  body: Body & {
    /** The names its reports were signed with, most used first. */
    names: string[];
    /** Report versions in the corpus, every year's (and those without a year). */
    reports: number;
  };
  /** The day the statuses are as of. */
  today: IsoDate;
  /** From the first year with a report to the year due last as of `today`, oldest first. */
  years: BodyYear[];
  /** Versions whose year could not be read (not in `years`). */
  undated: CorpusRow[];
}

/**
 * The history of a body (of the body it was merged into, when it was: its id is the answer's), or
 * undefined when there is no such body.
 */
export async function bodyHistory(
  db: Kysely<Database>,
  id: string,
  today: IsoDate,
): Promise<BodyHistory | undefined> {
  const body = await getBody(db, await standing(db, id));
  if (!body) return undefined;
  const reports = await bodyReports(db, body.id);
  const byYear = new Map<number, CorpusRow[]>();
  for (const r of reports) {
    if (r.year === null) continue;
    const versions = byYear.get(r.year);
    if (versions) versions.push(r);
    else byYear.set(r.year, [r]);
  }

  // The names as the reports signed (a row's `agency` is the body's name).
  const names = await db
    .selectFrom('corpus_reports')
    .select(['agency_name', (eb) => eb.fn.countAll<number>().as('n')])
    .where('body_id', '=', body.id)
    .where('agency_name', 'is not', null)
    .groupBy('agency_name')
    .execute();

  // From the first year with a report, or the year a list of the bodies that must publish names.
  const dated = [...byYear.keys()];
  const starts = [...dated, ...(body.expectedFrom === null ? [] : [body.expectedFrom])];
  const owed = { dissolved_in: body.dissolvedIn, expected_from: body.expectedFrom };
  const years: BodyYear[] = [];
  if (starts.length > 0) {
    const first = Math.min(...starts);
    const last = Math.max(...dated, defaultPublicationYear(today));
    for (let year = first; year <= last; year++) {
      const versions = byYear.get(year) ?? [];
      // Ordered by version: the last is the newest.
      const report = versions.at(-1) ?? null;
      const reportedBefore = dated.some((y) => y < year);
      if (!report && !owes(owed, reportedBefore, year)) continue;
      const deadline = deadlineFor(year, body.kind);
      const status = yearStatus(
        report && { published_on: report.publishedOn, signed_on: report.signedOn },
        deadline,
        today,
      );
      years.push({ year, deadline, ...status, report, versions: versions.length });
    }
  }
  return {
    body: {
      ...body,
      names: names
        .map((r) => ({ name: r.agency_name as string, n: Number(r.n) }))
        .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : 1))
        .map((r) => r.name),
      reports: reports.length,
    },
    today,
    years,
    undated: reports.filter((r) => r.year === null),
  };
}
