/** `gongkai schema [--format 2021|2019]`: prints the JSON Schema of report JSON. */
import { type Command, Option } from 'commander';
import { reportJsonSchema } from '../../report-json/schema.js';
import { formats } from '../../spec/registry.js';
import type { FormatId } from '../../spec/types.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';

export interface SchemaOptions {
  format?: FormatId;
}

export function runSchema(options: SchemaOptions, io: CliIO): number {
  io.stdout.write(`${JSON.stringify(reportJsonSchema(options.format), null, 2)}\n`);
  return ExitCode.ok;
}

export function defineSchema(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('schema')
    .summary('输出报告 JSON 的 JSON Schema')
    .description(
      [
        '输出报告 JSON（render 的输入，也是 parse --json 各行中描述报告的成员）的 JSON Schema。',
        '不加 --format 时包含全部格式版本，按 format 区分。',
      ].join('\n'),
    )
    .usage('[选项]')
    .addOption(new Option('--format <版本>', '只输出该格式版本的 Schema').choices(formats.map((f) => f.id)))
    .action((options: SchemaOptions) => {
      done(runSchema(options, io));
    });
}
