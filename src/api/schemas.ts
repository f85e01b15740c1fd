/**
 * The zod schemas of every body, query and path parameter of the API (and of the CLI's register
 * commands, which parse their options through the same schemas). The OpenAPI document is generated
 * from these (openapi.ts).
 */
import { z } from 'zod';
import { roles } from '../store/schema.js';
import { applicantTypes, caseKinds, caseOutcomes, channels, isIsoDate, outcomes } from '../workflow/index.js';

/** Earliest and latest dates a record may carry. */
export const dateRange = { from: '2000-01-01', to: '2099-12-31' } as const;

export const isoDate = z
  .string()
  .refine(isIsoDate, { error: '不是有效的日期（应为 YYYY-MM-DD，如 2024-03-01）', abort: true })
  .refine((d) => d >= dateRange.from && d <= dateRange.to, {
    error: `日期应在 ${dateRange.from} 至 ${dateRange.to} 之间`,
  })
  .meta({ format: 'date', description: '日期，YYYY-MM-DD', examples: ['2024-03-01'] });

/** Record ids: letters, digits and `._-` (UUIDs by default). */
export const recordId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: '编号只能包含字母、数字和 . _ -' });

export const reportYear = z.coerce
  .number({ error: '年度应为整数' })
  .int({ error: '年度应为整数' })
  .min(2008)
  .max(2099)
  .meta({ description: '报告年度' });

const agencyRef = recordId.meta({ description: '机关编号（用户只属于一个机关时可省略）' });

// ── Login and users ────────────────────────────────────────────────────────────────────────────

export const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const roleSchema = z.enum(roles).meta({
  description: 'clerk 录入、reviewer 审核、admin 管理员、supervisor 监督、evaluator 评估（只看报告库）',
});

export const newUserBody = z.strictObject({
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[A-Za-z0-9_.@-]+$/, { error: '用户名只能包含字母、数字和 _ . @ -' }),
  displayName: z.string().min(1).max(100),
  password: z.string().min(8).max(200),
  role: roleSchema,
  agencyId: agencyRef.optional(),
  agencyIds: z.array(recordId).max(1000).optional().meta({ description: '监督角色监督的机关' }),
});

export const userParams = z.strictObject({ userId: recordId });

// ── Agencies ─────────────────────────────────────────────────────────────────────────────────────

export const newAgencyBody = z.strictObject({
  id: recordId.optional(),
  name: z.string().min(1).max(200),
  region: z.string().max(200).nullable().optional(),
  code: z.string().max(100).nullable().optional(),
});

export const agencyPatchBody = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    region: z.string().max(200).nullable().optional(),
    code: z.string().max(100).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { error: '至少应修改一项' });

export const agencyParams = z.strictObject({ agencyId: recordId });

// ── Applications ────────────────────────────────────────────────────────────────────────────────

const party = z.enum(['thirdParty', 'agency']).meta({ description: 'thirdParty 第三方、agency 其他机关' });

export const eventSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('correctionRequested'), on: isoDate, correctBy: isoDate }),
    z.strictObject({ type: z.literal('corrected'), on: isoDate }),
    z.strictObject({ type: z.literal('consultationSent'), on: isoDate, party }),
    z.strictObject({ type: z.literal('consultationAnswered'), on: isoDate, party }),
    z.strictObject({
      type: z.literal('extended'),
      on: isoDate,
      days: z.number().int().min(1).max(366),
      approvedBy: z.string().min(1).max(100),
    }),
    z.strictObject({
      type: z.literal('feeNotified'),
      on: isoDate,
      method: z.enum(['perItem', 'perPage']),
      quantity: z.number().int().min(1).max(1_000_000),
      amount: z.number().min(0).max(100_000_000),
    }),
    z.strictObject({ type: z.literal('feePaid'), on: isoDate }),
    z.strictObject({ type: z.literal('replied'), on: isoDate, outcome: z.enum(outcomes) }),
  ])
  .meta({ id: 'ApplicationEvent', title: '申请的办理事件' });

