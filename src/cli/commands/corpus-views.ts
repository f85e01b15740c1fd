/** The text views of `gongkai corpus stats|check|score|publication|bodies`: pure functions to lines. */

import { findingName } from '../../core/finding-names.js';
import type { Stats, StatsRow } from '../../corpus/aggregate.js';
import type { BodyHistory } from '../../corpus/bodies/history.js';
import { regionOf } from '../../corpus/bodies/names.js';
import type { PlaceSuggestion } from '../../corpus/bodies/places.js';
import type { ListedBody, RosterEntry } from '../../corpus/bodies/store.js';
import type { CrossFinding } from '../../corpus/checks/index.js';
import { type Corrections, correctionStatuses, correctionStatusNames } from '../../corpus/corrections.js';
import {
  type Publication,
  publicationStatuses,
  publicationStatusNames,
  type RegionPublication,
  regionName,
  type YearStatus,
} from '../../corpus/publication.js';
import { type RegionLevel, regionLevelNames } from '../../corpus/region-level.js';
import type { RereadResult, RereadSummary } from '../../corpus/reread.js';
import type { ReportScore } from '../../corpus/score.js';
import { statsDimensionNames } from '../../corpus/stats-dimensions.js';
import { displayWidth } from '../messages.js';

const pad = (text: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
};

/** A table with a header row; numeric columns right-aligned. */
export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: (i: number) => boolean,
): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, widths[i] ?? 0, numeric(i)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
const amount = (v: number | undefined) => (v === undefined ? '0' : String(Math.round(v * 100) / 100));

export function formatStats(stats: Stats): string {
  const header = [
    stats.by ? statsDimensionNames[stats.by] : '范围',
    '报告',
    '按时',
    '逾期',
    '未注日期',
    '2019版',
    '2021版',
    '有错误',
    '新收申请',
    '上年结转',
    '办结',
    '结转下年',
    '公开占比',
    '部分公开',
    '不予公开',
    '复议纠错率',
    '诉讼纠错率',
    '信息处理费（元）',
    '说明收费',
  ];
  const row = (r: StatsRow) => [
    r.label,
    String(r.reports),
    String(r.onTime),
    String(r.late),
    String(r.undated),
    String(r.format2019),
    String(r.format2021),
    String(r.withErrors),
    amount(r.measures['applications.new']),
    amount(r.measures['applications.carriedIn']),
    amount(r.measures['applications.answered']),
    amount(r.measures['applications.carriedOver']),
    percent(r.rates['outcome.open']),
    percent(r.rates['outcome.partial']),
    percent(r.rates['outcome.deny']),
    percent(r.rates['review.correctedRate']),
    percent(r.rates['litigation.correctedRate']),
    amount(r.measures['fees.disclosure']),
    `${r.measures['fees.disclosureStated'] ?? 0}/${r.reports}`,
  ];
  let text = table(header, stats.rows.map(row), (i) => i > 0);
  if (stats.findings.length > 0) {
    text += '\n问题（按代码）：\n';
    text += table(
      ['代码', '名称', '级别', '次数'],
      stats.findings.map((f) => [f.code, findingName(f.code), f.severity, String(f.count)]),
      (i) => i === 3,
    );
  }
  text += `\n（每个机关每个年度取最新版本；按时：发布和落款日期均不晚于期限；2019 与 2021 年版按可比指标汇总；信息处理费取自正文（第六部分），说明收费：正文说明了收取情况的报告数/报告数）\n`;
  return text;
}

export function formatCrossFinding(f: CrossFinding): string {
  const message = f.message.replace(/\s*[\r\n]+\s*/g, ' ');
  return `${f.file}:${f.line ?? 0}:${f.column ?? 0}: ${f.severity} ${f.code} ${message}（${f.agency ?? '未识别机关'} ${f.year ?? ''}）`;
}

export function formatScores(scores: readonly ReportScore[], packName: string): string {
  const lines: string[] = [`评估规则：${packName}`, ''];
  for (const s of scores) {
    lines.push(`${s.agency ?? '未识别机关'} ${s.year ?? ''}：${s.score} 分（${s.file}）`);
    for (const item of s.items)
      lines.push(
        `  ${item.points} 分  ${item.label}${item.count !== null && item.count > 1 ? ` × ${item.count}` : ''}（${item.citation}）`,
      );
    for (const note of s.notAssessed) lines.push(`  未评估：${note}`);
  }
  lines.push('', `共 ${scores.length} 份报告`);
  return `${lines.join('\n')}\n`;
}

const kindNames = { government: '人民政府', department: '部门' } as const;

