/** `gongkai check FILE…`: reads and checks reports and prints what was found. */
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { todayInChina } from '../../api/services/today.js';
import type { Severity } from '../../core/finding.js';
import type { ReportResult } from '../../core/report.js';
import { runBatch } from '../batch.js';
import { ExitCode, worst } from '../exit-code.js';
import { findingToJson } from '../interchange.js';
import type { CliIO } from '../io.js';
import {
  countFindings,
  formatFileFindings,
  formatFileSummary,
  formatSummary,
  type Statistics,
  visibleFindings,
} from '../reporter.js';

export interface CheckOptions {
  json?: boolean;
  quiet?: boolean;
  level?: string;
  summary?: boolean;
  /** Source lines with a caret under each finding (default: on a terminal). */
  source?: boolean;
  /** Where to write the draft 核查意见 of the one report checked (.md: Markdown, else DOCX). */
  letter?: string;
}

const levels = ['error', 'warning', 'info'] as const;

/** Returns the exit code: 2 when an input can't be read, else 1 when any error was found, else 0. */
export async function runCheck(files: readonly string[], options: CheckOptions, io: CliIO): Promise<number> {
  if (options.level !== undefined && !(levels as readonly string[]).includes(options.level)) {
    io.stderr.write(`gongkai: 错误：级别「${options.level}」无效，应为 error、warning 或 info\n`);
    return ExitCode.usage;
  }
  if (options.letter !== undefined && files.length !== 1) {
    io.stderr.write('gongkai: 错误：--letter 只用于一个报告文件\n');
    return ExitCode.usage;
  }
  const shown = { quiet: options.quiet === true, level: (options.level ?? 'info') as Severity };
  const checked: { path: string; report: ReportResult }[] = [];
  const withSource = options.source ?? io.stdout.isTTY === true;
  const stats: Statistics = { errors: 0, warnings: 0, infos: 0 };
  const batch = await runBatch(files, io, ({ path, result }, sink) => {
    const { findings } = result.report;
    if (options.letter !== undefined) checked.push({ path, report: result.report });
    countFindings(findings, stats);
    if (options.json) {
      const visible = visibleFindings(findings, shown).map(findingToJson);
      sink.out(`${JSON.stringify({ file: path, findings: visible })}\n`);
    } else if (options.summary) {
      sink.out(formatFileSummary(path, findings));
    } else {
      sink.out(
        formatFileFindings({ path, findings, ...(withSource ? { source: result.file.text } : {}) }, shown),
      );
    }
  });
  if (!options.json) io.stdout.write(formatSummary(batch.files, stats, batch.unreadable));
  const code = worst(batch.exitCode, stats.errors > 0 ? ExitCode.findings : ExitCode.ok);
  if (options.letter === undefined || batch.exitCode === ExitCode.usage) return code;
  const [one, ...more] = checked;
  if (!one || more.length > 0) {
    io.stderr.write(
      `gongkai: 错误：--letter 只用于一个报告文件（读到 ${checked.length} 个），未生成核查意见\n`,
    );
    return ExitCode.usage;
  }
  // The writers load only when a letter is asked for: checking stays as quick to start.
  const [{ letterFile }, { fileSubject }] = await Promise.all([
    import('../../corpus/letters/files.js'),
    import('../../corpus/letters/review-letter.js'),
  ]);
  const to = extname(options.letter).toLowerCase() === '.md' ? 'md' : 'docx';
  const subject = fileSubject(one.report, basename(one.path));
  writeFileSync(options.letter, letterFile(subject, todayInChina(), to, { fromFile: true }));
  io.stderr.write(`已生成核查意见到 ${options.letter}\n`);
  return code;
}

export function defineCheck(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('check')
    .summary('核查年度报告，列出发现的问题')
    .description(
      [
        '读取并核查年度报告，每个问题一行：文件:行:列: 级别 代码 说明',
        '（与位置无关的问题记为 0:0），最后一行汇总。',
        '在终端上，每个问题下面显示原文的那一行，并用 ^ 指出列',
        '（--no-source 关闭，--source 在非终端上也显示）。',
        '参数可以是目录：递归读取其中的报告文件（.txt、.html、.docx、.pdf 等）；',
        '也可以是报告 JSON（gongkai parse --json 的一行）：按其中的数据和正文核查。',
        '',
        '退出码：0 无错误；1 发现错误；2 有文件无法读取或用法错误。',
      ].join('\n'),
    )
    .usage('[选项] <文件...>')
    .argument('<文件...>', '要核查的报告文件、目录（递归）或 ZIP 压缩包，“-” 表示标准输入')
    .option('--json', '每个文件输出一行 JSON：{file, findings}')
    .option('-q, --quiet', '只列出错误（汇总行仍计入全部问题）')
    .option('--level <级别>', '只列出该级别及更严重的问题：error、warning（不列提示）或 info（默认）')
    .option('--summary', '每个文件只输出一行：错误、警告、提示的个数')
    .option('--source', '在每个问题下面显示原文的那一行和指示列的 ^（终端上默认显示）')
    .option('--no-source', '不显示原文行')
    .option(
      '--letter <文件>',
      '并为这份报告生成给该机关的核查意见草稿（按 GB/T 9704 排版的 DOCX；文件名以 .md 结尾时为 Markdown）；只用于一个报告文件',
    )
    .action(async (files: string[], options: CheckOptions) => {
      done(await runCheck(files, options, io));
    });
}
