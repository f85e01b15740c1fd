/**
 * `gongkai corpus …`: the corpus of published reports — export, stats, cross-report checks, scores
 * by an evaluator's rule pack, and bodies (list, merge, correct).
 */
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { exportCsv } from '../../corpus/export/csv.js';
import { exportXlsx } from '../../corpus/export/xlsx.js';
import type { CorpusFilter } from '../../corpus/query.js';
import type { Store } from '../../store/index.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { withStore } from './register-shared.js';

export interface FilterOptions {
  region?: string;
  kind?: string;
  year?: string;
  format?: string;
  late?: boolean;
  errors?: boolean;
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
  if (options.agency) filter.agency = options.agency;
  if (options.latest) filter.latest = true;
  return filter;
}

export function addFilterOptions(command: Command): Command {
  return command
    .option('--region <地区>', '只看该地区（省、市或县区名，如 泉州市、洛江区）的机关')
    .option('--kind <类型>', '只看 government（人民政府）或 department（部门）')
    .option('--year <年度>', '只看该年度的报告')
    .option('--format <版本>', '只看 2019 或 2021 年版格式的报告')
    .option('--late', '只看逾期发布的报告')
    .option('--errors', '只看有错误的报告')
    .option('--agency <机关>', '只看名称含此文字的机关（或机关编号）')
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

export async function runExport(options: ExportOptions, io: CliIO): Promise<number> {
  if (options.to !== 'csv' && options.to !== 'xlsx') {
    io.stderr.write(`gongkai: 错误：导出格式「${options.to}」无效，应为 csv 或 xlsx\n`);
    return ExitCode.usage;
  }
  const toStdout = options.output === undefined || options.output === '-';
  if (options.to === 'xlsx' && toStdout && io.stdout.isTTY) {
    io.stderr.write('gongkai: 错误：XLSX 是二进制文件，不能输出到终端，请用 -o 指定文件\n');
    return ExitCode.usage;
  }
  return withCorpus(io, async (store) => {
    const filter = filterOf(options);
    let stream: Writable;
    if (toStdout) {
      const pass = new PassThrough();
      pass.on('data', (chunk: Buffer) =>
        io.stdout.write(options.to === 'csv' ? chunk.toString('utf8') : chunk),
      );
      stream = pass;
    } else stream = createWriteStream(options.output as string);
    const done = finished(stream);
    let rows: number;
    try {
      rows =
        options.to === 'csv'
          ? await exportCsv(store.db, filter, stream)
          : await exportXlsx(store.db, filter, stream);
    } finally {
      if (!stream.writableEnded) stream.end();
    }
    await done;
    if (!toStdout) io.stderr.write(`已导出 ${rows} 份报告到 ${options.output}\n`);
    return ExitCode.ok;
  });
}

export function defineCorpus(program: Command, io: CliIO, done: (code: number) => void): Command {
  const corpus = program
    .command('corpus')
    .summary('报告库（监督）：导出、统计、跨报告核查、评分、机关')
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
  return corpus;
}
