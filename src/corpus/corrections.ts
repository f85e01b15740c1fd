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
import { type CorpusFilter, reportsQuery, standingBodies } from './query.js';

export { type CorrectionStatus, correctionStatuses, correctionStatusNames } from './correction-status.js';

/** One version's problems: how many errors and points to verify, and of which kinds. */
export interface VersionProblems {
  reportId: number;
  version: number;
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

const statusOrder = new Map(correctionStatuses.map((s, i) => [s, i]));
const collator = new Intl.Collator('zh-CN');

/**
 * 整改情况 of the bodies the filter chooses (its region, kind, agency, year and visible bodies; the
 * other report filters don't apply: every version counts): the body-years whose first version had
 * problems, those not corrected first.
 */
export async function correctionsOf(db: Kysely<Database>, filter: CorpusFilter): Promise<Corrections> {
  const { region, kind, agency, year, bodyIds } = filter;
  const chosen = { region, kind, agency, year, bodyIds };
  // A few narrow queries over the scope (not a page at a time; every year of a national corpus is
  // some 200,000 versions): the checks' problems of its reports, its versions, and the bodies.
  const counts = await reportsQuery(db, chosen)
    .innerJoin('corpus_finding_counts as f', 'f.report_id', 'r.id')
    .where('f.code', 'like', 'check.%')
    .where('f.code', '!=', 'check.late')
    .where('f.severity', 'in', ['error', 'warning'])
    .select(['f.report_id', 'f.code', 'f.severity', 'f.n'])
    .execute();
  const versions = await reportsQuery(db, chosen)
    .where('r.body_id', 'is not', null)
    .where('r.year', 'is not', null)
    .select(['r.id', 'r.body_id', 'r.year', 'r.version'])
    .execute();
  /** Each report's problems found, by id (reports without any have none). */
  const found = new Map<number, { errors: number; warnings: number; codes: Set<string> }>();
  for (const c of counts) {
    const id = Number(c.report_id);
    let f = found.get(id);
    if (!f) {
      f = { errors: 0, warnings: 0, codes: new Set() };
      found.set(id, f);
    }
    if (c.severity === 'error') f.errors += Number(c.n);
    else f.warnings += Number(c.n);
    f.codes.add(c.code);
  }
  const versionOf = (reportId: number, version: number): VersionProblems => {
    const f = found.get(reportId);
    return {
      reportId,
      version,
      errors: f?.errors ?? 0,
      warnings: f?.warnings ?? 0,
      codes: f ? [...f.codes].sort() : [],
    };
  };
  /** Each body-year's first and newest version (report ids) and how many there are. */
  const byBodyYear = new Map<
    string,
    {
      bodyId: string;
      year: number;
      first: number;
      firstVersion: number;
      latest: number;
      latestVersion: number;
      n: number;
    }
  >();
  for (const v of versions) {
    const id = Number(v.id);
    const key = `${v.body_id}\u0000${v.year}`;
    const seen = byBodyYear.get(key);
    if (!seen)
      byBodyYear.set(key, {
        bodyId: v.body_id as string,
        year: v.year as number,
        first: id,
        firstVersion: v.version,
        latest: id,
        latestVersion: v.version,
        n: 1,
      });
    else {
      seen.n++;
      if (v.version < seen.firstVersion) [seen.first, seen.firstVersion] = [id, v.version];
      if (v.version > seen.latestVersion) [seen.latest, seen.latestVersion] = [id, v.version];
    }
  }
  // The bodies of the scope only (a supervisor's few, not the country's 28,000).
  const bodies = new Map(
    (await standingBodies(db, chosen).select(['id', 'name', 'region', 'kind']).execute()).map((b) => [
      b.id,
      b,
    ]),
  );
  const tally: Record<CorrectionStatus, number> = { unchanged: 0, notImproved: 0, improved: 0, corrected: 0 };
  const rows: Correction[] = [];
  for (const g of byBodyYear.values()) {
    if (!found.has(g.first)) continue;
    const first = versionOf(g.first, g.firstVersion);
    const latest = g.n === 1 ? first : versionOf(g.latest, g.latestVersion);
    const before = first.errors + first.warnings;
    const after = latest.errors + latest.warnings;
    const status: CorrectionStatus =
      g.n === 1 ? 'unchanged' : after === 0 ? 'corrected' : after < before ? 'improved' : 'notImproved';
    tally[status]++;
    const body = bodies.get(g.bodyId);
    rows.push({
      bodyId: g.bodyId,
      name: body?.name ?? '',
      region: body?.region ?? '',
      kind: body?.kind ?? null,
      year: g.year,
      versions: g.n,
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
  return { counts: tally, rows };
}

/** 整改情况 as the API answers it: the rows of one status (all when none), a page of them; the counts of all. */
export function correctionsAnswer(
  { counts, rows }: Corrections,
  {
    status,
    offset = 0,
    limit,
  }: { status?: CorrectionStatus | undefined; offset?: number; limit?: number | undefined } = {},
) {
  const listed = status === undefined ? rows : rows.filter((r) => r.status === status);
  return {
    counts,
    listed: listed.length,
    rows: listed.slice(offset, limit === undefined ? undefined : offset + limit),
  };
}
