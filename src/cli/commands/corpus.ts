/**
 * `gongkai corpus …`: the corpus of published reports — export, stats, cross-report checks, scores
 * by an evaluator's rule pack, and bodies (list, merge, correct).
 */
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { cliActor } from '../../api/services/principal.js';
import { todayInChina } from '../../api/services/today.js';
import { corpusStats } from '../../corpus/aggregate.js';
import { bodyHistory } from '../../corpus/bodies/history.js';
import { rosterNames } from '../../corpus/bodies/names.js';
import {
  applyPlaces,
  BodyError,
  correctBody,
  importRoster,
  listBodies,
  mergeBodies,
  suggestPlaces,
} from '../../corpus/bodies/store.js';
import { type CrossFinding, countCheckedBodies, runCorpusChecks } from '../../corpus/checks/index.js';
import { correctionsAnswer, correctionsOf } from '../../corpus/corrections.js';
import { exportCorrectionsCsv, exportCorrectionsXlsx } from '../../corpus/export/corrections-sheet.js';
import { exportCsv } from '../../corpus/export/csv.js';
import { exportCrossFindingsCsv, exportCrossFindingsXlsx } from '../../corpus/export/findings-sheet.js';
import { exportPublicationNotice, publicationNotice } from '../../corpus/export/publication-notice.js';
import { exportPublicationCsv, exportPublicationXlsx } from '../../corpus/export/publication-sheet.js';
import { exportScoresCsv, exportScoresXlsx } from '../../corpus/export/score-sheet.js';
import { writeTo } from '../../corpus/export/sink.js';
import { exportStatsCsv, exportStatsXlsx } from '../../corpus/export/stats-sheet.js';
import { exportXlsx } from '../../corpus/export/xlsx.js';
import { letterFile, lettersZip } from '../../corpus/letters/files.js';
import { overdueBodies, remindersZip } from '../../corpus/letters/reminder.js';
import { letterFindings } from '../../corpus/letters/review-letter.js';
import { letterSubject, letterSubjects } from '../../corpus/letters/subjects.js';
import { loadPack, type Pack, PackError } from '../../corpus/packs.js';
import { problemKindNames, problemKinds } from '../../corpus/problem-kinds.js';
import { defaultPublicationYear, publicationAnswer, publicationOf } from '../../corpus/publication.js';
import { dissolvedYears } from '../../corpus/publication-status.js';
import type { CorpusFilter } from '../../corpus/query.js';
import { isRegionLevel, regionLevelNames, regionLevels } from '../../corpus/region-level.js';
import { countChosen, emptyRereadSummary, type RereadResult, rereadReports } from '../../corpus/reread.js';
import { scoreCorpus } from '../../corpus/score.js';
import { isStatsColumn, sortedStats } from '../../corpus/stats-columns.js';
import { isStatsDimension, statsDimensions, statsDimensionsText } from '../../corpus/stats-dimensions.js';
import { readAllBounded, readFileBounded } from '../../read/bounded-input.js';
import type { Store } from '../../store/index.js';
import { isIsoDate } from '../../workflow/calendar/date.js';
import { ExitCode } from '../exit-code.js';
import { findingToJson } from '../interchange.js';
import type { CliIO } from '../io.js';
import { startProgress } from '../progress.js';
import { countFindings } from '../reporter.js';
import {
  formatBodies,
  formatBodyHistory,
  formatCorrections,
  formatCrossFinding,
  formatPlaceSuggestions,
  formatPublication,
  formatReread,
  formatRoster,
  formatScores,
  formatStats,
} from './corpus-views.js';
import { withStore } from './register-shared.js';