export function formatBodies(bodies: readonly ListedBody[]): string {
  return table(
    ['编号', '名称', '地区', '类型', '应发布', '撤销', '报告', '人工修改'],
    bodies.map((b) => [
      b.id,
      b.name,
      b.region || '—',
      kindNames[b.kind],
      b.expectedFrom === null ? '' : `自 ${b.expectedFrom} 年度`,
      b.dissolvedIn === null ? '' : `撤销于 ${b.dissolvedIn} 年`,
      String(b.reports),
      b.corrected ? '是' : '',
    ]),
    (i) => i === 6,
  );
}

/** 补全所属地区: each body's region now and as suggested, and the names that give it. */
export function formatPlaceSuggestions(suggestions: readonly PlaceSuggestion[]): string {
  if (suggestions.length === 0) return '（没有可补全所属地区的机关）\n';
  const rows = table(
    ['编号', '名称', '现在', '补全后', '依据'],
    suggestions.map((s) => [
      s.bodyId,
      s.name,
      regionName(regionOf(s.current)),
      regionOf(s.suggested),
      s.evidence.join('、'),
    ]),
    () => false,
  );
  return `${rows}共 ${suggestions.length} 个机关；县区名有重名，请核对依据后用 --apply 采用\n`;
}

const days = (b: YearStatus) =>
  b.daysLate !== null ? `逾期 ${b.daysLate} 天` : b.daysLeft !== null ? `还有 ${b.daysLeft} 天` : '';

/** Most regions the text names as lagging. */
const laggingShown = 5;

/**
 * The regions with the most bodies overdue (「…较多的地区：西宁市城北区 3 个（应发布 5）…」), when
 * there are regions to compare and some body is overdue; nothing otherwise.
 */
export function laggingRegions(regions: readonly RegionPublication[], level: RegionLevel): string[] {
  const overdue = regions.filter((r) => r.overdue > 0);
  if (regions.length < 2 || overdue.length === 0) return [];
  const named = overdue
    .slice(0, laggingShown)
    .map((r) => `${regionName(r.region)} ${r.overdue} 个（应发布 ${r.expected}）`);
  return [
    `逾期未发布较多的地区（按${regionLevelNames[level]}）：${named.join('，')}${overdue.length > laggingShown ? '…' : ''}`,
  ];
}

/** 发布情况: the counts, the regions that lag, then the bodies not on time (all of them with `all`). */
export function formatPublication(p: Publication, all: boolean): string {
  const { counts, deadlines } = p;
  const lines = [
    `${p.year} 年度报告发布情况（截至 ${p.today}；期限：部门 ${deadlines.department}，人民政府 ${deadlines.government}）`,
    `应发布 ${counts.expected} 个机关：${publicationStatuses.map((s) => `${publicationStatusNames[s]} ${counts[s]}`).join('，')}`,
    ...laggingRegions(p.regions, p.level),
    '',
  ];
  const shown = all ? p.bodies : p.bodies.filter((b) => b.status !== 'onTime');
  if (counts.expected === 0) lines.push('（报告库中没有该年度或更早年度的报告）');
  else if (shown.length === 0) lines.push('（全部按时发布）');
  let text = `${lines.join('\n')}\n`;
  if (shown.length > 0)
    text += table(
      ['状态', '机关', '地区', '类型', '期限', '发布日期', '落款日期', '天数', '上一份', '编号'],
      shown.map((b) => [
        publicationStatusNames[b.status],
        b.name,
        b.region || '—',
        kindNames[b.kind],
        b.deadline,
        b.publishedOn ?? '—',
        b.signedOn ?? '—',
        days(b),
        b.lastYear !== null ? String(b.lastYear) : b.reportId === null ? '报告库中没有' : '—',
        b.bodyId,
      ]),
      () => false,
    );
  return text;
}

/** 整改情况: the counts by status, then each body and year whose first version had problems. */
export function formatCorrections(c: Corrections, year: number | undefined): string {
  const total = c.rows.length;
  const head = `整改情况${year !== undefined ? `（${year} 年度）` : ''}：首个版本有问题的报告 ${total} 份，${correctionStatuses.map((s) => `${correctionStatusNames[s]} ${c.counts[s]}`).join('，')}`;
  if (total === 0) return `${head}\n`;
  const problems = (p: { errors: number; warnings: number }) => `${p.errors} / ${p.warnings}`;
  return `${head}\n\n${table(
    ['状态', '机关', '年度', '版本', '首版 错误/警告', '最新版 错误/警告', '仍有的问题', '最新版编号'],
    c.rows.map((r) => [
      correctionStatusNames[r.status],
      r.name,
      String(r.year),
      String(r.versions),
      problems(r.first),
      problems(r.latest),
      r.remaining.map(findingName).join('、') || '—',
      String(r.latest.reportId),
    ]),
    () => false,
  )}`;
}

