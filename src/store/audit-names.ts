/**
 * Chinese names of the audit log's actions and entities (the codes the repositories write), for
 * the log's readers: `gongkai audit` and the web app's 操作记录. A code without a name shows as
 * itself.
 */
import { cellLabel } from '../spec/cell-label.js';
import { caseFieldName } from '../workflow/cases-ledger.js';
import { applicationFieldName } from '../workflow/ledger.js';

export const auditActionNames: Readonly<Record<string, string>> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  set: '设置',
  correct: '修改',
  merge: '合并',
  'import-roster': '导入应发布名录',
  event: '记录办理事项',
  events: '修改办理记录',
  void: '作废办理事项',
  supervise: '设置监督的机关',
  password: '重设密码',
  disable: '停用账号',
  enable: '重新启用账号',
  login: '登录',
  logout: '退出登录',
  expire: '会话过期',
  'login-failed': '登录失败',
  lockout: '登录锁定',
};

export const auditEntityNames: Readonly<Record<string, string>> = {
  agency: '机关',
  application: '政府信息公开申请',
  case: '复议诉讼案件',
  proactive_figures: '主动公开数据（表二）',
  report_prose: '年度报告正文',
  holiday_arrangement: '节假日安排',
  user: '用户',
  corpus_body: '报告库中的机关',
};

export const auditActionName = (code: string): string => auditActionNames[code] ?? code;
export const auditEntityName = (code: string): string => auditEntityNames[code] ?? code;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * What an entry's record is called, for a reader: a user's name and username, an agency's or a
 * body's name, an application's or a case's number, a year's records by their year; else its id.
 */
export function auditRecordLabel(entityId: string, before: unknown, after: unknown): string {
  const record = isRecord(after) ? after : isRecord(before) ? before : {};
  const name = text(record.displayName) ?? text(record.name);
  const username = text(record.username);
  if (name && username && name !== username) return `${name}（${username}）`;
  if (name ?? username) return (name ?? username) as string;
  const number = text(record.number);
  if (number) return number;
  const year =
    /\/(\d{4})$/.exec(entityId)?.[1] ?? (typeof record.year === 'number' ? String(record.year) : undefined);
  if (year) return `${year} 年`;
  return entityId;
}

/** Chinese names of the records' fields that the log shows changed; a field without one shows as itself. */
export const auditFieldNames: Readonly<Record<string, string>> = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  agencyId: '机关',
  agencyIds: '监督的机关',
  disabledAt: '停用时间',
  sessionsEnded: '结束的会话数',
  name: '名称',
  region: '行政区划',
  code: '代码',
  number: '编号',
  applicant: '申请人类型',
  applicantName: '申请人姓名或名称',
  applicantContact: '联系方式',
  delivery: '获取方式',
  channel: '申请渠道',
  submittedOn: '提交日期',
  signedForOn: '签收日期',
  confirmedOn: '确认日期',
  receivedOn: '收到申请日期',
  requestText: '申请内容',
  events: '办理记录',
  updatedAt: '修改时间',
  kind: '类型',
  filedOn: '收案日期',
  decidedOn: '审结日期',
  outcome: '结果',
  applicationId: '相关申请',
  cells: '数据',
  parts: '正文',
  province: '省',
  city: '市',
  county: '县区',
  dissolved: '撤销年份',
  expectedFrom: '应发布起始年度',
  mergedInto: '并入的机关',
  holidays: '放假安排',
};

/**
 * The names a kind of record gives its fields where its forms and ledger name them (a case's
 * 「收案日期」「审结日期」「案件类型」, an application's 「提交渠道」): the log says what the page says.
 */
const recordFieldNames: Readonly<Record<string, (key: string) => string | undefined>> = {
  case: caseFieldName,
  application: applicationFieldName,
};

/**
 * A field's name: as the record's own forms and ledger name it (`entity`, the log's code for the
 * kind of record), else its name in the log, or a report cell's place in the tables (表二的数字 are
 * kept by cell key).
 */
export const auditFieldName = (key: string, entity?: string): string =>
  (entity === undefined ? undefined : recordFieldNames[entity]?.(key)) ??
  auditFieldNames[key] ??
  cellLabel('2021', key) ??
  cellLabel('2019', key) ??
  key;

/** Whether a record's field is a report cell (表二's figures are kept by cell key). */
const isCellKey = (key: string): boolean =>
  !Object.hasOwn(auditFieldNames, key) && (cellLabel('2021', key) ?? cellLabel('2019', key)) !== null;

/** The fields an entry changed: those of the record before and after that differ (none for a record created or deleted). */
export function auditChangedFields(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * The fields an entry shows, each before and after: those it changed, or every field of a record
 * created or deleted.
 */
export function auditFields(
  before: unknown,
  after: unknown,
): { key: string; before: unknown; after: unknown }[] {
  const was = isRecord(before) ? before : {};
  const is = isRecord(after) ? after : {};
  const keys =
    isRecord(before) && isRecord(after)
      ? auditChangedFields(before, after)
      : [...new Set([...Object.keys(was), ...Object.keys(is)])];
  return keys.map((key) => ({ key, before: was[key], after: is[key] }));
}

/**
 * What an entry changed, in a few words: 「新建」「删除」, the changed fields' names (the first three
 * and how many when there are more), or 「—」.
 */
export function auditChangeSummary(entry: {
  action: string;
  entity?: string;
  before: unknown;
  after: unknown;
}): string {
  if (entry.action === 'create') return '新建';
  if (entry.action === 'delete') return '删除';
  const changed = auditChangedFields(entry.before, entry.after);
  // A report's figures (表二's, kept by cell key) are counted, not named: each one's place in the
  // tables is a sentence (the entry's details name them).
  const figures = changed.filter(isCellKey).length;
  const fields = changed.filter((key) => !isCellKey(key)).map((key) => auditFieldName(key, entry.entity));
  if (figures > 0) fields.push(`${figures} 个数字`);
  if (fields.length === 0) return '—';
  return fields.length <= 3 ? fields.join('、') : `${fields.slice(0, 3).join('、')} 等 ${fields.length} 项`;
}

const inChina = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A timestamp of the log as a clerk reads it: the date and time in China (2026-12-06 23:18:48). */
export const auditTime = (at: string): string => inChina.format(new Date(at));

/** Who acted: the user's name, the command line (`cli`), or the system. */
export const auditActor = (entry: { userId: string | null; userName: string | null }): string =>
  entry.userName ?? (entry.userId === 'cli' ? '命令行' : entry.userId === null ? '系统' : entry.userId);
