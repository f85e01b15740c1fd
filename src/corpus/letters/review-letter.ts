/**
 * 核查意见: a draft of the letter a supervisor sends a body about its annual report — whether it was
 * published in time, the errors and the points to verify the checks found in it (each with its place
 * in the tables, in the format's words) and against the body's other reports — as a plain document
 * (DOCX after GB/T 9704, or Markdown) to edit before it goes out. What Gongkai could not read of the
 * report is listed apart, for the supervisor: the checks did not cover it. Facts only; what the
 * letter can't know (the deadline for corrections, whom to send them to) is left as 【待补充：…】.
 */

import { deadlineFor } from '../../check/kind-findings.js';
import type { Finding } from '../../core/finding.js';
import { findingName } from '../../core/finding-names.js';
import { chineseDate } from '../../render/date.js';
import { draftSignature, type PlainBlock, type PlainDocument } from '../../render/plain-document.js';
import { cellsPlace } from '../../spec/cell-label.js';
import { getFormat } from '../../spec/registry.js';
import { type IsoDate, isIsoDate } from '../../workflow/calendar/date.js';
import { bodyKindOf } from '../bodies/names.js';
import type { CrossFinding } from '../checks/types.js';
import { yearStatus } from '../publication.js';
import type { CorpusRow } from '../query.js';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 「2025年1月20日」, or the stored text as it is when it isn't a date. */
const dateText = (date: string): string => (isIsoDate(date) ? chineseDate(date) : date);

/** What a letter is about: a stored report, its own findings and the cross-report ones about it. */
export interface LetterSubject {
  report: Pick<
    CorpusRow,
    'id' | 'agency' | 'year' | 'version' | 'format' | 'publishedOn' | 'signedOn' | 'deadline' | 'file'
  >;
  findings: readonly Finding[];
  cross: readonly CrossFinding[];
}

/**
 * Cross-report findings a letter names: comparisons with the body's other reports and others' of the
 * year. Not 「报告库中没有某年度」 (the corpus may lack a report the body did publish) nor 「报告被修改」.
 */
const crossCodesNamed = new Set(['corpus.carry-over', 'corpus.stock', 'corpus.copied-text', 'corpus.jump']);

/** Findings about reading the file rather than about the report: the checks did not cover what they name. */
const isReading = (f: Finding): boolean => f.code.startsWith('read.') || f.code.startsWith('assemble.');

/** A letter's findings, sorted into what it says: errors, points to verify, and what wasn't read. */
export interface LetterFindings {
  errors: Finding[];
  toVerify: Finding[];
  unread: Finding[];
}

export function letterFindings(subject: LetterSubject): LetterFindings {
  const own = subject.findings.filter((f) => f.severity !== 'info');
  // The deadline is the letter's first part (check.late says the same).
  const checks = own.filter((f) => !isReading(f) && f.code !== 'check.late');
  const cross = subject.cross.filter((f) => crossCodesNamed.has(f.code));
  return {
    errors: [...checks, ...cross].filter((f) => f.severity === 'error'),
    // A jump (info) asks the body to verify a figure, as a warning does.
    toVerify: [...checks, ...cross].filter((f) => f.severity !== 'error'),
    unread: own.filter(isReading),
  };
}

/** Whether a letter has anything to say beyond 「按时发布，未发现问题」. */
export function letterHasProblems(subject: LetterSubject): boolean {
  const { errors, toVerify, unread } = letterFindings(subject);
  const { status } = letterPublication(subject);
  return errors.length + toVerify.length + unread.length > 0 || status === 'late' || status === 'undated';
}

/**
 * In time, late (by how many days) or undated, or unknown without a deadline: 发布情况's rule (its day
 * matters only for a report not published, never here).
 */
export function letterPublication({ report }: LetterSubject) {
  return report.deadline === null
    ? { status: 'unknown' as const, daysLate: null }
    : yearStatus(
        { published_on: report.publishedOn, signed_on: report.signedOn },
        report.deadline as IsoDate,
        report.deadline as IsoDate,
      );
}

/** The report's title as the letter cites it. */
const reportTitle = ({ report }: LetterSubject): string =>
  `《${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告》`;

