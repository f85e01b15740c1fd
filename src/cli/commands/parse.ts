/** `gongkai parse FILE…`: reads reports into structured data. */
import type { Command } from 'commander';
import type { ReportResult } from '../../core/report.js';
import { cellTally } from '../../corpus/problem-kinds.js';
import { getFormat } from '../../spec/registry.js';
import { runBatch } from '../batch.js';
import { fullCells, interchangeJson } from '../interchange.js';
import type { CliIO } from '../io.js';
import { countFindings, formatFileFindings, formatSummary, type Statistics } from '../reporter.js';

export interface ParseOptions {
  json?: boolean;
}

const missing = '未找到';

/** The readable summary of one report (several lines, ending with a line break). */
export function formatParseSummary(path: string, report: ReportResult): string {
  const { total, read, blank, unread } = cellTally(fullCells(report.format, report.cells), report.findings);
  const lines = [
    path,
    `  格式：${report.format} 年版（${getFormat(report.format).document}）`,
    `  机关：${report.agency ?? missing}`,
    `  年度：${report.year ?? missing}`,
    `  发布日期：${report.publishedOn ?? missing}`,
    `  落款日期：${report.signedOn ?? missing}`,
    `  表格：共 ${total} 格，读出 ${read} 格，空白 ${blank} 格，未能读出 ${unread} 格${unread > 0 ? '（见下面的错误）' : ''}`,
    `  章节：${report.sections.length} 个`,
  ];
  return `${lines.join('\n')}\n${formatFileFindings({ path, findings: report.findings })}`;
}

/** Returns the exit code: 2 when an input can't be read, else 0 (findings don't change it). */
export async function runParse(files: readonly string[], options: ParseOptions, io: CliIO): Promise<number> {
  const stats: Statistics = { errors: 0, warnings: 0, infos: 0 };
  let first = true;
  const batch = await runBatch(files, io, ({ path, result }, sink) => {
    if (options.json) {
      sink.out(`${interchangeJson(path, result.report)}\n`);
      return;
    }
    countFindings(result.report.findings, stats);
    sink.out(`${first ? '' : '\n'}${formatParseSummary(path, result.report)}`);
    first = false;
  });
  if (!options.json)
    io.stdout.write(`${first ? '' : '\n'}${formatSummary(batch.files, stats, batch.unreadable)}`);
  return batch.exitCode;
}

export function defineParse(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('parse')
    .summary('读取年度报告，输出结构化数据')
    .description(
      [
        '读取年度报告：格式、机关、年度、日期、表格各格数值、各部分正文，以及读取中发现的问题。',
        '',
        '加 --json 时每个文件输出一行 JSON（JSON Lines），格式见 spec/INTERCHANGE.md。',
        '退出码：0 全部读取；2 有文件无法读取或用法错误。',
      ].join('\n'),
    )
    .usage('[选项] <文件...>')
    .argument('<文件...>', '要读取的报告文件、目录（递归）或 ZIP 压缩包，“-” 表示标准输入')
    .option('--json', '每个文件输出一行 JSON')
    .action(async (files: string[], options: ParseOptions) => {
      done(await runParse(files, options, io));
    });
}
