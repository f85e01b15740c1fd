import { agencyKind } from '../body-kind.js';
import type { Check } from '../types.js';

/**
 * 条例第五十条: a people's government's report also covers 工作考核、社会评议和责任追究结果情况.
 * A report of a government whose prose mentions none of one of the three is warned.
 */
const topics: readonly [string, RegExp][] = [
  ['工作考核', /考核/],
  ['社会评议', /评议/],
  ['责任追究结果', /责任追究|追责|问责/],
];

export const checkArticle50: Check = ({ report }, file) => {
  if (agencyKind(report.agency) !== 'government') return;
  const prose = report.sections.map((s) => s.text).join('\n');
  const missing = topics.filter(([, pattern]) => !pattern.test(prose)).map(([name]) => name);
  if (missing.length === 0) return;
  file.warn(
    'check.article-50',
    `人民政府的年度报告应包括工作考核、社会评议和责任追究结果情况（条例第五十条），未写${missing.join('、')}`,
    { expected: '工作考核、社会评议和责任追究结果情况', actual: `缺少：${missing.join('、')}` },
  );
};
