/**
 * What the register routes answer (src/api/routes.ts), as zod schemas. Pure — zod and the pure
 * report schema only, no Fastify, store or Node import — so the server declares its responses with
 * them, the OpenAPI document is made from them and the web app (web/src/lib/endpoints.ts) types and
 * checks its calls with the very same objects.
 */
import { z } from 'zod';
import { anyReportSchema } from '../../report-json/schema.js';
import { compileTargets, eventSchema } from '../schemas.js';
import { agencySchema, userSchema } from './session.js';

export { agencySchema, loginResponse, meResponse, okSchema, userSchema } from './session.js';

/** A user as an admin manages it: with the agencies a supervisor supervises. */
export const managedUserSchema = userSchema.extend({ supervises: z.array(z.string()) });

export const stateSchema = z.object({
  asOf: z.string(),
  status: z.string().nullable(),
  statusName: z.string(),
  dueOn: z.string().nullable(),
  workingDaysLeft: z
    .number()
    .int()
    .nullable()
    .meta({ description: '距答复期限的工作日数（当天为 0，已过为负数）；没有期限时为 null' }),
  provisional: z.boolean(),
  closedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  answeredLate: z.boolean().nullable(),
  missingHolidayYear: z
    .number()
    .int()
    .nullable()
    .meta({ description: '因缺少该年度节假日安排而无法计算期限时，缺少的年度' }),
});

export const applicationSchema = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    number: z.string().meta({ description: '本机关的编号（如 2026-001）' }),
    applicant: z.string(),
    channel: z.string(),
    submittedOn: z.string(),
    signedForOn: z.string().nullable(),
    confirmedOn: z.string().nullable(),
    receivedOn: z.string().nullable(),
    requestText: z.string(),
    applicantName: z.string().meta({ description: '申请人姓名或者名称（未登记时为空）' }),
    applicantContact: z
      .string()
      .nullable()
      .meta({ description: '申请人的联系方式（未登记时为空）；仅本机关的用户可见，监督角色看到的是 null' }),
    delivery: z.string().meta({ description: '申请人要求的获取信息的方式、途径（未登记时为空）' }),
    events: z.array(eventSchema),
    state: stateSchema,
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'Application', title: '政府信息公开申请' });

export const caseSchema = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    number: z.string().meta({ description: '本机关的编号（如 2026-001）' }),
    kind: z.string(),
    filedOn: z.string(),
    decidedOn: z.string().nullable(),
    outcome: z.string().nullable(),
    applicationId: z.string().nullable(),
    applicationNumber: z.string().nullable().meta({ description: '关联申请在本机关的编号（如 2026-003）' }),
  })
  .meta({ id: 'Case', title: '行政复议或行政诉讼案件' });

export const dueItemSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  number: z.string(),
  applicant: z.string(),
  applicantName: z.string().meta({ description: '申请人姓名或名称（未登记时为空）' }),
  receivedOn: z.string().nullable(),
  requestText: z.string(),
  state: stateSchema,
});

export const dueSchema = z.object({
  asOf: z.string(),
  days: z.number().int(),
  overdue: z.array(dueItemSchema),
  dueSoon: z.array(dueItemSchema),
  unknown: z
    .array(dueItemSchema)
    .meta({ description: '无法计算期限的未办结申请（缺少节假日安排，或记录有误）：其中可能有已超期的' }),
});

export const proactiveSchema = z.object({
  agencyId: z.string(),
  year: z.number().int(),
  cells: z.record(z.string(), z.number()),
});

export const reportProseSchema = z.object({
  agencyId: z.string(),
  year: z.number().int(),
  prose: z
    .record(z.string(), z.string())
    .meta({ description: '机关保存的各部分正文，键为部分序号；未保存的部分不出现' }),
});

export const compiledSchema = z.object({
  agencyId: z.string(),
  report: anyReportSchema(),
  findings: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string() }).loose()),
  checkedAs: z.enum(compileTargets).meta({ description: '读回核查的输出格式' }),
});

export const feeSchema = z.object({
  method: z.string(),
  quantity: z.number().int(),
  fee: z.number(),
  monthTotal: z.number().nullable(),
});

const noticeSchema = z.object({ title: z.string(), number: z.string(), date: z.string() });

