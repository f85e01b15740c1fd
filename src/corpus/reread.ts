/**
 * 重新读取: the corpus's reports read again by this version of Gongkai. Ingest keeps what the reader
 * of its day made of a file (cells, sections, dates, findings) and never reads the same bytes twice;
 * when the reader or the checks improve, the reports already stored keep the old reading. Here each
 * report chosen is read again from what the corpus holds of its file — the file itself when it was
 * kept (`--keep-source`) or is still where it was ingested from (original.ts), else the decoded
 * text for text and web pages (whose text is the file's content) — and, where the reading differs,
 * its cells, sections, dates, findings and the copies of them (measures, finding counts) are
 * written over in one transaction. Its id stays; so do its body, year and version, unless its
 * agency or year now reads differently: then it is listed, or with `move` moved to the body and
 * year read (the body created when new, the next version there, the newest version marked anew
 * where it was and where it goes). A report whose file the corpus doesn't hold is listed with why.
 */
import { isDeepStrictEqual } from 'node:util';
import { deadlineFor, isLate } from '../check/kind-findings.js';
import { compareFindings, countFindings, type Finding } from '../core/finding.js';
import type { Store } from '../store/index.js';
import type { BodyKind } from '../store/schema.js';
import { getBody, resolveBody } from './bodies/store.js';
import { findingsForKind, lastVersion } from './ingest.js';
import { refreshLatest, storeFindingCounts, storeMeasures } from './measures.js';
import { originalBytes } from './original.js';
import { parseOne } from './parse-one.js';
import { type CorpusFilter, reportsQuery } from './query.js';
import { findingOfRow, insertCells, insertFindings, type ParsedReport } from './report-rows.js';

/**
 * The source types whose stored text is the file's content (decoded): read again from it. (A report
 * given as JSON keeps no text.)
 */
const textSources: ReadonlySet<string> = new Set(['text', 'html']);

/**
 * Stored text as bytes to read again: UTF-8 with a byte order mark, which decides the encoding before
 * anything the text declares (a web page's `<meta charset="gbk">` was true of the file, not of these
 * bytes).
 */
const utf8WithBom = (text: string): Uint8Array => {
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
};

/**
 * What reading the stored text can't see again: characters the file's bytes couldn't be decoded as
 * (the text holds 「�」 in their place, which decode as themselves) — their warning is kept.
 */
const fromFileBytes: ReadonlySet<string> = new Set(['read.decode']);

export type RereadStatus = 'changed' | 'moved' | 'same' | 'identity' | 'no-source' | 'unreadable';

export interface RereadResult {
  id: number;
  file: string;
  status: RereadStatus;
  /** Cells whose value differs from the stored reading (changed reports). */
  cells: number;
  /** Findings before and after (changed reports). */
  findings: { before: number; after: number };
  /** Where a report moved, or why it was left as it was (identity, no-source, unreadable). */
  reason?: string;
}

export type RereadSummary = Record<RereadStatus, number> & { total: number };

export const emptyRereadSummary = (): RereadSummary => ({
  total: 0,
  changed: 0,
  moved: 0,
  same: 0,
  identity: 0,
  'no-source': 0,
  unreadable: 0,
});

/** The fields of a finding that the corpus stores, to compare a stored finding with a new one. */
const storedForm = (f: Finding) =>
  JSON.stringify([
    f.code,
    f.severity,
    f.message,
    f.line,
    f.column,
    f.page,
    f.keys,
    f.actual,
    f.expected,
    f.note,
  ]);

/**
 * Two JSON texts of the same value: PostgreSQL keeps `jsonb` in its own key order and spacing, so the
 * text read back is not the text written.
 */
const sameJson = (a: string, b: string | null): boolean =>
  b !== null && isDeepStrictEqual(JSON.parse(a), JSON.parse(b));

export interface RereadOptions {
  /** Move a report whose agency or year reads differently to that body and year (else it is listed). */
  move?: boolean | undefined;
  /** The clock a body created for a moved report is dated by. */
  now?: () => Date;
}

