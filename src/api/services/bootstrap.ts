/**
 * The first admin. `gongkai serve` on an empty store either prints how to create one, or creates one
 * from the environment: GONGKAI_ADMIN_PASSWORD (required), GONGKAI_ADMIN_USERNAME (default admin),
 * GONGKAI_ADMIN_AGENCY (the agency's name, created when missing; default 「本机关」).
 */
import type { Store, User } from '../../store/index.js';
import { newUserBody } from '../schemas.js';
import { cliPrincipal } from './principal.js';
import { createUser } from './users.js';

export const bootstrapHelp = [
  '尚未创建任何用户。创建第一个管理员：',
  '  gongkai agencies add --name 某某县人民政府办公室 --id office',
  '  gongkai users add --admin --agency office --username admin --name 管理员 --password-stdin',
  '或在启动前设置环境变量 GONGKAI_ADMIN_PASSWORD（可选 GONGKAI_ADMIN_USERNAME、GONGKAI_ADMIN_AGENCY），',
  '服务启动时自动创建该管理员。',
].join('\n');

export async function hasUsers(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Creates the admin from the environment when the store has no user; returns it and its agency's name, or null. */
export async function bootstrapAdmin(
  store: Store,
  env: Readonly<Record<string, string | undefined>>,
): Promise<{ user: User; agencyName: string } | null> {
  const password = env.GONGKAI_ADMIN_PASSWORD;
  if (!password || (await hasUsers(store))) return null;
  const name = env.GONGKAI_ADMIN_AGENCY || '本机关';
  const agency =
    (await store.agencies.list()).find((a) => a.name === name) ??
    (await store.agencies.create(cliPrincipal.actor, { name }));
  // The same checks as any new user (a password of at least 8 characters, a valid username).
  const input = newUserBody.parse({
    username: env.GONGKAI_ADMIN_USERNAME || 'admin',
    displayName: '管理员',
    password,
    role: 'admin',
    agencyId: agency.id,
  });
  return { user: await createUser(store, cliPrincipal, input), agencyName: agency.name };
}

/**
 * What the admin made from the environment sees of the report corpus: their own agency's reports
 * (src/corpus/scope.ts), which surprises whoever has just imported a corpus.
 */
export const adminCorpusNote =
  '管理员在监督页面只看到本机关的报告；整个报告库由评估角色查看（网页「用户管理」中新建，或 gongkai users add --role evaluator）。';
