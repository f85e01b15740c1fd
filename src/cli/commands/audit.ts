/**
 * `gongkai audit`: the audit log (操作记录), newest first: who did what to which record, when,
 * and which fields it changed. Run locally, it shows the whole log.
 */
import type { Command } from 'commander';
import * as s from '../../api/schemas.js';
import * as svc from '../../api/services/index.js';
import { auditActor, auditChangeSummary, auditTime } from '../../store/audit-names.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { withStore, writeJson } from './register-shared.js';

interface AuditOptions {
  entity?: string;
  action?: string;
  user?: string;
  from?: string;
  to?: string;
  limit?: string;
  json?: boolean;
}

export function defineAudit(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('audit')
    .summary('查看操作记录（审计日志）')
    .description(
      [
        '查看操作记录（审计日志）：谁在什么时候对哪条记录做了什么，改了哪些字段；最新的在前。',
        '本机命令行可看到全部记录；网页中管理员只看到与本机关有关的记录。',
      ].join('\n'),
    )
    .option(
      '--entity <对象>',
      '只列出这类对象：user、agency、application、case、proactive_figures、report_prose、holiday_arrangement、corpus_body',
    )
    .option('--action <操作>', '只列出这种操作，如 update、login-failed')
    .option('--user <用户名>', '只列出这个用户的操作')
    .option('--from <日期>', '从这一天起（含，YYYY-MM-DD）')
    .option('--to <日期>', '到这一天止（含）')
    .option('--limit <条数>', '至多列出几条（默认 50，至多 200）')
    .option('--json', '每行输出一个 JSON')
    .action(async (o: AuditOptions) => {
      done(
        await withStore(io, async (store) => {
          const user =
            o.user === undefined ? undefined : (await svc.userByUsername(store, svc.cliPrincipal, o.user)).id;
          const query = s.auditQuery.parse({
            entity: o.entity,
            action: o.action,
            user,
            from: o.from,
            to: o.to,
            limit: o.limit,
          });
          const { entries } = await svc.listAudit(store, svc.cliPrincipal, query);
          if (!o.json) io.stdout.write('时间\t用户\t操作\t对象\t记录\t改动\n');
          for (const e of entries)
            if (o.json) writeJson(io, e);
            else
              io.stdout.write(
                `${auditTime(e.at)}\t${auditActor(e)}\t${e.actionName}\t${e.entityName}\t${e.label}\t${auditChangeSummary(e)}\n`,
              );
          return ExitCode.ok;
        }),
      );
    });
}