export const holidayTableSchema = z
  .object({
    years: z.array(
      z.object({
        year: z.number().int(),
        notice: noticeSchema,
        amendments: z.array(noticeSchema.extend({ change: z.string() })),
        festivals: z.array(
          z.object({ name: z.string(), off: z.tuple([z.string(), z.string()]), work: z.array(z.string()) }),
        ),
        source: z
          .enum(['builtIn', 'entered'])
          .meta({ description: 'builtIn：Gongkai 自带；entered：用户录入（可替换自带的同一年）' }),
        replacesBuiltIn: z.boolean(),
        updatedAt: z.string().nullable(),
        updatedBy: z.string().nullable(),
        updatedByName: z.string().nullable().meta({ description: '录入者的姓名' }),
      }),
    ),
    coveredThrough: z
      .string()
      .meta({ description: '能连续计算工作日的最后一天（下一年度的安排可能调整其后的日期）' }),
    nextYear: z.number().int().meta({ description: '接下来应录入的年度' }),
  })
  .meta({ id: 'HolidayTable', title: '节假日安排' });

export const agencyListSchema = z.array(agencySchema);
export const managedUserListSchema = z.array(managedUserSchema);

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable().meta({ description: '操作的用户；cli 为本机命令行，null 为系统' }),
  userName: z.string().nullable(),
  action: z.string(),
  actionName: z.string(),
  entity: z.string(),
  entityName: z.string(),
  entityId: z.string(),
  label: z
    .string()
    .meta({ description: '记录的名称：用户的姓名和用户名、机关名称、申请或案件编号、年度；否则为编号' }),
  before: z.unknown().meta({ description: '操作前的记录（新建时为 null）' }),
  after: z.unknown().meta({ description: '操作后的记录（删除时为 null）' }),
});
export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  next: z.number().int().nullable().meta({ description: '下一页的 before；没有更多时为 null' }),
});
export const applicationListSchema = z.array(applicationSchema);
export const registerSummarySchema = z
  .object({
    asOf: z.string(),
    year: z.number().int().nullable(),
    days: z.number().int().meta({ description: '即将到期：距答复期限不超过的工作日数' }),
    rows: z.array(
      z.object({
        agencyId: z.string(),
        agencyName: z.string(),
        received: z.number().int().meta({ description: '该年度收到的申请（不限年度时为全部）' }),
        open: z.number().int().meta({ description: '尚未办结' }),
        overdue: z.number().int(),
        dueSoon: z.number().int(),
        closed: z.number().int(),
        answeredLate: z.number().int().meta({ description: '超过答复期限才办结' }),
        unknown: z.number().int().meta({ description: '无法计算期限（缺少节假日安排或记录有误）' }),
      }),
    ),
  })
  .meta({ id: 'RegisterSummary', title: '各机关办理情况' });
export type RegisterSummary = z.infer<typeof registerSummarySchema>;
/** The answer of importing a ledger whose rows are `noun`s (申请, 案件). */
const ledgerImportOf = (noun: string, id: string, title: string) =>
  z
    .object({
      dryRun: z.boolean(),
      rows: z
        .number()
        .int()
        .meta({ description: `读到的${noun}行数（空行除外）` }),
      created: z
        .number()
        .int()
        .meta({ description: `保存的${noun}数：全部行，或（有错误或只检查时）0` }),
      results: z
        .array(
          z.object({
            line: z.number().int().meta({ description: '在文件中的行号（表头为第 1 行）' }),
            number: z.string().nullable(),
            messages: z.array(z.string()),
          }),
        )
        .meta({ description: '有问题的行及其原因；保存后为每一行及其编号' }),
    })
    .meta({ id, title });
export const ledgerImportSchema = ledgerImportOf('申请', 'LedgerImport', '导入办理台账的结果');
export const caseLedgerImportSchema = ledgerImportOf('案件', 'CaseLedgerImport', '导入复议诉讼台账的结果');
export const caseListSchema = z.array(caseSchema);

export type User = z.infer<typeof userSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Application = z.infer<typeof applicationSchema>;
export type LedgerImport = z.infer<typeof ledgerImportSchema>;
export type AppState = z.infer<typeof stateSchema>;
export type Case = z.infer<typeof caseSchema>;
export type DueItem = z.infer<typeof dueItemSchema>;
export type HolidayTableView = z.infer<typeof holidayTableSchema>;
