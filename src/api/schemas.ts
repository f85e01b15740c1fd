/**
 * The zod schemas of every body, query and path parameter of the API (and of the CLI's register
 * commands, which parse their options through the same schemas). The OpenAPI document is generated
 * from these (openapi.ts).
 */
import { z } from 'zod';
import { isCommonPassword, minPasswordLength } from '../auth/common-passwords.js';
import { formats } from '../spec/registry.js';
import type { SectionSpec } from '../spec/types.js';
import { auditActionNames, auditEntityNames } from '../store/audit-names.js';
import {
  applicantTypes,
  arrangementProblems,
  caseKinds,
  caseOutcomes,
  channels,
  enteredYears,
  isIsoDate,
  noticeTitle,
  outcomes,
} from '../workflow/index.js';
import { loginBody, roleSchema } from './contract/session.js';
import { line, text } from './contract/strings.js';

export { line, loginBody, roleSchema, text };

/** A new password: at least 10 characters, none of them control characters, not a common one. */
export const newPassword = line(200)
  .min(minPasswordLength)
  .refine((p) => !isCommonPassword(p), { error: '密码过于常见，请换一个不易猜到的密码' });

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
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: '只能包含字母、数字和 . _ -' });

export const reportYear = z.coerce
  .number({ error: '年度应为整数' })
  .int({ error: '年度应为整数' })
  .min(2008)
  .max(2099)
  .meta({ description: '报告年度' });

const agencyRef = recordId.meta({ description: '机关编号（用户只属于一个机关时可省略）' });

// ── Login and users ────────────────────────────────────────────────────────────────────────────

export const newUserBody = z.strictObject({
  username: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[A-Za-z0-9_.@-]+$/, { error: '用户名只能包含字母、数字和 _ . @ -' }),
  displayName: line(100).min(1),
  password: newPassword,
  role: roleSchema,
  agencyId: agencyRef.optional(),
  agencyIds: z.array(recordId).max(1000).optional().meta({ description: '监督角色监督的机关' }),
});

export const userParams = z.strictObject({ userId: recordId });