export const newApplicationBody = z.strictObject({
  id: recordId.optional(),
  agencyId: agencyRef.optional(),
  applicant: z.enum(applicantTypes).meta({
    description: 'np 自然人、biz 商业企业、res 科研机构、ngo 社会公益组织、law 法律服务机构、oth 其他',
  }),
  channel: z.enum(channels),
  submittedOn: isoDate,
  signedForOn: isoDate.nullable().optional(),
  confirmedOn: isoDate.nullable().optional(),
  requestText: z.string().max(20_000).optional(),
  events: z.array(eventSchema).max(100).optional(),
});

export const applicationParams = z.strictObject({ applicationId: recordId });

export const applicationListQuery = z.strictObject({
  agency: agencyRef.optional(),
  year: reportYear.optional().meta({ description: '只列出该年度收到的申请' }),
  asOf: isoDate.optional().meta({ description: '计算状态所依据的日期（默认今天）' }),
});

export const dueQuery = z.strictObject({
  agency: agencyRef.optional(),
  days: z.coerce
    .number()
    .int()
    .min(0)
    .max(60)
    .default(5)
    .meta({ description: '距答复期限不超过几个工作日算即将到期（默认 5）' }),
  asOf: isoDate.optional().meta({ description: '依据的日期（默认今天）' }),
});

// ── Cases ────────────────────────────────────────────────────────────────────────────────────────

const caseFields = {
  kind: z.enum(caseKinds).meta({ description: 'review 行政复议、direct 直接起诉、afterReview 复议后起诉' }),
  filedOn: isoDate,
  decidedOn: isoDate.nullable().optional(),
  outcome: z
    .enum(caseOutcomes)
    .nullable()
    .optional()
    .meta({ description: 'upheld 结果维持、corrected 结果纠正、other 其他结果；未审结为 null' }),
  applicationId: recordId.nullable().optional(),
};

export const newCaseBody = z.strictObject({
  id: recordId.optional(),
  agencyId: agencyRef.optional(),
  ...caseFields,
});

export const casePatchBody = z
  .strictObject({
    kind: caseFields.kind.optional(),
    filedOn: isoDate.optional(),
    decidedOn: caseFields.decidedOn,
    outcome: caseFields.outcome,
    applicationId: caseFields.applicationId,
  })
  .refine((p) => Object.keys(p).length > 0, { error: '至少应修改一项' });

export const caseParams = z.strictObject({ caseId: recordId });

export const caseListQuery = z.strictObject({
  agency: agencyRef.optional(),
  year: reportYear.optional().meta({ description: '只列出该年度收案的案件' }),
});

// ── Proactive figures, compile, fees ─────────────────────────────────────────────────────────────

export const proactiveParams = z.strictObject({ agencyId: recordId, year: reportYear });

export const proactiveBody = z.strictObject({
  cells: z
    .record(
      z.string().regex(/^p\.[A-Za-z0-9.]+$/, { error: '表二的键形如 p.rules.issued' }),
      z.number().min(-1e12).max(1e12).nullable(),
    )
    .meta({ description: '表二的数据，按代码表的键；null 删除该项' }),
});

export const compileTargets = ['json', 'html', 'md', 'txt', 'docx', 'pdf'] as const;

export const compileBody = z.strictObject({ agencyId: agencyRef.optional(), year: reportYear });

export const compileQuery = z.strictObject({
  to: z.enum(compileTargets).optional().meta({ description: '输出格式，默认 json' }),
});

export const feeQuery = z.strictObject({
  method: z.enum(['perItem', 'perPage']).meta({ description: 'perItem 按件计收、perPage 按量计收' }),
  quantity: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .meta({ description: '按件：本月第几件申请；按量：页数' }),
});

export type NewApplicationBody = z.infer<typeof newApplicationBody>;
export type EventBody = z.infer<typeof eventSchema>;
export type NewCaseBody = z.infer<typeof newCaseBody>;
export type CasePatchBody = z.infer<typeof casePatchBody>;
export type NewUserBody = z.infer<typeof newUserBody>;
export type NewAgencyBody = z.infer<typeof newAgencyBody>;
