/**
 * A report's kind-dependent findings, deadline and lateness (src/check/kind-findings.ts) follow the
 * kind of its body as the corpus holds it. The checker reads the kind from the agency name; when a
 * person corrects a body's kind, every report of that body is recomputed from what the corpus stores
 * (dates, where they were read, sections), and so is a report ingested into a body corrected before.
 */
import type { Kysely } from 'kysely';
import {
  deadlineFor,
  isLate,
  type KindFacts,
  kindFindingCodes,
  kindFindings,
} from '../../check/kind-findings.js';
import { compareFindings, countFindings, type Finding, type Point } from '../../core/finding.js';
import type { Tx } from '../../store/context.js';
import type { Database } from '../../store/index.js';
import type { BodyKind } from '../../store/schema.js';
import { storeFindingCounts } from '../measures.js';
import { findingOfRow, insertFindings } from '../report-rows.js';

type Db = Kysely<Database> | Tx;

/** What the corpus stores of a report that the kind-dependent checks read. */
export interface StoredDates {
  year: number | null;
  publishedOn: string | null;
  signedOn: string | null;
  /** `corpus_reports.sections` (JSON). */
  sections: string;
  /** `corpus_reports.date_places` (JSON), null for reports ingested before it was kept. */
  datePlaces: string | null;
}

export function storedKindFacts(stored: StoredDates): KindFacts {
  const places = stored.datePlaces
    ? (JSON.parse(stored.datePlaces) as { published: Point | null; signed: Point | null })
    : { published: null, signed: null };
  const sections = JSON.parse(stored.sections) as { text: string }[];
  return {
    year: stored.year,
    publishedOn: stored.publishedOn,
    signedOn: stored.signedOn,
    publishedPlace: places.published,
    signedPlace: places.signed,
    prose: sections.map((s) => s.text).join('\n'),
  };
}

/** The findings with the kind-dependent ones made again for `kind`, sorted as the checker sorts. */
export function reviseFindings(findings: readonly Finding[], facts: KindFacts, kind: BodyKind): Finding[] {
  return [...findings.filter((f) => !kindFindingCodes.has(f.code)), ...kindFindings(facts, kind)].sort(
    compareFindings,
  );
}

const sameFindings = (a: readonly Finding[], b: readonly Finding[]) =>
  a.length === b.length && a.every((f, i) => JSON.stringify(f) === JSON.stringify(b[i]));

/**
 * Recomputes the deadline, lateness and kind-dependent findings of every report of a body for `kind`
 * (inside the caller's transaction), with the copies in the measures and finding counts. Returns how
 * many reports changed.
 */
export async function reviseBodyKind(trx: Db, bodyId: string, kind: BodyKind): Promise<number> {
  const reports = await trx
    .selectFrom('corpus_reports')
    .select(['id', 'year', 'published_on', 'signed_on', 'sections', 'date_places', 'deadline', 'late'])
    .where('body_id', '=', bodyId)
    .execute();
  let changed = 0;
  for (const report of reports) {
    const facts = storedKindFacts({
      year: report.year,
      publishedOn: report.published_on,
      signedOn: report.signed_on,
      sections: report.sections,
      datePlaces: report.date_places,
    });
    const stored = (
      await trx
        .selectFrom('corpus_findings')
        .select(['code', 'severity', 'message', 'line', 'col', 'page', 'keys', 'actual', 'expected', 'note'])
        .where('report_id', '=', report.id)
        .orderBy('ordinal')
        .execute()
    ).map(findingOfRow);
    const findings = reviseFindings(stored, facts, kind);
    const deadline = report.year === null ? null : deadlineFor(report.year, kind);
    const late = deadline !== null && isLate(facts, deadline) ? 1 : 0;
    if (deadline === report.deadline && late === report.late && sameFindings(stored, findings)) continue;
    changed++;
    const counts = countFindings(findings);
    await trx
      .updateTable('corpus_reports')
      .set({ deadline, late, ...counts })
      .where('id', '=', report.id)
      .execute();
    await trx
      .updateTable('corpus_measures')
      .set({ late, errors: counts.errors, warnings: counts.warnings })
      .where('report_id', '=', report.id)
      .execute();
    await trx.deleteFrom('corpus_findings').where('report_id', '=', report.id).execute();
    if (findings.length > 0) await insertFindings(trx, report.id, findings);
    await trx.deleteFrom('corpus_finding_counts').where('report_id', '=', report.id).execute();
    await storeFindingCounts(trx, report.id);
  }
  return changed;
}
