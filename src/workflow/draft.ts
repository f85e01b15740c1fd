/**
 * The six parts of a compiled report, drafted in Chinese from the figures and the records only.
 * What the records can't tell (the year's work on proactive disclosure, its problems and plans) is
 * left as a bracketed 【待补充：…】 for the office to write: nothing is invented. The office's own
 * text for a part (`Prose`) replaces its draft.
 */
import type { Cells, Section } from '../core/report.js';
import type { FormatSpec } from '../spec/types.js';
import { caseKindNames, caseKinds } from './cases.js';
import { WorkflowError, type WorkflowIssue } from './issues.js';
import { resultRows } from './outcome.js';

export interface DraftFacts {
  agency: string;
  year: number;
  cells: Cells;
  /** Replies given in the year: on time and late (null when the deadlines could not be computed). */
  replies: { onTime: number; late: number } | null;
  /** Applications still open at the end of the year and past their due date (null if unknown). */
  overdueAtYearEnd: number | null;
  /** Fee notices issued in the year and yuan paid in the year. */
  fees: { notices: number; paidYuan: number };
  /** Proactive figures the office has not given. */
  missingProactive: string[];
}

const n = (cells: Cells, key: string): number => cells[key] ?? 0;

/** 「予以公开3件、不予公开1件」: the result groups of table 三 with a non-zero total. */
function resultsClause(spec: FormatSpec, cells: Cells): string {
  const groups = new Map<string, number>();
  const groupName: Record<string, string> = {
    open: '予以公开',
    partial: '部分公开',
    deny: '不予公开',
    none: '无法提供',
    reject: '不予处理',
    other: '其他处理',
  };
  for (const row of resultRows(spec)) {
    const group = row.id.split('.')[0] as string;
    groups.set(group, (groups.get(group) ?? 0) + n(cells, `a.${row.id}.total`));
  }
  return [...groups]
    .filter(([, count]) => count > 0)
    .map(([group, count]) => `${groupName[group] ?? group}${count}件`)
    .join('、');
}

function overview({ agency, year, cells }: DraftFacts): string[] {
  const received = n(cells, 'a.new.total');
  const carried = n(cells, 'a.prev.total');
  const out = [`${year}年，${agency}依据《中华人民共和国政府信息公开条例》开展政府信息公开工作。`];
  if (received + carried === 0) out.push('本年度未收到政府信息公开申请，也没有上年结转的申请。');
  else
    out.push(
      received > 0
        ? `本年度共收到政府信息公开申请${received}件；上年结转${carried}件。`
        : `本年度未收到新的政府信息公开申请；上年结转${carried}件。`,
    );
  out.push('【待补充：主动公开、政府信息管理、平台建设、监督保障等方面的工作情况。】');
  return out;
}

function proactive({ missingProactive }: DraftFacts): string[] {
  const out = ['本年度主动公开政府信息情况见下表。'];
  if (missingProactive.length > 0) out.push(`【待补充：表中尚缺${missingProactive.join('、')}等数据。】`);
  return out;
}

function applications(spec: FormatSpec, { cells, replies }: DraftFacts): string[] {
  const received = n(cells, 'a.new.total');
  const carried = n(cells, 'a.prev.total');
  const out = ['本年度收到和处理政府信息公开申请情况见下表。'];
  if (received + carried === 0) return out;
  const results = resultsClause(spec, cells);
  const next = n(cells, 'a.next.total');
  const parts: string[] = [];
  if (results) parts.push(`本年度作出办理结果${n(cells, 'a.total.total')}件，${results}`);
  parts.push(next > 0 ? `结转下年度继续办理${next}件` : '没有结转下年度继续办理的申请');
  out.push(`${parts.join('；')}。`);
  if (replies && replies.onTime + replies.late > 0)
    out.push(
      replies.late > 0
        ? `本年度作出的答复中，${replies.onTime}件在法定期限内答复，${replies.late}件超过法定期限答复。`
        : `本年度作出的答复均在法定期限内作出，共${replies.onTime}件。`,
    );
  return out;
}

