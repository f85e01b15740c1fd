import { formatForYear, formats } from '../../spec/registry.js';
import type { Check } from '../types.js';

/** The table format must be the one in force for the report year (`years` of each format spec). */
export const checkFormatYear: Check = ({ report, spec }, file) => {
  const { year } = report;
  const used = formats.find((f) => f.id === report.format) ?? spec;
  if (year === null) {
    file.info('check.format-year', `未能确定报告年度，无法核对所用格式（${used.document}）是否适用`);
    return;
  }
  const due = formatForYear(year);
  if (!due) {
    const earliest = Math.min(...formats.map((f) => f.years.from));
    file.warn(
      'check.format-year',
      year < earliest
        ? `报告年度 ${year} 年早于现行任何格式的适用年度（最早自 ${earliest} 年起），无法核对格式`
        : `报告年度 ${year} 年没有适用的格式，无法核对格式`,
      { actual: String(year) },
    );
    return;
  }
  if (due.id !== used.id)
    file.error(
      'check.format-year',
      `${year} 年度报告应使用${due.document}规定的格式，实际使用的是${used.document}的格式`,
      { actual: used.id, expected: due.id },
    );
};