export interface FilterOptions {
  region?: string;
  kind?: string;
  year?: string;
  format?: string;
  late?: boolean;
  errors?: boolean;
  problem?: string;
  agency?: string;
  latest?: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** The filter the options name; throws a UsageError for a bad value. */
export function filterOf(options: FilterOptions): CorpusFilter {
  const filter: CorpusFilter = {};
  if (options.region) filter.region = options.region;
  if (options.kind !== undefined) {
    const kinds: Record<string, 'government' | 'department'> = {
      government: 'government',
      政府: 'government',
      人民政府: 'government',
      department: 'department',
      部门: 'department',
    };
    const kind = kinds[options.kind];
    if (!kind)
      throw new UsageError(
        `机关类型「${options.kind}」无效，应为 government（人民政府）或 department（部门）`,
      );
    filter.kind = kind;
  }
  if (options.year !== undefined) {
    if (!/^\d{4}$/.test(options.year)) throw new UsageError(`年度「${options.year}」无效`);
    filter.year = Number(options.year);
  }
  if (options.format !== undefined) {
    if (options.format !== '2019' && options.format !== '2021')
      throw new UsageError(`格式「${options.format}」无效，应为 2019 或 2021`);
    filter.format = options.format;
  }
  if (options.late) filter.late = true;
  if (options.errors) filter.hasErrors = true;
  if (options.problem !== undefined) {
    const problem = problemKinds.find((k) => k === options.problem);
    if (!problem)
      throw new UsageError(
        `错误类型「${options.problem}」无效，应为 ${problemKinds.map((k) => `${k}（${problemKindNames[k]}）`).join('或 ')}`,
      );
    filter.problem = problem;
  }
  if (options.agency) filter.agency = options.agency;
  if (options.latest) filter.latest = true;
  return filter;
}

/** The options that choose bodies (region, kind, agency), shared by every corpus command. */
function addBodyOptions(command: Command): Command {
  return command
    .option('--region <地区>', '只看该地区（省、市或县区名，如 泉州市、洛江区）的机关')
    .option('--kind <类型>', '只看 government（人民政府）或 department（部门）')
    .option('--agency <机关>', '只看名称含此文字的机关（或机关编号）');
}

export function addFilterOptions(command: Command): Command {
  return addBodyOptions(command)
    .option('--year <年度>', '只看该年度的报告')
    .option('--format <版本>', '只看 2019 或 2021 年版格式的报告')
    .option('--late', '只看逾期发布的报告')
    .option('--errors', '只看有错误的报告')
    .option(
      '--problem <类型>',
      '只看有这类错误的报告：report（报告本身的错误，核查发现的）或 reading（未能读出、记为空值的数字）',
    )
    .option('--latest', '每个机关每个年度只看最新版本');
}

/** Runs a corpus command with a store; usage errors exit 2 with their message. */
export async function withCorpus(io: CliIO, work: (store: Store) => Promise<number>): Promise<number> {
  return withStore(io, async (store) => {
    try {
      return await work(store);
    } catch (error) {
      if (error instanceof UsageError || error instanceof RangeError) {
        io.stderr.write(`gongkai: 错误：${error.message}\n`);
        return ExitCode.usage;
      }
      throw error;
    }
  });
}

export interface ExportOptions extends FilterOptions {
  to: string;
  output?: string;
}

/** The formats an export is written in: text (CSV, Markdown) or binary (XLSX, DOCX). */
type ExportFormat = 'csv' | 'xlsx' | 'docx' | 'md';
const binaryFormats: readonly ExportFormat[] = ['xlsx', 'docx'];

/** Where an export goes: the file named by -o, or standard output (text, or the bytes of a binary). */
function sinkOf(io: CliIO, output: string | undefined, to: ExportFormat): Writable {
  if (output !== undefined && output !== '-') return createWriteStream(output);
  const pass = new PassThrough();
  pass.on('data', (chunk: Buffer) =>
    io.stdout.write(binaryFormats.includes(to) ? chunk : chunk.toString('utf8')),
  );
  return pass;
}

/** `--to csv|xlsx [-o 文件]` of a command that otherwise prints text or --json. */
interface ExportTarget {
  to?: string;
  output?: string;
}

/**
 * The usage errors of an export's options (exit 2), or null when they are fine: `formats` are those
 * the command writes (CSV and XLSX unless it says more).
 */
function refuseExport(
  options: ExportTarget & { json?: boolean },
  io: CliIO,
  formats: readonly ExportFormat[] = ['csv', 'xlsx'],
): number | null {
  if (options.to === undefined) return null;
  if (options.json) {
    io.stderr.write('gongkai: 错误：--json 与 --to 不能同时使用\n');
    return ExitCode.usage;
  }
  const to = options.to as ExportFormat;
  if (!formats.includes(to)) {
    const named = `${formats.slice(0, -1).join('、')} 或 ${formats.at(-1)}`;
    io.stderr.write(`gongkai: 错误：导出格式「${options.to}」无效，应为 ${named}\n`);
    return ExitCode.usage;
  }
  if (
    binaryFormats.includes(to) &&
    (options.output === undefined || options.output === '-') &&
    io.stdout.isTTY
  ) {
    io.stderr.write(`gongkai: 错误：${to.toUpperCase()} 是二进制文件，不能输出到终端，请用 -o 指定文件\n`);
    return ExitCode.usage;
  }
  return null;
}

/**
 * The usage errors of drafts' options (exit 2), or null: DOCX or Markdown, and a ZIP of them (`zip`)
 * binary whatever they are, so refused on a terminal as DOCX is.
 */
function refuseDrafts(target: ExportTarget, io: CliIO, zip: boolean): number | null {
  return (
    refuseExport(target, io, ['docx', 'md']) ??
    (zip ? refuseExport({ ...target, to: 'docx' }, io, ['docx']) : null)
  );
}

/**
 * Writes an export to its target; answers the count written when it went to a file (to say so on
 * standard error), null when it went to standard output.
 */
async function writeExport<F extends ExportFormat = 'csv' | 'xlsx'>(
  io: CliIO,
  options: ExportTarget,
  write: (stream: Writable, to: F) => Promise<number>,
): Promise<number | null> {
  const to = options.to as F;
  const stream = sinkOf(io, options.output, to);
  const done = finished(stream);
  let n: number;
  try {
    n = await write(stream, to);
  } finally {
    if (!stream.writableEnded) stream.end();
  }
  await done;
  return options.output === undefined || options.output === '-' ? null : n;
}

export async function runExport(options: ExportOptions, io: CliIO): Promise<number> {
  const refused = refuseExport(options, io);
  if (refused !== null) return refused;
  return withCorpus(io, async (store) => {
    const filter = filterOf(options);
    const n = await writeExport(io, options, (stream, to) =>
      to === 'csv' ? exportCsv(store.db, filter, stream) : exportXlsx(store.db, filter, stream),
    );
    if (n !== null) io.stderr.write(`已导出 ${n} 份报告到 ${options.output}\n`);
    return ExitCode.ok;
  });
}

export interface StatsOptions extends FilterOptions, ExportTarget {
  by?: string;
  sort?: string;
  order?: string;
  json?: boolean;
}

export async function runStats(options: StatsOptions, io: CliIO): Promise<number> {
  const by = options.by;
  if (by !== undefined && !isStatsDimension(by)) {
    io.stderr.write(`gongkai: 错误：分组「${by}」无效，应为 ${statsDimensions.join('、')}\n`);
    return ExitCode.usage;
  }
  const { sort, order = 'desc' } = options;
  if (sort !== undefined && !isStatsColumn(sort)) {
    io.stderr.write(
      `gongkai: 错误：排序列「${sort}」无效，应为统计导出的列名（如 reports、applications.new、rate.onTime）\n`,
    );
    return ExitCode.usage;
  }
  if (order !== 'asc' && order !== 'desc') {
    io.stderr.write(`gongkai: 错误：排序方向「${order}」无效，应为 asc 或 desc\n`);
    return ExitCode.usage;
  }
  const refused = refuseExport(options, io);
  if (refused !== null) return refused;
  return withCorpus(io, async (store) => {
    const all = await corpusStats(store.db, filterOf(options), by ?? null);
    const stats = sort === undefined ? all : { ...all, rows: sortedStats(all.rows, sort, order) };
    if (options.to !== undefined) {
      const n = await writeExport(io, options, (stream, to) =>
        to === 'csv' ? exportStatsCsv(stats, stream) : exportStatsXlsx(stats, stream),
      );
      if (n !== null) io.stderr.write(`已导出 ${n} 组统计到 ${options.output}\n`);
    } else io.stdout.write(options.json ? `${JSON.stringify(stats)}\n` : formatStats(stats));
    return ExitCode.ok;
  });
}

export interface CorpusCheckOptions extends FilterOptions, ExportTarget {
  json?: boolean;
}

/** Runs cross-report checks (`work`) with a bar of the bodies checked on a terminal: a national corpus takes minutes. */
async function checkedWithProgress<T>(
  io: CliIO,
  store: Store,
  filter: CorpusFilter,
  work: (onBody: () => void) => Promise<T>,
): Promise<T> {
  const progress = startProgress(await countCheckedBodies(store.db, filter), io.stderr, '个机关', '核查中');
  try {
    return await work(() => progress.tick());
  } finally {
    progress.stop();
  }
}

export async function runCorpusCheck(options: CorpusCheckOptions, io: CliIO): Promise<number> {
  const refused = refuseExport(options, io);
  if (refused !== null) return refused;
  return withCorpus(io, async (store) => {
    const filter = filterOf(options);
    const findings = await checkedWithProgress(io, store, filter, (onBody) =>
      runCorpusChecks(store.db, filter, onBody),
    );
    const stats = countFindings(findings);
    if (options.to !== undefined) {
      const n = await writeExport(io, options, (stream, to) =>
        to === 'csv' ? exportCrossFindingsCsv(findings, stream) : exportCrossFindingsXlsx(findings, stream),
      );
      if (n !== null) io.stderr.write(`已导出 ${n} 个问题到 ${options.output}\n`);
      return stats.errors > 0 ? ExitCode.findings : ExitCode.ok;
    }
    for (const f of findings)
      io.stdout.write(
        options.json ? `${JSON.stringify(crossFindingToJson(f))}\n` : `${formatCrossFinding(f)}\n`,
      );
    if (!options.json)
      io.stdout.write(`共 ${stats.errors} 个错误，${stats.warnings} 个警告，${stats.infos} 条提示\n`);
    return stats.errors > 0 ? ExitCode.findings : ExitCode.ok;
  });
}

const crossFindingToJson = (f: CrossFinding) => ({
  ...findingToJson(f),
  file: f.file,
  agency: f.agency,
  year: f.year,
  reportId: f.reportId,
  ...(f.otherReportId !== undefined ? { otherReportId: f.otherReportId } : {}),
});

export interface PublicationOptions
  extends Pick<FilterOptions, 'region' | 'kind' | 'agency' | 'year'>,
    ExportTarget,
    IssuerOption {
  today?: string;
  level?: string;
  all?: boolean;
  json?: boolean;
}

/**
 * `gongkai corpus publication`: which bodies have published the year's report and which are past
 * the deadline without one; exits 1 when some are overdue.
 */
export async function runPublication(options: PublicationOptions, io: CliIO): Promise<number> {
  const refused = refuseExport(options, io, ['csv', 'xlsx', 'docx', 'md']);
  if (refused !== null) return refused;
  const today = options.today ?? todayInChina();
  if (!isIsoDate(today)) {
    io.stderr.write(`gongkai: 错误：日期「${today}」无效，应为 YYYY-MM-DD\n`);
    return ExitCode.usage;
  }
  const level = options.level;
  if (level !== undefined && !isRegionLevel(level)) {
    io.stderr.write(`gongkai: 错误：汇总层级「${level}」无效，应为 ${regionLevels.join('、')}\n`);
    return ExitCode.usage;
  }
  return withCorpus(io, async (store) => {
    const { year, ...filter } = filterOf(options);
    const publication = await publicationOf(
      store.db,
      filter,
      year ?? defaultPublicationYear(today),
      today,
      level,
    );
    if (options.to === 'docx' || options.to === 'md') {
      const stats = await corpusStats(store.db, { ...filter, year: publication.year }, null);
      const notice = publicationNotice(publication, stats, options.region ?? '', options.issuer ?? '');
      const n = await writeExport<'docx' | 'md'>(io, options, (stream, to) =>
        exportPublicationNotice(notice, publication.counts.expected, to, stream),
      );
      if (n !== null) io.stderr.write(`已生成发布情况通报（${n} 个应发布的机关）到 ${options.output}\n`);
    } else if (options.to !== undefined) {
      const n = await writeExport(io, options, (stream, to) =>
        to === 'csv' ? exportPublicationCsv(publication, stream) : exportPublicationXlsx(publication, stream),
      );
      if (n !== null) io.stderr.write(`已导出 ${n} 个机关的发布情况到 ${options.output}\n`);
    } else if (options.json) io.stdout.write(`${JSON.stringify(publicationAnswer(publication))}\n`);
    else io.stdout.write(formatPublication(publication, options.all ?? false));
    return publication.counts.overdue > 0 ? ExitCode.findings : ExitCode.ok;
  });
}

/** 发文机关署名 of the drafts a command writes (通报, 核查意见, 催报提醒). */
interface IssuerOption {
  issuer?: string;
}

export interface LettersOptions extends FilterOptions, ExportTarget, IssuerOption {
  report?: string;
  all?: boolean;
  today?: string;
}

/**
 * `gongkai corpus letters`: 核查意见, the draft letters to bodies about their reports — one report's
 * (`--report`) as a document, or the newest reports the filter chooses as a ZIP of documents (those
 * with something to say, or every one with --all).
 */
export async function runLetters(options: LettersOptions, io: CliIO): Promise<number> {
  const single = options.report !== undefined;
  const target = { ...options, to: options.to ?? 'docx' };
  const refused = refuseDrafts(target, io, !single);
  if (refused !== null) return refused;
  const today = options.today ?? todayInChina();
  if (!isIsoDate(today)) {
    io.stderr.write(`gongkai: 错误：日期「${today}」无效，应为 YYYY-MM-DD\n`);
    return ExitCode.usage;
  }
  const filters = (
    ['region', 'kind', 'year', 'format', 'late', 'errors', 'problem', 'agency', 'latest', 'all'] as const
  ).filter((o) => options[o] !== undefined);
  if (single && filters.length > 0) {
    io.stderr.write(
      `gongkai: 错误：--report 只生成一份报告的核查意见，不能与 ${filters.map((o) => `--${o}`).join('、')} 同时使用\n`,
    );
    return ExitCode.usage;
  }
  if (single && !/^\d+$/.test(options.report as string)) {
    io.stderr.write(`gongkai: 错误：报告编号「${options.report}」无效，应为数字（见 corpus bodies show）\n`);
    return ExitCode.usage;
  }
  const to = target.to as 'docx' | 'md';
  return withCorpus(io, async (store) => {
    const filter = filterOf(options);
    if (single) {
      const subject = await letterSubject(store.db, filter, Number(options.report));
      if (!subject) {
        io.stderr.write(`gongkai: 错误：报告库中没有编号为 ${options.report} 的报告\n`);
        return ExitCode.usage;
      }
      const n = await writeExport<'docx' | 'md'>(io, target, async (stream) => {
        await writeTo(stream, letterFile(subject, today, to, { issuer: options.issuer ?? '' }));
        return 1;
      });
      if (n !== null)
        io.stderr.write(
          `已生成${subject.report.agency ?? ''}${subject.report.year ?? ''}年度报告的核查意见到 ${options.output}\n`,
        );
      return ExitCode.ok;
    }
    const selection = await checkedWithProgress(io, store, filter, (onBody) =>
      letterSubjects(store.db, filter, options.all === true, onBody),
    );
    const left = [
      selection.clean > 0 ? `${selection.clean} 份报告按时发布且未发现问题，未生成（--all 全部生成）` : '',
      selection.unaddressed > 0 ? `${selection.unaddressed} 份报告未读出机关或年度，未生成` : '',
    ].filter(Boolean);
    if (selection.subjects.length === 0) {
      io.stderr.write(
        `没有要生成的核查意见${left.length > 0 ? `：${left.join('；')}` : '：范围内没有报告'}\n`,
      );
      return ExitCode.ok;
    }
    const withErrors = selection.subjects.filter((s) => letterFindings(s).errors.length > 0).length;
    const n = await writeExport<'docx' | 'md'>(io, { ...target, to: 'docx' }, async (stream) => {
      await writeTo(
        stream,
        lettersZip(selection.subjects, today, to, { comparedWithOthers: true, issuer: options.issuer ?? '' }),
      );
      return selection.subjects.length;
    });
    io.stderr.write(
      `${n !== null ? `已生成 ${n} 份核查意见（其中 ${withErrors} 份有错误）到 ${options.output}` : `共 ${selection.subjects.length} 份核查意见（其中 ${withErrors} 份有错误）`}${left.length > 0 ? `；${left.join('；')}` : ''}\n`,
    );
    return ExitCode.ok;
  });
}

export interface RemindersOptions
  extends Pick<FilterOptions, 'region' | 'kind' | 'agency' | 'year'>,
    ExportTarget,
    IssuerOption {
  today?: string;
}

/**
 * `gongkai corpus reminders`: 催报提醒, a draft reminder to each body overdue for the year's report
 * (发布情况's 逾期未发布), as a ZIP of documents.
 */
export async function runReminders(options: RemindersOptions, io: CliIO): Promise<number> {
  const target = { ...options, to: options.to ?? 'docx' };
  const refused = refuseDrafts(target, io, true);
  if (refused !== null) return refused;
  const today = options.today ?? todayInChina();
  if (!isIsoDate(today)) {
    io.stderr.write(`gongkai: 错误：日期「${today}」无效，应为 YYYY-MM-DD\n`);
    return ExitCode.usage;
  }
  const to = target.to as 'docx' | 'md';
  return withCorpus(io, async (store) => {
    const { year, ...filter } = filterOf(options);
    const publication = await publicationOf(store.db, filter, year ?? defaultPublicationYear(today), today);
    const overdue = overdueBodies(publication).length;
    if (overdue === 0) {
      io.stderr.write(`截至 ${today} 没有逾期未发布 ${publication.year} 年度报告的机关，未生成催报提醒\n`);
      return ExitCode.ok;
    }
    const n = await writeExport<'docx' | 'md'>(io, { ...target, to: 'docx' }, async (stream) => {
      await writeTo(stream, remindersZip(publication, to, options.issuer ?? ''));
      return overdue;
    });
    io.stderr.write(
      n !== null
        ? `已生成 ${n} 份催报提醒（逾期未发布 ${publication.year} 年度报告的机关）到 ${options.output}\n`
        : `共 ${overdue} 份催报提醒\n`,
    );
    return ExitCode.ok;
  });
}

export interface CorrectionsOptions
  extends Pick<FilterOptions, 'region' | 'kind' | 'agency' | 'year'>,
    ExportTarget {
  json?: boolean;
}

/** `gongkai corpus corrections`: 整改情况, whether the bodies corrected reports that had problems. */
export async function runCorrections(options: CorrectionsOptions, io: CliIO): Promise<number> {
  const refused = refuseExport(options, io);
  if (refused !== null) return refused;
  return withCorpus(io, async (store) => {
    const filter = filterOf(options);
    const corrections = await correctionsOf(store.db, filter);
    if (options.to !== undefined) {
      const n = await writeExport(io, options, (stream, to) =>
        to === 'csv' ? exportCorrectionsCsv(corrections, stream) : exportCorrectionsXlsx(corrections, stream),
      );
      if (n !== null) io.stderr.write(`已导出 ${n} 份报告的整改情况到 ${options.output}\n`);
    } else if (options.json) io.stdout.write(`${JSON.stringify(correctionsAnswer(corrections))}\n`);
    else io.stdout.write(formatCorrections(corrections, filter.year));
    return ExitCode.ok;
  });
}

export interface ScoreOptions extends FilterOptions, ExportTarget {
  pack: string;
  json?: boolean;
}

export async function runScore(options: ScoreOptions, io: CliIO): Promise<number> {
  let pack: Pack;
  try {
    pack = loadPack(options.pack);
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    io.stderr.write(`gongkai: 错误：${error.message}\n`);
    return ExitCode.usage;
  }
  const refused = refuseExport(options, io);
  if (refused !== null) return refused;
  return withCorpus(io, async (store) => {
    const scores = await scoreCorpus(store.db, pack, filterOf(options));
    if (options.to !== undefined) {
      const n = await writeExport(io, options, (stream, to) =>
        to === 'csv' ? exportScoresCsv(scores, stream) : exportScoresXlsx(scores, pack, stream),
      );
      if (n !== null) io.stderr.write(`已导出 ${n} 份报告的得分到 ${options.output}\n`);
    } else if (options.json)
      for (const s of scores) io.stdout.write(`${JSON.stringify({ pack: pack.id, ...s })}\n`);
    else io.stdout.write(formatScores(scores, pack.name));
    return ExitCode.ok;
  });
}

export interface RereadOptions extends FilterOptions {
  move?: boolean;
  json?: boolean;
}

/**
 * `gongkai corpus reread [筛选选项]`: the reports chosen read again by this version (after an upgrade),
 * the changed ones written over; a summary, the changed reports and those left as they were, with why.
 */
export async function runReread(options: RereadOptions, io: CliIO): Promise<number> {
  return withCorpus(io, async (store) => {
    const filter = filterOf(options);
    const progress = startProgress(await countChosen(store, filter), io.stderr, '份报告', '重新读取');
    const summary = emptyRereadSummary();
    const listed: RereadResult[] = [];
    try {
      for await (const result of rereadReports(store, filter, { move: options.move === true })) {
        progress.tick();
        summary.total++;
        summary[result.status]++;
        if (options.json) io.stdout.write(`${JSON.stringify(result)}\n`);
        else if (result.status !== 'same') listed.push(result);
      }
    } finally {
      progress.stop();
    }
    if (!options.json) io.stdout.write(formatReread(summary, listed));
    return ExitCode.ok;
  });
}

export interface BodiesOptions {
  search?: string;
  kind?: string;
  json?: boolean;
}

/** `gongkai corpus bodies [list]`: every standing body, or those whose name or region has the text, of a kind. */
export async function runBodies(options: BodiesOptions, io: CliIO): Promise<number> {
  return withCorpus(io, async (store) => {
    const { kind } = filterOf({ kind: options.kind });
    const bodies = await listBodies(store.db, { q: options.search, kind });
    if (options.json) for (const b of bodies) io.stdout.write(`${JSON.stringify(b)}\n`);
    else io.stdout.write(formatBodies(bodies));
    return ExitCode.ok;
  });
}

export interface BodyShowOptions {
  today?: string;
  json?: boolean;
}

/** `gongkai corpus bodies show <编号>`: 机关档案, each year's status and newest version. */
export async function runBodyShow(id: string, options: BodyShowOptions, io: CliIO): Promise<number> {
  const today = options.today ?? todayInChina();
  if (!isIsoDate(today)) {
    io.stderr.write(`gongkai: 错误：日期「${today}」无效，应为 YYYY-MM-DD\n`);
    return ExitCode.usage;
  }
  return withCorpus(io, async (store) => {
    const history = await bodyHistory(store.db, id, today);
    if (!history) {
      io.stderr.write(`gongkai: 错误：机关「${id}」不存在（gongkai corpus bodies 列出机关及其编号）\n`);
      return ExitCode.usage;
    }
    io.stdout.write(options.json ? `${JSON.stringify(history)}\n` : formatBodyHistory(history));
    return ExitCode.ok;
  });
}

export interface PlacesOptions {
  apply?: boolean;
  json?: boolean;
}

/**
 * `gongkai corpus bodies places [编号…]`: the places other bodies' names give the bodies that name
 * no city or province (补全所属地区), with that evidence; `--apply` takes them (those named, else
 * all listed), each a correction.
 */
export async function runPlaces(ids: readonly string[], options: PlacesOptions, io: CliIO): Promise<number> {
  return withCorpus(io, async (store) => {
    const all = await suggestPlaces(store.db, null);
    const unknown = ids.filter((id) => !all.some((s) => s.bodyId === id));
    if (unknown.length > 0) {
      io.stderr.write(`gongkai: 错误：没有补全所属地区的建议：${unknown.join('、')}\n`);
      return ExitCode.usage;
    }
    const chosen = ids.length > 0 ? all.filter((s) => ids.includes(s.bodyId)) : all;
    if (options.json) for (const s of chosen) io.stdout.write(`${JSON.stringify(s)}\n`);
    else io.stdout.write(formatPlaceSuggestions(chosen));
    if (options.apply && chosen.length > 0) {
      const applied = await applyPlaces(
        store.db,
        cliActor,
        chosen.map((s) => s.bodyId),
        null,
        new Date().toISOString(),
      );
      io.stderr.write(`已补全 ${applied.length} 个机关的所属地区（记为人工修改，此后导入不再改动）\n`);
    }
    return ExitCode.ok;
  });
}

export async function runMerge(from: string, into: string, io: CliIO): Promise<number> {
  return withCorpus(io, async (store) => {
    try {
      const target = await mergeBodies(store.db, cliActor, from, into, new Date().toISOString());
      io.stdout.write(`已把机关「${from}」合并到「${target.name}」（${target.id}）\n`);
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof BodyError) {
        io.stderr.write(`gongkai: 错误：${error.message}\n`);
        return ExitCode.usage;
      }
      throw error;
    }
  });
}

