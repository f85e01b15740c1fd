/**
 * The corpus routes (/api/corpus/…) on the contract of corpus-contract.ts: list with filters and
 * keyset paging, one report with its findings and source, stats, cross-report checks, bodies,
 * export (CSV or XLSX, streamed) and upload (multipart, size-limited) to ingest. Who sees what:
 * src/corpus/scope.ts (an evaluator everything, a supervisor the bodies supervised).
 */
import { PassThrough } from 'node:stream';
import { corpusStats, rateLabels, type Stats, statsMeasureLabels } from '../corpus/aggregate.js';
import { bodyHistory } from '../corpus/bodies/history.js';
import {
  applyPlaces,
  BodyError,
  correctBody,
  countBodies,
  importRoster,
  listBodies,
  mergeBodies,
  RosterScopeError,
  suggestPlaces,
} from '../corpus/bodies/store.js';
import { countCheckedBodies, runCorpusChecks } from '../corpus/checks/index.js';
import { correctionsAnswer, correctionsOf } from '../corpus/corrections.js';
import { exportCorrectionsCsv, exportCorrectionsXlsx } from '../corpus/export/corrections-sheet.js';
import { exportCsv } from '../corpus/export/csv.js';
import { exportCrossFindingsCsv, exportCrossFindingsXlsx } from '../corpus/export/findings-sheet.js';
import { exportPublicationNotice, publicationNotice } from '../corpus/export/publication-notice.js';
import { exportPublicationCsv, exportPublicationXlsx } from '../corpus/export/publication-sheet.js';
import { exportScoresCsv, exportScoresXlsx } from '../corpus/export/score-sheet.js';
import { writeTo } from '../corpus/export/sink.js';
import { exportStatsCsv, exportStatsXlsx } from '../corpus/export/stats-sheet.js';
import { exportXlsx } from '../corpus/export/xlsx.js';
import { countResult, type IngestSummary, ingestBytes } from '../corpus/ingest.js';
import { letterFile, letterFileName, lettersZip } from '../corpus/letters/files.js';
import { overdueBodies, remindersZip } from '../corpus/letters/reminder.js';
import { letterSubject, letterSubjects } from '../corpus/letters/subjects.js';
import { hasOriginal, originalBytes } from '../corpus/original.js';
import { type Pack, shippedPacks } from '../corpus/packs.js';
import { defaultPublicationYear, publicationAnswer, publicationOf } from '../corpus/publication.js';
import { type CorpusFilter, cellsOf, countReports, getReport, listReports } from '../corpus/query.js';
import type { RegionLevel } from '../corpus/region-level.js';
import { findingOfRow } from '../corpus/report-rows.js';
import { bodiesInScope, scopeRuleOf, visibleBodyIds } from '../corpus/scope.js';
import { type ReportScore, scoreCorpus } from '../corpus/score.js';
import { unzipBounded } from '../corpus/sources.js';
import { isStatsColumn, sortedStats } from '../corpus/stats-columns.js';
import { statsDimensionNames } from '../corpus/stats-dimensions.js';
import * as c from './corpus-contract.js';
import { ApiError, badRequest, forbidden, notFound, unauthenticated } from './errors.js';
import { type HandlerInput, type Route, route } from './route.js';
import { type Principal, requireRight } from './services/principal.js';

const tag = '报告库';

const signedIn = (p: Principal | null): Principal => {
  if (p === null) throw unauthenticated();
  return p;
};

/** The filter of a query, limited to what the principal may see. */
async function scopedFilter(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'principal' | 'deps'>,
  query: c.CorpusFilterQuery,
): Promise<CorpusFilter> {
  const p = signedIn(input.principal);
  requireRight(p, 'corpus');
  return { ...query, bodyIds: await visibleBodyIds(input.deps.store, p.user) };
}

/**
 * The principal, when they may correct bodies and see every body named (a body they can't see is
 * not found, as in the lists).
 */
