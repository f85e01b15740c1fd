/**
 * 发布情况通报: the draft notice of a year's 发布情况 and the checks of the reports published, as
 * Markdown (exact text) and as DOCX after GB/T 9704 (its title, headings, tables; the same bytes for
 * the same notice); and, as a property, every body overdue, late or undated named exactly once with
 * the counts said as 发布情况 counts them.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Stats, StatsRow } from '../../src/corpus/aggregate.js';
import { publicationNotice } from '../../src/corpus/export/publication-notice.js';
import { publicationStatuses } from '../../src/corpus/publication.js';
import { renderPlainDocx } from '../../src/render/docx/plain.js';
import { renderPlainMarkdown } from '../../src/render/markdown/plain.js';
import { bodyParagraphs, tables, textOf } from '../render/docx/helpers.js';
import { bodyPublication, publicationOver } from '../support/publications.js';
import { statsRowOf } from '../support/stats-rows.js';

const body = bodyPublication;
const publication = publicationOver;

/** The statistics of the notice's reports, ungrouped: one row, every count 0 but those given. */
const statsOf = (row: Partial<StatsRow>, findings: Stats['findings'] = []): Stats => ({
  by: null,
  rows: [statsRowOf('', { label: '全部', ...row })],
  findings,
  timings: {},
});

const sample = publication([
  body('洛江区教育局', '福建省泉州市洛江区', 'overdue', { daysLate: 15 }),
  body('洛江区人民政府', '福建省泉州市洛江区', 'pending', {
    kind: 'government',
    deadline: '2026-03-31',
    daysLeft: 44,
  }),
  body('丰泽区财政局', '福建省泉州市丰泽区', 'late', {
    publishedOn: '2026-02-10',
    signedOn: '2026-01-20',
    daysLate: 10,
    reportId: 7,
  }),
  body('丰泽区民政局', '福建省泉州市丰泽区', 'undated', { reportId: 8 }),
  body('丰泽区水利局', '福建省泉州市丰泽区', 'onTime', { publishedOn: '2026-01-20', reportId: 9 }),
]);
const sampleStats = statsOf({ reports: 3, withErrors: 1, errors: 2, warnings: 1 }, [
  { code: 'check.row-sum', severity: 'error', count: 2 },
  { code: 'check.article-50', severity: 'warning', count: 1 },
  { code: 'assemble.format-guessed', severity: 'info', count: 3 },
]);

