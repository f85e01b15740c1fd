/**
 * Ingest: files into the corpus. Idempotent by the SHA-256 of the bytes (the same bytes twice are
 * one report); a different file for a body and year already known is a new version, and both are
 * kept. Parsing runs in the pool's worker threads; each report is written — report, cells by
 * codebook key, the measures the statistics sum (./measures.ts), findings, source path (and bytes
 * when asked) and text — in one transaction on the main thread, so a failure leaves nothing half-written.
 */
import { createHash } from 'node:crypto';
import { agencyKind } from '../check/body-kind.js';
import { deadlineFor, isLate } from '../check/kind-findings.js';
import { countFindings, type Finding } from '../core/finding.js';
import type { Tx } from '../store/context.js';
import type { Store } from '../store/index.js';
import { prepared } from '../store/prepared.js';
import { reviseFindings, storedKindFacts } from './bodies/kind-revision.js';
import { resolveBody } from './bodies/store.js';
import { storeFindingCounts, storeMeasures } from './measures.js';
import type { ParseOutcome } from './parse-one.js';
import { inlinePool, type ParsePool } from './pool.js';
import { insertCells, insertFindings, insertReport, type ParsedReport } from './report-rows.js';
import { defaultZipLimits, listFiles, readSource, type Source, type ZipLimits } from './sources.js';

export type IngestStatus = 'new' | 'version' | 'known' | 'unreadable';

export interface IngestResult {
  path: string;
  status: IngestStatus;
  sha256?: string;
  /** The stored report's id (new, version, known). */
  id?: number;
  version?: number;
  reason?: string;
}

export interface IngestSummary {
  /** Files looked at (zip entries counted one by one; a refused archive counts once). */
  read: number;
  added: number;
  known: number;
  versions: number;
  unreadable: { path: string; reason: string }[];
  results: IngestResult[];
}

