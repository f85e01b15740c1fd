/**
 * Printing findings (after vfile-reporter): pure functions from findings to text. One line per
 * finding, `file:line:column: severity code message`, then a summary line in Chinese.
 *
 * - A finding about the report as a whole (no place) prints as `0:0`, so every line has the same
 *   shape for editors and `grep`.
 * - Findings of a file are sorted by place, then severity, then code; files keep the order given.
 * - `quiet` shows errors only; the summary still counts every finding.
 */
import { compareFindings, type Finding, type Severity } from '../core/finding.js';

export interface ReporterOptions {
  /** Errors only. */
  quiet?: boolean;
}

export interface FileFindings {
  path: string;
  findings: readonly Finding[];
}

export interface Statistics {
  errors: number;
  warnings: number;
  infos: number;
}

/** The severity as printed (the same words as in JSON, so lines can be filtered). */
export function severityLabel(severity: Severity): string {
  return severity;
}

/** `line:column`, `0:0` when the finding has no place. */
export function formatPlace(finding: Pick<Finding, 'line' | 'column'>): string {
  return `${finding.line ?? 0}:${finding.column ?? 0}`;
}

/** One finding as one line (without the line break). */
export function formatFinding(path: string, finding: Finding): string {
  const message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ');
  return `${path}:${formatPlace(finding)}: ${severityLabel(finding.severity)} ${finding.code} ${message}`;
}

/** The findings to show, in order. */
export function visibleFindings(findings: readonly Finding[], options: ReporterOptions = {}): Finding[] {
  const shown = options.quiet ? findings.filter((f) => f.severity === 'error') : [...findings];
  return shown.sort(compareFindings);
}

/** The lines of one file, each ending with a line break ('' when there is nothing to show). */
export function formatFileFindings(file: FileFindings, options: ReporterOptions = {}): string {
  return visibleFindings(file.findings, options)
    .map((finding) => `${formatFinding(file.path, finding)}\n`)
    .join('');
}

export function countFindings(findings: Iterable<Finding>, into?: Statistics): Statistics {
  const stats = into ?? { errors: 0, warnings: 0, infos: 0 };
  for (const finding of findings) {
    if (finding.severity === 'error') stats.errors++;
    else if (finding.severity === 'warning') stats.warnings++;
    else stats.infos++;
  }
  return stats;
}

/** 「共 N 个文件：X 个错误，Y 个警告，Z 条提示」, plus the files that could not be read, if any. */
export function formatSummary(files: number, stats: Statistics, unreadable = 0): string {
  const counts = `${stats.errors} 个错误，${stats.warnings} 个警告，${stats.infos} 条提示`;
  const failed = unreadable > 0 ? `；${unreadable} 个文件无法读取` : '';
  return `共 ${files} 个文件：${counts}${failed}\n`;
}

/** Every file's findings and the summary line, as `check` prints them. */
export function report(
  files: readonly FileFindings[],
  options: ReporterOptions = {},
  unreadable = 0,
): string {
  const stats: Statistics = { errors: 0, warnings: 0, infos: 0 };
  let text = '';
  for (const file of files) {
    text += formatFileFindings(file, options);
    countFindings(file.findings, stats);
  }
  return text + formatSummary(files.length + unreadable, stats, unreadable);
}