describe('发布情况通报 (publicationNotice)', () => {
  it('writes the counts, the regions, the bodies overdue, late and undated, and the problems found', () => {
    const notice = publicationNotice(sample, sampleStats, '泉州市');
    expect(renderPlainMarkdown(notice)).toBe(
      [
        '# 关于泉州市2025年度政府信息公开工作年度报告发布情况的通报',
        '',
        '根据《中华人民共和国政府信息公开条例》第四十九条，部门应当在每年1月31日前、县级以上人民政府应当在每年3月31日前，向社会公布本行政机关上一年度政府信息公开工作年度报告。现将泉州市2025年度报告的发布情况通报如下。',
        '',
        '## 一、总体情况',
        '',
        '截至2026年2月15日，泉州市应发布2025年度报告的机关共5个（部门的发布期限为2026年1月31日，人民政府为2026年3月31日）。其中，按时发布1个（占20.0%），逾期发布1个，发布的报告未注明日期1个，逾期未发布1个，尚未到发布期限1个。',
        '',
        '按地区汇总如下（逾期未发布多的地区在前）：',
        '',
        '| 地区 | 应发布 | 按时发布 | 逾期发布 | 未注明日期 | 逾期未发布 | 尚未到期 |',
        '|:---|---:|---:|---:|---:|---:|---:|',
        '| 福建省泉州市洛江区 | 2 | 0 | 0 | 0 | 1 | 1 |',
        '| 福建省泉州市丰泽区 | 3 | 1 | 1 | 1 | 0 | 0 |',
        '',
        '## 二、逾期未发布的机关',
        '',
        '以下1个机关截至2026年2月15日仍未发布2025年度报告：',
        '',
        '| 序号 | 机关 | 地区 | 类型 | 期限 | 逾期天数 | 上一份报告 |',
        '|:---:|:---|:---|:---:|:---:|---:|:---:|',
        '| 1 | 洛江区教育局 | 福建省泉州市洛江区 | 部门 | 2026-01-31 | 15 | 2024年度 |',
        '',
        '## 三、逾期发布的机关',
        '',
        '以下1个机关的2025年度报告在期限后发布（按发布日期和落款日期中较晚的计）：',
        '',
        '| 序号 | 机关 | 地区 | 期限 | 发布日期 | 落款日期 | 逾期天数 |',
        '|:---:|:---|:---|:---:|:---:|:---:|---:|',
        '| 1 | 丰泽区财政局 | 福建省泉州市丰泽区 | 2026-01-31 | 2026-02-10 | 2026-01-20 | 10 |',
        '',
        '## 四、未注明日期的报告',
        '',
        '以下1个机关的2025年度报告既未注明发布日期，也没有落款日期，无法判断是否按时发布：',
        '',
        '| 序号 | 机关 | 地区 | 类型 |',
        '|:---:|:---|:---|:---:|',
        '| 1 | 丰泽区民政局 | 福建省泉州市丰泽区 | 部门 |',
        '',
        '## 五、报告内容的问题',
        '',
        '已发布的3份2025年度报告（同一机关有多个版本的取最新版本）中，1份有错误（如表格数字不符合勾稽关系、缺少规定的部分），共2处；另有1处需要核实的问题。',
        '',
        '发现的问题如下：',
        '',
        '| 问题 | 性质 | 出现次数 |',
        '|:---|:---:|---:|',
        '| 合计与各项之和不符 | 错误 | 2 |',
        '| 缺少第五十条规定的内容 | 需核实 | 1 |',
        '',
        '【待补充：发文机关】',
        '',
        '2026年2月15日',
        '',
        '（以上情况按报告库中截至2026年2月15日的报告自动生成，印发前请核对。）',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing is owed, when all are on time and when no report has an error', () => {
    const none = renderPlainMarkdown(publicationNotice(publication([]), statsOf({}), ''));
    expect(none).toContain('截至2026年2月15日，报告库中没有应发布2025年度报告的机关。');
    expect(none).not.toContain('## 二、');
    const onTime = publication([body('丰泽区水利局', '福建省泉州市丰泽区', 'onTime')]);
    const clean = renderPlainMarkdown(publicationNotice(onTime, statsOf({ reports: 1 }), ''));
    expect(clean.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## 一、总体情况',
      '## 二、报告内容的问题',
    ]);
    expect(clean).toContain('其中，按时发布1个（占100.0%），逾期未发布0个。');
    expect(clean).toContain('已发布的1份2025年度报告（同一机关有多个版本的取最新版本）未发现错误。');
    // One region: no table of regions.
    expect(clean).not.toContain('按地区汇总');
  });

  it('names the ten most frequent problems when there are more', () => {
    const findings = Array.from({ length: 12 }, (_, i) => ({
      code: `check.x${i}`,
      severity: 'error',
      count: 20 - i,
    }));
    const text = renderPlainMarkdown(
      publicationNotice(sample, statsOf({ reports: 3, withErrors: 3, errors: 174 }, findings), ''),
    );
    expect(text).toContain('出现最多的10类问题：');
    expect(text).toContain('| check.x9 | 错误 | 11 |');
    expect(text).not.toContain('check.x10');
  });

  it('lays the notice out as a DOCX: the title, headings, tables, the same bytes each time', () => {
    const notice = publicationNotice(sample, sampleStats, '泉州市', '泉州市人民政府办公室');
    const bytes = renderPlainDocx(notice);
    expect(renderPlainDocx(notice)).toEqual(bytes);
    const parts = Object.fromEntries(
      Object.entries(unzipSync(bytes)).map(([path, data]) => [path, strFromU8(data)]),
    );
    const document = parts['word/document.xml'] as string;
    const texts = bodyParagraphs(document).map(textOf);
    expect(texts.slice(0, 2)).toEqual(['关于泉州市2025年度政府信息公开工作', '年度报告发布情况的通报']);
    expect(texts.filter((t) => /^[一二三四五]、/.test(t))).toEqual([
      '一、总体情况',
      '二、逾期未发布的机关',
      '三、逾期发布的机关',
      '四、未注明日期的报告',
      '五、报告内容的问题',
    ]);
    // Signed by the issuer, dated the day, the note after (GB/T 9704 7.3.5, 7.3.6).
    expect(texts.slice(-3)).toEqual([
      '泉州市人民政府办公室',
      '2026年2月15日',
      '（以上情况按报告库中截至2026年2月15日的报告自动生成，印发前请核对。）',
    ]);
    const t = tables(document);
    expect(t.map((rows) => rows.length)).toEqual([3, 2, 2, 2, 3]);
    expect(t[1]?.[1]?.map(textOf)).toEqual([
      '1',
      '洛江区教育局',
      '福建省泉州市洛江区',
      '部门',
      '2026-01-31',
      '15',
      '2024年度',
    ]);
    expect(parts['docProps/core.xml']).toContain('<dc:creator>泉州市人民政府办公室</dc:creator>');
    expect(parts['docProps/core.xml']).toContain('2026-02-15T00:00:00Z');
  });

  it('names every body not on time once, in its section, and says the counts 发布情况 gives (property)', () => {
    const bodies = fc.array(
      fc.record({
        status: fc.constantFrom(...publicationStatuses),
        region: fc.constantFrom('甲县', '乙县', ''),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(bodies, (drawn) => {
        const p = publication(drawn.map((d, i) => body(`第${i}局`, d.region, d.status, { daysLate: 1 })));
        const text = renderPlainMarkdown(publicationNotice(p, statsOf({}), ''));
        const sectionOf = (heading: string) => {
          const start = text.indexOf(heading);
          if (start === -1) return '';
          const end = text.indexOf('\n## ', start + 1);
          return text.slice(start, end === -1 ? undefined : end);
        };
        const named = (section: string) =>
          [...section.matchAll(/\| \d+ \| (第\d+局) \|/g)].map((m) => m[1]).sort();
        const of = (status: string) =>
          p.bodies
            .filter((b) => b.status === status)
            .map((b) => b.name)
            .sort();
        expect(named(sectionOf('逾期未发布的机关'))).toEqual(of('overdue'));
        expect(named(sectionOf('逾期发布的机关'))).toEqual(of('late'));
        expect(named(sectionOf('未注明日期的报告'))).toEqual(of('undated'));
        if (p.counts.expected > 0) {
          expect(text).toContain(`的机关共${p.counts.expected}个`);
          expect(text).toContain(`按时发布${p.counts.onTime}个`);
          expect(text).toContain(`逾期未发布${p.counts.overdue}个`);
        }
      }),
    );
  });
});
