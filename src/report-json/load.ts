/**
 * Loads a report from JSON (as `gongkai parse --json` writes it, or written by hand): checks it
 * against the schema of its format and says, in Chinese, everything that is wrong.
 */
import type { z } from 'zod';
import type { Report } from '../core/report.js';
import { formats, isFormatId } from '../spec/registry.js';
import { reportSchema } from './schema.js';

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED = 12;

/** Report JSON that can't be used; `problems` lists each thing wrong, one line each. */
export class ReportJsonError extends Error {
  constructor(readonly problems: readonly string[]) {
    const listed = problems.slice(0, MAX_LISTED).map((p) => `  - ${p}`);
    if (problems.length > MAX_LISTED) listed.push(`  ……另有 ${problems.length - MAX_LISTED} 处问题`);
    super(`报告 JSON 无效：\n${listed.join('\n')}`);
    this.name = 'ReportJsonError';
  }
}

type Path = readonly PropertyKey[];

/** 「cells["a.new.np"]」, 「sections[0].title」, 「（顶层）」 for the root. */
export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    // Cell keys are always bracketed (most contain dots).
    const member = typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part) && path[0] !== 'cells';
    if (typeof part === 'number') out += `[${part}]`;
    else if (member || out === '') out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '（顶层）';
}

const typeNames: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
  undefined: '缺失',
};

function describeValue(value: unknown): string {
  if (value === undefined) return '缺失';
  if (value === null) return 'null';
  if (Array.isArray(value)) return '数组';
  if (typeof value === 'string')
    return `字符串 ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  if (typeof value === 'number') return `数字 ${value}`;
  return typeNames[typeof value] ?? typeof value;
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** What the schema expected at a path, in words. */
function expected(issue: z.core.$ZodIssueInvalidType, path: Path): string {
  const [first, , third] = path;
  if (first === 'cells' && path.length === 2) return '数字或 null';
  if (first === 'publishedOn' || first === 'signedOn') return 'ISO 日期字符串（YYYY-MM-DD）或 null';
  if (first === 'agency') return '字符串或 null';
  if (first === 'year') return '整数或 null';
  if (first === 'sections' && third === 'line') return '整数或 null';
  return typeNames[issue.expected] ?? issue.expected;
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown, format: string): string[] {
  const where = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      const value = valueAt(input, issue.path);
      if (value === undefined) return [`缺少 ${where}`];
      return [`${where} 应为${expected(issue, issue.path)}，实际为${describeValue(value)}`];
    }
    case 'unrecognized_keys':
      if (issue.path[0] === 'cells')
        return issue.keys.map((k) => `${formatPath([...issue.path, k])} 不是 ${format} 年版代码表中的键`);
      return issue.keys.map((k) => `${formatPath([...issue.path, k])} 是未知成员`);
    case 'invalid_format':
      return [`${where} 应为 ISO 日期（YYYY-MM-DD），实际为${describeValue(valueAt(input, issue.path))}`];
    case 'too_small':
      return [
        `${where} 应不小于 ${String(issue.minimum)}，实际为${describeValue(valueAt(input, issue.path))}`,
      ];
    case 'too_big':
      return [
        `${where} 应不大于 ${String(issue.maximum)}，实际为${describeValue(valueAt(input, issue.path))}`,
      ];
    default:
      return [`${where}：${issue.message}`];
  }
}

const formatList = formats.map((f) => `"${f.id}"`).join(' 或 ');

/** Missing cells are many when they are missing: one line that names the first few. */
function problemsOf(issues: readonly z.core.$ZodIssue[], input: unknown, format: string): string[] {
  const missingCells: string[] = [];
  const problems: string[] = [];
  for (const issue of issues) {
    const [first, key] = issue.path;
    if (
      issue.code === 'invalid_type' &&
      first === 'cells' &&
      issue.path.length === 2 &&
      valueAt(input, issue.path) === undefined
    )
      missingCells.push(String(key));
    else problems.push(...describeIssue(issue, input, format));
  }
  if (missingCells.length > 0) {
    const shown = missingCells.slice(0, 5).join('、');
    const more = missingCells.length > 5 ? ' 等' : '';
    problems.push(`cells 缺少 ${missingCells.length} 个 ${format} 年版代码表中的键：${shown}${more}`);
  }
  return problems;
}

function parseJson(text: string): unknown {
  const trimmed = text.replace(/^\ufeff/, '').trim();
  if (trimmed === '') throw new ReportJsonError(['内容为空']);
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length > 1 && lines.every((l) => /^\s*\{.*\}\s*$/.test(l)))
      throw new ReportJsonError([`有 ${lines.length} 行 JSON（JSON Lines），一次只能处理一份报告`]);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReportJsonError([`不是有效的 JSON（${reason}）`]);
  }
}

/** Parses and validates report JSON; throws `ReportJsonError` listing what is wrong. */
export function loadReportJson(text: string): Report {
  const input = parseJson(text);
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw new ReportJsonError([`顶层应为对象，实际为${describeValue(input)}`]);
  const format = (input as { format?: unknown }).format;
  if (!isFormatId(format))
    throw new ReportJsonError([
      format === undefined
        ? `缺少 format（应为 ${formatList}）`
        : `format 应为 ${formatList}，实际为${describeValue(format)}`,
    ]);
  const result = reportSchema(format).safeParse(input);
  if (!result.success) throw new ReportJsonError(problemsOf(result.error.issues, input, format));
  const { agency, year, publishedOn, signedOn, cells, sections } = result.data;
  return { format, agency, year, publishedOn, signedOn, cells, sections };
}
