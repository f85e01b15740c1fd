/**
 * 复议诉讼台账: one row per administrative reconsideration or litigation case about disclosure —
 * its kind, the day it was filed, the day it was decided and its result, named as table 四 names
 * them (行政复议, 未经复议直接起诉, 复议后起诉; 结果维持, 结果纠正, 其他结果, 尚未审结), and the
 * application it concerns. The columns are named by key (the API's field names, for machines) and
 * in Chinese (for the people who read the sheet); a row reads back (`caseOfRow`) as the same case.
 */
import type { IsoDate } from './calendar/date.js';
import {
  type CaseKind,
  type CaseOutcome,
  caseKindNames,
  caseKinds,
  caseOutcomeNames,
  caseOutcomes,
} from './cases.js';
import { cellReader, choice, dateOf, headerReader, type LedgerLayout, plain } from './ledger-cells.js';

/** What a row needs of a case. */
export interface CaseLedgerCase {
  number: string;
  agencyName: string;
  kind: CaseKind;
  filedOn: IsoDate;
  decidedOn: IsoDate | null;
  outcome: CaseOutcome | null;
  /** The linked application's number in its agency, if one is linked. */
  applicationNumber: string | null;
}

export type CaseLedgerValue = string | null;

/** The columns in order: key and Chinese name. */
export const caseLedgerColumns = [
  ['number', '编号'],
  ['agency', '机关'],
  ['kind', '案件类型'],
  ['filedOn', '收案日期'],
  ['decidedOn', '审结日期'],
  ['outcome', '结果'],
  ['applicationNumber', '关联申请编号'],
] as const;

export type CaseLedgerKey = (typeof caseLedgerColumns)[number][0];

/** The API's fields of a case (src/api/schemas.ts) whose column has another key. */
const columnOfField: Readonly<Record<string, CaseLedgerKey>> = {
  id: 'number',
  agencyId: 'agency',
  applicationId: 'applicationNumber',
};

/**
 * A case's field by its Chinese name, as the ledger's column (and the register's form) names it
 * (「收案日期」), for messages; undefined for a field it has no column for.
 */
export function caseFieldName(field: string): string | undefined {
  const key = Object.hasOwn(columnOfField, field) ? columnOfField[field] : field;
  return caseLedgerColumns.find(([k]) => k === key)?.[1];
}

/** One case's row, in the order of `caseLedgerColumns`. */
export function caseLedgerRow(c: CaseLedgerCase): CaseLedgerValue[] {
  const values: Record<CaseLedgerKey, CaseLedgerValue> = {
    number: c.number,
    agency: c.agencyName,
    kind: caseKindNames[c.kind] ?? c.kind,
    filedOn: c.filedOn,
    decidedOn: c.decidedOn,
    outcome: caseOutcomeNames[c.outcome ?? 'pending'] ?? c.outcome,
    applicationNumber: c.applicationNumber,
  };
  return caseLedgerColumns.map(([key]) => values[key]);
}

const layout: LedgerLayout<CaseLedgerKey> = {
  columns: caseLedgerColumns,
  aliases: {
    案件编号: 'number',
    类型: 'kind',
    案件类别: 'kind',
    复议诉讼类型: 'kind',
    立案日期: 'filedOn',
    受理日期: 'filedOn',
    收到日期: 'filedOn',
    结案日期: 'decidedOn',
    审结结果: 'outcome',
    案件结果: 'outcome',
    审理结果: 'outcome',
    关联申请: 'applicationNumber',
    申请编号: 'applicationNumber',
    applicationId: 'applicationNumber',
  },
  required: ['kind', 'filedOn'],
  title: '复议诉讼台账',
};

/** Which column each heading is (null: not one the import reads), or what is missing. */
export const caseLedgerHeader = headerReader(layout);

/** Short names offices write. */
const kindAliases: Readonly<Record<string, CaseKind>> = {
  复议: 'review',
  直接起诉: 'direct',
  未经复议起诉: 'direct',
  复议后诉讼: 'afterReview',
};
const outcomeAliases: Readonly<Record<string, CaseOutcome | 'pending'>> = {
  维持: 'upheld',
  纠正: 'corrected',
  其他: 'other',
  未审结: 'pending',
  审理中: 'pending',
  pending: 'pending',
};

/** A case read from a row, in the API's fields (src/api/schemas.ts `newCaseBody`). */
export interface ImportedCase {
  number?: string;
  kind: CaseKind;
  filedOn: IsoDate;
  decidedOn: IsoDate | null;
  outcome: CaseOutcome | null;
  /** The linked application's number (or id) in the agency imported into. */
  applicationId?: string;
}

/** A row's values by column (blank cells are ''). */
export type CaseLedgerRowValues = ReadonlyMap<CaseLedgerKey, string>;

/**
 * The case of one row, or the messages of each value that can't be read (each naming its column).
 * The case's rules (a decided case has a result, decided after it was filed) are checked by the
 * caller with `validateCase`, as the API checks them.
 */
export function caseOfRow(
  row: CaseLedgerRowValues,
): { ok: true; case: ImportedCase } | { ok: false; messages: string[] } {
  const { read, messages } = cellReader(layout, row);
  const kind = read(
    'kind',
    (t) => kindAliases[plain(t)] ?? choice(t, caseKinds, (k) => caseKindNames[k], '案件类型'),
  );
  const filedOn = read('filedOn', (t) => dateOf(t, '收案日期'));
  const decidedOn = read('decidedOn', (t) => dateOf(t, '审结日期'));
  const outcome = read(
    'outcome',
    (t) =>
      outcomeAliases[plain(t)] ??
      choice(t, [...caseOutcomes, 'pending'] as const, (o) => caseOutcomeNames[o], '结果'),
  );
  const number = read('number', (t) => t);
  const applicationId = read('applicationNumber', (t) => t);
  if (messages.length > 0 || !kind || !filedOn) return { ok: false, messages };
  return {
    ok: true,
    case: {
      ...(number !== undefined ? { number } : {}),
      kind,
      filedOn,
      decidedOn: decidedOn ?? null,
      outcome: outcome === undefined || outcome === 'pending' ? null : outcome,
      ...(applicationId !== undefined ? { applicationId } : {}),
    },
  };
}
