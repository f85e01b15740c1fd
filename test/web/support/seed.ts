/**
 * A register for the web tests and the screenshots, written through the store and the services (so
 * every record passes the API's own checks): agency A with a year of applications in every state,
 * two cases, table 二 figures, and one user of each role (password `password`).
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApi } from '../../../src/api/server.js';
import { createApplication } from '../../../src/api/services/applications.js';
import { createCase } from '../../../src/api/services/cases.js';
import { cliPrincipal } from '../../../src/api/services/principal.js';
import { setProactive } from '../../../src/api/services/proactive.js';
import { hashPassword } from '../../../src/auth/password.js';
import { LoginLimiter } from '../../../src/auth/rate-limit.js';
import { openStore, type Store, systemActor } from '../../../src/store/index.js';

export const password = 'web-test-password-1';
/** The day the server takes as today (a Monday). */
export const today = '2024-06-03';

export const users = {
  clerk: { username: 'clerk', displayName: '王录入', role: 'clerk' as const },
  reviewer: { username: 'reviewer', displayName: '李审核', role: 'reviewer' as const },
  admin: { username: 'admin', displayName: '张管理', role: 'admin' as const },
  supervisor: { username: 'supervisor', displayName: '赵监督', role: 'supervisor' as const },
};

/** An evaluator (no agency, the whole corpus): username `evaluator`, the same password. */
export async function addEvaluator(store: Store): Promise<void> {
  await store.users.create(systemActor, {
    id: 'u-evaluator',
    username: 'evaluator',
    displayName: '孙评估',
    passwordHash: await hashPassword(password),
    role: 'evaluator',
    agencyId: null,
  });
}

