/**
 * The result of an application: exactly one of the result rows of table 三 (（一）予以公开 to （六）其他处理).
 * Outcomes are named after the 2021 format's rows; the 2019 format has a single （六）其他处理 row, which
 * every `other.*` outcome falls into.
 */
import { rowName } from '../spec/common.js';
import type { FormatSpec, RowSpec } from '../spec/types.js';

export const outcomes = [
  'open',
  'partial',
  'deny.secret',
  'deny.law',
  'deny.security',
  'deny.thirdParty',
  'deny.internal',
  'deny.process',
  'deny.enforcement',
  'deny.query',
  'none.notHeld',
  'none.create',
  'none.unclear',
  'reject.petition',
  'reject.repeat',
  'reject.publication',
  'reject.mass',
  'reject.confirm',
  'other.noCorrection',
  'other.noFee',
  'other.other',
] as const;

export type Outcome = (typeof outcomes)[number];

export const isOutcome = (value: unknown): value is Outcome => outcomes.includes(value as Outcome);

/** Rows of table 三 that are not results: 一, 二, （七）总计, 四. */
const headRowIds = new Set(['new', 'prev', 'total', 'next']);

/** The result rows of table 三 of a format, in table order. */
export function resultRows(spec: FormatSpec): RowSpec[] {
  const table = spec.tables.find((t) => t.id === 'applications');
  return (table?.parts ?? []).flatMap((p) => p.rows).filter((r) => !headRowIds.has(r.id));
}

/** The row of the format an outcome is counted in: its own row, or the single （六） row of 2019. */
export function outcomeRow(spec: FormatSpec, outcome: Outcome): RowSpec {
  const rows = resultRows(spec);
  const own = rows.find((r) => r.id === outcome);
  if (own) return own;
  const group = outcome.split('.')[0];
  const collapsed = rows.find((r) => r.id === group);
  if (collapsed) return collapsed;
  throw new Error(`${spec.document}的表三没有与办理结果「${outcome}」对应的行`);
}

/** The Chinese name of an outcome (its row label in the 2021 format, e.g. 「1.属于国家秘密」). */
export function outcomeName(spec: FormatSpec, outcome: Outcome): string {
  return rowName(outcomeRow(spec, outcome));
}