async function curator(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'principal' | 'deps'>,
  bodyIds: readonly string[],
): Promise<Principal> {
  const p = signedIn(input.principal);
  requireRight(p, 'curate');
  const scope = await visibleBodyIds(input.deps.store, p.user);
  for (const id of bodyIds) if (scope !== null && !scope.includes(id)) throw notFound('机关', id);
  return p;
}

/**
 * Refuses cross-report checks over more bodies than one request may go through: each body's whole
 * series is read, and a request over a national corpus would run for minutes.
 */
async function refuseBroadChecks(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'deps'>,
  filter: CorpusFilter,
): Promise<void> {
  const bodies = await countCheckedBodies(input.deps.store.db, filter);
  if (bodies > c.checksMaxBodies)
    throw badRequest(
      'too-broad',
      `范围太大：共 ${bodies} 个机关，一次最多核查 ${c.checksMaxBodies} 个；请按地区、机关类型或机关缩小范围（整个报告库请用 gongkai corpus check）`,
    );
}

/**
 * The scores of a score request: its pack (shipped, by id, or the caller's own) over the corpus the
 * principal sees, refused when the pack's cross-report rules would go through too many bodies.
 */
async function scoresOf(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'principal' | 'deps'>,
  query: c.CorpusFilterQuery,
  body: c.ScoreBody,
): Promise<{ pack: Pack; scores: ReportScore[] }> {
  const filter = await scopedFilter(input, query);
  const pack = typeof body.pack === 'string' ? shippedPacks().find((p) => p.id === body.pack) : body.pack;
  if (pack === undefined) throw notFound('评估规则包', body.pack as string);
  if (pack.rules.some((r) => r.finding?.startsWith('corpus.'))) await refuseBroadChecks(input, filter);
  return { pack, scores: await scoreCorpus(input.deps.store.db, pack, filter) };
}

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  zip: 'application/zip',
} as const;

/** The media types of the corpus downloads, as the OpenAPI document lists them. */
const downloadTypes = ['text/csv', contentTypes.xlsx];

/**
 * Answers a file written as it is made: the headers of a download named `name` (encoded, it is
 * Chinese), then what `write` streams. A failure after the headers is logged and ends the file.
 */
function download(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'reply' | 'request'>,
  name: string,
  to: keyof typeof contentTypes,
  write: (stream: PassThrough) => Promise<unknown>,
) {
  const stream = new PassThrough();
  input.reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  input.reply.type(contentTypes[to]);
  write(stream)
    .catch((error) => input.request.log.error(error))
    .finally(() => {
      if (!stream.writableEnded) stream.end();
    });
  return input.reply.send(stream);
}

/**
 * 发布情况 of the query's year (the year before the server's day by default) in the principal's scope,
 * with the scoped filter it was made over (the notice sums the same bodies' reports).
 */
async function publicationIn(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'principal' | 'deps'>,
  { year, level, ...query }: c.CorpusFilterQuery & { level?: RegionLevel | undefined },
) {
  const today = input.deps.today();
  const filter = await scopedFilter(input, query);
  const publication = await publicationOf(
    input.deps.store.db,
    filter,
    year ?? defaultPublicationYear(today),
    today,
    level,
  );
  return { publication, filter };
}

/** The stats with their groups in the order asked for (a column of the export); refused when none is. */
function ordered(stats: Stats, sort: string | undefined, order: 'asc' | 'desc'): Stats {
  if (sort === undefined) return stats;
  if (!isStatsColumn(sort))
    throw badRequest(
      'invalid-input',
      `排序列「${sort}」无效，应为统计导出的列名（如 reports、applications.new、rate.onTime）`,
    );
  return { ...stats, rows: sortedStats(stats.rows, sort, order) };
}

/** The store's refusals of a correction or merge, as the API's errors. */
const bodyError = (error: unknown): never => {
  if (error instanceof BodyError)
    throw error.reason === 'unknown-body'
      ? notFound('机关', error.bodyId)
      : badRequest('invalid-input', error.message);
  throw error;
};

const withRange = (error: unknown): never => {
  if (error instanceof RangeError) throw badRequest('invalid-input', `输入有误：${error.message}`);
  throw error;
};

