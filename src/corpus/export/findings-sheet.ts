/**
 * The cross-report findings (`gongkai corpus check`, 跨报告核查) as a spreadsheet: one row per
 * finding, its code's Chinese name beside it and the report it was compared with. XLSX adds a
 * sheet of counts by code, the list a supervisor starts from.
 */
import type { Writable } from 'node:stream';
import { findingName } from '../../core/finding-names.js';
import type { CrossFinding } from '../checks/types.js';
import type { ExportValue } from './columns.js';
import { csvLine } from './csv.js';
import { type Sink, writeTo } from './sink.js';
import { streamingWorkbook, writeSheet } from './workbook.js';

export const crossFindingColumns = [
  'agency',
  'year',
  'code',
  'name',
  'severity',
  'message',
  'actual',
  'expected',
  'keys',
  'file',
  'line',
  'column',
  'reportId',
  'otherReportId',
] as const;

export function crossFindingValues(f: CrossFinding): ExportValue[] {
  return [
    f.agency,
    f.year,
    f.code,
    findingName(f.code),
    f.severity,
    f.message,
    f.actual ?? null,
    f.expected ?? null,
    f.keys.join(' '),
    f.file,
    f.line,
    f.column,
    f.reportId,
    f.otherReportId ?? null,
  ];
}

/** The findings as CSV (UTF-8 with a BOM, like the corpus export); answers their number. */
export async function exportCrossFindingsCsv(findings: readonly CrossFinding[], sink: Sink): Promise<number> {
  let text = `\ufeff${csvLine([...crossFindingColumns])}`;
  for (const f of findings) {
    text += csvLine(crossFindingValues(f));
    if (text.length > 64 * 1024) {
      await writeTo(sink, text);
      text = '';
    }
  }
  if (text) await writeTo(sink, text);
  return findings.length;
}

/** The findings and their counts by code as an XLSX workbook; answers their number. */
export async function exportCrossFindingsXlsx(
  findings: readonly CrossFinding[],
  stream: Writable,
): Promise<number> {
  const workbook = streamingWorkbook(stream);
  writeSheet(workbook, '跨报告问题', crossFindingColumns, findings.map(crossFindingValues));
  const counts = new Map<string, { severity: string; n: number; reports: Set<number> }>();
  for (const f of findings) {
    const c = counts.get(f.code) ?? { severity: f.severity, n: 0, reports: new Set<number>() };
    c.n++;
    c.reports.add(f.reportId);
    counts.set(f.code, c);
  }
  writeSheet(
    workbook,
    '按问题汇总',
    ['code', 'name', 'severity', 'findings', 'reports'],
    [...counts]
      .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
      .map(([code, c]) => [code, findingName(code), c.severity, c.n, c.reports.size]),
  );
  await workbook.commit();
  return findings.length;
}
