/**
 * Printing findings (after vfile-reporter): pure functions from findings to text. One line per
 * finding, `file:line:column: severity code message`, then a summary line in Chinese.
 *
 * - A finding about the report as a whole (no place) prints as `0:0`, so every line has the same
 *   shape for editors and `grep`.
 * - Findings of a file are sorted by place, then severity, then code; files keep the order given.
 * - `quiet` shows errors only; the summary still counts every finding.
 */
import {
  compareFindings,
  countFindings,
  type Finding,
  type Severity,
  type Statistics,
} from '../core/finding.js';

// Counting by severity lives with the finding (the corpus counts too); the CLI's commands import it here.
export { countFindings, type Statistics } from '../core/finding.js';

export interface ReporterOptions {
  /** Errors only. */
  quiet?: boolean;
  /** The least severe findings shown: `warning` hides info, `error` shows errors only. */
  level?: Severity;
}

export interface FileFindings {
  path: string;
  findings: readonly Finding[];
  /** The decoded source: when given, each finding with a place is followed by its line and a caret. */
  source?: string;
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
  const least = options.quiet ? 'error' : (options.level ?? 'info');
  const shown = findings.filter((f) => rank[f.severity] <= rank[least]);
  return shown.sort(compareFindings);
}

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Columns a string takes on a terminal (CJK and full-width characters take two). */
function columns(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}

/**
 * The source line of a finding with a caret under its column, like a compiler:
 *
 *    11 | 本年度共收到政府信息公开申请 3 件
 *       |              ^
 */
export function formatSourceLines(source: string, finding: Pick<Finding, 'line' | 'column'>): string {
  if (finding.line === null || finding.line < 1) return '';
  const text = source.split('\n')[finding.line - 1];
  if (text === undefined) return '';
  const line = text.replace(/\r$/, '').replace(/\t/g, ' ');
  const gutter = String(finding.line).padStart(5);
  const before = line.slice(0, Math.max(0, (finding.column ?? 1) - 1));
  return `${gutter} | ${line}\n${' '.repeat(gutter.length)} | ${' '.repeat(columns(before))}^\n`;
}

/** The lines of one file, each ending with a line break ('' when there is nothing to show). */
export function formatFileFindings(file: FileFindings, options: ReporterOptions = {}): string {
  return visibleFindings(file.findings, options)
    .map(
      (finding) =>
        `${formatFinding(file.path, finding)}\n${file.source ? formatSourceLines(file.source, finding) : ''}`,
    )
    .join('');
}

/** One line for a file: 「path: X 个错误，Y 个警告，Z 条提示」. */
export function formatFileSummary(path: string, findings: Iterable<Finding>): string {
  const s = countFindings(findings);
  return `${path}: ${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 条提示\n`;
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
