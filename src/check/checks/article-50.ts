import { agencyKind } from '../body-kind.js';
import { article50Findings } from '../kind-findings.js';
import type { Check } from '../types.js';

/** 条例第五十条's contents in a people's government's report (../kind-findings.ts). */
export const checkArticle50: Check = ({ report }, file) => {
  const kind = agencyKind(report.agency);
  if (kind !== 'government') return;
  const prose = report.sections.map((s) => s.text).join('\n');
  for (const finding of article50Findings(prose, kind)) file.push(finding);
};
