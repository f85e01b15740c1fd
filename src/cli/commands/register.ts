/**
 * The register commands, thin shells over the services the API uses (src/api/services): each parses
 * its options with the API's zod schema, calls the service as the local system actor (`cli` in the
 * audit log) and prints the result.
 *
 *   gongkai agencies add|list
 *   gongkai applications add|edit|event|list|export|import|notice
 *   gongkai cases add|export|import
 *   gongkai proactive set
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import * as s from '../../api/schemas.js';
import * as svc from '../../api/services/index.js';
import { caseOutcomeNames, channels, outcomes } from '../../workflow/index.js';
import { ExitCode } from '../exit-code.js';
import { describeReadError } from '../input.js';
import type { CliIO } from '../io.js';
import { describeWriteError } from '../output.js';
import { agencyIdOf, numberOption, withStore, writeJson } from './register-shared.js';

type Done = (code: number) => void;

/** Writes a made file to standard output (no path, or 「-」) or to the path, saying so; the exit code. */
async function writeOutput(
  io: CliIO,
  path: string | undefined,
  body: Uint8Array | string,
  written: string,
): Promise<number> {
  if (path === undefined || path === '-') {
    io.stdout.write(body);
    return ExitCode.ok;
  }
  try {
    await writeFile(path, body);
  } catch (error) {
    io.stderr.write(`${path}: 错误：${describeWriteError(error)}\n`);
    return ExitCode.unreadable;
  }
  io.stderr.write(`${written}\n`);
  return ExitCode.ok;
}
const p = svc.cliPrincipal;

/**
 * A register's ledger (`make` it) to standard output or a file: XLSX, a binary format, only into a
 * file. `noun` is what a row is (申请, 案件).
 */
async function exportLedger(
  io: CliIO,
  output: string | undefined,
  to: svc.LedgerFormat,
  noun: string,
  make: () => Promise<svc.LedgerFile>,
): Promise<number> {
  if ((output === undefined || output === '-') && to === 'xlsx') {
    io.stderr.write('gongkai: 错误：XLSX 是二进制格式，请用 -o 指定输出文件（或 --to csv）\n');
    return ExitCode.usage;
  }
  const file = await make();
  return writeOutput(io, output, file.body, `已导出 ${file.rows} 件${noun}到 ${output}`);
}

/** A ledger file's bytes, or null once it said why it can't be read. */
async function readLedger(io: CliIO, path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    io.stderr.write(`${path}: 错误：${describeReadError(error)}\n`);
    return null;
  }
}

/** What an import did: each wrong row as 「file:line: 错误：…」 (exit 1), or what was checked or stored. */
function reportImport(
  io: CliIO,
  path: string,
  result: svc.LedgerImportResult,
  noun: string,
  json: boolean,
): number {
  const wrong = result.created === 0 ? result.results : [];
  if (json) writeJson(io, result);
  else {
    for (const r of wrong)
      io.stderr.write(
        `${path}:${r.line}: 错误：${r.number ? `（${r.number}）` : ''}${r.messages.join('；')}\n`,
      );
    io.stdout.write(
      wrong.length > 0
        ? `共 ${result.rows} 件，${wrong.length} 件有问题，未导入（改正后重新导入）\n`
        : result.dryRun
          ? `共 ${result.rows} 件，检查无误（未保存）\n`
          : `已导入 ${result.created} 件${noun}：${result.results.map((r) => r.number).join('、')}\n`,
    );
  }
  return wrong.length > 0 ? ExitCode.findings : ExitCode.ok;
}

/** Drops the options that were not given. */
const given = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

