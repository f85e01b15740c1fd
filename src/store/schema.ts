/**
 * The database as Kysely sees it: one interface per table, row types derived from them. Columns the
 * database fills are `Generated<T>`; columns that are written once are `ColumnType<T, T, never>`; a
 * nullable column is `T | null`. Dates are `YYYY-MM-DD` strings, instants ISO strings, JSON its text
 * on both backends (adapter.ts). The migrations describe the same tables without importing this.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FormatId } from '../spec/types.js';
import type { ApplicantType, CaseKind, CaseOutcome, Channel, EventType } from '../workflow/index.js';

/** A calendar date, `YYYY-MM-DD`. */
export type DateText = string;
/** An instant, `2024-05-01T08:00:00.000Z`. */
export type Timestamp = string;
/** A JSON document as text. */
export type JsonText = string;

/** Written when the row is created, never changed. */
type CreatedAt = ColumnType<Timestamp, Timestamp, never>;
/** A key given at insert time and never changed. */
type Key = ColumnType<string, string, never>;

export const roles = ['clerk', 'reviewer', 'admin', 'supervisor', 'evaluator'] as const;
/** 录入 (clerk), 审核 (reviewer), 管理员 (admin), 监督 (supervisor), 评估 (evaluator: the corpus, no register). */
export type Role = (typeof roles)[number];
export const roleNames: Record<Role, string> = {
  clerk: '录入',
  reviewer: '审核',
  admin: '管理员',
  supervisor: '监督',
  evaluator: '评估',
};

export interface AgencyTable {
  id: Key;
  name: string;
  /** 行政区划 (e.g. 「青海省西宁市湟源县」). */
  region: string | null;
  /** 统一社会信用代码 or another code the agency is known by. */
  code: string | null;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Key;
  username: string;
  display_name: string;
  /** Hashed by the API layer; the store never sees a password. */
  password_hash: string;
  role: Role;
  /** Null for supervisors (they see the agencies of supervisor_agencies). */
  agency_id: string | null;
  created_at: CreatedAt;
  /** When the account was disabled (it can't sign in, its sessions are gone); null while active. */
  disabled_at: Timestamp | null;
}

export interface SupervisorAgencyTable {
  user_id: Key;
  agency_id: Key;
}

