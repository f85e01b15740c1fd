/**
 * `gongkai compile --agency A --year Y [--to json|html|md|txt|docx|pdf] [-o FILE]`: the year's
 * report built from the records (compileReport), checked, and rendered through the registry.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import * as s from '../../api/schemas.js';
import * as svc from '../../api/services/index.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { describeWriteError } from '../output.js';
import { formatFinding } from '../reporter.js';
import { agencyIdOf, withStore } from './register-shared.js';

interface CompileOptions {
  agency?: string;
  year: string;
  to: string;
  output?: string;
}

export function defineCompile(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('compile')
    .summary('由登记的记录生成年度报告')
    .description(
      [
        '由登记的申请、案件和表二数据生成机关某年度的政府信息公开工作年度报告，',
        '核查后按 --to 输出（默认 JSON）。核查发现的问题写在标准错误输出上。',
        '',
        '退出码：0 已生成；1 核查发现错误；2 机关不存在、记录有误、输出文件无法写入或用法错误。',
      ].join('\n'),
    )
    .usage('[选项]')
    .option('--agency <机关>', '机关编号或名称（只有一个机关时可省略）')
    .requiredOption('--year <年度>', '报告年度')
    .option('--to <格式>', `输出格式：${s.compileTargets.join('、')}`, 'json')
    .option('-o, --output <文件>', '输出文件（省略或为 “-” 时写到标准输出）')
    .action(async (o: CompileOptions) => {
      done(
        await withStore(io, async (store) => {
          const { to } = s.compileQuery.parse({ to: o.to.toLowerCase() });
          const body = s.compileBody.parse({
            year: o.year,
            ...(o.agency !== undefined ? { agencyId: await agencyIdOf(store, o.agency) } : {}),
          });
          const compiled = await svc.compileYear(store, svc.cliPrincipal, body);
          const toStdout = o.output === undefined || o.output === '-';
          let out: string | Uint8Array;
          if (to === undefined || to === 'json') out = `${JSON.stringify(compiled.report)}\n`;
          else {
            const rendered = await svc.renderCompiled(compiled.report, to);
            if (rendered.binary && toStdout && io.stdout.isTTY === true) {
              io.stderr.write(
                `gongkai: 错误：${to.toUpperCase()} 是二进制格式，不能输出到终端，请用 -o 指定输出文件\n`,
              );
              return ExitCode.usage;
            }
            out = rendered.body;
          }
          for (const f of compiled.findings)
            io.stderr.write(`${formatFinding(compiled.report.agency ?? '', f)}\n`);
          if (toStdout) io.stdout.write(out);
          else
            try {
              await writeFile(o.output as string, out);
            } catch (error) {
              io.stderr.write(`${o.output}: 错误：${describeWriteError(error)}\n`);
              return ExitCode.unreadable;
            }
          return compiled.findings.some((f) => f.severity === 'error') ? ExitCode.findings : ExitCode.ok;
        }),
      );
    });
}