export function defineAgencies(program: Command, io: CliIO, done: Done): Command {
  const agencies = program.command('agencies').summary('登记和列出机关').usage('<命令>');
  agencies
    .command('add')
    .summary('登记一个机关')
    .requiredOption('--name <名称>', '机关名称，如「某某县人民政府办公室」')
    .option('--id <编号>', '机关编号（省略时自动生成）')
    .option('--region <行政区划>', '行政区划')
    .option('--code <代码>', '统一社会信用代码等')
    .option('--json', '输出 JSON')
    .action(async (o: { name: string; id?: string; region?: string; code?: string; json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const body = s.newAgencyBody.parse(
            given({ name: o.name, id: o.id, region: o.region, code: o.code }),
          );
          const agency = await svc.createAgency(store, p, body);
          if (o.json) writeJson(io, agency);
          else io.stdout.write(`已登记机关 ${agency.id}：${agency.name}\n`);
          return ExitCode.ok;
        }),
      );
    });
  agencies
    .command('list')
    .summary('列出机关')
    .option('--json', '每行输出一个 JSON')
    .action(async (o: { json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          if (!o.json) io.stdout.write('编号\t名称\n');
          for (const a of await svc.listAgencies(store, p))
            if (o.json) writeJson(io, a);
            else io.stdout.write(`${a.id}\t${a.name}\n`);
          return ExitCode.ok;
        }),
      );
    });
  return agencies;
}

interface ApplicationAddOptions {
  agency?: string;
  applicant: string;
  channel: string;
  submitted: string;
  signedFor?: string;
  confirmed?: string;
  request?: string;
  applicantName?: string;
  contact?: string;
  delivery?: string;
  id?: string;
  json?: boolean;
}

type ApplicationEditOptions = Partial<Omit<ApplicationAddOptions, 'agency' | 'id'>>;

/** The fields of an application that its options give, by the API's names. */
const applicationFields = (o: ApplicationEditOptions) =>
  given({
    applicant: o.applicant,
    channel: o.channel,
    submittedOn: o.submitted,
    signedForOn: o.signedFor,
    confirmedOn: o.confirmed,
    requestText: o.request,
    applicantName: o.applicantName,
    applicantContact: o.contact,
    delivery: o.delivery,
  });

/** The options `add` and `edit` share (what `add` requires, `edit` may leave out). */
function applicationOptions(command: Command, required: boolean): Command {
  const option = (flags: string, description: string) =>
    required ? command.requiredOption(flags, description) : command.option(flags, description);
  option(
    '--applicant <类型>',
    'np 自然人、biz 商业企业、res 科研机构、ngo 社会公益组织、law 法律服务机构、oth 其他',
  );
  option('--channel <方式>', `提交方式：${channels.join('、')}`);
  option('--submitted <日期>', '申请人提交日期（YYYY-MM-DD）');
  return command
    .option('--signed-for <日期>', '邮寄：签收日期')
    .option('--confirmed <日期>', '平常信函、互联网、电子邮件、传真：确认收到日期')
    .option('--request <内容>', '申请内容')
    .option('--applicant-name <姓名>', '申请人姓名或者名称')
    .option('--contact <联系方式>', '申请人的联系方式（电话、通信地址、电子邮箱等）')
    .option('--delivery <方式>', '申请人要求的获取信息的方式、途径（如邮寄纸质件、电子邮件）');
}

interface EventOptions {
  type: string;
  on: string;
  correctBy?: string;
  party?: string;
  days?: string;
  approvedBy?: string;
  method?: string;
  quantity?: string;
  amount?: string;
  outcome?: string;
  json?: boolean;
}

const stateLine = (v: svc.ShownApplication): string =>
  `${v.number}\t${v.receivedOn ?? '未确认收到'}\t${v.state.statusName}${v.state.dueOn ? `\t答复期限 ${v.state.dueOn}` : ''}`;

