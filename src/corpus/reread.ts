/**
 * 重新读取: the corpus's reports read again by this version of Gongkai. Ingest keeps what the reader
 * of its day made of a file (cells, sections, dates, findings) and never reads the same bytes twice;
 * when the reader or the checks improve, the reports already stored keep the old reading. Here each
 * report chosen is read again from what the corpus holds of its file — the file itself when it was
 * kept (`--keep-source`), else the decoded text for text, web pages and report JSON (whose text is the
 * file's content) — and, where the reading differs, its cells, sections, dates, findings and the
 * copies of them (measures, finding counts) are written over in one transaction. Its identity stays:
 * a report whose agency or year now reads differently is not changed but listed (it would belong to
 * another body or year: re-ingest it), and so is one whose file the corpus doesn't hold.
 */
import { isDeepStrictEqual } from 'node:util';
import { deadlineFor, isLate } from '../check/kind-findings.js';
import type { Finding } from '../core/finding.js';
import type { Store } from '../store/index.js';
import { findingsForKind } from './ingest.js';
import { storeFindingCounts, storeMeasures } from './measures.js';
import { parseOne } from './parse-one.js';
import { type CorpusFilter, reportsQuery } from './query.js';
import { findingOfRow, insertCells, insertFindings, type ParsedReport } from './report-rows.js';

/** The source types whose stored text is the file's content (decoded): read again from it. */
const textSources: ReadonlySet<string> = new Set(['text', 'html', 'json']);

export type RereadStatus = 'changed' | 'same' | 'identity' | 'no-source' | 'unreadable';

export interface RereadResult {
  id: number;
  file: string;
  status: RereadStatus;
  /** Cells whose value differs from the stored reading (changed reports). */
  cells: number;
  /** Findings before and after (changed reports). */
  findings: { before: number; after: number };
  /** Why a report was left as it was (identity, no-source, unreadable). */
  reason?: string;
}

export type RereadSummary = Record<RereadStatus, number> & { total: number };

export const emptyRereadSummary = (): RereadSummary => ({
  total: 0,
  changed: 0,
  same: 0,
  identity: 0,
  'no-source': 0,
  unreadable: 0,
});

/** The fields of a finding that the corpus stores, to compare a stored finding with a new one. */
const storedForm = (f: Finding) =>
  JSON.stringify([f.code, f.severity, f.message, f.line, f.column, f.keys, f.actual, f.expected, f.note]);

/**
 * Two JSON texts of the same value: PostgreSQL keeps `jsonb` in its own key order and spacing, so the
 * text read back is not the text written.
 */
const sameJson = (a: string, b: string | null): boolean =>
  b !== null && isDeepStrictEqual(JSON.parse(a), JSON.parse(b));

/** Reads one stored report again and writes the new reading over the old where they differ. */
export async function rereadReport(store: Store, id: number): Promise<RereadResult> {
  const db = store.db;
  const row = await db
    .selectFrom('corpus_reports as r')
    .leftJoin('corpus_bodies as b', 'b.id', 'r.body_id')
    .select([
      'r.id',
      'r.file',
      'r.source_type',
      'r.source',
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
      'r.deadline',
      'b.kind',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new RangeError(`报告 ${id} 不存在`);
  const base = { id: row.id, file: row.file, cells: 0, findings: { before: 0, after: 0 } };
  const bytes = row.source ?? (textSources.has(row.source_type) ? new TextEncoder().encode(row.text) : null);
  if (bytes === null)
    return {
      ...base,
      status: 'no-source',
      reason: `报告库没有保存原文件（${row.source_type}），无法重新读取；导入时加 --keep-source 才保存`,
    };
  const outcome = await parseOne(bytes, row.file);
  if (!outcome.ok) return { ...base, status: 'unreadable', reason: outcome.reason };
  const report: ParsedReport = outcome.report;
  if (report.agency !== row.agency_name || report.year !== row.year)
    return {
      ...base,
      status: 'identity',
      reason: `机关或年度的读法变了（原为「${row.agency_name ?? '未读出'}」${row.year ?? '年度未读出'}，现为「${report.agency ?? '未读出'}」${report.year ?? '年度未读出'}），未更新；请删除后重新导入该文件`,
    };

  const kind = row.kind ?? 'department';
  const findings = findingsForKind(report, kind);
  const stored = (
    await db
      .selectFrom('corpus_findings')
      .select(['code', 'severity', 'message', 'line', 'col', 'keys', 'actual', 'expected', 'note'])
      .where('report_id', '=', id)
      .orderBy('ordinal')
      .execute()
  ).map(findingOfRow);
  const storedCells = new Map(
    (await db.selectFrom('corpus_cells').select(['key', 'value']).where('report_id', '=', id).execute()).map(
      (c) => [c.key, c.value === null ? null : Number(c.value)],
    ),
  );
  let cells = 0;
  for (let i = 0; i < report.cells.length; i += 2)
    if (storedCells.get(report.cells[i] as string) !== report.cells[i + 1]) cells++;
  cells += Math.max(0, storedCells.size - report.cells.length / 2);
  const sameFindings =
    stored.length === findings.length &&
    stored.every((f, i) => storedForm(f) === storedForm(findings[i] as Finding));
  const same =
    cells === 0 &&
    sameFindings &&
    report.format === row.format &&
    report.publishedOn === row.published_on &&
    report.signedOn === row.signed_on &&
    sameJson(report.sections, row.sections) &&
    sameJson(report.datePlaces, row.date_places);
  const counted = { ...base, cells, findings: { before: stored.length, after: findings.length } };
  if (same) return { ...counted, status: 'same' };

  const deadline = report.year === null ? null : deadlineFor(report.year, kind);
  const late = deadline !== null && isLate(report, deadline) ? 1 : 0;
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const counts = { errors: count('error'), warnings: count('warning'), infos: count('info') };
  await store.transact(async (trx) => {
    await trx
      .updateTable('corpus_reports')
      .set({
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
    // The measures row again (its copies of the report's columns too), the newest version marked anew.
    await trx.deleteFrom('corpus_measures').where('report_id', '=', id).execute();
    await storeMeasures(
      trx,
      {
        id,
        body_id: row.body_id,
        year: row.year,
        format: report.format,
        late,
        published_on: report.publishedOn,
        signed_on: report.signedOn,
        errors: counts.errors,
        warnings: counts.warnings,
      },
      report.measures,
    );
    await trx.deleteFrom('corpus_finding_counts').where('report_id', '=', id).execute();
    await storeFindingCounts(trx, id);
  });
  return { ...counted, status: 'changed' };
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
export async function* rereadReports(store: Store, filter: CorpusFilter): AsyncGenerator<RereadResult> {
  for await (const id of chosenIds(store, filter)) yield await rereadReport(store, id);
}