async function reportRow(
  input: Pick<HandlerInput<unknown, unknown, unknown>, 'principal' | 'deps'>,
  id: number,
) {
  const row = await getReport(input.deps.store.db, await scopedFilter(input, {}), id);
  if (!row) throw notFound('报告', String(id));
  return row;
}

/**
 * Ingests the files of a multipart upload (a .zip expanded) one by one: how many files each part
 * holds, each file's result as it is ingested, then the summary. Too large an upload throws 413.
 */
async function* uploadEvents(
  request: HandlerInput<unknown, unknown, unknown>['request'],
  deps: HandlerInput<unknown, unknown, unknown>['deps'],
): AsyncGenerator<c.UploadEvent> {
  const summary: IngestSummary = { read: 0, added: 0, known: 0, versions: 0, unreadable: [], results: [] };
  const record = (r: IngestSummary['results'][number]): c.UploadEvent => {
    summary.read++;
    countResult(summary, r);
    return { type: 'file', result: r };
  };
  let total = 0;
  try {
    for await (const part of request.files()) {
      const bytes = new Uint8Array(await part.toBuffer());
      total += bytes.length;
      if (total > c.uploadLimitBytes) throw new ApiError(413, 'too-large', '上传的文件过大');
      const name = part.filename || 'upload';
      const sources = /\.zip$/i.test(name) ? unzipBounded(name, bytes) : [{ path: name, bytes }];
      if (typeof sources === 'string') {
        yield { type: 'files', count: 1 };
        yield record({ path: name, status: 'unreadable', reason: sources });
        continue;
      }
      yield { type: 'files', count: sources.length };
      for (const source of sources) {
        if (source.error !== undefined)
          yield record({ path: source.path, status: 'unreadable', reason: source.error });
        else if (source.bytes.length === 0)
          yield record({ path: source.path, status: 'unreadable', reason: '文件为空' });
        else yield record(await ingestBytes(deps.store, source.path, source.bytes, { keepSource: true }));
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT')
      throw new ApiError(
        413,
        'too-large',
        `上传的文件过大或过多（共不超过 ${c.uploadLimitBytes / 1024 / 1024} MB、${c.uploadMaxFiles} 个文件）`,
      );
    throw error;
  }
  yield { type: 'summary', summary };
}

export const corpusRoutes: readonly Route[] = [
  route({
    method: 'GET',
    url: c.corpusEndpoints.list.url,
    summary: '报告库：按地区、机关类型、年度、格式、是否逾期、是否有错误、机关筛选，键集分页',
    tag,
    auth: true,
    query: c.corpusListQuery,
    response: c.corpusListResponse,
    async handle(input) {
      const { after, limit, ...query } = input.query;
      const filter = await scopedFilter(input, query);
      const page = await listReports(input.deps.store.db, filter, { after, limit }).catch(withRange);
      return { ...page, total: await countReports(input.deps.store.db, filter) };
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.report.url,
    summary: '报告库中的一份报告：各格数值、各部分正文、问题、原文和同年度的其他版本',
    tag,
    auth: true,
    params: c.corpusReportParams,
    response: c.corpusReportDetail,
    async handle(input) {
      const row = await reportRow(input, input.params.reportId);
      const db = input.deps.store.db;
      const stored = await db
        .selectFrom('corpus_reports')
        .select(['sections', 'text', 'source_type', 'file', 'body_id', 'year', 'sha256'])
        .select((eb) => eb('source', 'is not', null).as('has_bytes'))
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      // Not kept: the file it was ingested from, where that still holds the same bytes.
      const hasBytes =
        Boolean(stored.has_bytes) ||
        (await hasOriginal({ source: null, file: stored.file, sha256: stored.sha256 }));
      const findings = await db
        .selectFrom('corpus_findings')
        .selectAll()
        .where('report_id', '=', row.id)
        .orderBy('ordinal')
        .execute();
      let versions: { id: number; version: number; sha256: string }[] = [];
      if (stored.body_id !== null && stored.year !== null)
        versions = (
          await db
            .selectFrom('corpus_reports')
            .select(['id', 'version', 'sha256'])
            .where('body_id', '=', stored.body_id)
            .where('year', '=', stored.year)
            .orderBy('version')
            .execute()
        ).map((v) => ({ id: Number(v.id), version: v.version, sha256: v.sha256 }));
      return {
        report: row,
        cells: (await cellsOf(db, [row.id])).get(row.id) ?? {},
        sections: JSON.parse(stored.sections),
        findings: findings.map(findingOfRow),
        source: {
          file: stored.file,
          sourceType: stored.source_type,
          text: stored.text,
          hasBytes,
        },
        versions,
      };
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.source.url,
    summary: '报告的原文件（库中保存了原文件，或导入时的文件仍在原处且未改动时），否则为解码后的原文',
    tag,
    auth: true,
    params: c.corpusReportParams,
    produces: ['application/octet-stream', 'text/plain'],
    async handle(input) {
      const row = await reportRow(input, input.params.reportId);
      const stored = await input.deps.store.db
        .selectFrom('corpus_reports')
        .select(['source', 'text', 'file', 'sha256'])
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      const name = encodeURIComponent(stored.file.split(/[/\\!]/).pop() ?? `report-${row.id}`);
      input.reply.header('content-disposition', `inline; filename*=UTF-8''${name}`);
      const original = await originalBytes(stored);
      if (original) return input.reply.type('application/octet-stream').send(Buffer.from(original));
      return input.reply.type('text/plain; charset=utf-8').send(stored.text);
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.letter.url,
    summary:
      '一份报告的核查意见草稿（DOCX 按 GB/T 9704 排版，或 Markdown）：发布是否逾期、错误、需要核实的问题及其在表格中的位置，与该机关其他年度报告比对的问题',
    tag,
    auth: true,
    params: c.corpusReportParams,
    query: c.letterQuery,
    produces: [contentTypes.docx, 'text/markdown'],
    async handle(input) {
      const filter = await scopedFilter(input, {});
      const subject = await letterSubject(input.deps.store.db, filter, input.params.reportId);
      if (!subject) throw notFound('报告', String(input.params.reportId));
      const { to, issuer = '' } = input.query;
      return download(input, letterFileName(subject, to), to, (stream) =>
        writeTo(stream, letterFile(subject, input.deps.today(), to, { issuer })),
      );
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.letters.url,
    summary:
      '成批生成核查意见草稿：筛选出的每个机关每个年度的最新版本一份（默认只为逾期、未注日期或发现问题的报告生成），打包为 ZIP；与同批其他机关同年度的报告比对正文',
    tag,
    auth: true,
    query: c.lettersQuery,
    produces: [contentTypes.zip],
    async handle(input) {
      const { to, all, issuer = '', ...query } = input.query;
      const filter = await scopedFilter(input, query);
      await refuseBroadChecks(input, filter);
      const selection = await letterSubjects(input.deps.store.db, filter, all === true);
      input.reply.header('x-letters', String(selection.subjects.length));
      return download(
        input,
        `${query.year !== undefined ? `${query.year}年度报告` : ''}核查意见.zip`,
        'zip',
        (stream) =>
          writeTo(
            stream,
            lettersZip(selection.subjects, input.deps.today(), to, { comparedWithOthers: true, issuer }),
          ),
      );
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.stats.url,
    summary:
      '报告库统计：按时发布、格式、问题代码、申请与办理、结果占比、复议诉讼纠错率、信息处理费（2019/2021 年版可比）',
    tag,
    auth: true,
    query: c.statsPageQuery,
    response: c.statsResponse,
    async handle(input) {
      const { by, sort, order, offset, limit, ...query } = input.query;
      const filter = await scopedFilter(input, query);
      const stats = ordered(await corpusStats(input.deps.store.db, filter, by ?? null), sort, order);
      return {
        ...stats,
        total: stats.rows.length,
        rows: stats.rows.slice(offset, limit === undefined ? undefined : offset + limit),
        measures: [...statsMeasureLabels],
        rateLabels,
      };
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.statsExport.url,
    summary:
      '导出统计（CSV 为带 BOM 的 UTF-8，每组一行：计数、可比指标、占比和纠错率；XLSX 另有列说明和按问题代码计数两张工作表），分组和筛选条件与统计相同',
    tag,
    auth: true,
    query: c.statsExportQuery,
    produces: downloadTypes,
    async handle(input) {
      const { by, to, sort, order, ...query } = input.query;
      const filter = await scopedFilter(input, query);
      const stats = ordered(await corpusStats(input.deps.store.db, filter, by ?? null), sort, order);
      const name = `统计${by ? `-按${statsDimensionNames[by]}` : ''}.${to}`;
      return download(input, name, to, (stream) =>
        to === 'csv' ? exportStatsCsv(stats, stream) : exportStatsXlsx(stats, stream),
      );
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.checks.url,
    summary: '跨报告核查：上年结转、现行有效件数、正文雷同、数据突变、缺少年度、报告被修改',
    tag,
    auth: true,
    query: c.corpusFilterQuery,
    response: c.corpusEndpoints.checks.response,
    async handle(input) {
      const filter = await scopedFilter(input, input.query);
      await refuseBroadChecks(input, filter);
      return runCorpusChecks(input.deps.store.db, filter);
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.publication.url,
    summary:
      '发布情况：某年度（默认上一年度）每个应发布的机关是按时发布、逾期发布、未注日期，还是逾期未发布、尚未到期（按中国时间的今天）',
    tag,
    auth: true,
    query: c.publicationQuery,
    response: c.publicationResponse,
    async handle(input) {
      const { status, offset, limit, ...query } = input.query;
      return publicationAnswer((await publicationIn(input, query)).publication, { status, offset, limit });
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.publicationExport.url,
    summary:
      '导出发布情况（CSV 为带 BOM 的 UTF-8，每个机关一行；XLSX 另有按地区和汇总工作表），或生成发布情况通报的草稿（DOCX 按 GB/T 9704 排版，或 Markdown：总体情况、按地区、逾期未发布、逾期发布和未注明日期的机关、报告内容的问题）；筛选条件与发布情况相同',
    tag,
    auth: true,
    query: c.publicationExportQuery,
    produces: [...downloadTypes, contentTypes.docx, 'text/markdown'],
    async handle(input) {
      const { to, issuer = '', ...query } = input.query;
      const { publication, filter } = await publicationIn(input, query);
      if (to === 'docx' || to === 'md') {
        const stats = await corpusStats(input.deps.store.db, { ...filter, year: publication.year }, null);
        const notice = publicationNotice(publication, stats, query.region ?? '', issuer);
        return download(input, `${publication.year}年度报告发布情况通报.${to}`, to, (stream) =>
          exportPublicationNotice(notice, publication.counts.expected, to, stream),
        );
      }
      return download(input, `${publication.year}年度报告发布情况.${to}`, to, (stream) =>
        to === 'csv' ? exportPublicationCsv(publication, stream) : exportPublicationXlsx(publication, stream),
      );
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.reminders.url,
    summary:
      '催报提醒的草稿：某年度（默认上一年度）逾期未发布报告的机关各一份（DOCX 按 GB/T 9704 排版，或 Markdown），打包为 ZIP；筛选条件与发布情况相同',
    tag,
    auth: true,
    query: c.remindersQuery,
    produces: [contentTypes.zip],
    async handle(input) {
      const { to, issuer = '', ...query } = input.query;
      const { publication } = await publicationIn(input, query);
      const overdue = overdueBodies(publication).length;
      if (overdue > c.remindersMax)
        throw badRequest(
          'too-broad',
          `范围太大：逾期未发布的机关共 ${overdue} 个，一次最多生成 ${c.remindersMax} 份催报提醒；请按地区或机关类型缩小范围（或用 gongkai corpus reminders）`,
        );
      input.reply.header('x-letters', String(overdue));
      return download(input, `${publication.year}年度报告催报提醒.zip`, 'zip', (stream) =>
        writeTo(stream, remindersZip(publication, to, issuer)),
      );
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.corrections.url,
    summary:
      '整改情况：首个版本有核查问题（check.*，不含是否逾期）的报告，其最新版本是未更正、新版本未改善、部分更正还是已更正；仍有的问题',
    tag,
    auth: true,
    query: c.correctionsQuery,
    response: c.correctionsResponse,
    async handle(input) {
      const { status, offset, limit, ...query } = input.query;
      const corrections = await correctionsOf(input.deps.store.db, await scopedFilter(input, query));
      return correctionsAnswer(corrections, { status, offset, limit });
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.correctionsExport.url,
    summary: '导出整改情况（CSV 为带 BOM 的 UTF-8，每份报告一行；XLSX 另有汇总），筛选条件与整改情况相同',
    tag,
    auth: true,
    query: c.correctionsExportQuery,
    produces: downloadTypes,
    async handle(input) {
      const { to, ...query } = input.query;
      const corrections = await correctionsOf(input.deps.store.db, await scopedFilter(input, query));
      return download(
        input,
        `${query.year !== undefined ? `${query.year}年度报告` : ''}整改情况.${to}`,
        to,
        (stream) =>
          to === 'csv'
            ? exportCorrectionsCsv(corrections, stream)
            : exportCorrectionsXlsx(corrections, stream),
      );
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.checksExport.url,
    summary:
      '导出跨报告核查的问题（CSV 为带 BOM 的 UTF-8，每个问题一行；XLSX 另有按问题汇总的工作表），筛选条件与核查相同',
    tag,
    auth: true,
    query: c.corpusEndpoints.checksExport.query,
    produces: downloadTypes,
    async handle(input) {
      const { to, ...query } = input.query;
      const filter = await scopedFilter(input, query);
      await refuseBroadChecks(input, filter);
      const findings = await runCorpusChecks(input.deps.store.db, filter);
      return download(input, `跨报告核查.${to}`, to, (stream) =>
        to === 'csv' ? exportCrossFindingsCsv(findings, stream) : exportCrossFindingsXlsx(findings, stream),
      );
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.bodies.url,
    summary:
      '报告库中的机关：规范化名称、地区（省/市/县）、机关类型和报告份数，按地区、名称排序；可按名称或地区中的文字（q）、机关类型筛选，offset、limit 分页，total 为分页前的机关数',
    tag,
    auth: true,
    query: c.bodiesQuery,
    response: c.corpusEndpoints.bodies.response,
    async handle(input) {
      const { offset, limit, ...query } = input.query;
      const chosen = { ...query, bodyIds: (await scopedFilter(input, {})).bodyIds };
      const db = input.deps.store.db;
      return {
        rows: await listBodies(db, { ...chosen, offset, limit }),
        total: await countBodies(db, chosen),
      };
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.bodyHistory.url,
    summary:
      '机关档案：一个机关自报告库中最早一份报告的年度起各年度的发布情况（与发布情况的规则相同）、最新版本和版本数，及其报告署过的名称；已合并的机关答复合并后的机关',
    tag,
    auth: true,
    params: c.corpusEndpoints.bodyHistory.params,
    response: c.corpusEndpoints.bodyHistory.response,
    async handle(input) {
      const scope = (await scopedFilter(input, {})).bodyIds;
      const history = await bodyHistory(input.deps.store.db, input.params.bodyId, input.deps.today());
      if (!history || (scope !== null && scope !== undefined && !scope.includes(history.body.id)))
        throw notFound('机关', input.params.bodyId);
      return history;
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.packs.url,
    summary: '随 Gongkai 提供的评估规则包（spec/packs）：每条规则的扣分和依据',
    tag,
    auth: true,
    response: c.corpusEndpoints.packs.response,
    async handle(input) {
      requireRight(signedIn(input.principal), 'corpus');
      return [...shippedPacks()];
    },
  }),
  route({
    method: 'POST',
    url: c.corpusEndpoints.score.url,
    summary:
      '按评估规则包给报告库中各机关最新版本的报告评分（规则包为随附的编号或自己的规则包），筛选条件与列表相同',
    tag,
    auth: true,
    query: c.corpusEndpoints.score.query,
    body: c.corpusEndpoints.score.body,
    response: c.corpusEndpoints.score.response,
    async handle(input) {
      const { pack, scores } = await scoresOf(input, input.query, input.body);
      return { pack: { id: pack.id, name: pack.name, source: pack.source }, scores };
    },
  }),
  route({
    method: 'POST',
    url: c.corpusEndpoints.scoreExport.url,
    summary:
      '导出评分结果（CSV 为带 BOM 的 UTF-8，各年度内按得分排名；XLSX 另有扣分项和规则包两张工作表），请求与评分相同',
    tag,
    auth: true,
    query: c.corpusEndpoints.scoreExport.query,
    body: c.corpusEndpoints.scoreExport.body,
    produces: downloadTypes,
    async handle(input) {
      const { to, ...query } = input.query;
      const { pack, scores } = await scoresOf(input, query, input.body);
      return download(input, `评分-${pack.id}.${to}`, to, (stream) =>
        to === 'csv' ? exportScoresCsv(scores, stream) : exportScoresXlsx(scores, pack, stream),
      );
    },
  }),
  route({
    method: 'PATCH',
    url: c.corpusEndpoints.correctBody.url,
    summary:
      '修改报告库中的机关：名称、地区（省/市/县）、机关类型、撤销年份或应发布起始年度（应发布名录）。改了类型，该机关的报告按新类型重新计算发布期限、是否逾期和有关的核查结果',
    tag,
    auth: true,
    params: c.corpusEndpoints.correctBody.params,
    body: c.corpusEndpoints.correctBody.body,
    response: c.corpusEndpoints.correctBody.response,
    async handle(input) {
      const p = await curator(input, [input.params.bodyId]);
      return correctBody(
        input.deps.store.db,
        p.actor,
        input.params.bodyId,
        input.body,
        input.deps.now().toISOString(),
      ).catch(bodyError);
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.placeSuggestions.url,
    summary:
      '补全所属地区的建议：名称未写明所属市、省的机关，按报告库中其他机关的名称（写明了该县区所在的市或该市所在的省，且彼此一致）补全，列出依据供核对',
    tag,
    auth: true,
    response: c.corpusEndpoints.placeSuggestions.response,
    async handle(input) {
      requireRight(signedIn(input.principal), 'curate');
      const scope = (await scopedFilter(input, {})).bodyIds ?? null;
      return suggestPlaces(input.deps.store.db, scope);
    },
  }),
  route({
    method: 'POST',
    url: c.corpusEndpoints.applyPlaces.url,
    summary: '采用补全所属地区的建议：逐个机关记为人工修改（此后导入不再改动）并记入审计日志；答复改了的机关',
    tag,
    auth: true,
    body: c.corpusEndpoints.applyPlaces.body,
    response: c.corpusEndpoints.applyPlaces.response,
    async handle(input) {
      const p = await curator(input, input.body.bodyIds);
      const scope = (await scopedFilter(input, {})).bodyIds ?? null;
      return applyPlaces(
        input.deps.store.db,
        p.actor,
        input.body.bodyIds,
        scope,
        input.deps.now().toISOString(),
      );
    },
  }),
  route({
    method: 'POST',
    url: c.corpusEndpoints.importRoster.url,
    summary:
      '导入应发布名录：名录中的机关（报告库中没有的新建，地区和类型按名称判断）自该年度起应发布年度报告，报告库中没有其报告也在发布情况中列为应发布；已设定更早年度的不变。记入审计日志。名录中的机关须都在导入者的查看范围内（监督角色：所监督的机关及其辖区），否则不导入并列出范围外的名称',
    tag,
    auth: true,
    body: c.corpusEndpoints.importRoster.body,
    response: c.corpusEndpoints.importRoster.response,
    async handle(input) {
      const p = signedIn(input.principal);
      requireRight(p, 'curate');
      const rule = await scopeRuleOf(input.deps.store, p.user);
      try {
        return await importRoster(
          input.deps.store.db,
          p.actor,
          input.body.names,
          input.body.from,
          input.deps.now().toISOString(),
          // A new body is seen by its places, known once it is made from its name: checked in the import.
          rule === null
            ? {}
            : {
                outOfScope: async (trx, ids) => {
                  const seen = new Set(await bodiesInScope(trx, rule, ids));
                  return ids.filter((id) => !seen.has(id));
                },
              },
        );
      } catch (error) {
        if (error instanceof RosterScopeError)
          throw forbidden(`${error.message}（只能导入查看范围内的机关：监督角色为所监督的机关及其辖区）`);
        throw error;
      }
    },
  }),
  route({
    method: 'POST',
    url: c.corpusEndpoints.mergeBody.url,
    summary:
      '把机关合并到另一个机关（同一机关的不同写法）：报告随之移动并重新编版本号，此后导入的这一写法也归入后者',
    tag,
    auth: true,
    params: c.corpusEndpoints.mergeBody.params,
    body: c.corpusEndpoints.mergeBody.body,
    response: c.corpusEndpoints.mergeBody.response,
    async handle(input) {
      const p = await curator(input, [input.params.bodyId, input.body.into]);
      return mergeBodies(
        input.deps.store.db,
        p.actor,
        input.params.bodyId,
        input.body.into,
        input.deps.now().toISOString(),
      ).catch(bodyError);
    },
  }),
  route({
    method: 'GET',
    url: c.corpusEndpoints.export.url,
    summary:
      '导出报告库（CSV 为带 BOM 的 UTF-8；XLSX 另有问题和可比指标两张工作表），与列表使用同样的筛选条件',
    tag,
    auth: true,
    query: c.exportQuery,
    produces: downloadTypes,
    async handle(input) {
      const { to, ...query } = input.query;
      const filter = await scopedFilter(input, query);
      const db = input.deps.store.db;
      return download(input, `报告库.${to}`, to, (stream) =>
        to === 'csv' ? exportCsv(db, filter, stream) : exportXlsx(db, filter, stream),
      );
    },
  }),
  route({
    method: 'POST',
    url: c.corpusEndpoints.upload.url,
    summary: `上传报告文件导入报告库（multipart/form-data，字段 files，可多个；.zip 会解压；共不超过 ${c.uploadLimitBytes / 1024 / 1024} MB、${c.uploadMaxFiles} 个文件）。Accept 为 application/x-ndjson 时边导入边报告进度：每行一个 JSON，{type:"files",count}（一个上传文件中的报告数）、{type:"file",result}（每份报告导入后）、最后 {type:"summary",summary}（与 JSON 响应相同），出错时 {type:"error",code,message}`,
    tag,
    auth: true,
    multipart: true,
    response: c.uploadResponse,
    async handle(input) {
      requireRight(signedIn(input.principal), 'ingest');
      if (!input.request.isMultipart())
        throw badRequest('invalid-request', '请以 multipart/form-data 上传文件（字段 files）');
      const events = uploadEvents(input.request, input.deps);
      if (!/application\/x-ndjson/.test(input.request.headers.accept ?? '')) {
        for await (const event of events) if (event.type === 'summary') return event.summary;
        throw new Error('upload ended without a summary');
      }
      // Progress as it goes: a JSON line as each file is ingested, the summary last. The first is
      // awaited before answering, so a refusal of the first file (too large) is still an HTTP error.
      const first = await events.next();
      const stream = new PassThrough();
      input.reply.type('application/x-ndjson; charset=utf-8');
      (async () => {
        try {
          if (!first.done) stream.write(`${JSON.stringify(first.value)}\n`);
          for await (const event of events) stream.write(`${JSON.stringify(event)}\n`);
        } catch (error) {
          const e = error instanceof ApiError ? error : null;
          if (!e) input.request.log.error(error);
          const line = {
            type: 'error',
            code: e?.code ?? 'internal',
            message: e?.message ?? '导入时发生内部错误',
          };
          stream.write(`${JSON.stringify(line)}\n`);
        } finally {
          stream.end();
        }
      })();
      return input.reply.send(stream);
    },
  }),
];
