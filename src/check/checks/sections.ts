import type { HeadingEvidence } from '../../assemble/evidence.js';
import type { Check } from '../types.js';

/** The six parts: each present once, in the format's order. */
export const checkSections: Check = ({ evidence, spec }, file) => {
  if (!evidence) return;
  const numeral = (n: number) => spec.sections.find((s) => s.number === n)?.numeral ?? String(n);
  const seen = new Map<number, HeadingEvidence>();
  let last: HeadingEvidence | null = null;
  for (const heading of evidence.headings) {
    const first = seen.get(heading.number);
    if (first) {
      file.warn(
        'check.section-duplicate',
        `第${numeral(heading.number)}部分标题重复出现${first.place ? `（首次出现在第 ${first.place.line} 行）` : ''}`,
        { place: heading.place, actual: heading.title },
      );
      continue;
    }
    seen.set(heading.number, heading);
    if (last && heading.number < last.number)
      file.warn(
        'check.section-order',
        `第${numeral(heading.number)}部分出现在第${numeral(last.number)}部分之后，顺序与规定格式不符`,
        { place: heading.place, actual: heading.title },
      );
    if (!last || heading.number > last.number) last = heading;
  }
  if (seen.size === 0) {
    file.warn('check.section-missing', '未找到任何部分标题（一、总体情况 至 六、其他需要报告的事项）');
    return;
  }
  for (const section of spec.sections)
    if (!seen.has(section.number))
      file.warn('check.section-missing', `缺少第${section.numeral}部分「${section.title}」`, {
        expected: `${section.numeral}、${section.title}`,
      });
};