export interface IngestOptions {
  pool?: ParsePool;
  /** Keep the source bytes in the store (uploads; files on disk keep their path). */
  keepSource?: boolean;
  now?: () => Date;
  zipLimits?: ZipLimits;
  /** Called after each file: done so far and the total known so far. */
  onProgress?(done: number, total: number): void;
  /** Reports in flight at once (default: 64 per pool thread, at least 2). */
  inFlight?: number;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

type Known = { id: number; version: number };

/** The stored reports with these bytes' hashes, in one query per 500 (what re-ingest skips). */
async function knownReports(store: Store, hashes: readonly string[]): Promise<Map<string, Known>> {
  const known = new Map<string, Known>();
  for (const some of chunk(hashes, 500)) {
    const rows = await store.db
      .selectFrom('corpus_reports')
      .select(['sha256', 'id', 'version'])
      .where('sha256', 'in', some)
      .execute();
    for (const row of rows) if (!known.has(row.sha256)) known.set(row.sha256, row);
  }
  return known;
}

/** Most bytes of files read and not yet stored (or in one group being looked up). */
const maxBytesInFlight = 256 * 1024 * 1024;

export interface ParsedFile {
  path: string;
  bytes: Uint8Array;
  hash: string;
  report: ParsedReport;
  sourceType: string;
  text: string;
}

/** The kind of a body (its row locked, where the database has row locks). */
const bodyKind = prepared((h, id: string) =>
  (h as Tx).selectFrom('corpus_bodies').select('kind').where('id', '=', id),
);
const lockedBodyKind = prepared((h, id: string) =>
  (h as Tx).selectFrom('corpus_bodies').select('kind').where('id', '=', id).forUpdate(),
);

/** The highest version of a body and year (a null body or year matched as null), by prepared query. */
const versionQueries = {
  both: prepared((h, bodyId: string, year: number) =>
    (h as Tx)
      .selectFrom('corpus_reports')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('body_id', '=', bodyId)
      .where('year', '=', year),
  ),
  bodyOnly: prepared((h, bodyId: string) =>
    (h as Tx)
      .selectFrom('corpus_reports')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('body_id', '=', bodyId)
      .where('year', 'is', null),
  ),
  yearOnly: prepared((h, year: number) =>
    (h as Tx)
      .selectFrom('corpus_reports')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('body_id', 'is', null)
      .where('year', '=', year),
  ),
  neither: prepared((h) =>
    (h as Tx)
      .selectFrom('corpus_reports')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('body_id', 'is', null)
      .where('year', 'is', null),
  ),
};

/** The highest version of a body and year stored (0 when none). */
export async function lastVersion(trx: Tx, bodyId: string | null, year: number | null): Promise<number> {
  const rows =
    bodyId !== null
      ? year !== null
        ? await versionQueries.both(trx, bodyId, year)
        : await versionQueries.bodyOnly(trx, bodyId)
      : year !== null
        ? await versionQueries.yearOnly(trx, year)
        : await versionQueries.neither(trx);
  return Number(rows[0]?.v ?? 0);
}

/**
 * A parsed report's findings for its body's kind: the checker took the kind from the name; a body
 * corrected by a person says otherwise, and its kind-dependent findings are made again.
 */
export const findingsForKind = (report: ParsedReport, kind: 'government' | 'department'): Finding[] =>
  kind === agencyKind(report.agency)
    ? report.findings
    : reviseFindings(report.findings, storedKindFacts(report), kind);

/**
 * Writes one parsed report in one transaction (on SQLite grouped with the reports stored beside it:
 * one COMMIT for the batch, each report rolled back alone when it fails). Returns its id and version, or `known` when another
 * writer stored the same bytes first.
 */
export async function storeParsed(
  store: Store,
  parsed: ParsedFile,
  options: { keepSource?: boolean; now?: () => Date } = {},
): Promise<IngestResult> {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const { report } = parsed;
  for (let attempt = 0; ; attempt++) {
    try {
      return await store.transact(async (trx) => {
        const bodyId = report.agency ? await resolveBody(trx, report.agency, now) : null;
        // The body's row is locked (PostgreSQL; SQLite's write transactions are serial already), so
        // two versions of one body are numbered and marked newest one after the other.
        let kind: 'government' | 'department' = 'department';
        if (bodyId) {
          const [body] = await (store.capabilities.rowLocks ? lockedBodyKind : bodyKind)(trx, bodyId);
          if (body === undefined) throw new Error(`store: body ${bodyId} not found`);
          kind = body.kind as 'government' | 'department';
        }
        const version = (await lastVersion(trx, bodyId, report.year)) + 1;
        const deadline = report.year === null ? null : deadlineFor(report.year, kind);
        const findings = findingsForKind(report, kind);
        const counts = countFindings(findings);
        const row = {
          sha256: parsed.hash,
          body_id: bodyId,
          agency_name: report.agency,
          year: report.year,
          version,
          format: report.format,
          source_type: parsed.sourceType,
          file: parsed.path,
          size: parsed.bytes.length,
          published_on: report.publishedOn,
          signed_on: report.signedOn,
          deadline,
          late: deadline !== null && isLate(report, deadline) ? 1 : 0,
          errors: counts.errors,
          warnings: counts.warnings,
          infos: counts.infos,
          sections: report.sections,
          text: parsed.text,
          source: options.keepSource ? parsed.bytes : null,
          ingested_at: now,
          date_places: report.datePlaces,
        };
        const id = await insertReport(trx, row);
        await storeMeasures(trx, { ...row, id }, report.measures, { first: version === 1 });
        await insertCells(trx, id, report.cells);
        if (findings.length > 0) await insertFindings(trx, id, findings);
        await storeFindingCounts(trx, id);
        return {
          path: parsed.path,
          status: version > 1 ? 'version' : 'new',
          sha256: parsed.hash,
          id,
          version,
        } satisfies IngestResult;
      });
    } catch (error) {
      if (!store.capabilities.isUniqueViolation(error) || attempt >= 5) throw error;
      const known = (await knownReports(store, [parsed.hash])).get(parsed.hash);
      if (known)
        return {
          path: parsed.path,
          status: 'known',
          sha256: parsed.hash,
          id: known.id,
          version: known.version,
        };
      // Another writer took this body and year's next version number: count again.
    }
  }
}

/** Parses and stores one file's bytes (known bytes are not parsed again). */
export async function ingestBytes(
  store: Store,
  path: string,
  bytes: Uint8Array,
  options: IngestOptions = {},
  /** The bytes' hash and the report stored with it, when the caller looked them up already. */
  checked?: { hash: string; known: Known | undefined },
): Promise<IngestResult> {
  const hash = checked?.hash ?? sha256(bytes);
  const known = checked ? checked.known : (await knownReports(store, [hash])).get(hash);
  if (known) return { path, status: 'known', sha256: hash, id: known.id, version: known.version };
  const outcome: ParseOutcome = await (options.pool ?? inlinePool()).parse(bytes, path);
  if (!outcome.ok)
    return {
      path,
      status: 'unreadable',
      sha256: hash,
      reason: outcome.internal ? `内部错误：${outcome.reason}` : outcome.reason,
    };
  return storeParsed(
    store,
    { path, bytes, hash, report: outcome.report, sourceType: outcome.sourceType, text: outcome.text },
    options,
  );
}

/** Adds one file's result to a summary's list and counts (`read` is counted by the caller). */
export function countResult(summary: IngestSummary, result: IngestResult): void {
  summary.results.push(result);
  if (result.status === 'new') summary.added++;
  else if (result.status === 'version') summary.versions++;
  else if (result.status === 'known') summary.known++;
  else summary.unreadable.push({ path: result.path, reason: result.reason ?? '无法读取' });
}

/** Ingests files, folders and zips; resolves to the summary. */
export async function ingestPaths(
  store: Store,
  paths: readonly string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, added: 0, known: 0, versions: 0, unreadable: [], results: [] };
  const listed: { path: string; error?: string }[] = [];
  for await (const entry of listFiles(paths)) listed.push(entry);
  let total = listed.length;
  let done = 0;
  // Enough in flight that every worker's queue stays full (see the pool's depth) with room to spare:
  // the parsed reports waiting for the write in progress make the next batch, and a batch as large as
  // group commit takes (64) needs that many parsed while a commit runs; with only the workers' queues'
  // worth in flight, batches were ~6 reports, each paying its own fsync.
  const limit = options.inFlight ?? Math.max(2, (options.pool?.threads ?? 1) * 64);
  const inFlight = new Set<Promise<void>>();
  /** Hashes of this run, so the same bytes twice in one run are parsed once. */
  const seen = new Map<string, Promise<IngestResult>>();