export interface RosterOptions {
  from: string;
  json?: boolean;
}

/**
 * `gongkai corpus bodies roster <文件|-> --from <年度>`: a list of the bodies that must publish, one
 * name a line (a line's first field, before a tab or comma); each body owes its reports from the year.
 */
export async function runRoster(path: string, options: RosterOptions, io: CliIO): Promise<number> {
  let text: string;
  try {
    text = new TextDecoder().decode(
      path === '-' ? await readAllBounded(io.stdin) : await readFileBounded(path),
    );
  } catch (error) {
    io.stderr.write(
      `gongkai: 错误：无法读取名录「${path}」：${error instanceof Error ? error.message : String(error)}\n`,
    );
    return ExitCode.usage;
  }
  return withCorpus(io, async (store) => {
    const from = bodyYearOf(options.from, '应发布起始年度', false) as number;
    const names = rosterNames(text);
    if (!names.some((n) => n !== '')) throw new UsageError(`名录「${path}」中没有机关名称`);
    const entries = await importRoster(store.db, cliActor, names, from, new Date().toISOString());
    if (options.json) for (const e of entries) io.stdout.write(`${JSON.stringify(e)}\n`);
    else io.stdout.write(formatRoster(entries, from));
    return ExitCode.ok;
  });
}

export interface CorrectOptions {
  name?: string;
  province?: string;
  city?: string;
  county?: string;
  kind?: string;
  dissolvedIn?: string;
  expectedFrom?: string;
}