/** 「表三「…」行「…」列；第 2 页」: the cells a finding concerns and its page, or '—'. */
function placeOf(format: LetterSubject['report']['format'], f: Finding): string {
  const parts = [cellsPlace(format, f.keys), f.page !== undefined ? `第 ${f.page} 页` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join('；') : '—';
}

function findingTable(format: LetterSubject['report']['format'], findings: readonly Finding[]): PlainBlock {
  return {
    kind: 'table',
    header: ['序号', '问题', '位置', '说明'],
    rows: findings.map((f, i) => [String(i + 1), findingName(f.code), placeOf(format, f), f.message]),
    align: ['center', 'left', 'left', 'left'],
    weights: [2, 4, 6, 10],
  };
}

/**
 * Findings of one code told once when there are more than `most` of them (16 rows with blank cells
 * are one line for the reader): their cells together, the first message and how many there are.
 */
function groupedByCode(findings: readonly Finding[], most = 3): Finding[] {
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return [...byCode.values()].flatMap((group) => {
    const [first] = group as [Finding, ...Finding[]];
    if (group.length <= most) return group;
    return [
      {
        ...first,
        keys: [...new Set(group.flatMap((f) => f.keys))],
        message: `${first.message}，等 ${group.length} 处`,
      },
    ];
  });
}

/** The timing paragraph: in time, late (by how many days) or undated, against the deadline. */
function timing(subject: LetterSubject): string {
  const { report } = subject;
  if (report.deadline === null) return '报告的年度或机关类型未能确定，未核查发布期限。';
  const deadline = `《中华人民共和国政府信息公开条例》第四十九条规定的期限（${dateText(report.deadline)}）`;
  const dates = [
    report.publishedOn ? `发布日期为${dateText(report.publishedOn)}` : '',
    report.signedOn ? `落款日期为${dateText(report.signedOn)}` : '',
  ].filter(Boolean);
  const { status, daysLate } = letterPublication(subject);
  if (status === 'undated')
    return `报告既未注明发布日期，也没有落款日期，无法判断是否在${deadline}内发布，请在报告中注明。`;
  if (status === 'late') return `报告${dates.join('，')}，晚于${deadline} ${daysLate} 天。`;
  return `报告${dates.join('，')}，在${deadline}内发布。`;
}

/** How a letter was made: who sends it, and what its report was compared with. */
export interface ReviewLetterOptions {
  /** Who sends it ('' when unknown): the document's author. */
  issuer?: string;
  /** The cross-report checks compared the report with other bodies' of the year (a batch). */
  comparedWithOthers?: boolean;
  /**
   * A file checked alone (报告检查, `gongkai check --letter`), not a corpus report: nothing was
   * compared with other reports, and the letter cites the file, not a version in the corpus.
   */
  fromFile?: boolean;
}

/**
 * What a letter is about when the report is a file read and checked alone: its findings, no
 * comparison, the deadline for the kind of body its name gives (as the checks judge it).
 */
export function fileSubject(
  report: Pick<LetterSubject['report'], 'agency' | 'year' | 'format' | 'publishedOn' | 'signedOn'> & {
    findings: readonly Finding[];
  },
  file: string,
): LetterSubject {
  const { findings, ...facts } = report;
  return {
    report: {
      ...facts,
      id: 0,
      version: 1,
      file,
      deadline:
        report.year !== null && report.agency !== null
          ? deadlineFor(report.year, bodyKindOf(report.agency))
          : null,
    },
    findings,
    cross: [],
  };
}

/** The letter about `subject`, as of `today`. */
export function reviewLetter(
  subject: LetterSubject,
  today: IsoDate,
  options: ReviewLetterOptions = {},
): PlainDocument {
  const { report } = subject;
  const { errors, toVerify, unread } = letterFindings(subject);
  const blocks: PlainBlock[] = [];
  let part = 0;
  const heading = (text: string) => blocks.push({ kind: 'heading', text: `${numerals[part++]}、${text}` });
  const paragraph = (text: string) => blocks.push({ kind: 'paragraph', text });

  blocks.push({ kind: 'addressee', text: `${report.agency ?? ''}：` });
  paragraph(
    `按照《中华人民共和国政府信息公开条例》第四十九条、第五十条和年度报告格式（${getFormat(report.format).document}），` +
      `对你单位发布的${reportTitle(subject)}进行了核查` +
      (options.fromFile
        ? ''
        : `，并与你单位其他年度的报告${options.comparedWithOthers ? '及同年度其他机关的报告' : ''}作了比对`) +
      '。现将核查意见告知如下。',
  );

  heading('发布情况');
  paragraph(timing(subject));

  if (errors.length === 0 && toVerify.length === 0) {
    heading('核查结果');
    paragraph('报告的表格数字、规定的部分和正文与表格的一致性均未发现问题。');
  }
  if (errors.length > 0) {
    heading('报告中的错误');
    paragraph(`发现${errors.length}处错误（表格数字不符合勾稽关系、缺少规定的部分等），请逐项更正：`);
    blocks.push(findingTable(report.format, errors));
  }
  if (toVerify.length > 0) {
    heading('需要核实的问题');
    paragraph(`以下${toVerify.length}处内容可能有误，请逐项核实：`);
    blocks.push(findingTable(report.format, toVerify));
  }
  if (errors.length + toVerify.length > 0 || letterPublication(subject).status === 'undated') {
    heading('整改要求');
    paragraph(
      '请对上述问题逐项核实，确有错误的，更正后重新发布，并于【待补充：日期】前将整改情况报送【待补充：单位】。',
    );
  }
  if (unread.length > 0) {
    // For the supervisor, before the letter goes out: what the checks could not cover.
    blocks.push({
      kind: 'paragraph',
      text: `（核对提示，印发前删去：报告中有${unread.length}处内容没有读出数字或读取有疑问（如单元格空白、数字连写无法拆分、扫描不清），以上核查未涵盖，请对照原文核对。）`,
    });
    blocks.push(findingTable(report.format, groupedByCode(unread)));
  }
  // The file's own name: not where it was on the machine that ingested it (nor the zip it came in).
  const name = report.file.split(/[/\\!]/).pop() || report.file;
  const source = options.fromFile
    ? `报告文件（${name}）`
    : `报告库中的报告（${name}，第 ${report.version} 版）`;
  return {
    title: [`关于${report.agency ?? ''}${report.year ?? ''}年政府信息公开`, '工作年度报告的核查意见'],
    blocks,
    signature: draftSignature(options.issuer, today),
    note: `以上意见按${source}于${chineseDate(today)}自动核查生成，印发前请核对。`,
    creator: options.issuer ?? '',
    date: today,
  };
}
