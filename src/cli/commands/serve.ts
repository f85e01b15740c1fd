/**
 * `gongkai serve [--port N] [--host 127.0.0.1]`: the HTTP API on the store (SQLite in GONGKAI_DATA or
 * ./gongkai-data; PostgreSQL when DATABASE_URL is set). On an empty store it creates the first admin
 * from GONGKAI_ADMIN_PASSWORD, or says how to create one. Stops cleanly on SIGINT or SIGTERM.
 */
import type { Command } from 'commander';
import { buildApi } from '../../api/server.js';
import { adminCorpusNote, bootstrapAdmin, bootstrapHelp, hasUsers } from '../../api/services/bootstrap.js';
import { holidayTableOf } from '../../api/services/holidays.js';
import { todayInChina } from '../../api/services/today.js';
import { openStore, type Store } from '../../store/index.js';
import { reminderFrom } from '../../workflow/index.js';
import { ExitCode } from '../exit-code.js';
import type { CliIO } from '../io.js';
import { version } from '../main.js';
import { stopSignal } from '../stop-signal.js';
import { reportError } from './register-shared.js';

export interface ServeOptions {
  port: string;
  host: string;
  /** Proxies whose X-Forwarded-* headers are believed (comma-separated addresses or CIDR ranges). */
  trustProxy?: string;
}

export async function runServe(
  options: ServeOptions,
  io: CliIO,
  stopped: Promise<unknown> = stopSignal(),
): Promise<number> {
  const port = Number(options.port);
  if (!/^\d+$/.test(options.port) || port > 65_535) {
    io.stderr.write(`gongkai: 错误：端口「${options.port}」无效（0–65535）\n`);
    return ExitCode.usage;
  }
  let store: Store | undefined;
  try {
    store = await openStore();
    const admin = await bootstrapAdmin(store, process.env);
    if (admin)
      io.stderr.write(
        `已按 GONGKAI_ADMIN_PASSWORD 创建管理员 ${admin.user.username}（机关：${admin.agencyName}）。${adminCorpusNote}\n`,
      );
    else if (!(await hasUsers(store))) io.stderr.write(`${bootstrapHelp}\n`);
    const trust = (options.trustProxy ?? process.env.GONGKAI_TRUST_PROXY ?? '')
      .split(/[,，\s]+/)
      .filter(Boolean);
    const app = await buildApi({
      store,
      version: version(),
      // JSON lines on standard output: warnings (failed logins, lockouts) and errors, each with its request id.
      logger: { level: process.env.GONGKAI_LOG_LEVEL || 'warn', stream: process.stdout },
      ...(trust.length > 0 ? { trustProxy: trust } : {}),
    });
    const address = await app.listen({ port, host: options.host });
    io.stdout.write(
      `Gongkai API 已启动：${address}（接口说明：${address}/openapi.json；数据：${store.capabilities.description}）\n`,
    );
    const holidays = await holidayReminder(store, todayInChina());
    if (holidays) io.stderr.write(`${holidays}\n`);
    await stopped;
    io.stderr.write('正在停止……\n');
    await app.close();
    io.stderr.write('已停止\n');
    return ExitCode.ok;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.stderr.write(`gongkai: 错误：无法在 ${options.host}:${port} 上监听（${String(code)}）\n`);
      return ExitCode.usage;
    }
    return reportError(error, io);
  } finally {
    await store?.close();
  }
}

/**
 * A reminder, from two months before the holiday table runs out (or once it has), that the next
 * year's arrangement is to be entered: deadlines past its end can't be worked out until it is.
 */
export async function holidayReminder(store: Store, today: string): Promise<string | null> {
  const table = await holidayTableOf(store);
  if (today < reminderFrom(table.coveredThrough)) return null;
  return `提示：节假日安排只到 ${table.nextYear - 1} 年，${table.coveredThrough} 以后的答复期限无法计算。${table.nextYear} 年的安排（国务院办公厅的通知）发布后，请管理员在网页「节假日安排」中录入，或用 gongkai holidays add --from 通知.html 录入。`;
}

export function defineServe(program: Command, io: CliIO, done: (code: number) => void): Command {
  return program
    .command('serve')
    .summary('启动 HTTP API')
    .description(
      [
        '启动 HTTP API（接口说明见 /openapi.json）。数据存放在 GONGKAI_DATA 目录（默认 ./gongkai-data）的',
        'SQLite 数据库中；设置 DATABASE_URL 时使用 PostgreSQL。Ctrl-C（SIGINT）或 SIGTERM 停止服务。',
        '',
        '第一次启动时如尚无用户：设置 GONGKAI_ADMIN_PASSWORD（可选 GONGKAI_ADMIN_USERNAME、',
        'GONGKAI_ADMIN_AGENCY）自动创建管理员，或先用 gongkai users add --admin 创建。',
        '',
        '日志为 JSON 行（pino），写到标准输出：默认记录警告（登录失败、锁定）和错误，每行带请求编号 reqId，',
        '与错误响应中的 requestId 相同；GONGKAI_LOG_LEVEL=info 记录每个请求。在反向代理之后运行时，用',
        '--trust-proxy 指定代理的地址，客户端地址才取自 X-Forwarded-For，经 HTTPS 访问时 Cookie 带 Secure。',
      ].join('\n'),
    )
    .usage('[选项]')
    .option('--port <端口>', '监听端口', '8080')
    .option('--host <地址>', '监听地址（默认只监听本机）', '127.0.0.1')
    .option(
      '--trust-proxy <地址,…>',
      '信任其 X-Forwarded-For / X-Forwarded-Proto 的反向代理（地址或网段，逗号分隔；也可用环境变量 GONGKAI_TRUST_PROXY）',
    )
    .action(async (options: ServeOptions) => {
      done(await runServe(options, io));
    });
}