export async function seed(store: Store): Promise<void> {
  await store.agencies.create(systemActor, {
    id: 'A',
    name: '湟源县人民政府办公室',
    region: '青海省西宁市湟源县',
  });
  await store.agencies.create(systemActor, {
    id: 'B',
    name: '大通县人民政府办公室',
    region: '青海省西宁市大通县',
  });
  const passwordHash = await hashPassword(password);
  for (const u of Object.values(users)) {
    const user = await store.users.create(systemActor, {
      id: `u-${u.username}`,
      username: u.username,
      displayName: u.displayName,
      passwordHash,
      role: u.role,
      agencyId: u.role === 'supervisor' ? null : 'A',
    });
    if (u.role === 'supervisor') await store.users.setSupervisedAgencies(systemActor, user.id, ['A', 'B']);
  }
  const p = cliPrincipal;
  const add = (body: Parameters<typeof createApplication>[2]) =>
    createApplication(store, p, { agencyId: 'A', ...body }, today);
  await add({
    id: '2024-001',
    applicantName: '李明',
    applicantContact: '13900000001',
    applicant: 'np',
    channel: 'inPerson',
    submittedOn: '2024-01-08',
    requestText: '申请公开本县2023年度财政预算执行情况',
    events: [{ type: 'replied', on: '2024-01-25', outcome: 'open' }],
  });
  await add({
    id: '2024-002',
    applicantName: '青海某建设工程有限公司',
    applicantContact: '0971-0000002；西宁市某路2号',
    delivery: '电子邮件',
    applicant: 'biz',
    channel: 'online',
    submittedOn: '2024-02-19',
    confirmedOn: '2024-02-19',
    requestText: '申请公开某工程项目招标文件',
    events: [
      { type: 'consultationSent', on: '2024-02-26', party: 'thirdParty' },
      { type: 'consultationAnswered', on: '2024-03-08', party: 'thirdParty' },
      { type: 'replied', on: '2024-03-20', outcome: 'partial' },
    ],
  });
  await add({
    id: '2024-003',
    applicantName: '王芳',
    applicantContact: '湟源县某镇某村',
    delivery: '邮寄纸质件',
    applicant: 'np',
    channel: 'post',
    submittedOn: '2024-03-01',
    signedForOn: '2024-03-04',
    requestText: '申请公开征地补偿安置方案',
    events: [{ type: 'replied', on: '2024-04-10', outcome: 'none.notHeld' }],
  });
  await add({
    id: '2024-004',
    applicantName: '赵强',
    applicant: 'np',
    channel: 'inPerson',
    submittedOn: '2024-04-15',
    requestText: '申请公开某小区规划许可证',
  });
  await add({
    id: '2024-005',
    applicantName: '某某律师事务所',
    applicantContact: 'law@example.cn',
    delivery: '电子邮件',
    applicant: 'law',
    channel: 'email',
    submittedOn: '2024-05-08',
    confirmedOn: '2024-05-08',
    requestText: '申请公开行政处罚决定书',
    events: [{ type: 'correctionRequested', on: '2024-05-10', correctBy: '2024-06-14' }],
  });
  await add({
    id: '2024-006',
    applicantName: '陈华',
    applicant: 'np',
    channel: 'inPerson',
    submittedOn: '2024-05-06',
    requestText: '申请公开本村低保名单',
  });
  await add({
    id: '2024-007',
    applicantName: '某某环保志愿者协会',
    applicant: 'ngo',
    channel: 'online',
    submittedOn: '2024-05-20',
    confirmedOn: '2024-05-20',
    requestText: '申请公开环境影响评价报告',
    events: [{ type: 'consultationSent', on: '2024-05-22', party: 'agency' }],
  });
  await add({
    id: '2024-008',
    applicantName: '某某大学公共管理学院',
    applicant: 'res',
    channel: 'inPerson',
    submittedOn: '2024-05-30',
    requestText: '申请公开2023年度教育经费统计数据',
  });
  await add({
    id: '2024-009',
    applicantName: '刘洋',
    applicant: 'np',
    channel: 'fax',
    submittedOn: '2024-03-11',
    confirmedOn: '2024-03-11',
    requestText: '申请公开信访处理结果',
    events: [{ type: 'replied', on: '2024-03-20', outcome: 'reject.petition' }],
  });
  await createCase(store, p, {
    agencyId: 'A',
    kind: 'review',
    filedOn: '2024-04-22',
    decidedOn: '2024-05-28',
    outcome: 'upheld',
    applicationId: '2024-003',
  });
  await createCase(store, p, {
    agencyId: 'A',
    kind: 'direct',
    filedOn: '2024-05-15',
    applicationId: '2024-002',
  });
  await setProactive(store, p, 'A', 2024, {
    'p.rules.issued': 0,
    'p.rules.repealed': 0,
    'p.rules.inForce': 0,
    'p.normative.issued': 3,
    'p.normative.repealed': 1,
    'p.normative.inForce': 12,
    'p.license.decisions': 1534,
    'p.penalty.decisions': 87,
    'p.coercion.decisions': 4,
    'p.fees.amount': 0,
  });
}

export interface WebServer {
  url: string;
  store: Store;
  app: FastifyInstance;
  close(): Promise<void>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The newest modification time of the files under a folder (0 when it is missing). */
function newest(dir: string): number {
  let last = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) last = Math.max(last, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return last;
}

/**
 * The browser tests run the built app (dist/web): one built before the latest change to web/src
 * would test old code and fail, or pass, for the wrong reason. Refuse it with what to run.
 */
function assertWebBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(root, 'dist/web/index.html')).mtimeMs;
  } catch {
    throw new Error('dist/web 不存在：先运行 npm run build:web');
  }
  if (newest(join(root, 'web/src')) > built)
    throw new Error('dist/web 比 web/src 旧：先运行 npm run build:web，浏览器测试用的是构建好的网页');
}

/**
 * The API and the web app on a loopback port with a seeded SQLite store in a temporary folder. The
 * server's today is `options.today`, else the seed's `today` (the seeded records are the same).
 */
export async function startWebServer(options: { today?: string } = {}): Promise<WebServer> {
  const asOf = options.today ?? today;
  assertWebBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-web-'));
  const store = await openStore({ dataDir: dir, env: {} });
  await seed(store);
  const app = await buildApi({
    store,
    today: () => asOf,
    limiter: new LoginLimiter({ maxFailures: 1000 }),
    version: 'test',
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    store,
    app,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
