/** `gongkai render REPORT.json --to html|md|txt`: writes a report given as JSON in a published form. */
import { readFile } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { defaultTextLayout, getRenderer, plannedTargets, renderTargets } from '../../render/index.js';
import { loadReportJson, ReportJsonError } from '../../report-json/load.js';
import { ExitCode } from '../exit-code.js';
import { describeReadError, readAll, STDIN } from '../input.js';
import type { CliIO } from '../io.js';
import { type OutputOptions, resolveOutput, textLayouts, writeRendered } from '../output.js';

/** 「输出格式：txt、html、md（docx、pdf 暂不支持）」, from the registry. */
function targetsHelp(): string {
  const pending = plannedTargets.filter((t) => !getRenderer(t));
  return `输出格式：${renderTargets().join('、')}${pending.length > 0 ? `（${pending.join('、')} 暂不支持）` : ''}`;
}

const layoutsHelp = (): string =>
  textLayouts.map((l) => (l === defaultTextLayout ? `${l}（默认）` : l)).join('、');

/** The `--to`, `-o` and `--layout` options shared by `render` and `convert`. */
export function outputOptions(command: Command): Command {
  return command
    .requiredOption('--to <格式>', targetsHelp())
    .option('-o, --output <文件>', '输出文件（省略或为 “-” 时写到标准输出）')
    .addOption(new Option('--layout <版式>', `文本版式（仅用于 --to txt）：${layoutsHelp()}`));
}

/** Reads a file argument (or standard input for `-`) whole. */
async function readInput(path: string, io: CliIO): Promise<Uint8Array> {
  return path === STDIN ? readAll(io.stdin) : readFile(path);
}

/** Returns the exit code: 0 written; 2 when the JSON can't be read or used, or on a usage error. */
export async function runRender(path: string, options: OutputOptions, io: CliIO): Promise<number> {
  const resolved = resolveOutput(options, io);
  if (!resolved.ok) {
    io.stderr.write(`gongkai: 错误：${resolved.reason}\n`);
    return ExitCode.usage;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readInput(path, io);
  } catch (error) {
    io.stderr.write(`${path}: 错误：${describeReadError(error)}\n`);
    return ExitCode.unreadable;
  }
  let report: ReturnType<typeof loadReportJson>;
  try {
    report = loadReportJson(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    if (!(error instanceof ReportJsonError)) throw error;
    io.stderr.write(`${path}: 错误：${error.message}\n`);
    return ExitCode.unreadable;
  }
  const failed = await writeRendered(report, resolved, options.output, io);
  if (failed) {
    io.stderr.write(`${options.output}: 错误：${failed}\n`);
    return ExitCode.unreadable;
  }
  return ExitCode.ok;
}

export function defineRender(program: Command, io: CliIO, done: (code: number) => void): Command {
  return outputOptions(
    program
      .command('render')
      .summary('把报告 JSON 生成为网页、Markdown、文本、DOCX 或 PDF')
      .description(
        [
          '把报告 JSON（gongkai parse --json 的一行，或按 gongkai schema 编写的 JSON）',
          '按规定格式生成为网页（html）、Markdown（md）、纯文本（txt）、Word 文档（docx）或 PDF（pdf，版式依 GB/T 9704）。',
          '',
          '退出码：0 已生成；2 JSON 无法读取或不符合格式、输出文件无法写入，或用法错误。',
        ].join('\n'),
      )
      .usage('[选项] <JSON>')
      .argument('<JSON>', '报告 JSON 文件，“-” 表示标准输入'),
  ).action(async (path: string, options: OutputOptions) => {
    done(await runRender(path, options, io));
  });
}
