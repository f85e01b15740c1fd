/**
 * `gongkai compile --agency A --year Y [--to json|html|md|txt|docx|pdf] [-o FILE] [--prose FILE]`:
 * the year's report built from the records (compileReport), with the office's prose for the parts
 * given in a JSON file, checked, and rendered through the registry.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ApiError, invalidInput } from '../../api/errors.js';
import * as s from '../../api/schemas.js';
import * as svc from '../../api/services/index.js';
import { readFileBounded } from '../../read/bounded-input.js';
import { ExitCode } from '../exit-code.js';
import { describeReadError, readAll, STDIN } from '../input.js';
import type { CliIO } from '../io.js';
import { describeWriteError } from '../output.js';
import { formatFinding } from '../reporter.js';
import { agencyIdOf, withStore } from './register-shared.js';

interface CompileOptions {
  agency?: string;
  year: string;
  to: string;
  output?: string;
  signedOn?: string;
  publishedOn?: string;
  prose?: string;
}

/** The JSON of `--prose FILE` (「-」: standard input), or why it can't be used. */
async function readProse(
  path: string,
  io: CliIO,
): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }> {
  let bytes: Uint8Array;
  try {
    bytes = path === STDIN ? await readAll(io.stdin) : await readFileBounded(path);
  } catch (error) {
    return { ok: false, reason: describeReadError(error) };
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.from(bytes).toString('utf8')) };
  } catch (error) {
    return {
      ok: false,
      reason: `不是有效的 JSON（${(error as Error).message}），应为如 {"5": "……"} 的 JSON 对象`,
    };
  }
}

/** The body's messages about 「prose」 name the option and the part: 「prose.5」 → 「--prose 中的 5」. */
const proseAsFlag = (message: string): string =>
  message.replace(/「prose(?:\.([^」]+))?」/g, (_, key?: string) =>
    key === undefined ? '「--prose」' : `「--prose 中的 ${key}」`,
  );

export function defineCompile(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('compile')
    .summary('由登记的记录生成年度报告')
    .description(
      [
        '由登记的申请、案件和表二数据生成机关某年度的政府信息公开工作年度报告，按 --to 输出（默认 JSON）。给出 --signed-on 时在报告末尾印落款（机关名称和成文日期），给出 --published-on 时在标题下印发布日期。',
        '--prose 给出各部分正文的 JSON 文件，键为部分序号（1 至 6 即一至六部分），如 {"1": "……", "5": "……"}：给出的部分替换由记录生成的默认文字；未给出的部分用网页上「保存正文」保存的正文，没有保存的用默认文字，其中无法由记录得出的内容为【待补充：…】，留在报告中时核查报告为错误。',
        '生成后像 gongkai check 一样读回输出并核查（JSON 按 Markdown 核查），发现的问题写在标准错误输出上，位置指输出文件中的行列。',
        '',
        '退出码：0 已生成；1 核查发现错误；2 机关不存在、记录有误、输出文件无法写入或用法错误。',
      ].join('\n'),
    )
    .usage('[选项]')
    .option('--agency <机关>', '机关编号或名称（只有一个机关时可省略）')
    .requiredOption('--year <年度>', '报告年度')
    .option('--to <格式>', `输出格式：${s.compileTargets.join('、')}`, 'json')
    .option('-o, --output <文件>', '输出文件（省略或为 “-” 时写到标准输出）')
    .option('--signed-on <日期>', '落款的成文日期（YYYY-MM-DD），省略时不印落款')
    .option('--published-on <日期>', '发布日期（YYYY-MM-DD）')
    .option('--prose <文件>', '各部分正文的 JSON 文件（“-” 表示标准输入），键为部分序号 1～6')
    .action(async (o: CompileOptions) => {
      done(
        await withStore(io, async (store) => {
          const { to = 'json' } = s.compileQuery.parse({ to: o.to.toLowerCase() });
          let prose: unknown;
          if (o.prose !== undefined) {
            const read = await readProse(o.prose, io);
            if (!read.ok) {
              io.stderr.write(`${o.prose}: 错误：--prose 文件有误：${read.reason}\n`);
              return ExitCode.usage;
            }
            prose = read.value;
          }
          const parsed = s.compileBody.safeParse({
            year: o.year,
            ...(o.agency !== undefined ? { agencyId: await agencyIdOf(store, o.agency) } : {}),
            ...(o.signedOn !== undefined ? { signedOn: o.signedOn } : {}),
            ...(o.publishedOn !== undefined ? { publishedOn: o.publishedOn } : {}),
            ...(o.prose !== undefined ? { prose } : {}),
          });
          if (!parsed.success) {
            const e = invalidInput(parsed.error);
            throw new ApiError(e.status, e.code, proseAsFlag(e.message));
          }
          const body = parsed.data;
          const toStdout = o.output === undefined || o.output === '-';
          // A binary format can't go to a terminal: say so before any work.
          if (toStdout && io.stdout.isTTY === true && (to === 'docx' || to === 'pdf')) {
            io.stderr.write(
              `gongkai: 错误：${to.toUpperCase()} 是二进制格式，不能输出到终端，请用 -o 指定输出文件\n`,
            );
            return ExitCode.usage;
          }
          const compiled = await svc.compileYear(store, svc.cliPrincipal, body, to);
          const out = compiled.output?.body ?? `${JSON.stringify(compiled.report)}\n`;
          // Places are in the output as written; JSON was checked in its Markdown form.
          const name = toStdout
            ? `${compiled.report.agency ?? compiled.agencyId}-${body.year}.${compiled.checkedAs}`
            : to === 'json'
              ? `${o.output as string}（${compiled.checkedAs}）`
              : (o.output as string);
          for (const f of compiled.findings) io.stderr.write(`${formatFinding(name, f)}\n`);
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
