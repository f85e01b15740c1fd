/**
 * The `gongkai` command line: `main(argv, io)` parses the arguments (as in `process.argv`: the
 * node binary and script first), runs one command and resolves to the exit code. It never exits
 * the process and writes only to `io`, so it can run in-process in tests.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Help } from 'commander';
import { addOcrOption } from '../read/ocr/cli-option.js';
import { ExitCode } from './exit-code.js';
import { type CliIO, processIO } from './io.js';
import {
  displayWidth,
  translateError,
  translateOptionExtras,
  translateTitle,
  wrapHelpText,
} from './messages.js';

export type { CliIO } from './io.js';

/** The version in package.json (two levels up from both src/cli and dist/cli). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

type Define = (program: Command, io: CliIO, done: (code: number) => void) => Command;

/**
 * The commands in the order help lists them, each loaded only when needed: a command's module
 * brings its dependencies (the store, the web server, the renderers, PDF and XLSX libraries), and
 * loading all of them costs more than reading a report. Several names can share one module.
 */
const commandModules: readonly { names: readonly string[]; load: () => Promise<Define[]> }[] = [
  { names: ['parse'], load: async () => [(await import('./commands/parse.js')).defineParse] },
  { names: ['check'], load: async () => [(await import('./commands/check.js')).defineCheck] },
  { names: ['render'], load: async () => [(await import('./commands/render.js')).defineRender] },
  { names: ['convert'], load: async () => [(await import('./commands/convert.js')).defineConvert] },
  { names: ['schema'], load: async () => [(await import('./commands/schema.js')).defineSchema] },
  { names: ['serve'], load: async () => [(await import('./commands/serve.js')).defineServe] },
  { names: ['users'], load: async () => [(await import('./commands/users.js')).defineUsers] },
  { names: ['audit'], load: async () => [(await import('./commands/audit.js')).defineAudit] },
  {
    names: ['agencies', 'applications', 'cases', 'proactive'],
    load: async () => {
      const m = await import('./commands/register.js');
      return [m.defineAgencies, m.defineApplications, m.defineCases, m.defineProactive];
    },
  },
  { names: ['due'], load: async () => [(await import('./commands/due.js')).defineDue] },
  { names: ['holidays'], load: async () => [(await import('./commands/holidays.js')).defineHolidays] },
  { names: ['compile'], load: async () => [(await import('./commands/compile.js')).defineCompile] },
  { names: ['ingest'], load: async () => [(await import('./commands/ingest.js')).defineIngest] },
  { names: ['corpus'], load: async () => [(await import('./commands/corpus.js')).defineCorpus] },
  { names: ['worker'], load: async () => [(await import('./commands/worker.js')).defineWorker] },
];

/**
 * The command an argument list names: the first argument that is not an option (the program's
 * own options take no value). `help X` names X. Undefined when none is named or the name is not
 * a command: then every command is loaded, for help and for commander's suggestions.
 */
export function namedCommand(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return commandModules.some((m) => m.names.includes(name ?? '')) ? name : undefined;
}

/** The define functions for `args` (user arguments, without node and the script). */
export async function loadCommands(args: readonly string[]): Promise<Define[]> {
  const name = namedCommand(args);
  const versionOnly = name === undefined && args.some((a) => a === '-V' || a === '--version');
  if (versionOnly) return [];
  const wanted = commandModules.filter((m) => name === undefined || m.names.includes(name));
  return (await Promise.all(wanted.map((m) => m.load()))).flat();
}

/** Terms wider than this (terminal columns) are set on a line of their own in help lists. */
const stackedTermWidth = 36;

export function createProgram(io: CliIO, done: (code: number) => void, defines: readonly Define[]): Command {
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
      boxWrap: wrapHelpText,
      optionDescription(this: Help, option) {
        return translateOptionExtras(Help.prototype.optionDescription.call(this, option));
      },
      subcommandTerm: (cmd) => `${cmd.name()} ${cmd.usage().replaceAll('[options]', '[选项]')}`.trim(),
      // A subcommand's own usage line too: 「用法： gongkai agencies add [选项]」.
      commandUsage(this: Help, cmd) {
        return Help.prototype.commandUsage.call(this, cmd).replaceAll('[options]', '[选项]');
      },
      formatItem(this: Help, term, termWidth, description, helper) {
        // Where a term is wider than stackedTermWidth (a subcommand's whole usage), a column of
        // descriptions beside the terms would start past most of the screen: each term then takes
        // a line of its own and its description the lines below, indented.
        if (!description || termWidth <= stackedTermWidth) {
          return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
        }
        const wrapped = helper.boxWrap(description, (this.helpWidth ?? 80) - 6).replace(/\n/g, '\n      ');
        return `  ${term}\n      ${wrapped}`;
      },
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
  for (const define of defines) define(program, io, done).helpOption('-h, --help', '显示帮助');
  return program;
}

/** Runs `gongkai` with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const defines = await loadCommands(argv.slice(2));
  const program = createProgram(
    io,
    (code) => {
      exitCode = code;
    },
    defines,
  );
  try {
    await program.parseAsync(argv, { from: 'node' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    throw error;
  }
  return exitCode;
}
