/** `gongkai users add|list`: users of the API, created as the local system actor `cli`. */
import type { Command } from 'commander';
import * as s from '../../api/schemas.js';
import * as svc from '../../api/services/index.js';
import { roleNames } from '../../store/schema.js';
import { ExitCode } from '../exit-code.js';
import { readAll } from '../input.js';
import type { CliIO } from '../io.js';
import { agencyIdOf, withStore, writeJson } from './register-shared.js';

/** What a new user sees: their agency, the agencies they supervise, or (an evaluator) the whole corpus. */
const scopeOf = (user: { role: string; agencyId: string | null; supervises: readonly string[] }): string =>
  user.agencyId
    ? `，机关 ${user.agencyId}`
    : user.supervises.length > 0
      ? `，监督 ${user.supervises.join('、')}`
      : user.role === 'evaluator'
        ? '，可查看整个报告库'
        : '';

interface UserAddOptions {
  username: string;
  name?: string;
  role?: string;
  admin?: boolean;
  agency?: string;
  supervises?: string;
  password?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

export function defineUsers(program: Command, io: CliIO, done: (code: number) => void): Command {
  const users = program.command('users').summary('管理 API 的用户').usage('<命令>');
  users
    .command('add')
    .summary('新建用户')
    .requiredOption('--username <用户名>', '登录用的用户名')
    .option('--name <姓名>', '显示的姓名（默认同用户名）')
    .option(
      '--role <角色>',
      'clerk 录入、reviewer 审核、admin 管理员、supervisor 监督、evaluator 评估（默认 clerk）',
    )
    .option('--admin', '管理员（同 --role admin）')
    .option('--agency <机关>', '所属机关的编号或名称（只有一个机关时可省略）')
    .option('--supervises <机关,...>', '监督角色：监督的机关，逗号分隔')
    .option('--password <密码>', '密码（至少 10 个字符，不能是常见密码；建议改用 --password-stdin）')
    .option('--password-stdin', '从标准输入读取密码（第一行）')
    .option('--json', '输出 JSON')
    .action(async (o: UserAddOptions) => {
      done(
        await withStore(io, async (store) => {
          let password = o.password;
          if (o.passwordStdin)
            password = Buffer.from(await readAll(io.stdin))
              .toString('utf8')
              .split(/\r?\n/)[0];
          if (password === undefined) {
            io.stderr.write('gongkai: 错误：请用 --password-stdin（或 --password）给出密码\n');
            return ExitCode.usage;
          }
          const role = o.admin ? 'admin' : (o.role ?? 'clerk');
          const body = s.newUserBody.parse({
            username: o.username,
            displayName: o.name ?? o.username,
            password,
            role,
            ...(role === 'supervisor'
              ? o.supervises !== undefined
                ? {
                    agencyIds: o.supervises
                      .split(/[,，]/)
                      .map((x) => x.trim())
                      .filter(Boolean),
                  }
                : {}
              : role === 'evaluator'
                ? {}
                : o.agency !== undefined
                  ? { agencyId: await agencyIdOf(store, o.agency) }
                  : {}),
          });
          const user = await svc.createUser(store, svc.cliPrincipal, body);
          if (o.json) writeJson(io, user);
          else io.stdout.write(`已创建用户 ${user.username}（${roleNames[user.role]}${scopeOf(user)}）\n`);
          return ExitCode.ok;
        }),
      );
    });
  users
    .command('list')
    .summary('列出用户')
    .option('--json', '每行输出一个 JSON')
    .action(async (o: { json?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          const list = await svc.listUsers(store, svc.cliPrincipal);
          if (!o.json) io.stdout.write('用户名\t角色\t机关（监督角色：监督的机关）\t姓名\t状态\n');
          for (const u of list)
            if (o.json) writeJson(io, u);
            else
              io.stdout.write(
                `${u.username}\t${roleNames[u.role]}\t${u.agencyId ?? u.supervises.join(',')}\t${u.displayName}\t${u.disabledAt ? '已停用' : '正常'}\n`,
              );
          return ExitCode.ok;
        }),
      );
    });
  for (const [name, disabled, summary] of [
    ['disable', true, '停用账号（立即结束其全部会话）'],
    ['enable', false, '重新启用停用的账号'],
  ] as const)
    users
      .command(name)
      .summary(summary)
      .argument('<用户名>')
      .option('--json', '输出 JSON')
      .action(async (username: string, o: { json?: boolean }) => {
        done(
          await withStore(io, async (store) => {
            const user = await svc.userByUsername(store, svc.cliPrincipal, username);
            const after = await svc.updateUser(
              store,
              svc.cliPrincipal,
              user.id,
              s.userPatchBody.parse({ disabled }),
            );
            if (o.json) writeJson(io, after);
            else io.stdout.write(`${disabled ? '已停用' : '已启用'}用户 ${after.username}\n`);
            return ExitCode.ok;
          }),
        );
      });
  users
    .command('password')
    .summary('重设用户的密码（立即结束其全部会话）')
    .argument('<用户名>')
    .option('--password-stdin', '从标准输入读取新密码（第一行）')
    .action(async (username: string, o: { passwordStdin?: boolean }) => {
      done(
        await withStore(io, async (store) => {
          if (!o.passwordStdin) {
            io.stderr.write('gongkai: 错误：请用 --password-stdin 从标准输入给出新密码\n');
            return ExitCode.usage;
          }
          const password = Buffer.from(await readAll(io.stdin))
            .toString('utf8')
            .split(/\r?\n/)[0];
          const user = await svc.userByUsername(store, svc.cliPrincipal, username);
          await svc.updateUser(store, svc.cliPrincipal, user.id, s.userPatchBody.parse({ password }));
          io.stdout.write(`已重设用户 ${user.username} 的密码，其会话已全部结束\n`);
          return ExitCode.ok;
        }),
      );
    });
  return users;
}
