/**
 * Measures comparable across the 2019 and 2021 formats: each is the sum of the named cells of the
 * report's format (codebook keys), or absent where that format has no equivalent. Data, not code:
 * a new measure or a new format is a new entry here.
 */
import type { FormatId } from './types.js';

export interface CrosswalkMeasure {
  id: string;
  /** Chinese label for tables, exports and charts. */
  label: string;
  /** The cells summed for each format; null where the format has no equivalent. */
  keys: Record<FormatId, readonly string[] | null>;
}

const both = (keys: readonly string[]): Record<FormatId, readonly string[]> => ({
  '2019': keys,
  '2021': keys,
});

const deny = ['secret', 'law', 'security', 'thirdParty', 'internal', 'process', 'enforcement', 'query'].map(
  (r) => `a.deny.${r}.total`,
);
const none = ['notHeld', 'create', 'unclear'].map((r) => `a.none.${r}.total`);
const reject = ['petition', 'repeat', 'publication', 'mass', 'confirm'].map((r) => `a.reject.${r}.total`);

export const crosswalk: readonly CrosswalkMeasure[] = [
  { id: 'applications.new', label: '本年新收申请', keys: both(['a.new.total']) },
  { id: 'applications.carriedIn', label: '上年结转申请', keys: both(['a.prev.total']) },
  { id: 'applications.answered', label: '本年办理完结', keys: both(['a.total.total']) },
  { id: 'applications.carriedOver', label: '结转下年度', keys: both(['a.next.total']) },
  { id: 'outcome.open', label: '予以公开', keys: both(['a.open.total']) },
  { id: 'outcome.partial', label: '部分公开', keys: both(['a.partial.total']) },
  { id: 'outcome.deny', label: '不予公开', keys: both(deny) },
  { id: 'outcome.none', label: '无法提供', keys: both(none) },
  { id: 'outcome.reject', label: '不予处理', keys: both(reject) },
  {
    id: 'outcome.other',
    label: '其他处理',
    keys: {
      '2019': ['a.other.total'],
      '2021': ['a.other.noCorrection.total', 'a.other.noFee.total', 'a.other.other.total'],
    },
  },
  { id: 'review.total', label: '行政复议总数', keys: both(['l.review.total']) },
  { id: 'review.corrected', label: '行政复议结果纠正', keys: both(['l.review.corrected']) },
  { id: 'litigation.total', label: '行政诉讼总数', keys: both(['l.direct.total', 'l.afterReview.total']) },
  {
    id: 'litigation.corrected',
    label: '行政诉讼结果纠正',
    keys: both(['l.direct.corrected', 'l.afterReview.corrected']),
  },
  // Not fees for disclosure: table 二's 行政事业性收费 is the amount of the administrative fees the
  // body itself levies, published under 条例第二十条第（八）项 (2021 format only).
  {
    id: 'fees.administrative',
    label: '主动公开的行政事业性收费金额（万元，表二，非信息处理费）',
    keys: { '2019': null, '2021': ['p.fees.amount'] },
  },
  // Fees for disclosure (信息处理费, 国办函〔2020〕109号, from 2021): neither format has a cell for the
  // amount (the 2021 format asks for it in 六、其他需要报告的事项; see src/corpus/measures.ts); table
  // 三 of the 2021 format counts the applications closed because the fee went unpaid. The 2019
  // format predates the fee and has neither.
  {
    id: 'fees.unpaid',
    label: '逾期未缴信息处理费不再处理的申请（件）',
    keys: { '2019': null, '2021': ['a.other.noFee.total'] },
  },
];

/** A measure's value for a report's cells: the sum of its cells (blank cells as 0), null without any. */
export function measureValue(
  measure: CrosswalkMeasure,
  format: FormatId,
  cells: Readonly<Record<string, number | null>>,
): number | null {
  const keys = measure.keys[format];
  if (!keys) return null;
  let sum = 0;
  let any = false;
  for (const key of keys) {
    const v = cells[key];
    if (typeof v === 'number') {
      sum += v;
      any = true;
    }
  }
  return any ? Math.round(sum * 100) / 100 : null;
}
