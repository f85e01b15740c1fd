/**
 * 整改情况: after the letters (核查意见) go out, which bodies corrected their reports. For each body
 * and year whose first version in the corpus had problems the checks found (errors and points to
 * verify of `check.*`; reading findings and the deadline can't be corrected), its newest version
 * against that first one: 未更正 (no new version), 新版本未改善, 部分更正 (fewer problems) or 已更正
 * (none left); the kinds of problem fixed and those that remain. A corrected report reaches the
 * corpus as a new version of the same body and year (ingest keeps every version).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { BodyKind } from '../store/schema.js';
import { type CorrectionStatus, correctionStatuses } from './correction-status.js';
import { type CorpusFilter, type CorpusRow, iterateReports } from './query.js';

export { type CorrectionStatus, correctionStatuses, correctionStatusNames } from './correction-status.js';

/** One version's problems: how many errors and points to verify, and of which kinds. */
export interface VersionProblems {
  reportId: number;
  version: number;
  file: string;
  ingestedAt: string;
  errors: number;
  warnings: number;
  /** The codes of its problems, each once, sorted. */
  codes: string[];
}

export interface Correction {
  bodyId: string;
  name: string;
  region: string;
  kind: BodyKind | null;
  year: number;
  versions: number;
  status: CorrectionStatus;
  first: VersionProblems;
  latest: VersionProblems;
  /** Kinds of problem of the first version the newest no longer has. */
  fixed: string[];
  /** Kinds of problem the newest version still has (or has anew). */
  remaining: string[];
}

export interface Corrections {
  counts: Record<CorrectionStatus, number>;
  rows: Correction[];
}

/** The problems a body can correct: the checks' errors and warnings, the deadline apart. */
const correctable = (code: string): boolean => code.startsWith('check.') && code !== 'check.late';

async function problemsOf(
  db: Kysely<Database>,
  reports: readonly CorpusRow[],
): Promise<Map<number, VersionProblems>> {
  const out = new Map<number, VersionProblems>();
  for (const r of reports)
    out.set(r.id, {
      reportId: r.id,
      version: r.version,
      file: r.file,
      ingestedAt: r.ingestedAt,
      errors: 0,
      warnings: 0,
      codes: [],
    });
  for (let at = 0; at < reports.length; at += 500) {
    const ids = reports.slice(at, at + 500).map((r) => r.id);
    const counts = await db
      .selectFrom('corpus_finding_counts')
      .select(['report_id', 'code', 'severity', 'n'])
      .where('report_id', 'in', ids)
      .where('severity', 'in', ['error', 'warning'])
      .execute();
    for (const c of counts) {
      if (!correctable(c.code)) continue;
      const p = out.get(Number(c.report_id)) as VersionProblems;
      if (c.severity === 'error') p.errors += Number(c.n);
      else p.warnings += Number(c.n);
      if (!p.codes.includes(c.code)) p.codes.push(c.code);
    }
  }
  for (const p of out.values()) p.codes.sort();
  return out;
}

const statusOrder = new Map(correctionStatuses.map((s, i) => [s, i]));
const collator = new Intl.Collator('zh-CN');

/**
 * 整改情况 of the bodies the filter chooses (its region, kind, agency, year and visible bodies; the
 * other report filters don't apply: every version counts): the body-years whose first version had
 * problems, those not corrected first.
 */
export async function correctionsOf(db: Kysely<Database>, filter: CorpusFilter): Promise<Corrections> {
  const { region, kind, agency, year, bodyIds } = filter;
  const byBodyYear = new Map<string, { first: CorpusRow; latest: CorpusRow; versions: number }>();
  for await (const r of iterateReports(db, { region, kind, agency, year, bodyIds })) {
    if (r.bodyId === null || r.year === null) continue;
    const key = `${r.bodyId}\u0000${r.year}`;
    const seen = byBodyYear.get(key);
    if (!seen) byBodyYear.set(key, { first: r, latest: r, versions: 1 });
    else {
      seen.versions++;
      if (r.version < seen.first.version) seen.first = r;
      if (r.version > seen.latest.version) seen.latest = r;
    }
  }
  const groups = [...byBodyYear.values()];
  const problems = await problemsOf(
    db,
    groups.flatMap((g) => (g.first === g.latest ? [g.first] : [g.first, g.latest])),
  );
  const counts: Record<CorrectionStatus, number> = {
    unchanged: 0,
    notImproved: 0,
    improved: 0,
    corrected: 0,
  };
  const rows: Correction[] = [];
  for (const g of groups) {
    const first = problems.get(g.first.id) as VersionProblems;
    const latest = problems.get(g.latest.id) as VersionProblems;
    const before = first.errors + first.warnings;
    if (before === 0) continue;
    const after = latest.errors + latest.warnings;
    const status: CorrectionStatus =
      g.versions === 1
        ? 'unchanged'
        : after === 0
          ? 'corrected'
          : after < before
            ? 'improved'
            : 'notImproved';
    counts[status]++;
    rows.push({
      bodyId: g.first.bodyId as string,
      name: g.latest.agency ?? '',
      region: g.latest.region,
      kind: g.latest.kind,
      year: g.first.year as number,
      versions: g.versions,
      status,
      first,
      latest,
      fixed: first.codes.filter((c) => !latest.codes.includes(c)),
      remaining: latest.codes,
    });
  }
  rows.sort(
    (a, b) =>
      (statusOrder.get(a.status) as number) - (statusOrder.get(b.status) as number) ||
      collator.compare(a.region, b.region) ||
      collator.compare(a.name, b.name) ||
      a.year - b.year,
  );
  return { counts, rows };
}