export const userPatchBody = z
  .strictObject({
    disabled: z
      .boolean()
      .optional()
      .meta({ description: 'true 停用账号（立即结束其全部会话），false 重新启用' }),
    password: newPassword.optional().meta({ description: '新密码（至少 10 个字符；该用户的会话全部结束）' }),
    displayName: line(100).min(1).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { error: '至少应修改一项' });

// ── Agencies ─────────────────────────────────────────────────────────────────────────────────────

export const newAgencyBody = z.strictObject({
  id: recordId.optional(),
  name: line(200).min(1),
  region: line(200).nullable().optional(),
  code: line(100).nullable().optional(),
});

export const agencyPatchBody = z
  .strictObject({
    name: line(200).min(1).optional(),
    region: line(200).nullable().optional(),
    code: line(100).nullable().optional(),
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
      approvedBy: line(100).min(1),
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

/** The agency's own number for a record; unique per agency. */
const recordNumber = recordId.meta({
  description: '本机关的编号（如 2026-001），在本机关内唯一；省略时按年度顺序自动编号',
});

export const newApplicationBody = z.strictObject({
  number: recordNumber.optional(),
  id: recordNumber.optional().meta({ description: '同 number（旧字段）', deprecated: true }),
  agencyId: agencyRef.optional(),
  applicant: z.enum(applicantTypes).meta({
    description: 'np 自然人、biz 商业企业、res 科研机构、ngo 社会公益组织、law 法律服务机构、oth 其他',
  }),
  channel: z.enum(channels),
  submittedOn: isoDate,
  signedForOn: isoDate.nullable().optional(),
  confirmedOn: isoDate.nullable().optional(),
  requestText: text(20_000).optional(),
  applicantName: line(200).optional().meta({ description: '申请人姓名或者名称（条例第二十九条）' }),
  applicantContact: text(500)
    .optional()
    .meta({ description: '申请人的联系方式：电话、通信地址、电子邮箱等' }),
  delivery: line(500)
    .optional()
    .meta({ description: '申请人要求的获取信息的方式、途径（如邮寄纸质件、电子邮件）' }),
  events: z.array(eventSchema).max(100).optional(),
});

/** A correction of an application's own fields; its events change only by voiding them. */
export const applicationPatchBody = newApplicationBody
  .pick({
    applicant: true,
    applicantName: true,
    applicantContact: true,
    delivery: true,
    requestText: true,
    channel: true,
    submittedOn: true,
    signedForOn: true,
    confirmedOn: true,
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { error: '至少应修改一项' });

export const applicationParams = z.strictObject({
  applicationId: recordId.meta({ description: '申请的 id，或本机关的编号（如 2026-001）' }),
});

export const eventParams = z.strictObject({
  applicationId: recordId.meta({ description: '申请的 id，或本机关的编号（如 2026-001）' }),
  ordinal: z.coerce
    .number({ error: '事件序号应为整数' })
    .int({ error: '事件序号应为整数' })
    .min(0)
    .max(1000)
    .meta({ description: '事件在申请的事件中的序号（从 0 起算）' }),
});

export const noticeQuery = z.strictObject({
  to: z
    .enum(['docx', 'md'])
    .default('docx')
    .meta({ description: '文书格式：docx（默认，按 GB/T 9704 排版）或 md' }),
});

export const voidEventBody = z.strictObject({
  reason: text(500).min(2).meta({ description: '作废的理由（写入审计日志）' }),
});

export const applicationListQuery = z.strictObject({
  agency: agencyRef.optional(),
  year: reportYear.optional().meta({ description: '只列出该年度收到的申请' }),
  asOf: isoDate.optional().meta({ description: '计算状态所依据的日期（默认今天）' }),
});

/** The format of a register's ledger (applications', cases'). */
const ledgerFormat = z
  .enum(['xlsx', 'csv'])
  .default('xlsx')
  .meta({ description: 'xlsx（默认，中文表头，供人阅读）或 csv（字段名表头，带 BOM 的 UTF-8）' });

export const applicationExportQuery = applicationListQuery.extend({ to: ledgerFormat });

/** How many working days before its due date an application is 即将到期. */
const dueSoonDays = z.coerce
  .number()
  .int()
  .min(0)
  .max(60)
  .default(5)
  .meta({ description: '距答复期限不超过几个工作日算即将到期（默认 5）' });

export const registerSummaryQuery = z.strictObject({
  year: reportYear.optional().meta({ description: '只统计该年度收到的申请' }),
  days: dueSoonDays,
  asOf: isoDate.optional().meta({ description: '状态依据的日期（默认今天）' }),
});

/** Importing a register's ledger (applications', cases') into an agency. */
const ledgerImportQuery = z.strictObject({
  agency: agencyRef.optional(),
  dryRun: z.enum(['true', 'false']).optional().meta({ description: 'true：只检查，不保存' }),
});

export const applicationImportQuery = ledgerImportQuery;

export const dueQuery = z.strictObject({
  agency: agencyRef.optional(),
  days: dueSoonDays,
  asOf: isoDate.optional().meta({ description: '依据的日期（默认今天）' }),
});

// ── Audit log ────────────────────────────────────────────────────────────────────────────────────

export const auditQuery = z.strictObject({
  entity: z
    .enum(Object.keys(auditEntityNames) as [string, ...string[]])
    .optional()
    .meta({ description: '只列出这类对象的记录' }),
  action: z
    .enum(Object.keys(auditActionNames) as [string, ...string[]])
    .optional()
    .meta({ description: '只列出这种操作' }),
  user: recordId.optional().meta({ description: '只列出这个用户的操作' }),
  from: isoDate.optional().meta({ description: '从这一天起（含）' }),
  to: isoDate.optional().meta({ description: '到这一天止（含）' }),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: '接着上一页：只列出编号小于它的记录' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .meta({ description: '每页条数（默认 50，至多 200）' }),
});
export type AuditQuery = z.output<typeof auditQuery>;

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
  number: recordNumber.optional(),
  id: recordNumber.optional().meta({ description: '同 number（旧字段）', deprecated: true }),
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

export const caseParams = z.strictObject({
  caseId: recordId.meta({ description: '案件的 id，或本机关的编号（如 2026-001）' }),
});

export const caseListQuery = z.strictObject({
  agency: agencyRef.optional(),
  year: reportYear.optional().meta({ description: '只列出该年度收案的案件' }),
});

export const caseExportQuery = caseListQuery.extend({ to: ledgerFormat });

export const caseImportQuery = ledgerImportQuery;

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

/** The parts of a report (一 … 六) by number, as the formats' specs list them. */
export const reportParts: readonly SectionSpec[] = [
  ...new Map(formats.flatMap((f) => f.sections).map((section) => [section.number, section])).values(),
].sort((a, b) => a.number - b.number);

/** Most characters of a part's prose. */
export const proseMax = 20_000;

/** A part's text: not blank, at most `proseMax` characters. */
const partText = () =>
  text(proseMax).refine((t) => t.trim() !== '', {
    error: '正文不能为空；要用生成的默认文字，省略这一部分即可',
  });

/** One member per part of the report (「1」 … 「6」), each of the given type; other keys are refused. */
const byPart = <T extends z.ZodType>(member: () => T) =>
  z.strictObject(
    Object.fromEntries(
      reportParts.map((part) => [
        String(part.number),
        member()
          .optional()
          .meta({ description: `${part.numeral}、${part.title}` }),
      ]),
    ),
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `部分序号应为 ${reportParts.map((p) => p.number).join('、')}`
          : undefined,
    },
  );

const partList = reportParts.map((p) => `${p.number} 即「${p.numeral}、${p.title}」`).join('，');

/** The office's text of parts of the report, keyed by part number; each replaces the drafted text. */
export const compileProse = byPart(partText).meta({
  description: [
    `各部分的正文，键为部分序号（${partList}）；给出的部分替换由记录生成的默认文字`,
    '（其中无法由记录得出的内容为【待补充：…】），省略的部分用保存的正文（见 /api/report-prose），',
    '没有保存的用默认文字。换行分段，表格仍由数据生成。',
  ].join(''),
});

export const reportProseParams = proactiveParams;

export const reportProseBody = z.strictObject({
  prose: byPart(() => partText().nullable()).meta({
    description: `要保存的各部分正文，键为部分序号（${partList}）；null 删除该部分保存的正文（恢复默认文字），未提及的部分不变`,
  }),
});

export const compileBody = z
  .strictObject({
    agencyId: agencyRef.optional(),
    year: reportYear,
    signedOn: isoDate.optional().meta({
      description: '落款的成文日期（YYYY-MM-DD）：报告末尾右对齐印出机关名称和该日期；省略时不印落款',
    }),
    publishedOn: isoDate.optional().meta({ description: '发布日期（YYYY-MM-DD），印在标题下' }),
    prose: compileProse.optional(),
    savedProse: z.boolean().optional().meta({
      description:
        '是否用机关保存的正文补上 prose 未给出的部分（默认 true）；false 时未给出的部分用由记录生成的默认文字',
    }),
  })
  .superRefine((b, ctx) => {
    const yearEnd = `${b.year}-12-31`;
    if (b.signedOn !== undefined && b.signedOn <= yearEnd)
      ctx.addIssue({
        code: 'custom',
        path: ['signedOn'],
        message: `成文日期应在报告年度结束（${yearEnd}）之后`,
      });
    if (b.publishedOn !== undefined && b.publishedOn <= yearEnd)
      ctx.addIssue({
        code: 'custom',
        path: ['publishedOn'],
        message: `发布日期应在报告年度结束（${yearEnd}）之后`,
      });
    if (b.signedOn !== undefined && b.publishedOn !== undefined && b.publishedOn < b.signedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['publishedOn'],
        message: `发布日期不能早于成文日期（${b.signedOn}）`,
      });
  });

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

/** A notice's title, number and date, as the 通知 prints them. */
const noticeBody = z.strictObject({
  title: line(200)
    .optional()
    .meta({ description: '通知标题；省略时为「国务院办公厅关于YYYY年部分节假日安排的通知」' }),
  number: line(100)
    .min(1, { error: '发文字号不能为空' })
    .meta({ description: '发文字号，如 国办发明电〔2025〕7号' }),
  date: isoDate.meta({ description: '成文日期' }),
});

export const holidayYearParams = z.strictObject({
  year: z.coerce.number().int().min(enteredYears.min).max(enteredYears.max),
});

/**
 * A year's holiday arrangement as the State Council's notice sets it: each festival's closure (放假，
 * first and last day, both included) and its make-up working days (调休上班, weekend days). Checked as
 * a whole: dates near the year, closures that don't overlap, make-up days on weekends outside them.
 */
export const holidayYearBody = z
  .strictObject({
    year: z.number().int().min(enteredYears.min).max(enteredYears.max).meta({ description: '安排的年度' }),
    notice: noticeBody,
    amendments: z
      .array(noticeBody.extend({ change: line(500).min(1).meta({ description: '调整了什么' }) }))
      .max(10)
      .optional()
      .meta({ description: '之后调整该年安排的通知（已体现在 festivals 中）' }),
    festivals: z
      .array(
        z.strictObject({
          name: line(20).min(1).meta({ description: '节日，如 元旦、春节、国庆节、中秋节' }),
          off: z.tuple([isoDate, isoDate]).meta({ description: '放假的第一天和最后一天（含）' }),
          work: z.array(isoDate).max(10).meta({ description: '调休上班的星期六、星期日' }),
        }),
      )
      .min(1)
      .max(20),
  })
  .transform((b) => ({
    year: b.year,
    notice: {
      title: b.notice.title?.trim() || noticeTitle(b.year),
      number: b.notice.number.trim(),
      date: b.notice.date,
    },
    amendments: (b.amendments ?? []).map((n) => ({
      title: n.title?.trim() || noticeTitle(b.year),
      number: n.number.trim(),
      date: n.date,
      change: n.change,
    })),
    festivals: b.festivals.map((f) => ({ name: f.name.trim(), off: f.off, work: f.work })),
  }))
  .superRefine((a, ctx) => {
    for (const problem of arrangementProblems(a))
      ctx.addIssue({
        code: 'custom',
        path: problem.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message: problem.message,
      });
  });

export type HolidayYearBody = z.output<typeof holidayYearBody>;

export type NewApplicationBody = z.infer<typeof newApplicationBody>;
export type ApplicationPatchBody = z.infer<typeof applicationPatchBody>;
export type EventBody = z.infer<typeof eventSchema>;
export type NewCaseBody = z.infer<typeof newCaseBody>;
export type CasePatchBody = z.infer<typeof casePatchBody>;
export type NewUserBody = z.infer<typeof newUserBody>;
export type NewAgencyBody = z.infer<typeof newAgencyBody>;
export type UserPatchBody = z.infer<typeof userPatchBody>;