/**
 * 机关档案: the body (names, region, kind, 撤销年份), then each year it was expected to publish, newest
 * first, with its status and the year's newest version; undated versions after.
 */
export function formatBodyHistory(h: BodyHistory): string {
  const { body } = h;
  const others = body.names.filter((n) => n !== body.name);
  const lines = [
    `${body.name}（${body.id}）`,
    [
      `地区：${regionName(body.region)}`,
      `类型：${kindNames[body.kind]}`,
      `报告 ${body.reports} 份`,
      ...(body.expectedFrom === null ? [] : [`应发布名录：自 ${body.expectedFrom} 年度`]),
      ...(body.dissolvedIn === null ? [] : [`撤销于 ${body.dissolvedIn} 年`]),
      ...(body.corrected ? ['人工修改过'] : []),
    ].join('　'),
    ...(others.length > 0 ? [`报告署名还有：${others.join('、')}`] : []),
    '',
  ];
  let text = `${lines.join('\n')}\n`;
  if (h.years.length === 0) text += '（报告库中没有该机关注明年度的报告）\n';
  else
    text += table(
      ['年度', '状态', '期限', '发布日期', '落款日期', '天数', '版本', '错误', '警告', '报告编号'],
      h.years
        .toReversed()
        .map((y) => [
          String(y.year),
          publicationStatusNames[y.status],
          y.deadline,
          y.report?.publishedOn ?? '—',
          y.report?.signedOn ?? '—',
          days(y),
          String(y.versions),
          y.report ? String(y.report.errors) : '',
          y.report ? String(y.report.warnings) : '',
          y.report ? String(y.report.id) : '',
        ]),
      (i) => i >= 6 && i <= 8,
    );
  if (h.undated.length > 0)
    text += `读不出年度的报告 ${h.undated.length} 份：${h.undated.map((r) => `${r.file}（编号 ${r.id}）`).join('、')}\n`;
  return text;
}

/** 重新读取: how many changed, moved, stayed and were left as they were, then those reports one a line. */
export function formatReread(summary: RereadSummary, listed: readonly RereadResult[]): string {
  const left = summary.identity + summary['no-source'] + summary.unreadable;
  const lines = [
    `共重新读取 ${summary.total} 份报告：读法有变化并已更新 ${summary.changed} 份` +
      (summary.moved > 0 ? `，移到新读出的机关或年度 ${summary.moved} 份` : '') +
      `，没有变化 ${summary.same} 份` +
      (left > 0
        ? `，未更新 ${left} 份（取不到原文件 ${summary['no-source']} 份，机关或年度的读法变了 ${summary.identity} 份，无法读取 ${summary.unreadable} 份）`
        : ''),
  ];
  const changed = listed.filter((r) => r.status === 'changed' || r.status === 'moved');
  if (changed.length > 0) {
    lines.push('已更新：');
    for (const r of changed)
      lines.push(
        `  ${r.file}（编号 ${r.id}）：单元格 ${r.cells} 处不同，问题 ${r.findings.before} → ${r.findings.after} 个` +
          (r.status === 'moved' ? `；${r.reason}` : ''),
      );
  }
  const others = listed.filter((r) => r.status !== 'changed' && r.status !== 'moved');
  if (others.length > 0) {
    lines.push('未更新：');
    for (const r of others) lines.push(`  ${r.file}（编号 ${r.id}）：${r.reason ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** 应发布名录: how many bodies owe reports from the year, which were new, which names are another spelling. */
export function formatRoster(entries: readonly RosterEntry[], from: number): string {
  const created = entries.filter((e) => e.created);
  const spelled = entries.filter((e) => !e.created && e.name !== e.bodyName);
  const earlier = entries.filter((e) => e.expectedFrom < from);
  const lines = [
    `应发布名录：${entries.length} 个机关自 ${from} 年度起应发布年度报告（报告库中原来没有、已新建 ${created.length} 个）`,
  ];
  if (earlier.length > 0) lines.push(`其中 ${earlier.length} 个此前已设定更早的年度，保持不变`);
  if (created.length > 0) {
    lines.push('新建：');
    for (const e of created) lines.push(`  ${e.bodyName}（${e.bodyId}）`);
  }
  if (spelled.length > 0) {
    lines.push('名录的写法与报告库不同（按同一机关计）：');
    for (const e of spelled) lines.push(`  ${e.name} → ${e.bodyName}（${e.bodyId}）`);
  }
  return `${lines.join('\n')}\n`;
}
