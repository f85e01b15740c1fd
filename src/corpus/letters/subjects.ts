/**
 * What the letters (核查意见) are about, from the corpus: the newest version of each body's report
 * the filter chooses, its stored findings and the cross-report checks' findings about it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/index.js';
import { type CrossFinding, runCorpusChecks } from '../checks/index.js';
import { type CorpusFilter, type CorpusRow, getReport, iterateReports } from '../query.js';
import { findingOfRow } from '../report-rows.js';
import { type LetterSubject, letterHasProblems } from './review-letter.js';

type Db = Kysely<Database>;

/** The stored findings of some reports, by report id, each report's in their stored order. */
async function findingsOf(db: Db, ids: readonly number[]): Promise<Map<number, LetterSubject['findings']>> {
  const found = new Map<number, ReturnType<typeof findingOfRow>[]>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('corpus_findings')
    .selectAll()
    .where('report_id', 'in', [...ids])
    .orderBy('report_id')
    .orderBy('ordinal')
    .execute();
  for (const row of rows) {
    const id = Number(row.report_id);
    const list = found.get(id);
    if (list) list.push(findingOfRow(row));
    else found.set(id, [findingOfRow(row)]);
  }
  return found;
}

const byReport = (findings: readonly CrossFinding[]): Map<number, CrossFinding[]> => {
  const map = new Map<number, CrossFinding[]>();
  for (const f of findings) {
    const list = map.get(f.reportId);
    if (list) list.push(f);
    else map.set(f.reportId, [f]);
  }
  return map;
};

/** What came of choosing the letters: those written, and the reports left without one and why. */
export interface LetterSelection {
  subjects: LetterSubject[];
  /** Reports with nothing to say (published in time, no problem found): written only when asked for. */
  clean: number;
  /** Reports whose body or year was not read: there is no one to address, or no year to name. */
  unaddressed: number;
}

/**
 * The letters over `filter` (its newest versions; cross-report checks over the same bodies, so a
 * report's prose is also compared with the other bodies' of the year): those with something to say,
 * or every one when `all`. Reports without a body or a year are counted, not written.
 */
export async function letterSubjects(
  db: Db,
  filter: CorpusFilter,
  all = false,
  /** Called after each body is checked (see runCorpusChecks). */
  onBody?: () => void,
): Promise<LetterSelection> {
  const cross = byReport(await runCorpusChecks(db, filter, onBody));
  const selection: LetterSelection = { subjects: [], clean: 0, unaddressed: 0 };
  let page: CorpusRow[] = [];
  const flush = async () => {
    const findings = await findingsOf(
      db,
      page.map((r) => r.id),
    );
    for (const report of page) {
      const subject = { report, findings: findings.get(report.id) ?? [], cross: cross.get(report.id) ?? [] };
      if (all || letterHasProblems(subject)) selection.subjects.push(subject);
      else selection.clean++;
    }
    page = [];
  };
  for await (const report of iterateReports(db, { ...filter, latest: true })) {
    if (report.agency === null || report.year === null || report.bodyId === null) {
      selection.unaddressed++;
      continue;
    }
    page.push(report);
    if (page.length === 500) await flush();
  }
  await flush();
  selection.subjects.sort(
    (a, b) =>
      (a.report.agency ?? '').localeCompare(b.report.agency ?? '', 'zh-CN') ||
      (a.report.year ?? 0) - (b.report.year ?? 0),
  );
  return selection;
}

/**
 * The letter about one report the filter lets through (undefined otherwise): the cross-report checks
 * compare it with its own body's other years.
 */
export async function letterSubject(
  db: Db,
  filter: CorpusFilter,
  id: number,
): Promise<LetterSubject | undefined> {
  const report = await getReport(db, filter, id);
  if (!report) return undefined;
  const cross =
    report.bodyId === null || report.year === null
      ? []
      : (await runCorpusChecks(db, { bodyIds: [report.bodyId], year: report.year })).filter(
          (f) => f.reportId === id,
        );
  return { report, findings: (await findingsOf(db, [id])).get(id) ?? [], cross };
}