export interface SessionTable {
  /** Hash of the session token; the token itself is only ever held by the client. */
  token_hash: Key;
  user_id: Key;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApplicationTable {
  id: Key;
  agency_id: string;
  /** The agency's own number for it (2026-001), unique per agency. */
  number: string;
  applicant: ApplicantType;
  channel: Channel;
  submitted_on: DateText;
  signed_for_on: DateText | null;
  confirmed_on: DateText | null;
  /** The day of receipt by 第三十一条 (derived from the three dates above); null until known. */
  received_on: DateText | null;
  /** Year of `received_on`: the report year the application is 本年新收 in. */
  received_year: number | null;
  /** Day of the reply event, if any: an application replied before a year began is not in it. */
  replied_on: DateText | null;
  request_text: string;
  /** 申请人姓名或者名称 ('' when not recorded). */
  applicant_name: Generated<string>;
  /** 联系方式: telephone, address, e-mail ('' when not recorded). */
  applicant_contact: Generated<string>;
  /** 获取信息的方式、途径 the applicant asked for ('' when not recorded). */
  delivery: Generated<string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ApplicationEventTable {
  application_id: Key;
  /** Index in the application's `events` (0-based). */
  ordinal: number;
  type: EventType;
  on_date: DateText;
  /** The event's other fields (`correctBy`, `party`, `outcome`, …) as JSON. */
  payload: JsonText;
}

export interface CaseTable {
  id: Key;
  agency_id: string;
  /** The agency's own number for it (2026-001), unique per agency. */
  number: string;
  kind: CaseKind;
  filed_on: DateText;
  /** Null while pending (尚未审结), together with `decided_on`. */
  outcome: CaseOutcome | null;
  decided_on: DateText | null;
  application_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ProactiveFigureTable {
  agency_id: Key;
  year: ColumnType<number, number, never>;
  /** A table 二 key of the year's codebook (`p.rules.issued`, …). */
  cell_key: Key;
  value: number;
}

/** The office's text of one part (一 … 六) of its report for a year, in place of the drafted text. */
export interface ReportProseTable {
  agency_id: Key;
  year: ColumnType<number, number, never>;
  /** The part's number, 1 to 6. */
  part: ColumnType<number, number, never>;
  text: string;
  updated_at: Timestamp;
  /** The user who last wrote it; null for the system. */
  updated_by: string | null;
}

export interface HolidayArrangementTable {
  year: ColumnType<number, number, never>;
  /** The year's arrangement as JSON, in the built-in holiday table's shape (YearArrangement). */
  arrangement: string;
  updated_at: Timestamp;
  /** The user who entered it; null for the system. */
  updated_by: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: ColumnType<Timestamp, Timestamp, never>;
  /** Null when the system acted (bootstrap, housekeeping). */
  user_id: ColumnType<string | null, string | null, never>;
  action: ColumnType<string, string, never>;
  entity: ColumnType<string, string, never>;
  entity_id: ColumnType<string, string, never>;
  before: ColumnType<JsonText | null, JsonText | null, never>;
  after: ColumnType<JsonText | null, JsonText | null, never>;
}

export const reportOrigins = ['compiled', 'ingested'] as const;
/** compiled: made by compileReport from the records; ingested: read from a published report. */
export type ReportOrigin = (typeof reportOrigins)[number];

export interface ReportTable {
  id: Key;
  agency_id: string;
  year: number;
  format: FormatId;
  origin: ReportOrigin;
  /** The agency name as the report gives it. */
  agency_name: string | null;
  published_on: DateText | null;
  signed_on: DateText | null;
  /** Cells by codebook key. */
  cells: JsonText;
  /** The six parts. */
  sections: JsonText;
  compiled_at: CreatedAt;
}

/** A counter per agency, raised by every write to its records (cached views compare it). */
export interface DataVersionTable {
  agency_id: Key;
  version: number;
}

export interface Database {
  agencies: AgencyTable;
  users: UserTable;
  supervisor_agencies: SupervisorAgencyTable;
  sessions: SessionTable;
  applications: ApplicationTable;
  application_events: ApplicationEventTable;
  cases: CaseTable;
  proactive_figures: ProactiveFigureTable;
  report_prose: ReportProseTable;
  holiday_arrangements: HolidayArrangementTable;
  audit_log: AuditLogTable;
  reports: ReportTable;
  corpus_bodies: CorpusBodyTable;
  corpus_aliases: CorpusAliasTable;
  corpus_reports: CorpusReportTable;
  corpus_cells: CorpusCellTable;
  corpus_findings: CorpusFindingTable;
  corpus_measures: CorpusMeasureTable;
  corpus_finding_counts: CorpusFindingCountTable;
  data_versions: DataVersionTable;
}

export type AgencyRow = Selectable<AgencyTable>;
export type NewAgencyRow = Insertable<AgencyTable>;
export type AgencyUpdate = Updateable<AgencyTable>;

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;

export type SessionRow = Selectable<SessionTable>;
export type NewSessionRow = Insertable<SessionTable>;

export type ApplicationRow = Selectable<ApplicationTable>;
export type NewApplicationRow = Insertable<ApplicationTable>;
export type ApplicationUpdate = Updateable<ApplicationTable>;

export type ApplicationEventRow = Selectable<ApplicationEventTable>;
export type NewApplicationEventRow = Insertable<ApplicationEventTable>;

export type CaseRow = Selectable<CaseTable>;
export type NewCaseRow = Insertable<CaseTable>;
export type CaseUpdate = Updateable<CaseTable>;

export type ProactiveFigureRow = Selectable<ProactiveFigureTable>;
export type NewProactiveFigureRow = Insertable<ProactiveFigureTable>;

export type AuditRow = Selectable<AuditLogTable>;
export type NewAuditRow = Insertable<AuditLogTable>;

export type ReportRow = Selectable<ReportTable>;
export type NewReportRow = Insertable<ReportTable>;

// ── The corpus of published reports (督) ────────────────────────────────────────────────────────

/** 人民政府 (a people's government, 管委会 with government powers included) or 部门 (a department). */
export type BodyKind = 'government' | 'department';

export interface CorpusBodyTable {
  id: Key;
  /** The full name, as a person or the longest spelling gave it. */
  name: string;
  /** The normalised name the spellings of this body share (see src/corpus/bodies). */
  match_key: string;
  province: string | null;
  city: string | null;
  county: string | null;
  /** province + city + county, for prefix filters ('' when unknown). */
  region: string;
  kind: BodyKind;
  /** Set when a person merged this body into another. */
  merged_into: string | null;
  /**
   * 撤销年份: from this year on the body publishes no report, since it no longer exists (e.g. 机构改革
   * abolished it); null when it stands. Set by a person, never by ingest.
   */
  dissolved_in: number | null;
  /**
   * 应发布名录: from this year on the body owes its report, by a list of the bodies that must publish
   * (null: only from the first year the corpus holds a report of it). Set by a person, never by ingest.
   */
  expected_from: number | null;
  /** 1 when a person corrected it: ingest never changes it then. */
  corrected: Generated<number>;
  created_at: CreatedAt;
}

export interface CorpusAliasTable {
  /** A normalised spelling. */
  alias: Key;
  body_id: string;
}

export interface CorpusReportTable {
  id: Generated<number>;
  sha256: ColumnType<string, string, never>;
  body_id: string | null;
  agency_name: string | null;
  year: number | null;
  /** 1 for the first file of a body and year, 2 for the next different one, … */
  version: number;
  format: FormatId;
  source_type: string;
  /** Where the file was read from (path, or `zip!entry`, or the uploaded name). */
  file: string;
  size: number;
  published_on: DateText | null;
  signed_on: DateText | null;
  /** The statutory deadline for the body's kind. */
  deadline: DateText | null;
  /** 1 when published or signed after the deadline. */
  late: number;
  errors: number;
  warnings: number;
  infos: number;
  sections: JsonText;
  text: string;
  source: Uint8Array | null;
  ingested_at: CreatedAt;
  /**
   * Where the publication and signature dates were read: JSON `{published, signed}`, each a point or
   * null (src/corpus/bodies/kind-revision.ts); `null` for reports ingested before it was kept.
   */
  date_places: JsonText | null;
}

export interface CorpusCellTable {
  report_id: number;
  key: string;
  value: number | null;
}

export interface CorpusFindingTable {
  report_id: number;
  ordinal: number;
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number | null;
  col: number | null;
  /** A PDF's page (1-based); null for other sources and for findings stored before pages were. */
  page: number | null;
  keys: JsonText;
  actual: string | null;
  expected: string | null;
  note: string | null;
}

/**
 * One report's measures, what `gongkai corpus stats` groups, filters and sums (src/corpus/measures.ts):
 * copies of the report's narrow columns, then one column per crosswalk measure and per figure read
 * from prose, null where the report's format or text has none.
 */
export interface CorpusMeasureTable {
  report_id: number;
  /** Copies of the report's (kept in step by ingest and merges). */
  body_id: string | null;
  year: number | null;
  format: FormatId;
  late: number;
  /** 1 when the report has a publication or signature date. */
  dated: number;
  errors: number;
  warnings: number;
  /** 1 for the newest version of its body and year (every report without a body or year). */
  latest: number;
  applications_new: number | null;
  applications_carried_in: number | null;
  applications_answered: number | null;
  applications_carried_over: number | null;
  outcome_open: number | null;
  outcome_partial: number | null;
  outcome_deny: number | null;
  outcome_none: number | null;
  outcome_reject: number | null;
  outcome_other: number | null;
  review_total: number | null;
  review_corrected: number | null;
  litigation_total: number | null;
  litigation_corrected: number | null;
  fees_administrative: number | null;
  fees_unpaid: number | null;
  fees_disclosure: number | null;
}

/**
 * One report's findings counted by code and severity, with copies of the columns of its
 * `corpus_measures` row that the statistics filter and group on (kept in step with them), so the
 * counts by region, body or year are one scan of one table (src/corpus/measures.ts).
 */
export interface CorpusFindingCountTable {
  report_id: number;
  code: string;
  severity: 'error' | 'warning' | 'info';
  n: number;
  body_id: string | null;
  year: number | null;
  format: FormatId;
  late: number;
  errors: number;
  latest: number;
}
