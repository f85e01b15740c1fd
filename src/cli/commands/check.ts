/** `gongkai check FILE…`: reads and checks reports and prints what was found. */
import type { Command } from 'commander';
import { runBatch } from '../batch.js';
import { ExitCode, worst } from '../exit-code.js';
import { findingToJson } from '../interchange.js';
import type { CliIO } from '../io.js';
import {
  countFindings,
  formatFileFindings,
  formatSummary,
  type Statistics,
  visibleFindings,
} from '../reporter.js';

export interface CheckOptions {
  json?: boolean;
  quiet?: boolean;
}

/** Returns the exit code: 2 when an input can't be read, else 1 when any error was found, else 0. */
export async function runCheck(files: readonly string[], options: CheckOptions, io: CliIO): Promise<number> {
  const stats: Statistics = { errors: 0, warnings: 0, infos: 0 };
  const batch = await runBatch(files, io, ({ path, result }, sink) => {
    const { findings } = result.report;
    countFindings(findings, stats);
    if (options.json) {
      const shown = visibleFindings(findings, options).map(findingToJson);
      sink.out(`${JSON.stringify({ file: path, findings: shown })}\n`);
    } else {
      sink.out(formatFileFindings({ path, findings }, options));
    }
  });
  if (!options.json) io.stdout.write(formatSummary(batch.files, stats, batch.unreadable));
  return worst(batch.exitCode, stats.errors > 0 ? ExitCode.findings : ExitCode.ok);
}

export function defineCheck(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('check')
    .summary('核查年度报告，列出发现的问题')
    .description(
      [
        '读取并核查年度报告，每个问题一行：文件:行:列: 级别 代码 说明',
        '（与位置无关的问题记为 0:0），最后一行汇总。',
        '',
        '退出码：0 无错误；1 发现错误；2 有文件无法读取或用法错误。',
      ].join('\n'),
    )
    .usage('[选项] <文件...>')
    .argument('<文件...>', '要核查的报告文件，“-” 表示标准输入')
    .option('--json', '每个文件输出一行 JSON：{file, findings}')
    .option('-q, --quiet', '只列出错误（汇总行仍计入全部问题）')
    .action(async (files: string[], options: CheckOptions) => {
      done(await runCheck(files, options, io));
    });
}