/**
 * A year a body's record takes (`--dissolved-in`, `--expected-from`, `roster --from`): one of
 * `dissolvedYears`, or '' to clear it (null) where clearing is allowed; throws a UsageError naming it.
 */
function bodyYearOf(value: string, what: string, clears = true): number | null {
  if (value === '' && clears) return null;
  const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(year >= dissolvedYears.min && year <= dissolvedYears.max))
    throw new UsageError(
      `${what}「${value}」无效，应为 ${dissolvedYears.min}–${dissolvedYears.max} 年之间的年份${clears ? '（空字符串表示清除）' : ''}`,
    );
  return year;
}

export async function runCorrect(id: string, options: CorrectOptions, io: CliIO): Promise<number> {
  return withCorpus(io, async (store) => {
    const kind = options.kind === undefined ? undefined : filterOf({ kind: options.kind }).kind;
    const dissolvedIn =
      options.dissolvedIn === undefined ? undefined : bodyYearOf(options.dissolvedIn, '撤销年份');
    const expectedFrom =
      options.expectedFrom === undefined ? undefined : bodyYearOf(options.expectedFrom, '应发布起始年度');
    const empty = (v: string | undefined) => (v === undefined ? undefined : v === '' ? null : v);
    try {
      const body = await correctBody(
        store.db,
        cliActor,
        id,
        {
          ...(options.name ? { name: options.name } : {}),
          ...(options.province !== undefined ? { province: empty(options.province) } : {}),
          ...(options.city !== undefined ? { city: empty(options.city) } : {}),
          ...(options.county !== undefined ? { county: empty(options.county) } : {}),
          ...(kind ? { kind } : {}),
          ...(dissolvedIn !== undefined ? { dissolvedIn } : {}),
          ...(expectedFrom !== undefined ? { expectedFrom } : {}),
        },
        new Date().toISOString(),
      );
      io.stdout.write(
        `已修改机关「${body.name}」（${body.id}）：${body.region || '地区未知'}，${body.kind === 'government' ? '人民政府' : '部门'}${body.expectedFrom === null ? '' : `，自 ${body.expectedFrom} 年度起应发布`}${body.dissolvedIn === null ? '' : `，撤销于 ${body.dissolvedIn} 年`}\n`,
      );
      return ExitCode.ok;
    } catch (error) {
      if (error instanceof BodyError) {
        io.stderr.write(`gongkai: 错误：${error.message}\n`);
        return ExitCode.usage;
      }
      throw error;
    }
  });
}

