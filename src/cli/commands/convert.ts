/**
 * `gongkai convert FILE --to html|md|txt`: reads a report with the pipeline and writes it in
 * another form. The conversion goes ahead whatever was found; the findings go to standard error.
 */
import type { Command } from 'commander';
import { ExitCode } from '../exit-code.js';
import { inputProcessor } from '../input.js';
import type { CliIO } from '../io.js';
import { type OutputOptions, resolveOutput, writeRendered } from '../output.js';
import { countFindings, formatFileFindings, formatSummary } from '../reporter.js';
import { outputOptions } from './render.js';

/** Returns the exit code: 0 written (findings or not); 2 unreadable input, unwritable output or usage. */
export async function runConvert(path: string, options: OutputOptions, io: CliIO): Promise<number> {
  const resolved = resolveOutput(options, io);
  if (!resolved.ok) {
    io.stderr.write(`gongkai: 错误：${resolved.reason}\n`);
    return ExitCode.usage;
  }
  const outcome = await inputProcessor(io)(path);
  if (!outcome.ok) {
    io.stderr.write(`${path}: ${outcome.internal ? '内部错误' : '错误'}：${outcome.reason}\n`);
    if (outcome.internal && io.debug && outcome.error instanceof Error && outcome.error.stack)
      io.stderr.write(`${outcome.error.stack}\n`);
    return outcome.internal ? ExitCode.internal : ExitCode.unreadable;
  }
  const { findings } = outcome.result.report;
  if (findings.length > 0)
    io.stderr.write(formatFileFindings({ path, findings }) + formatSummary(1, countFindings(findings)));
  const failed = await writeRendered(outcome.result.report, resolved, options.output, io);
  if (failed) {
    io.stderr.write(`${options.output}: 错误：${failed}\n`);
    return ExitCode.unreadable;
  }
  return ExitCode.ok;
}

export function defineConvert(program: Command, io: CliIO, done: (code: number) => void): Command {
  return outputOptions(
    program
      .command('convert')
      .summary('读取年度报告，转换为网页、Markdown、文本、DOCX 或 PDF')
      .description(
        [
          '读取年度报告（与 parse 相同），再按规定格式生成为网页（html）、Markdown（md）、纯文本（txt）、Word 文档（docx）或 PDF（pdf）。',
          '读取中发现的问题列在标准错误输出上，转换照常进行。',
          '',
          '退出码：0 已转换；2 文件无法读取、输出文件无法写入，或用法错误。',
        ].join('\n'),
      )
      .usage('[选项] <文件>')
      .argument('<文件>', '要转换的报告文件，“-” 表示标准输入'),
  ).action(async (path: string, options: OutputOptions) => {
    done(await runConvert(path, options, io));
  });
}