export function defineApplications(program: Command, io: CliIO, done: Done): Command {
  const applications = program
    .command('applications')
    .summary('登记政府信息公开申请及其办理事件')
    .usage('<命令>');
  applicationOptions(
    applications
      .command('add')
      .summary('登记一件申请')
      .option('--agency <机关>', '机关编号或名称（只有一个机关时可省略）'),
    true,
  )
    .option('--id <编号>', '本机关的申请编号（如 2026-001；省略时按年度顺序自动编号）')
    .option('--json', '输出 JSON')
    .action(async (o: ApplicationAddOptions) => {
      done(
        await withStore(io, async (store) => {
          const body = s.newApplicationBody.parse({
            ...given({ id: o.id, agencyId: await agencyIdOf(store, o.agency) }),
            ...applicationFields(o),
          });
          const view = await svc.createApplication(store, p, body, svc.todayInChina());
          if (o.json) writeJson(io, view);
          else io.stdout.write(`已登记申请 ${stateLine(view)}\n`);
          return ExitCode.ok;
        }),
      );
    });
  applicationOptions(
    applications
      .command('edit')
      .summary('修改一件申请的登记内容（申请人、联系方式、申请内容、提交渠道和日期）')
      .argument('<申请编号>'),
    false,
  )
    .option('--json', '输出 JSON')
    .action(async (id: string, o: ApplicationEditOptions & { json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const fields = applicationFields(o);
          if (Object.keys(fields).length === 0) {
            io.stderr.write(
              'gongkai: 错误：没有要修改的内容：请至少给出一项（--applicant-name、--contact、--delivery、--request、--applicant、--channel、--submitted、--signed-for、--confirmed）\n',
            );
            return ExitCode.usage;
          }
          const patch = s.applicationPatchBody.parse(fields);
          const view = await svc.updateApplication(store, p, id, patch, svc.todayInChina());
          if (o.json) writeJson(io, view);
          else io.stdout.write(`已修改申请 ${stateLine(view)}\n`);
          return ExitCode.ok;
        }),
      );
    });
  applications
    .command('event')
    .summary('记录一件申请的办理事件')
    .argument('<申请编号>')
    .requiredOption(
      '--type <事件>',
      'correctionRequested 补正通知、corrected 收到补正、consultationSent 征求意见、consultationAnswered 收到意见、extended 延长答复期限、feeNotified 收费通知、feePaid 缴纳费用、replied 答复',
    )
    .requiredOption('--on <日期>', '事件日期（YYYY-MM-DD）')
    .option('--correct-by <日期>', '补正通知：补正期限')
    .option('--party <对象>', '征求意见：thirdParty 第三方、agency 其他机关')
    .option('--days <工作日>', '延长答复期限：延长的工作日数')
    .option('--approved-by <批准人>', '延长答复期限：批准人')
    .option('--method <方式>', '收费通知：perItem 按件、perPage 按量')
    .option('--quantity <数量>', '收费通知：本月第几件或页数')
    .option('--amount <元>', '收费通知：收费金额')
    .option('--outcome <结果>', `答复：办理结果（${outcomes.slice(0, 4).join('、')}…）`)
    .option('--json', '输出 JSON')
    .action(async (id: string, o: EventOptions) => {
      done(
        await withStore(io, async (store) => {
          const event = s.eventSchema.parse(
            given({
              type: o.type,
              on: o.on,
              correctBy: o.correctBy,
              party: o.party,
              days: numberOption(o.days),
              approvedBy: o.approvedBy,
              method: o.method,
              quantity: numberOption(o.quantity),
              amount: numberOption(o.amount),
              outcome: o.outcome,
            }),
          );
          const view = await svc.addEvent(store, p, id, event, svc.todayInChina());
          if (o.json) writeJson(io, view);
          else {
            io.stdout.write(`已记录 ${stateLine(view)}\n`);
            for (const w of view.warnings) io.stderr.write(`gongkai: 警告：${w.message}\n`);
          }
          return ExitCode.ok;
        }),
      );
    });
  applications
    .command('list')
    .summary('列出申请及其办理状态')
    .option('--agency <机关>', '机关编号或名称（省略时列出全部）')
    .option('--year <年度>', '只列出该年度收到的申请')
    .option('--as-of <日期>', '依据的日期（默认今天）')
    .option('--json', '每行输出一个 JSON')
    .action(async (o: { agency?: string; year?: string; asOf?: string; json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const q = s.applicationListQuery.parse(
            given({ agency: await agencyIdOf(store, o.agency), year: o.year, asOf: o.asOf }),
          );
          const list = await svc.listApplications(store, p, { ...q, asOf: q.asOf ?? svc.todayInChina() });
          if (!o.json) {
            const names = new Map((await store.agencies.list()).map((a) => [a.id, a.name]));
            const agencies = [...new Set(list.map((v) => v.agencyId))].map(
              (id) => `${names.get(id) ?? id}（${id}）`,
            );
            io.stdout.write(
              `机关：${q.agency ? `${names.get(q.agency) ?? q.agency}（${q.agency}）` : agencies.join('、') || '全部'}\n编号\t收到日期\t状态\t答复期限\n`,
            );
          }
          for (const v of list)
            if (o.json) writeJson(io, v);
            else io.stdout.write(`${stateLine(v)}\n`);
          if (!o.json) io.stdout.write(`共 ${list.length} 件\n`);
          return ExitCode.ok;
        }),
      );
    });
  applications
    .command('export')
    .summary('导出依申请公开办理台账（XLSX 或 CSV）')
    .option('--agency <机关>', '机关编号或名称（省略时为全部）')
    .option('--year <年度>', '只导出该年度收到的申请')
    .option('--as-of <日期>', '状态依据的日期（默认今天）')
    .option('--to <格式>', 'xlsx（默认，中文表头）或 csv（字段名表头）', 'xlsx')
    .option('-o, --output <文件>', '输出文件（csv 可省略或为 “-”，写到标准输出）')
    .action(async (o: { agency?: string; year?: string; asOf?: string; to: string; output?: string }) => {
      done(
        await withStore(io, async (store) => {
          const q = s.applicationExportQuery.parse(
            given({
              agency: await agencyIdOf(store, o.agency),
              year: o.year,
              asOf: o.asOf,
              to: o.to.toLowerCase(),
            }),
          );
          const { to, asOf, ...scope } = q;
          return exportLedger(io, o.output, to, '申请', () =>
            svc.applicationLedger(store, p, { ...scope, asOf: asOf ?? svc.todayInChina() }, to),
          );
        }),
      );
    });
  applications
    .command('import')
    .summary('导入办理台账（XLSX 或 CSV，表头同导出的台账）：全部行无误才保存')
    .argument('<文件>', '台账文件（.xlsx，或 UTF-8 / GB18030 编码的 .csv）')
    .option('--agency <机关>', '机关编号或名称（只有一个机关时可省略）')
    .option('--dry-run', '只检查，不保存')
    .option('--json', '输出 JSON')
    .action(async (path: string, o: { agency?: string; dryRun?: boolean; json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const bytes = await readLedger(io, path);
          if (bytes === null) return ExitCode.unreadable;
          const agency = await agencyIdOf(store, o.agency);
          const result = await svc.importLedger(
            store,
            p,
            { agency, bytes, dryRun: o.dryRun === true },
            svc.todayInChina(),
          );
          return reportImport(io, path, result, '申请', o.json === true);
        }),
      );
    });
  applications
    .command('notice')
    .summary('生成事件对应的文书草稿（补正通知书、延期答复告知书、征求意见书、收费通知书、答复书）')
    .argument('<编号>', '申请的编号或 id')
    .requiredOption('--event <序号>', '事件的序号（从 1 起算，即办理过程中的第几个事件）')
    .option('--to <格式>', 'docx（默认，按 GB/T 9704 排版）或 md', 'docx')
    .option('-o, --output <文件>', '输出文件（md 可省略或为 “-”，写到标准输出）')
    .action(async (ref: string, o: { event: string; to: string; output?: string }) => {
      done(
        await withStore(io, async (store) => {
          const { to } = s.noticeQuery.parse({ to: o.to.toLowerCase() });
          const { ordinal } = s.eventParams.parse({ applicationId: ref, ordinal: Number(o.event) - 1 });
          const toStdout = o.output === undefined || o.output === '-';
          if (toStdout && to === 'docx' && io.stdout.isTTY === true) {
            io.stderr.write('gongkai: 错误：DOCX 是二进制格式，不能输出到终端，请用 -o 指定输出文件\n');
            return ExitCode.usage;
          }
          const file = await svc.applicationNotice(store, p, ref, ordinal, to);
          return writeOutput(io, o.output, file.body, `已生成 ${o.output}`);
        }),
      );
    });
  return applications;
}

