/** Every route of the API. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookie } from '../auth/session.js';
import type { User } from '../store/index.js';
import { eventFieldName } from '../workflow/application.js';
import { caseFieldName } from '../workflow/cases-ledger.js';
import { applicationFieldName } from '../workflow/ledger.js';
import {
  agencyListSchema,
  agencySchema,
  applicationListSchema,
  applicationSchema,
  auditPageSchema,
  caseLedgerImportSchema,
  caseListSchema,
  caseSchema,
  compiledSchema,
  dueSchema,
  feeSchema,
  holidayTableSchema,
  ledgerImportSchema,
  loginResponse,
  managedUserListSchema,
  managedUserSchema,
  meResponse,
  okSchema,
  proactiveSchema,
  registerSummarySchema,
  reportProseSchema,
} from './contract/responses.js';
import { corpusCompareRoutes } from './corpus-compare-routes.js';
import { corpusRoutes } from './corpus-routes.js';
import { ApiError, badRequest, byFieldName, unauthenticated } from './errors.js';
import { inspectRoutes } from './inspect-routes.js';
import { type Route, route } from './route.js';
import * as s from './schemas.js';
import * as svc from './services/index.js';
import type { Principal } from './services/principal.js';

const signedIn = (p: Principal | null): Principal => {
  if (p === null) throw unauthenticated();
  return p;
};

/** The file a ledger import uploads (multipart, one file), or why there is none. */
async function uploadedLedger(request: FastifyRequest): Promise<Uint8Array> {
  let bytes: Uint8Array | null = null;
  try {
    for await (const part of request.files()) {
      if (bytes !== null) throw badRequest('one-file', '一次导入一个台账文件');
      bytes = new Uint8Array(await part.toBuffer());
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new ApiError(413, 'too-large', '上传的文件过大');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw badRequest('no-file', '请以 multipart/form-data 上传台账文件（XLSX 或 CSV）');
    throw error;
  }
  if (bytes === null || bytes.length === 0) throw badRequest('no-file', '请上传台账文件（XLSX 或 CSV）');
  return bytes;
}

const ledgerTypes = ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'];

/** A ledger as a download: its type, its name, and how many rows it has (x-rows). */
function sendLedger(reply: FastifyReply, file: svc.LedgerFile, to: svc.LedgerFormat) {
  reply.type(to === 'csv' ? 'text/csv; charset=utf-8' : (ledgerTypes[0] as string));
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
  reply.header('x-rows', String(file.rows));
  return reply.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
}

const publicUser = (u: User) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  agencyId: u.agencyId,
  createdAt: u.createdAt,
  disabled: u.disabledAt !== null,
});

/** The register's bodies name their fields in messages as its forms and ledgers do (「收案日期」). */
const applicationFields = byFieldName(applicationFieldName, eventFieldName);
const eventFields = byFieldName(eventFieldName);
const caseFields = byFieldName(caseFieldName);

