/**
 * The `gongkai` command line: `main(argv, io)` parses the arguments (as in `process.argv`: the
 * node binary and script first), runs one command and resolves to the exit code. It never exits
 * the process and writes only to `io`, so it can run in-process in tests.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { addOcrOption } from '../read/ocr/cli-option.js';
import { defineCheck } from './commands/check.js';
import { defineCompile } from './commands/compile.js';
import { defineConvert } from './commands/convert.js';
import { defineDue } from './commands/due.js';
import { defineParse } from './commands/parse.js';
import { defineAgencies, defineApplications, defineCases, defineProactive } from './commands/register.js';
import { defineRender } from './commands/render.js';
import { defineSchema } from './commands/schema.js';
import { defineServe } from './commands/serve.js';
import { defineUsers } from './commands/users.js';
import { ExitCode } from './exit-code.js';
import { type CliIO, processIO } from './io.js';
import { displayWidth, translateError, translateTitle } from './messages.js';

export type { CliIO } from './io.js';

/** The version in package.json (two levels up from both src/cli and dist/cli). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function createProgram(io: CliIO, done: (code: number) => void): Command {
  const program = new Command('gongkai')
    .description('Gongkai（公开）：读取、核查、生成政府信息公开工作年度报告')
    .usage('<命令> [选项]')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(translateError(text)),
      getOutHelpWidth: () => io.stdout.columns ?? 80,
      getErrHelpWidth: () => io.stderr.columns ?? 80,
    })
    .configureHelp({
      styleTitle: translateTitle,
      displayWidth,
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage()}`.trim(),
    })
    .showHelpAfterError('（运行 gongkai help 查看用法）')
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示某个命令的帮助')
    .version(version(), '-V, --version', '显示版本号');
  program.addHelpText(
    'after',
    [
      '',
      '示例：',
      '  gongkai check examples/*.txt',
      '  gongkai parse --json 报告.txt > 报告.jsonl',
      '  gongkai convert 报告.txt --to html -o 报告.html',
    ].join('\n'),
  );
  addOcrOption(program, io);
  for (const define of [defineParse, defineCheck, defineRender, defineConvert, defineSchema])
    define(program, io, done).helpOption('-h, --help', '显示帮助');
  for (const define of [
    defineServe,
    defineUsers,
    defineAgencies,
    defineApplications,
    defineCases,
    defineProactive,
    defineDue,
    defineCompile,
  ])
    define(program, io, done).helpOption('-h, --help', '显示帮助');
  return program;
}

/** Runs `gongkai` with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = createProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'node' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    throw error;
  }
  return exitCode;
}