export function defineCases(program: Command, io: CliIO, done: Done): Command {
  const cases = program.command('cases').summary('登记行政复议和行政诉讼案件').usage('<命令>');
  cases
    .command('add')
    .summary('登记一个案件')
    .option('--agency <机关>', '机关编号或名称（只有一个机关时可省略）')
    .requiredOption('--kind <类型>', 'review 行政复议、direct 未经复议直接起诉、afterReview 复议后起诉')
    .requiredOption('--filed <日期>', '收案日期（YYYY-MM-DD）')
    .option('--decided <日期>', '审结日期（YYYY-MM-DD）')
    .option('--outcome <结果>', 'upheld 结果维持、corrected 结果纠正、other 其他结果')
    .option('--application <申请编号>', '相关的申请')
    .option('--id <编号>', '本机关的案件编号（省略时按年度顺序自动编号）')
    .option('--json', '输出 JSON')
    .action(
      async (o: {
        agency?: string;
        kind: string;
        filed: string;
        decided?: string;
        outcome?: string;
        application?: string;
        id?: string;
        json?: boolean;
      }) => {
        done(
          await withStore(io, async (store) => {
            const body = s.newCaseBody.parse(
              given({
                id: o.id,
                agencyId: await agencyIdOf(store, o.agency),
                kind: o.kind,
                filedOn: o.filed,
                decidedOn: o.decided,
                outcome: o.outcome,
                applicationId: o.application,
              }),
            );
            const c = await svc.createCase(store, p, body);
            if (o.json) writeJson(io, c);
            else
              io.stdout.write(
                `已登记案件 ${c.number}（${c.filedOn}，${caseOutcomeNames[c.outcome ?? 'pending']}）\n`,
              );
            return ExitCode.ok;
          }),
        );
      },
    );
  cases
    .command('export')
    .summary('导出复议诉讼台账（XLSX 或 CSV）')
    .option('--agency <机关>', '机关编号或名称（省略时为全部）')
    .option('--year <年度>', '只导出该年度收案的案件')
    .option('--to <格式>', 'xlsx（默认，中文表头）或 csv（字段名表头）', 'xlsx')
    .option('-o, --output <文件>', '输出文件（csv 可省略或为 “-”，写到标准输出）')
    .action(async (o: { agency?: string; year?: string; to: string; output?: string }) => {
      done(
        await withStore(io, async (store) => {
          const { to, ...scope } = s.caseExportQuery.parse(
            given({ agency: await agencyIdOf(store, o.agency), year: o.year, to: o.to.toLowerCase() }),
          );
          return exportLedger(io, o.output, to, '案件', () => svc.caseLedger(store, p, scope, to));
        }),
      );
    });
  cases
    .command('import')
    .summary('导入复议诉讼台账（XLSX 或 CSV，表头同导出的台账）：全部行无误才保存')
    .argument('<文件>', '台账文件（.xlsx，或 UTF-8 / GB18030 编码的 .csv）')
    .option('--agency <机关>', '机关编号或名称（只有一个机关时可省略）')
    .option('--dry-run', '只检查，不保存')
    .option('--json', '输出 JSON')
    .action(async (path: string, o: { agency?: string; dryRun?: boolean; json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const bytes = await readLedger(io, path);
          if (bytes === null) return ExitCode.unreadable;
          const agency = await agencyIdOf(store, o.agency);
          const result = await svc.importCases(store, p, { agency, bytes, dryRun: o.dryRun === true });
          return reportImport(io, path, result, '案件', o.json === true);
        }),
      );
    });
  return cases;
}