export const routes: readonly Route[] = [
  route({
    method: 'POST',
    url: '/api/login',
    summary: '登录：用户名和密码换取会话令牌（同时写入 HttpOnly Cookie）',
    tag: '会话',
    auth: false,
    body: s.loginBody,
    response: loginResponse,
    async handle({ body, request, reply, deps }) {
      const result = await svc.login(deps.store, deps.limiter, { ...body, ip: request.ip }, deps.now(), (e) =>
        request.log.warn(e, e.event === 'lockout' ? '登录锁定' : '登录失败'),
      );
      const cookie = sessionCookie(result.token);
      reply.header('set-cookie', request.protocol === 'https' ? `${cookie}; Secure` : cookie);
      return { token: result.token, expiresAt: result.expiresAt, user: publicUser(result.user) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/logout',
    summary: '退出登录：结束当前会话',
    tag: '会话',
    auth: true,
    response: okSchema,
    async handle({ principal, token, reply, deps }) {
      await svc.logout(deps.store, signedIn(principal), token as string);
      reply.header('set-cookie', sessionCookie(null));
      return { ok: true };
    },
  }),
  route({
    method: 'GET',
    url: '/api/me',
    summary: '当前用户及其可见的机关',
    tag: '会话',
    auth: true,
    response: meResponse,
    async handle({ principal, deps }) {
      const p = signedIn(principal);
      const { agencies } = await svc.me(deps.store, p);
      return { user: publicUser(p.user as User), agencies };
    },
  }),

  route({
    method: 'GET',
    url: '/api/agencies',
    summary: '可见的机关',
    tag: '机关',
    auth: true,
    response: agencyListSchema,
    handle: ({ principal, deps }) => svc.listAgencies(deps.store, signedIn(principal)),
  }),
  route({
    method: 'GET',
    url: '/api/agencies/:agencyId',
    summary: '一个机关',
    tag: '机关',
    auth: true,
    params: s.agencyParams,
    response: agencySchema,
    handle: ({ principal, params, deps }) => svc.getAgency(deps.store, signedIn(principal), params.agencyId),
  }),
  route({
    method: 'PATCH',
    url: '/api/agencies/:agencyId',
    summary: '修改本机关的信息（管理员）',
    tag: '机关',
    auth: true,
    params: s.agencyParams,
    body: s.agencyPatchBody,
    response: agencySchema,
    handle: ({ principal, params, body, deps }) =>
      svc.updateAgency(deps.store, signedIn(principal), params.agencyId, body),
  }),

  route({
    method: 'GET',
    url: '/api/users',
    summary: '本机关的用户（管理员）',
    tag: '用户',
    auth: true,
    response: managedUserListSchema,
    async handle({ principal, deps }) {
      const users = await svc.listUsers(deps.store, signedIn(principal));
      return users.map((u) => ({ ...publicUser(u), supervises: u.supervises }));
    },
  }),
  route({
    method: 'POST',
    url: '/api/users',
    summary: '新建用户（管理员）：录入、审核、管理员，或监督一组机关的监督角色',
    tag: '用户',
    auth: true,
    status: 201,
    body: s.newUserBody,
    response: managedUserSchema,
    async handle({ principal, body, deps }) {
      const u = await svc.createUser(deps.store, signedIn(principal), body);
      return { ...publicUser(u), supervises: u.supervises };
    },
  }),
  route({
    method: 'GET',
    url: '/api/users/:userId',
    summary: '一个用户（管理员）',
    tag: '用户',
    auth: true,
    params: s.userParams,
    response: managedUserSchema,
    async handle({ principal, params, deps }) {
      const u = await svc.getUser(deps.store, signedIn(principal), params.userId);
      return { ...publicUser(u), supervises: u.supervises };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/users/:userId',
    summary: '修改用户（管理员）：停用或重新启用账号、重设密码（均立即结束其全部会话）、修改姓名',
    tag: '用户',
    auth: true,
    params: s.userParams,
    body: s.userPatchBody,
    response: managedUserSchema,
    async handle({ principal, params, body, deps }) {
      const u = await svc.updateUser(deps.store, signedIn(principal), params.userId, body);
      return { ...publicUser(u), supervises: u.supervises };
    },
  }),

  route({
    method: 'GET',
    url: '/api/audit',
    summary:
      '操作记录（审计日志，管理员）：本机关用户的操作，对本机关、其用户和记录的修改，登录失败和锁定；最新的在前，分页',
    tag: '用户',
    auth: true,
    query: s.auditQuery,
    response: auditPageSchema,
    handle: ({ principal, query, deps }) => svc.listAudit(deps.store, signedIn(principal), query),
  }),

  route({
    method: 'GET',
    url: '/api/applications',
    summary: '政府信息公开申请（可见机关的），附当前办理状态',
    tag: '申请',
    auth: true,
    query: s.applicationListQuery,
    response: applicationListSchema,
    handle: ({ principal, query, deps }) =>
      svc.listApplications(deps.store, signedIn(principal), { ...query, asOf: query.asOf ?? deps.today() }),
  }),
  route({
    method: 'POST',
    url: '/api/applications',
    summary: '登记一件申请（可附已发生的事件）；不可能的记录被拒绝',
    tag: '申请',
    auth: true,
    status: 201,
    body: s.newApplicationBody,
    fieldNames: applicationFields,
    response: applicationSchema,
    handle: ({ principal, body, deps }) =>
      svc.createApplication(deps.store, signedIn(principal), body, deps.today()),
  }),
  route({
    method: 'GET',
    url: '/api/applications/summary',
    summary:
      '各机关办理情况：所见的每个机关（含没有申请的）按状态统计申请（收到、办理中、已超期、即将到期、已办结、超期答复、无法计算期限），有超期的在前',
    tag: '申请',
    auth: true,
    query: s.registerSummaryQuery,
    response: registerSummarySchema,
    handle: ({ principal, query, deps }) =>
      svc.registerSummary(deps.store, signedIn(principal), {
        year: query.year,
        days: query.days,
        asOf: query.asOf ?? deps.today(),
      }),
  }),
  route({
    method: 'POST',
    url: '/api/applications/import',
    summary:
      '导入办理台账（multipart 上传一个 XLSX 或 CSV 文件，表头同导出的台账）：每行先检查（取值、办理规则、编号是否已用、账号的权限），全部无误才按行序保存，否则不保存并列出各行的问题；dryRun=true 只检查',
    tag: '申请',
    auth: true,
    multipart: true,
    query: s.applicationImportQuery,
    response: ledgerImportSchema,
    async handle({ principal, query, request, deps }) {
      // Who may import into which agency is settled before the file is read.
      const p = signedIn(principal);
      await svc.resolveAgency(deps.store, p, query.agency);
      svc.requireRight(p, 'enter');
      const bytes = await uploadedLedger(request);
      return svc.importLedger(
        deps.store,
        p,
        { agency: query.agency, bytes, dryRun: query.dryRun === 'true' },
        deps.today(),
      );
    },
  }),
  route({
    method: 'GET',
    url: '/api/applications/export',
    summary:
      '导出依申请公开办理台账（XLSX 或 CSV）：每件申请一行，含申请人、联系方式、申请内容、办理过程、答复期限、办理结果和是否超期',
    tag: '申请',
    auth: true,
    query: s.applicationExportQuery,
    produces: ledgerTypes,
    async handle({ principal, query, reply, deps }) {
      const { to, asOf, ...scope } = query;
      const file = await svc.applicationLedger(
        deps.store,
        signedIn(principal),
        { ...scope, asOf: asOf ?? deps.today() },
        to,
      );
      return sendLedger(reply, file, to);
    },
  }),
  route({
    method: 'GET',
    url: '/api/applications/:applicationId',
    summary: '一件申请及其办理状态',
    tag: '申请',
    auth: true,
    params: s.applicationParams,
    response: applicationSchema,
    handle: ({ principal, params, deps }) =>
      svc.getApplication(deps.store, signedIn(principal), params.applicationId, deps.today()),
  }),
  route({
    method: 'PATCH',
    url: '/api/applications/:applicationId',
    summary: '修改申请的登记内容（申请人、联系方式、申请内容、提交渠道和日期）',
    tag: '申请',
    auth: true,
    params: s.applicationParams,
    body: s.applicationPatchBody,
    fieldNames: applicationFields,
    response: applicationSchema,
    handle: ({ principal, params, body, deps }) =>
      svc.updateApplication(deps.store, signedIn(principal), params.applicationId, body, deps.today()),
  }),
  route({
    method: 'POST',
    url: '/api/applications/:applicationId/events',
    summary: '记录一个办理事件（补正、征求意见、延期、收费、答复等）；答复和延期需审核权限',
    tag: '申请',
    auth: true,
    status: 201,
    params: s.applicationParams,
    body: s.eventSchema,
    fieldNames: eventFields,
    response: applicationSchema,
    handle: ({ principal, params, body, deps }) =>
      svc.addEvent(deps.store, signedIn(principal), params.applicationId, body, deps.today()),
  }),
  route({
    method: 'POST',
    url: '/api/applications/:applicationId/events/:ordinal/void',
    summary: '作废一个误记的事件并说明理由（审核、管理员）；原事件和理由记入审计日志',
    tag: '申请',
    auth: true,
    params: s.eventParams,
    body: s.voidEventBody,
    response: applicationSchema,
    handle: ({ principal, params, body, deps }) =>
      svc.voidEvent(
        deps.store,
        signedIn(principal),
        params.applicationId,
        params.ordinal,
        body.reason,
        deps.today(),
      ),
  }),
  route({
    method: 'GET',
    url: '/api/applications/:applicationId/events/:ordinal/notice',
    summary:
      '事件对应的文书草稿：补正通知书、延期答复告知书、征求第三方或其他机关意见书、收费通知书、按办理结果的答复书（DOCX 或 Markdown）',
    description:
      '按登记的记录生成（日期、编号、申请内容、依《政府信息公开条例》算出的期限和依据的条款），记录中没有的（申请人姓名、提供的信息、理由等）为【待补充：…】；收到补正、收到意见、缴纳费用没有文书（400）。',
    tag: '申请',
    auth: true,
    params: s.eventParams,
    query: s.noticeQuery,
    produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'text/markdown'],
    async handle({ principal, params, query, reply, deps }) {
      const file = await svc.applicationNotice(
        deps.store,
        signedIn(principal),
        params.applicationId,
        params.ordinal,
        query.to,
      );
      reply.type(
        query.to === 'md'
          ? 'text/markdown; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
      return reply.send(typeof file.body === 'string' ? file.body : Buffer.from(file.body));
    },
  }),
  route({
    method: 'GET',
    url: '/api/due',
    summary: '已超期和即将到期的申请（可见机关的）',
    tag: '申请',
    auth: true,
    query: s.dueQuery,
    response: dueSchema,
    handle: ({ principal, query, deps }) =>
      svc.dueApplications(deps.store, signedIn(principal), { ...query, asOf: query.asOf ?? deps.today() }),
  }),

  route({
    method: 'GET',
    url: '/api/holidays',
    summary: '节假日安排：自带的和录入的各年度，计算工作日期限所依据的',
    description:
      '每年的安排以国务院办公厅关于部分节假日安排的通知为准。某年的安排未录入时，到达该年（或该年前一年 12 月 24 日以后）的期限无法计算。',
    tag: '节假日',
    auth: true,
    response: holidayTableSchema,
    handle: ({ principal, deps }) => {
      signedIn(principal);
      return svc.holidayTableOf(deps.store);
    },
  }),
  route({
    method: 'PUT',
    url: '/api/holidays',
    summary: '录入某年度的节假日安排（管理员）；已录入的或自带的同一年被替换',
    tag: '节假日',
    auth: true,
    body: s.holidayYearBody,
    response: holidayTableSchema,
    handle: ({ principal, body, deps }) => svc.putHolidayYear(deps.store, signedIn(principal), body),
  }),
  route({
    method: 'DELETE',
    url: '/api/holidays/:year',
    summary: '删除录入的某年度节假日安排（管理员）；自带的该年安排重新适用',
    tag: '节假日',
    auth: true,
    params: s.holidayYearParams,
    response: holidayTableSchema,
    handle: ({ principal, params, deps }) =>
      svc.removeHolidayYear(deps.store, signedIn(principal), params.year),
  }),

  route({
    method: 'GET',
    url: '/api/cases',
    summary: '行政复议和行政诉讼案件',
    tag: '案件',
    auth: true,
    query: s.caseListQuery,
    response: caseListSchema,
    handle: ({ principal, query, deps }) => svc.listCases(deps.store, signedIn(principal), query),
  }),
  route({
    method: 'GET',
    url: '/api/cases/export',
    summary:
      '导出复议诉讼台账（XLSX 或 CSV）：每个案件一行，含案件类型、收案日期、审结日期、结果（按表四的名称）和关联申请',
    tag: '案件',
    auth: true,
    query: s.caseExportQuery,
    produces: ledgerTypes,
    async handle({ principal, query, reply, deps }) {
      const { to, ...scope } = query;
      return sendLedger(reply, await svc.caseLedger(deps.store, signedIn(principal), scope, to), to);
    },
  }),
  route({
    method: 'POST',
    url: '/api/cases/import',
    summary:
      '导入复议诉讼台账（multipart 上传一个 XLSX 或 CSV 文件，表头同导出的台账）：每行先检查（取值、案件规则、关联申请、编号是否已用），全部无误才按行序保存，否则不保存并列出各行的问题；dryRun=true 只检查',
    tag: '案件',
    auth: true,
    multipart: true,
    query: s.caseImportQuery,
    response: caseLedgerImportSchema,
    async handle({ principal, query, request, deps }) {
      // Who may import into which agency is settled before the file is read.
      const p = signedIn(principal);
      await svc.resolveAgency(deps.store, p, query.agency);
      svc.requireRight(p, 'enter');
      const bytes = await uploadedLedger(request);
      return svc.importCases(deps.store, p, { agency: query.agency, bytes, dryRun: query.dryRun === 'true' });
    },
  }),
  route({
    method: 'POST',
    url: '/api/cases',
    summary: '登记一个案件',
    tag: '案件',
    auth: true,
    status: 201,
    body: s.newCaseBody,
    fieldNames: caseFields,
    response: caseSchema,
    handle: ({ principal, body, deps }) => svc.createCase(deps.store, signedIn(principal), body),
  }),
  route({
    method: 'GET',
    url: '/api/cases/:caseId',
    summary: '一个案件',
    tag: '案件',
    auth: true,
    params: s.caseParams,
    response: caseSchema,
    handle: ({ principal, params, deps }) => svc.getCase(deps.store, signedIn(principal), params.caseId),
  }),
  route({
    method: 'PATCH',
    url: '/api/cases/:caseId',
    summary: '修改案件（如记录审结日期和结果）',
    tag: '案件',
    auth: true,
    params: s.caseParams,
    body: s.casePatchBody,
    fieldNames: caseFields,
    response: caseSchema,
    handle: ({ principal, params, body, deps }) =>
      svc.updateCase(deps.store, signedIn(principal), params.caseId, body),
  }),
  route({
    method: 'DELETE',
    url: '/api/cases/:caseId',
    summary: '删除误登记的案件（审核、管理员）',
    tag: '案件',
    auth: true,
    params: s.caseParams,
    response: okSchema,
    async handle({ principal, params, deps }) {
      await svc.deleteCase(deps.store, signedIn(principal), params.caseId);
      return { ok: true };
    },
  }),

  route({
    method: 'GET',
    url: '/api/proactive/:agencyId/:year',
    summary: '机关某年度表二（主动公开）的数据',
    tag: '主动公开',
    auth: true,
    params: s.proactiveParams,
    response: proactiveSchema,
    handle: ({ principal, params, deps }) =>
      svc.getProactive(deps.store, signedIn(principal), params.agencyId, params.year),
  }),
  route({
    method: 'PUT',
    url: '/api/proactive/:agencyId/:year',
    summary: '填写机关某年度表二（主动公开）的数据；null 删除一项',
    tag: '主动公开',
    auth: true,
    params: s.proactiveParams,
    body: s.proactiveBody,
    response: proactiveSchema,
    handle: ({ principal, params, body, deps }) =>
      svc.setProactive(deps.store, signedIn(principal), params.agencyId, params.year, body.cells),
  }),

  route({
    method: 'GET',
    url: '/api/report-prose/:agencyId/:year',
    summary: '机关某年度报告保存的各部分正文',
    tag: '年度报告',
    auth: true,
    params: s.reportProseParams,
    response: reportProseSchema,
    handle: ({ principal, params, deps }) =>
      svc.getReportProse(deps.store, signedIn(principal), params.agencyId, params.year),
  }),
  route({
    method: 'PUT',
    url: '/api/report-prose/:agencyId/:year',
    summary: '保存机关某年度报告的各部分正文（生成报告时替换默认文字）；null 删除一部分',
    tag: '年度报告',
    auth: true,
    params: s.reportProseParams,
    body: s.reportProseBody,
    response: reportProseSchema,
    handle: ({ principal, params, body, deps }) =>
      svc.setReportProse(deps.store, signedIn(principal), params.agencyId, params.year, body.prose),
  }),

  route({
    method: 'POST',
    url: '/api/compile',
    summary: '由登记的记录生成机关某年度的年度报告（JSON，或 ?to=html|md|txt|docx|pdf）',
    description: [
      '报告按 signedOn 印落款（机关名称和成文日期），按 publishedOn 印发布日期；',
      'prose 给出的部分正文替换由记录生成的默认文字。',
      '生成后按 gongkai check 的方式读回输出并核查：JSON 的 findings 是核查该输出（checkedAs，JSON 时按 Markdown）',
      '所得的问题；其他格式在响应头 X-Gongkai-Errors、X-Gongkai-Warnings 中给出错误数和警告数。',
    ].join(''),
    tag: '年度报告',
    auth: true,
    query: s.compileQuery,
    body: s.compileBody,
    response: compiledSchema,
    produces: [
      'text/html',
      'text/markdown',
      'text/plain',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    async handle({ principal, query, body, reply, deps }) {
      const { output, ...compiled } = await svc.compileYear(
        deps.store,
        signedIn(principal),
        body,
        query.to ?? 'json',
      );
      if (output === null) return compiled;
      const count = (severity: string) =>
        String(compiled.findings.filter((f) => f.severity === severity).length);
      reply.type(output.mediaType);
      const name = encodeURIComponent(
        `${compiled.report.agency ?? compiled.agencyId}-${body.year}.${compiled.checkedAs}`,
      );
      reply.header('content-disposition', `inline; filename*=UTF-8''${name}`);
      reply.header('x-gongkai-errors', count('error'));
      reply.header('x-gongkai-warnings', count('warning'));
      return reply.send(typeof output.body === 'string' ? output.body : Buffer.from(output.body));
    },
  }),
  route({
    method: 'GET',
    url: '/api/fees/calculate',
    summary: '按国办函〔2020〕109号计算信息处理费',
    tag: '收费',
    auth: true,
    query: s.feeQuery,
    response: feeSchema,
    async handle({ principal, query }) {
      signedIn(principal);
      return svc.calculateFee(query.method, query.quantity);
    },
  }),
  ...corpusRoutes,
  ...corpusCompareRoutes,
  ...inspectRoutes,
];