/** Reads one stored report again and writes the new reading over the old where they differ. */
export async function rereadReport(
  store: Store,
  id: number,
  options: RereadOptions = {},
): Promise<RereadResult> {
  const db = store.db;
  const row = await db
    .selectFrom('corpus_reports as r')
    .leftJoin('corpus_bodies as b', 'b.id', 'r.body_id')
    .select([
      'r.id',
      'r.file',
      'r.source_type',
      'r.source',
      'r.sha256',
      'r.text',
      'r.agency_name',
      'r.year',
      'r.version',
      'r.body_id',
      'r.format',
      'r.published_on',
      'r.signed_on',
      'r.sections',
      'r.date_places',
      'b.kind',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new RangeError(`报告 ${id} 不存在`);
  const base = { id: row.id, file: row.file, cells: 0, findings: { before: 0, after: 0 } };
  const original = await originalBytes(row);
  const fromText = original === null;
  const bytes = original ?? (textSources.has(row.source_type) ? utf8WithBom(row.text) : null);
  if (bytes === null)
    return {
      ...base,
      status: 'no-source',
      reason: `报告库没有保存原文件（${row.source_type}），导入时的文件也已不在原处或已改动，无法重新读取；导入时加 --keep-source 才保存`,
    };
  const outcome = await parseOne(bytes, row.file);
  if (!outcome.ok) return { ...base, status: 'unreadable', reason: outcome.reason };
  const report: ParsedReport = outcome.report;
  const moved = report.agency !== row.agency_name || report.year !== row.year;
  const readAs = (agency: string | null, year: number | null) =>
    `「${agency ?? '机关未读出'}」${year ?? '年度未读出'}`;
  if (moved && !options.move)
    return {
      ...base,
      status: 'identity',
      reason: `机关或年度的读法变了（原为${readAs(row.agency_name, row.year)}，现为${readAs(report.agency, report.year)}），未更新；加 --move 移到新读出的机关和年度`,
    };

  const storedFindings = (
    await db
      .selectFrom('corpus_findings')
      .select(['code', 'severity', 'message', 'line', 'col', 'page', 'keys', 'actual', 'expected', 'note'])
      .where('report_id', '=', id)
      .orderBy('ordinal')
      .execute()
  ).map(findingOfRow);
  const carried = fromText ? storedFindings.filter((f) => fromFileBytes.has(f.code)) : [];
  const findingsFor = (kind: BodyKind) =>
    [...findingsForKind(report, kind), ...carried].sort(compareFindings);
  const storedCells = new Map(
    (await db.selectFrom('corpus_cells').select(['key', 'value']).where('report_id', '=', id).execute()).map(
      (c) => [c.key, c.value === null ? null : Number(c.value)],
    ),
  );
  let cells = 0;
  for (let i = 0; i < report.cells.length; i += 2)
    if (storedCells.get(report.cells[i] as string) !== report.cells[i + 1]) cells++;
  cells += Math.max(0, storedCells.size - report.cells.length / 2);

  if (!moved) {
    const findings = findingsFor(row.kind ?? 'department');
    const same =
      cells === 0 &&
      storedFindings.length === findings.length &&
      storedFindings.every((f, i) => storedForm(f) === storedForm(findings[i] as Finding)) &&
      report.format === row.format &&
      report.publishedOn === row.published_on &&
      report.signedOn === row.signed_on &&
      sameJson(report.sections, row.sections) &&
      sameJson(report.datePlaces, row.date_places);
    const counted = { ...base, cells, findings: { before: storedFindings.length, after: findings.length } };
    if (same) return { ...counted, status: 'same' };
  }

  const now = (options.now ?? (() => new Date()))().toISOString();
  return store.transact(async (trx) => {
    // Moved: the body the new name resolves to (created when new), the next version of its year.
    const bodyId = !moved ? row.body_id : report.agency ? await resolveBody(trx, report.agency, now) : null;
    const body = moved && bodyId !== null ? await getBody(trx, bodyId) : undefined;
    const kind: BodyKind = (moved ? body?.kind : row.kind) ?? 'department';
    const version = !moved ? row.version : (await lastVersion(trx, bodyId, report.year)) + 1;
    const findings = findingsFor(kind);
    const deadline = report.year === null ? null : deadlineFor(report.year, kind);
    const late = deadline !== null && isLate(report, deadline) ? 1 : 0;
    const counts = countFindings(findings);
    await trx
      .updateTable('corpus_reports')
      .set({
        body_id: bodyId,
        agency_name: report.agency,
        year: report.year,
        version,
        format: report.format,
        published_on: report.publishedOn,
        signed_on: report.signedOn,
        deadline,
        late,
        ...counts,
        sections: report.sections,
        text: outcome.text,
        date_places: report.datePlaces,
      })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('corpus_cells').where('report_id', '=', id).execute();
    await insertCells(trx, id, report.cells);
    await trx.deleteFrom('corpus_findings').where('report_id', '=', id).execute();
    if (findings.length > 0) await insertFindings(trx, id, findings);
    // The measures row again (its copies of the report's columns too), the newest version marked anew
    // in its body and year — and in the ones it left, when it moved.
    await trx.deleteFrom('corpus_measures').where('report_id', '=', id).execute();
    await storeMeasures(
      trx,
      {
        id,
        body_id: bodyId,
        year: report.year,
        format: report.format,
        late,
        published_on: report.publishedOn,
        signed_on: report.signedOn,
        errors: counts.errors,
        warnings: counts.warnings,
      },
      report.measures,
    );
    if (moved && row.body_id !== null && row.year !== null) await refreshLatest(trx, row.body_id, row.year);
    await trx.deleteFrom('corpus_finding_counts').where('report_id', '=', id).execute();
    await storeFindingCounts(trx, id);
    const result = { ...base, cells, findings: { before: storedFindings.length, after: findings.length } };
    return moved
      ? {
          ...result,
          status: 'moved' as const,
          reason: `已从${readAs(row.agency_name, row.year)}移到${readAs(report.agency, report.year)}（第 ${version} 版）`,
        }
      : { ...result, status: 'changed' as const };
  });
}

/** The ids of the reports a filter chooses, in id order, a page at a time (the corpus may be large). */
async function* chosenIds(store: Store, filter: CorpusFilter, page = 1000): AsyncGenerator<number> {
  let after = 0;
  for (;;) {
    const ids = await reportsQuery(store.db, filter)
      .select('r.id')
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(page)
      .execute();
    for (const { id } of ids) yield Number(id);
    if (ids.length < page) return;
    after = Number(ids.at(-1)?.id);
  }
}

/** How many reports a filter chooses (for progress). */
export async function countChosen(store: Store, filter: CorpusFilter): Promise<number> {
  const row = await reportsQuery(store.db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Reads again every report the filter chooses, one after another, each result as it comes. */
export async function* rereadReports(
  store: Store,
  filter: CorpusFilter,
  options: RereadOptions = {},
): AsyncGenerator<RereadResult> {
  for await (const id of chosenIds(store, filter)) yield await rereadReport(store, id, options);
}