  const record = (result: IngestResult) => {
    countResult(summary, result);
    done++;
    options.onProgress?.(done, total);
  };

  const handle = async (source: Source, hash: string, known: Known | undefined) => {
    if (source.error !== undefined) {
      record({ path: source.path, status: 'unreadable', reason: source.error });
      return;
    }
    const earlier = seen.get(hash);
    if (earlier) {
      const first = await earlier;
      record(
        first.status === 'unreadable'
          ? { ...first, path: source.path }
          : { path: source.path, status: 'known', sha256: hash, ...(first.id ? { id: first.id } : {}) },
      );
      return;
    }
    const pending = ingestBytes(store, source.path, source.bytes, options, { hash, known });
    seen.set(hash, pending);
    record(await pending);
  };

  // Sources are read a group at a time (as many as may be in flight) and looked up in one query:
  // a lookup waits for the write transaction in progress (SQLite has one connection), so one
  // lookup a file would hold every worker back while the main thread commits.
  // Bytes read and not yet stored are bounded too (large PDFs), not only their count.
  const sizeOf = (source: Source) => (source.error === undefined ? source.bytes.length : 0);
  let inFlightBytes = 0;
  let group: Source[] = [];
  let groupBytes = 0;
  const flush = async () => {
    const sources = group;
    group = [];
    groupBytes = 0;
    const hashes = sources.map((source) => (source.error === undefined ? sha256(source.bytes) : ''));
    const known = await knownReports(
      store,
      [...new Set(hashes)].filter((h) => h !== ''),
    );
    for (const [i, source] of sources.entries()) {
      while (inFlight.size >= limit || (inFlight.size > 0 && inFlightBytes >= maxBytesInFlight))
        await Promise.race(inFlight);
      const hash = hashes[i] as string;
      const size = sizeOf(source);
      inFlightBytes += size;
      const task = handle(source, hash, known.get(hash)).finally(() => {
        inFlight.delete(task);
        inFlightBytes -= size;
      });
      inFlight.add(task);
    }
  };
  for (const entry of listed) {
    const sources: Source[] = entry.error
      ? [{ path: entry.path, error: entry.error }]
      : await readSource(entry.path, options.zipLimits ?? defaultZipLimits);
    total += sources.length - 1;
    summary.read += sources.length;
    for (const source of sources) groupBytes += sizeOf(source);
    group.push(...sources);
    if (group.length >= limit || groupBytes >= maxBytesInFlight) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  return summary;
}