export function defineCorpus(program: Command, io: CliIO, done: (code: number) => void): Command {
  const corpus = program
    .command('corpus')
    .summary('报告库（监督）：导出、统计、跨报告核查、发布情况、评分、重新读取、机关')
    .description('对已导入报告库（gongkai ingest）的年度报告做汇总监督。')
    .usage('<子命令>')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [子命令]', '显示某个子命令的帮助');

  addFilterOptions(
    corpus
      .command('export')
      .summary('导出报告库为 CSV 或 XLSX')
      .description(
        [
          '每个报告版本一行：agency、region、kind、year、version、format、publishedOn、signedOn、file、sha256、',
          'errors、warnings，然后是两个版本代码表全部的键（报告格式没有的键留空）。',
          'CSV 为带 BOM 的 UTF-8（Excel 可直接打开）；XLSX 另有「问题」和「可比指标」两张工作表。',
        ].join('\n'),
      )
      .usage('--to csv|xlsx [-o 文件] [筛选选项]')
      .requiredOption('--to <格式>', 'csv 或 xlsx')
      .option('-o, --output <文件>', '写入文件（省略或 - 时写到标准输出）')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: ExportOptions) => {
    done(await runExport(options, io));
  });
  addFilterOptions(
    corpus
      .command('stats')
      .summary('统计：按时发布、格式、问题、申请与办理、结果占比、纠错率、信息处理费')
      .description('每个机关每个年度取最新版本；2019 与 2021 年版按可比指标（spec 中的对照表）汇总。')
      .usage(
        `[--by ${statsDimensions.join('|')}] [--sort 列名 [--order asc|desc]] [--json | --to csv|xlsx [-o 文件]] [筛选选项]`,
      )
      .option('--by <分组>', statsDimensionsText)
      .option(
        '--sort <列名>',
        '按统计导出的某一列排序（如 reports、applications.new、rate.onTime；默认按分组）',
      )
      .option('--order <方向>', 'desc（默认，从大到小）或 asc；空值总在最后')
      .option('--json', '输出 JSON')
      .option(
        '--to <格式>',
        '导出为 csv 或 xlsx：每组一行（计数、可比指标、占比和纠错率；XLSX 另有列说明和按问题计数）',
      )
      .option('-o, --output <文件>', '导出写入文件（省略或 - 时写到标准输出）')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: StatsOptions) => {
    done(await runStats(options, io));
  });
  addFilterOptions(
    corpus
      .command('check')
      .summary('跨报告核查：上年结转、现行有效件数、正文雷同、数据突变、缺少年度、报告被修改')
      .description(
        [
          '每个问题一行：文件:行:列: 级别 代码 说明（机关 年度）；--json 时每个问题一行 JSON（JSON Lines），',
          '字段与 gongkai check 相同，另加 file、agency、year、reportId。',
          '退出码：0 无错误；1 发现错误。',
        ].join('\n'),
      )
      .usage('[--json | --to csv|xlsx [-o 文件]] [筛选选项]')
      .option('--json', '每个问题输出一行 JSON')
      .option('--to <格式>', '导出为 csv 或 xlsx：每个问题一行（XLSX 另有按问题汇总的工作表）')
      .option('-o, --output <文件>', '导出写入文件（省略或 - 时写到标准输出）')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: CorpusCheckOptions) => {
    done(await runCorpusCheck(options, io));
  });
  addBodyOptions(
    corpus
      .command('publication')
      .summary('发布情况：某年度报告哪些机关按时发布、逾期发布，哪些逾期未发布或尚未到期')
      .description(
        [
          '某年度（默认上一年度）应发布报告的机关：报告库中有该年度或更早年度报告的机关。',
          '期限按《政府信息公开条例》第四十九条：部门为次年 1 月 31 日，人民政府为次年 3 月 31 日；',
          '是否已过期限按今天（中国时间）判断，--today 可指定哪一天。',
          '汇总后列出逾期未发布较多的地区（至多 5 个）：--level 指定按省、市还是县区汇总，',
          '默认从机关所在地区开始不同的最高一级（全国按省，一省之内按市，一市之内按县区）。',
          '默认列出按时发布以外的机关，--all 全部列出；--json 输出一个 JSON 对象（与 API 相同）。',
          '退出码：0 没有逾期未发布的机关；1 有。',
        ].join('\n'),
      )
      .usage(
        '[--year 年度] [--today YYYY-MM-DD] [--level province|city|county] [--all | --json | --to csv|xlsx|docx|md [-o 文件]] [筛选选项]',
      )
      .option('--year <年度>', '报告年度（默认今天所在年份的上一年）')
      .option('--today <日期>', '按哪一天判断是否已过期限（默认今天）')
      .option(
        '--level <层级>',
        `按地区汇总的层级：${regionLevels.map((l) => `${l} 按${regionLevelNames[l]}`).join('，')}`,
      )
      .option('--all', '连同按时发布的机关全部列出')
      .option('--json', '输出 JSON')
      .option(
        '--to <格式>',
        '导出为 csv 或 xlsx（每个机关一行，XLSX 另有按地区和汇总工作表），或生成发布情况通报的草稿：docx（按 GB/T 9704 排版）或 md',
      )
      .option('--issuer <机关>', '发文机关署名（如 泉州市人民政府办公室；默认留作【待补充：发文机关】）')
      .option('-o, --output <文件>', '导出写入文件（省略或 - 时写到标准输出）')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: PublicationOptions) => {
    done(await runPublication(options, io));
  });
  addFilterOptions(
    corpus
      .command('letters')
      .summary('核查意见：给机关的报告核查意见草稿（Word），逐份或按范围成批')
      .description(
        [
          '每份报告（每个机关每个年度的最新版本）一份核查意见：发布是否逾期、报告中的错误、需要核实的问题（各附在表格中的位置），',
          '与该机关其他年度报告（成批时另与同批其他机关的同年度报告）比对发现的问题；未能准确读出的内容另列，供印发前核对。',
          '--report 只生成一份报告的（DOCX 或 Markdown 文档）；否则按筛选选项成批生成，写成一个 ZIP（每份一个文件），',
          '默认只为逾期、未注日期或发现问题的报告生成（--all 全部生成）。整改期限和报送单位留作【待补充】。',
        ].join('\n'),
      )
      .usage('[--report 编号] [--all] [--to docx|md] [--today YYYY-MM-DD] [--issuer 机关] -o 文件 [筛选选项]')
      .option('--report <编号>', '只生成这一份报告的核查意见（报告编号）')
      .option('--all', '成批时连同按时发布、未发现问题的报告全部生成')
      .option('--today <日期>', '核查意见注明的日期（默认今天）')
      .option('--issuer <机关>', '发文机关署名（如 泉州市人民政府办公室；默认留作【待补充：发文机关】）')
      .option('--to <格式>', 'docx（默认，按 GB/T 9704 排版）或 md（Markdown）')
      .option('-o, --output <文件>', '写入文件（成批时为 ZIP；省略或 - 时写到标准输出）')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: LettersOptions) => {
    done(await runLetters(options, io));
  });
  addBodyOptions(
    corpus
      .command('corrections')
      .summary('整改情况：首个版本有问题的报告，机关是否发布了更正的新版本')
      .description(
        [
          '每个机关每个年度，报告库中首个版本有核查发现的错误或需要核实的问题（check.*，不含是否逾期和读取问题）的，',
          '与其最新版本比较：未更正（没有新版本）、新版本未改善、部分更正（问题减少）、已更正（没有问题）；',
          '列出仍有的问题。更正后的报告导入时作为同一机关同一年度的新版本。--json 输出一个 JSON 对象（与 API 相同）。',
        ].join('\n'),
      )
      .usage('[--year 年度] [--json | --to csv|xlsx [-o 文件]] [筛选选项]')
      .option('--year <年度>', '只看该年度的报告')
      .option('--json', '输出 JSON')
      .option('--to <格式>', '导出为 csv 或 xlsx：每份报告一行（XLSX 另有汇总）')
      .option('-o, --output <文件>', '导出写入文件（省略或 - 时写到标准输出）')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: CorrectionsOptions) => {
    done(await runCorrections(options, io));
  });
  addBodyOptions(
    corpus
      .command('reminders')
      .summary('催报提醒：给逾期未发布某年度报告的机关的提醒草稿（Word，打包为 ZIP）')
      .description(
        [
          '发布情况中逾期未发布（已过条例第四十九条的期限，报告库中仍没有该年度报告）的机关，各一份提醒：期限、逾期天数、',
          '报告库中其最近一份报告的年度；如已发布请告知网址，尚未发布的尽快发布。答复期限和报送单位留作【待补充】。',
        ].join('\n'),
      )
      .usage('[--year 年度] [--today YYYY-MM-DD] [--to docx|md] [--issuer 机关] -o 文件 [筛选选项]')
      .option('--year <年度>', '报告年度（默认今天所在年份的上一年）')
      .option('--today <日期>', '按哪一天判断是否已过期限（默认今天）')
      .option('--issuer <机关>', '发文机关署名（如 泉州市人民政府办公室；默认留作【待补充：发文机关】）')
      .option('--to <格式>', 'docx（默认，按 GB/T 9704 排版）或 md（Markdown）')
      .option('-o, --output <文件>', '写入文件（ZIP；省略或 - 时写到标准输出）')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: RemindersOptions) => {
    done(await runReminders(options, io));
  });
  addFilterOptions(
    corpus
      .command('score')
      .summary('按评估规则包给报告打分')
      .description(
        '规则包（JSON）把问题和数据折算为分数，并注明依据；示例：spec/packs/suqian-2026-department.json。',
      )
      .usage('--pack <文件> [--json | --to csv|xlsx [-o 文件]] [筛选选项]')
      .requiredOption('--pack <文件>', '评估规则包（JSON）')
      .option('--json', '每份报告输出一行 JSON')
      .option('--to <格式>', '导出为 csv 或 xlsx：各年度内按得分排名（XLSX 另有扣分项和规则包两张工作表）')
      .option('-o, --output <文件>', '导出写入文件（省略或 - 时写到标准输出）')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: ScoreOptions) => {
    done(await runScore(options, io));
  });
  addFilterOptions(
    corpus
      .command('reread')
      .summary('用当前版本重新读取报告库中的报告（升级后），读法有变化的更新单元格、正文、日期和问题')
      .description(
        [
          '导入时保存的是当时的版本读出的单元格、正文、日期和问题；同一文件不会再导入第二次。升级 Gongkai 后用本命令',
          '按报告库中保存的原文件（导入时加了 --keep-source）、仍在导入时的位置且未改动的原文件（相对路径从当前目录算起），',
          '或保存的文字（文本和网页；按原文件的编码解码后的文字）重新读取，',
          '读法有变化的报告在一个事务中更新（统计、核查结果随之更新），报告编号、机关、年度和版本不变。',
          '机关或年度的读法变了的报告不更新而列出；加 --move 则移到新读出的机关和年度（报告编号不变，版本号接在',
          '该机关该年度已有的版本之后）。取不到原文件的 PDF、DOCX 等也列出。',
        ].join('\n'),
      )
      .usage('[筛选选项] [--move] [--json]')
      .option('--move', '机关或年度的读法变了的报告移到新读出的机关和年度（默认只列出）')
      .option('--json', '每份报告输出一行 JSON：{id, file, status, cells, findings, reason}')
      .helpOption('-h, --help', '显示帮助'),
  ).action(async (options: RereadOptions) => {
    done(await runReread(options, io));
  });
  const bodies = corpus
    .command('bodies')
    .summary('报告库中的机关：列出、档案、应发布名录、合并、修改、补全所属地区')
    .usage('[list|show|places|roster|merge|set] …')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [子命令]', '显示某个子命令的帮助');
  bodies
    .command('list', { isDefault: true })
    .summary('列出机关（编号、名称、地区、类型、应发布起始年度、撤销年份）')
    .option('--search <文字>', '只列出名称或地区含此文字的机关')
    .option('--kind <类型>', '只列出 government（人民政府）或 department（部门）')
    .option('--json', '每个机关输出一行 JSON')
    .helpOption('-h, --help', '显示帮助')
    .action(async (options: BodiesOptions) => {
      done(await runBodies(options, io));
    });
  bodies
    .command('show')
    .summary('机关档案：一个机关各年度的发布情况（按时、逾期、未发布）和最新版本')
    .description(
      [
        '自报告库中该机关最早一份报告的年度起，到今天已到发布年份的年度止，逐年列出发布情况（规则与',
        'gongkai corpus publication 相同）、该年度报告的最新版本及其错误和警告数。已合并的机关列出合并后的机关。',
      ].join('\n'),
    )
    .usage('<机关编号> [--today <日期>] [--json]')
    .argument('<id>', '机关编号（gongkai corpus bodies 列出）')
    .option('--today <日期>', '按哪一天判断是否已过期限（YYYY-MM-DD，默认中国时间的今天）')
    .option('--json', '输出一行 JSON（与 GET /api/corpus/bodies/{编号} 的答复相同）')
    .helpOption('-h, --help', '显示帮助')
    .action(async (id: string, options: BodyShowOptions) => {
      done(await runBodyShow(id, options, io));
    });
  bodies
    .command('places')
    .summary(
      '补全所属地区：名称未写明所属市、省的机关，按其他机关名称中写明的地区补全（列出依据，--apply 采用）',
    )
    .description(
      [
        '名称只写了县区（如「嘉祥县财政局」）或只写了市的机关，按地区汇总到市、省时无处可归。',
        '报告库中其他机关的名称常写明该县区属于哪个市（「济宁市嘉祥县人民政府」）、该市属于哪个省；',
        '写明的都一致时列出补全建议和依据。县区名全国有重名（如鼓楼区），请核对依据后再采用。',
        '--apply 采用列出的建议（给出编号时只采用这些机关的），逐个记为人工修改并记入审计日志。',
      ].join('\n'),
    )
    .usage('[机关编号...] [--apply] [--json]')
    .argument('[ids...]', '只列出（或采用）这些机关的建议')
    .option('--apply', '采用列出的建议')
    .option('--json', '每条建议输出一行 JSON')
    .helpOption('-h, --help', '显示帮助')
    .action(async (ids: string[], options: PlacesOptions) => {
      done(await runPlaces(ids, options, io));
    });
  bodies
    .command('roster')
    .summary('导入应发布名录：名录中的机关自某年度起应发布年度报告，没有报告的也列为逾期未发布')
    .description(
      [
        '发布情况默认只把报告库中有报告的机关算作应发布（自其最早一份报告的年度起），从未发布过报告的机关因此',
        '不会出现。导入本地区应发布年度报告的机关名录（每行一个名称；有制表符或逗号时取第一项），名录中的机关',
        '自 --from 年度起应发布：报告库中没有的机关按名称新建（地区、类型由名称判断），已有的（含其其他写法）',
        '记下起始年度（已设定更早年度的不变）。记入审计日志。单个机关用 gongkai corpus bodies set --expected-from。',
      ].join('\n'),
    )
    .usage('<名录文件|-> --from <年度> [--json]')
    .argument('<file>', '名录文件（UTF-8 文本，每行一个机关名称；- 为标准输入）')
    .requiredOption('--from <年度>', '自该年度起应发布年度报告')
    .option('--json', '每个机关输出一行 JSON：{name, bodyId, bodyName, created, expectedFrom}')
    .helpOption('-h, --help', '显示帮助')
    .action(async (file: string, options: RosterOptions) => {
      done(await runRoster(file, options, io));
    });
  bodies
    .command('merge')
    .summary('把一个机关合并到另一个（同一机关的不同写法）；以后导入时仍按合并后的机关归集，并记入审计日志')
    .usage('<被合并的机关编号> <保留的机关编号>')
    .argument('<from>', '被合并的机关编号')
    .argument('<into>', '保留的机关编号')
    .helpOption('-h, --help', '显示帮助')
    .action(async (from: string, into: string) => {
      done(await runMerge(from, into, io));
    });
  bodies
    .command('set')
    .summary('修改机关的名称、地区、类型、应发布起始年度或撤销年份；以后导入时不再改动，并记入审计日志')
    .usage('<机关编号> [选项]')
    .argument('<id>', '机关编号')
    .option('--name <名称>', '规范名称')
    .option('--province <省>', '省（空字符串表示清除）')
    .option('--city <市>', '市（空字符串表示清除）')
    .option('--county <县区>', '县、区（空字符串表示清除）')
    .option('--kind <类型>', 'government（人民政府）或 department（部门）')
    .option(
      '--expected-from <年度>',
      '应发布起始年度（应发布名录）：自该年度起应发布年度报告，报告库中没有其报告也列为应发布（空字符串表示清除）',
    )
    .option(
      '--dissolved-in <年份>',
      '撤销年份（机构改革等）：自该年度起不再发布年度报告，发布情况不再列为应发布（空字符串表示清除）',
    )
    .helpOption('-h, --help', '显示帮助')
    .action(async (id: string, options: CorrectOptions) => {
      done(await runCorrect(id, options, io));
    });
  return corpus;
}