function litigation({ cells }: DraftFacts): string[] {
  const totals = caseKinds.map((k) => [k, n(cells, `l.${k}.total`)] as const);
  if (totals.every(([, t]) => t === 0))
    return ['本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。'];
  const describe = (kind: (typeof caseKinds)[number], total: number) => {
    const parts = (
      [
        ['upheld', '结果维持'],
        ['corrected', '结果纠正'],
        ['other', '其他结果'],
        ['pending', '尚未审结'],
      ] as const
    )
      .map(([o, name]) => [name, n(cells, `l.${kind}.${o}`)] as const)
      .filter(([, c]) => c > 0)
      .map(([name, c]) => `${name}${c}件`);
    return `${caseKindNames[kind]}${total}件（${parts.join('、')}）`;
  };
  return [
    `本年度因政府信息公开工作发生${totals
      .filter(([, t]) => t > 0)
      .map(([k, t]) => describe(k, t))
      .join('，')}。具体情况见下表。`,
  ];
}

function problems({ replies, overdueAtYearEnd }: DraftFacts): string[] {
  const out: string[] = [];
  if (replies && replies.late > 0) out.push(`本年度有${replies.late}件政府信息公开申请超过法定期限答复。`);
  if (overdueAtYearEnd && overdueAtYearEnd > 0)
    out.push(`截至本年末，有${overdueAtYearEnd}件政府信息公开申请已超过答复期限尚未答复。`);
  out.push('【待补充：存在的主要问题及改进措施。】');
  return out;
}

function otherMatters({ fees }: DraftFacts): string[] {
  const out = [
    fees.notices === 0 && fees.paidYuan === 0
      ? '本年度未收取信息处理费。'
      : `本年度发出信息处理费收费通知${fees.notices}件，收取信息处理费${fees.paidYuan}元。`,
  ];
  out.push('【待补充：其他需要报告的事项；没有的可删去本句。】');
  return out;
}

/** The drafted paragraphs of part `number`. */
function drafted(spec: FormatSpec, number: number, facts: DraftFacts): string[] {
  switch (number) {
    case 1:
      return overview(facts);
    case 2:
      return proactive(facts);
    case 3:
      return applications(spec, facts);
    case 4:
      return litigation(facts);
    case 5:
      return problems(facts);
    default:
      return otherMatters(facts);
  }
}

/** The office's text of parts of the report, by part number (1 to 6 for 一 to 六). */
export type Prose = Readonly<Partial<Record<number, string>>>;

/**
 * A part's text as the report keeps it: line endings as line feeds, each line trimmed (the
 * renderers indent paragraphs themselves), blank lines left out. Empty when nothing is left.
 */
export function normalizeProse(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** Refuses prose for a part the format doesn't have, or prose with no text. */
function checkProse(spec: FormatSpec, prose: Prose): void {
  const issues: WorkflowIssue[] = [];
  for (const [key, text] of Object.entries(prose)) {
    if (text === undefined) continue;
    const section = spec.sections.find((s) => String(s.number) === key);
    const issue = (message: string) =>
      issues.push({ code: 'workflow.prose', severity: 'error', message, event: null });
    if (!section)
      issue(`${spec.document}规定的年度报告没有第「${key}」部分（应为 1～${spec.sections.length}）`);
    else if (normalizeProse(text) === '') issue(`「${section.numeral}、${section.title}」的正文不能为空`);
  }
  if (issues.length > 0) throw new WorkflowError(issues);
}

/** The parts of the report: the office's prose where given, else the draft from the figures. */
export function draftSections(spec: FormatSpec, facts: DraftFacts, prose: Prose = {}): Section[] {
  checkProse(spec, prose);
  return spec.sections.map((section) => {
    const given = prose[section.number];
    const text =
      given !== undefined ? normalizeProse(given) : drafted(spec, section.number, facts).join('\n');
    return {
      number: section.number,
      title: `${section.numeral}、${section.title}`,
      text,
      line: null,
    };
  });
}
