/**
 * 发布情况通报: a draft of the notice a supervisor sends about a year's reports — how many bodies owed
 * one and how each stands (按时发布, 逾期发布, 未注明日期, 逾期未发布, 尚未到期), by region; the
 * bodies overdue, late and undated, named; and the problems the checks found in the reports published
 * — as a plain document (DOCX after GB/T 9704, or Markdown) to edit before it goes out. Every sentence
 * says what the corpus holds as of the day: nothing is judged beyond 发布情况 and the checks.
 */
import { findingName } from '../../core/finding-names.js';
import { chineseDate } from '../../render/date.js';
import { renderPlain } from '../../render/plain.js';
import {
  draftSignature,
  type PlainAlignment,
  type PlainBlock,
  type PlainDocument,
} from '../../render/plain-document.js';
import type { Stats } from '../aggregate.js';
import { bodyKindNames } from '../bodies/names.js';
import { type BodyPublication, type Publication, regionName } from '../publication.js';
import { type Sink, writeTo } from './sink.js';

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Most kinds of problem the notice names (the most frequent). */
export const noticeProblemsListed = 10;

const percent = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`;

/** 「逾期 12 天」's number, or '' when there is none. */
const days = (n: number | null): string => (n === null ? '' : String(n));

/** A table of bodies, numbered, with the columns given after 机关 and 地区. */
function bodyTable(
  bodies: readonly BodyPublication[],
  columns: readonly { title: string; value: (b: BodyPublication) => string; right?: boolean }[],
): PlainBlock {
  return {
    kind: 'table',
    header: ['序号', '机关', '地区', ...columns.map((c) => c.title)],
    rows: bodies.map((b, i) => [
      String(i + 1),
      b.name,
      regionName(b.region),
      ...columns.map((c) => c.value(b)),
    ]),
    align: ['center', 'left', 'left', ...columns.map((c): PlainAlignment => (c.right ? 'right' : 'center'))],
    weights: [1, 5, 4, ...columns.map(() => 2)],
  };
}

/**
 * The notice of `p` (发布情况 of a year over the bodies in scope) and `stats` (the statistics of the
 * same bodies' reports of that year, ungrouped): `scope` names where the bodies are (「泉州市」, or ''
 * for the whole corpus) and `issuer` who sends it ('' when unknown).
 */
export function publicationNotice(p: Publication, stats: Stats, scope: string, issuer = ''): PlainDocument {
  const { counts, year, deadlines } = p;
  const today = chineseDate(p.today);
  const blocks: PlainBlock[] = [];
  let part = 0;
  const heading = (text: string) => blocks.push({ kind: 'heading', text: `${numerals[part++]}、${text}` });
  const paragraph = (text: string) => blocks.push({ kind: 'paragraph', text });
  const of = (status: BodyPublication['status']) => p.bodies.filter((b) => b.status === status);

  paragraph(
    `根据《中华人民共和国政府信息公开条例》第四十九条，部门应当在每年1月31日前、县级以上人民政府应当在每年3月31日前，` +
      `向社会公布本行政机关上一年度政府信息公开工作年度报告。现将${scope}${year}年度报告的发布情况通报如下。`,
  );

  heading('总体情况');
  if (counts.expected === 0) paragraph(`截至${today}，报告库中没有${scope}应发布${year}年度报告的机关。`);
  else {
    const parts = [
      `按时发布${counts.onTime}个（占${percent(counts.onTime, counts.expected)}）`,
      ...(counts.late > 0 ? [`逾期发布${counts.late}个`] : []),
      ...(counts.undated > 0 ? [`发布的报告未注明日期${counts.undated}个`] : []),
      `逾期未发布${counts.overdue}个`,
      ...(counts.pending > 0 ? [`尚未到发布期限${counts.pending}个`] : []),
    ];
    paragraph(
      `截至${today}，${scope}应发布${year}年度报告的机关共${counts.expected}个（部门的发布期限为` +
        `${chineseDate(deadlines.department)}，人民政府为${chineseDate(deadlines.government)}）。其中，${parts.join('，')}。`,
    );
    if (p.regions.length > 1) {
      // (By the level's places where names give them, else the highest a name gives: 「按地区」.)
      paragraph('按地区汇总如下（逾期未发布多的地区在前）：');
      blocks.push({
        kind: 'table',
        header: ['地区', '应发布', '按时发布', '逾期发布', '未注明日期', '逾期未发布', '尚未到期'],
        rows: p.regions.map((r) => [
          regionName(r.region),
          ...[r.expected, r.onTime, r.late, r.undated, r.overdue, r.pending].map(String),
        ]),
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        weights: [4, 2, 2, 2, 2, 2, 2],
      });
    }
  }

  const overdue = of('overdue');
  if (overdue.length > 0) {
    heading('逾期未发布的机关');
    paragraph(`以下${overdue.length}个机关截至${today}仍未发布${year}年度报告：`);
    blocks.push(
      bodyTable(overdue, [
        { title: '类型', value: (b) => bodyKindNames[b.kind] },
        { title: '期限', value: (b) => b.deadline },
        { title: '逾期天数', value: (b) => days(b.daysLate), right: true },
        // How long it has been silent: its last report, or none (owed by 应发布名录 only).
        { title: '上一份报告', value: (b) => (b.lastYear === null ? '报告库中没有' : `${b.lastYear}年度`) },
      ]),
    );
  }
  const late = of('late');
  if (late.length > 0) {
    heading('逾期发布的机关');
    paragraph(`以下${late.length}个机关的${year}年度报告在期限后发布（按发布日期和落款日期中较晚的计）：`);
    blocks.push(
      bodyTable(late, [
        { title: '期限', value: (b) => b.deadline },
        { title: '发布日期', value: (b) => b.publishedOn ?? '' },
        { title: '落款日期', value: (b) => b.signedOn ?? '' },
        { title: '逾期天数', value: (b) => days(b.daysLate), right: true },
      ]),
    );
  }
  const undated = of('undated');
  if (undated.length > 0) {
    heading('未注明日期的报告');
    paragraph(
      `以下${undated.length}个机关的${year}年度报告既未注明发布日期，也没有落款日期，无法判断是否按时发布：`,
    );
    blocks.push(bodyTable(undated, [{ title: '类型', value: (b) => bodyKindNames[b.kind] }]));
  }

  const all = stats.rows[0];
  if (all && all.reports > 0) {
    heading('报告内容的问题');
    const published = `已发布的${all.reports}份${year}年度报告（同一机关有多个版本的取最新版本）`;
    const toCheck = all.warnings > 0 ? `；另有${all.warnings}处需要核实的问题` : '';
    paragraph(
      all.withErrors === 0
        ? `${published}未发现错误${toCheck}。`
        : `${published}中，${all.withErrors}份有错误（如表格数字不符合勾稽关系、缺少规定的部分），共${all.errors}处${toCheck}。`,
    );
    const problems = stats.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    const listed = problems.slice(0, noticeProblemsListed);
    if (listed.length > 0) {
      paragraph(listed.length < problems.length ? `出现最多的${listed.length}类问题：` : '发现的问题如下：');
      blocks.push({
        kind: 'table',
        header: ['问题', '性质', '出现次数'],
        rows: listed.map((f) => [
          findingName(f.code),
          f.severity === 'error' ? '错误' : '需核实',
          String(f.count),
        ]),
        align: ['left', 'center', 'right'],
        weights: [8, 2, 2],
      });
    }
  }
  return {
    signature: draftSignature(issuer, p.today),
    note: `以上情况按报告库中截至${today}的报告自动生成，印发前请核对。`,
    title: [`关于${scope}${year}年度政府信息公开工作`, '年度报告发布情况的通报'],
    blocks,
    creator: issuer,
    date: p.today,
  };
}

/** The notice as a file: DOCX bytes or Markdown text; answers how many bodies were expected. */
export async function exportPublicationNotice(
  notice: PlainDocument,
  expected: number,
  to: 'docx' | 'md',
  sink: Sink,
): Promise<number> {
  await writeTo(sink, renderPlain(notice, to));
  return expected;
}
