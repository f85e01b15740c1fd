/**
 * `gongkai due [--agency A] [--days 5]`: applications past their due date or due within a few working
 * days, and those whose deadline can't be worked out (a year's holiday arrangement not entered).
 */
import type { Command } from 'commander';
import * as s from '../../api/schemas.js';
import * as svc from '../../api/services/index.js';
import { applicantName } from '../../workflow/index.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { agencyIdOf, withStore, writeJson } from './register-shared.js';

const line = (item: svc.DueItem): string =>
  `  ${item.number}\t${item.agencyId}\t${applicantName(item.applicant)}\t收到 ${item.receivedOn ?? '—'}\t答复期限 ${item.state.dueOn ?? '—'}${item.state.provisional ? '（暂定）' : ''}${item.requestText ? `\t${item.requestText.slice(0, 30)}` : ''}\n`;

export function defineDue(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('due')
    .summary('列出已超期、即将到期和无法计算期限的申请')
    .usage('[选项]')
    .option('--agency <机关>', '机关编号或名称（省略时列出全部机关）')
    .option('--days <工作日>', '距答复期限不超过几个工作日算即将到期', '5')
    .option('--as-of <日期>', '依据的日期（默认今天）')
    .option('--json', '输出 JSON')
    .action(async (o: { agency?: string; days: string; asOf?: string; json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const q = s.dueQuery.parse({
            days: o.days,
            ...(o.agency !== undefined ? { agency: await agencyIdOf(store, o.agency) } : {}),
            ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
          });
          const due = await svc.dueApplications(store, svc.cliPrincipal, {
            ...q,
            asOf: q.asOf ?? svc.todayInChina(),
          });
          if (o.json) {
            writeJson(io, due);
            return ExitCode.ok;
          }
          const agency = q.agency === undefined ? null : await store.agencies.get(q.agency);
          io.stdout.write(
            `机关：${agency ? `${agency.name}（${agency.id}）` : '全部'}\n截至 ${due.asOf}：\n已超期 ${due.overdue.length} 件\n`,
          );
          for (const item of due.overdue) io.stdout.write(line(item));
          io.stdout.write(`${due.days} 个工作日内到期 ${due.dueSoon.length} 件\n`);
          for (const item of due.dueSoon) io.stdout.write(line(item));
          if (due.unknown.length > 0) {
            io.stdout.write(`无法计算期限 ${due.unknown.length} 件（其中可能有已超期的）\n`);
            for (const item of due.unknown)
              io.stdout.write(
                `  ${item.number}\t${item.agencyId}\t收到 ${item.receivedOn ?? '—'}\t${item.state.statusName}\n`,
              );
            const missing = [
              ...new Set(due.unknown.map((i) => i.state.missingHolidayYear).filter((y) => y !== null)),
            ];
            if (missing.length > 0)
              io.stdout.write(
                `缺少 ${missing.join('、')} 年的节假日安排：国务院办公厅的通知发布后，用 gongkai holidays add 录入（见 gongkai holidays add --help）\n`,
              );
          }
          return ExitCode.ok;
        }),
      );
    });
}
