/**
 * `gongkai corpus check`: the cross-report checks, body by body (each body's series loaded on its
 * own), then the prose shared between different bodies' reports of one year. Findings are the
 * usual `{code, severity, message, line, column, keys, …}` plus the report they are about.
 */
import type { Kysely } from 'kysely';
import { compareFindings, makeFinding } from '../../core/finding.js';
import type { Section } from '../../core/report.js';
import type { Database } from '../../store/index.js';
import { type CorpusFilter, standingBodies } from '../query.js';
import { sentencesOf } from './sentences.js';
import { seriesChecks } from './series-checks.js';
import type { BodySeries, CrossFinding, SeriesReport } from './types.js';

export type { CrossFinding } from './types.js';

/** Sentences at least this long count as prose shared between bodies. */
const sharedMinLength = 20;
/** A sentence used by more bodies than this in one year is common wording, not a copy. */
const sharedMaxBodies = 3;
/** Shared sentences that make two reports' prose the same. */
const sharedMinSentences = 3;

/** How many bodies a run of the checks with this filter goes through (each body's whole series is read). */
export async function countCheckedBodies(db: Kysely<Database>, filter: CorpusFilter): Promise<number> {
  const row = await standingBodies(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function* bodySeries(db: Kysely<Database>, filter: CorpusFilter): AsyncGenerator<BodySeries> {
  let after = '';
  for (;;) {
    const q = standingBodies(db, filter)
      .select(['id', 'name', 'kind'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(100);
    const bodies = await q.execute();
    if (bodies.length === 0) return;
    for (const body of bodies) {
      const rows = await db
        .selectFrom('corpus_reports')
        .select(['id', 'year', 'version', 'format', 'file', 'sections', 'text'])
        .where('body_id', '=', body.id)
        .where('year', 'is not', null)
        .orderBy('year')
        .orderBy('version')
        .execute();
      const cells = new Map<number, Record<string, number | null>>();
      if (rows.length > 0)
        for (const c of await db
          .selectFrom('corpus_cells')
          .select(['report_id', 'key', 'value'])
          .where(
            'report_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()) {
          const id = Number(c.report_id);
          const own = cells.get(id) ?? {};
          own[c.key] = c.value;
          cells.set(id, own);
        }
      yield {
        bodyId: body.id,
        agency: body.name,
        reports: rows.map(
          (r): SeriesReport => ({
            id: Number(r.id),
            bodyId: body.id,
            agency: body.name,
            kind: body.kind,
            year: r.year as number,
            version: r.version,
            format: r.format,
            file: r.file,
            cells: cells.get(Number(r.id)) ?? {},
            sections: JSON.parse(r.sections) as Section[],
            text: r.text,
          }),
        ),
      };
    }
    after = (bodies[bodies.length - 1] as { id: string }).id;
  }
}

const newestPerYear = (reports: readonly SeriesReport[]): SeriesReport[] => {
  const byYear = new Map<number, SeriesReport>();
  for (const r of reports) byYear.set(r.year, r);
  return [...byYear.values()].sort((a, b) => a.year - b.year);
};

export async function runCorpusChecks(
  db: Kysely<Database>,
  filter: CorpusFilter = {},
  /** Called after each body's series is checked (a progress bar: countCheckedBodies is the total). */
  onBody?: () => void,
): Promise<CrossFinding[]> {
  const findings: CrossFinding[] = [];
  const report = (f: CrossFinding) => {
    if (filter.year === undefined || f.year === filter.year) findings.push(f);
  };
  /** year → sentence → the reports (of different bodies) that have it. */
  const shared = new Map<number, Map<string, { raw: string; reports: Map<string, SeriesReport> }>>();
  for await (const series of bodySeries(db, filter)) {
    const latest = newestPerYear(series.reports);
    for (const check of seriesChecks) check({ latest, series, report });
    onBody?.();
    for (const r of latest) {
      let index = shared.get(r.year);
      if (!index) {
        index = new Map();
        shared.set(r.year, index);
      }
      for (const s of sentencesOf(r.sections)) {
        if (s.key.length < sharedMinLength) continue;
        let entry = index.get(s.key);
        if (!entry) {
          entry = { raw: s.raw, reports: new Map() };
          index.set(s.key, entry);
        }
        if (entry.reports.size <= sharedMaxBodies) entry.reports.set(r.bodyId, r);
      }
    }
  }
  for (const index of shared.values()) {
    const pairs = new Map<string, { a: SeriesReport; b: SeriesReport; passages: string[] }>();
    for (const entry of index.values()) {
      const reports = [...entry.reports.values()];
      if (reports.length < 2 || reports.length > sharedMaxBodies) continue;
      for (let i = 0; i < reports.length; i++)
        for (let j = i + 1; j < reports.length; j++) {
          const [a, b] = [reports[i], reports[j]].sort(
            (x, y) => (x as SeriesReport).id - (y as SeriesReport).id,
          ) as [SeriesReport, SeriesReport];
          const key = `${a.id}:${b.id}`;
          const pair = pairs.get(key) ?? { a, b, passages: [] };
          pair.passages.push(entry.raw);
          pairs.set(key, pair);
        }
    }
    for (const { a, b, passages } of pairs.values()) {
      if (passages.length < sharedMinSentences) continue;
      for (const [self, other] of [
        [a, b],
        [b, a],
      ] as const)
        report({
          ...makeFinding(
            'warning',
            'corpus.copied-text',
            `正文有 ${passages.length} 句与同年度「${other.agency}」的报告（${other.file}）相同`,
            { note: passages.slice(0, 5).join('\n'), actual: `${passages.length} 句` },
          ),
          file: self.file,
          agency: self.agency,
          year: self.year,
          reportId: self.id,
          otherReportId: other.id,
        });
    }
  }
  return findings.sort(
    (x, y) =>
      (x.agency ?? '').localeCompare(y.agency ?? '') ||
      (x.year ?? 0) - (y.year ?? 0) ||
      x.reportId - y.reportId ||
      compareFindings(x, y),
  );
}