export function defineProactive(program: Command, io: CliIO, done: Done): Command {
  const proactive = program.command('proactive').summary('填写表二（主动公开）的数据').usage('<命令>');
  proactive
    .command('set')
    .summary('填写机关某年度表二的数据：键=值（值为空删除该项）')
    .usage('--agency <机关> --year <年度> <键=值...>')
    .option('--agency <机关>', '机关编号或名称（只有一个机关时可省略）')
    .requiredOption('--year <年度>', '报告年度')
    .argument('<键=值...>', '如 p.rules.issued=3 p.fees.amount=1.25')
    .option('--json', '输出 JSON')
    .action(async (pairs: string[], o: { agency?: string; year: string; json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const cells: Record<string, unknown> = {};
          for (const pair of pairs) {
            const eq = pair.indexOf('=');
            const key = eq < 0 ? pair : pair.slice(0, eq);
            const value = eq < 0 ? '' : pair.slice(eq + 1).trim();
            cells[key] = value === '' ? null : Number(value);
          }
          const year = s.reportYear.parse(o.year);
          const body = s.proactiveBody.parse({ cells });
          const agency = await svc.resolveAgency(store, p, o.agency);
          const result = await svc.setProactive(store, p, agency.id, year, body.cells);
          if (o.json) writeJson(io, result);
          else
            io.stdout.write(
              `已填写 ${agency.name} ${year} 年度表二 ${Object.keys(result.cells).length} 项\n`,
            );
          return ExitCode.ok;
        }),
      );
    });
  return proactive;
}
