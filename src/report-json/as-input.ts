/**
 * A report given as JSON (Gongkai's report JSON, or one line of `gongkai parse --json`) as an
 * input of its own: `gongkai check 报告.json` checks the figures and prose as they stand, instead of
 * reading the JSON as the text of a report. No source places: findings point at cells and parts.
 */
import { type Evidence, emptyEvidence } from '../assemble/evidence.js';
import type { Report } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import { foldText } from '../text/fold.js';
import { loadReportJson, ReportJsonError } from './load.js';

export { looksLikeReportJson } from './sniff.js';

/** The report in the JSON, with its parts' prose as evidence for the prose checks. */
export function readReportJson(bytes: Uint8Array, file: SourceFile): { report: Report; evidence: Evidence } {
  let report: Report;
  try {
    report = loadReportJson(new TextDecoder().decode(bytes));
  } catch (error) {
    if (error instanceof ReportJsonError) file.fail(error.message);
    throw error;
  }
  const evidence = emptyEvidence();
  // Its parts are its headings: the structure checks find what the JSON has.
  evidence.headings = report.sections.map((s) => ({ number: s.number, title: s.title, place: null }));
  for (const section of report.sections)
    for (const paragraph of section.text.split('\n'))
      if (paragraph.trim() !== '')
        evidence.prose.push({ text: foldText(paragraph).text, place: null, section: section.number });
  return { report, evidence };
}
