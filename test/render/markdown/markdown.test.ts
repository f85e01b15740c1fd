/** The Markdown renderer: headings, paragraphs, pipe tables with flattened headers and rows. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report.js';
import { generateReport } from '../../../src/generate/random-report.js';
import { escapeCell, escapeParagraph } from '../../../src/render/markdown/escape.js';
import { renderMarkdown } from '../../../src/render/markdown/index.js';
import { getFormat } from '../../../src/spec/registry.js';
import type { FormatId } from '../../../src/spec/types.js';

const report = (format: FormatId, patch: Partial<Report> = {}): Report => ({
  ...generateReport(11, format),
  ...patch,
});

/** The lines of part n (from its heading to the next one). */
function part(md: string, numeral: string): string[] {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`## ${numeral}、`));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  return lines.slice(start, end === -1 ? undefined : end);
}

const tableLines = (lines: readonly string[]) => lines.filter((l) => l.startsWith('|'));

describe('renderMarkdown', () => {
  it('starts with the title, the 发布时间 line and the preface', () => {
    const md = renderMarkdown(report('2021', { agency: '某某局', year: 2021, publishedOn: '2022-01-14' }));
    expect(md.split('\n\n').slice(0, 3)).toEqual([
      '# 某某局2021年政府信息公开工作年度报告',
      '发布时间：2022-01-14',
      '本报告由某某局按照《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。',
    ]);
    expect(renderMarkdown(report('2021', { publishedOn: null }))).not.toContain('发布时间');
  });

  it('has the six parts as level-2 headings and the prose as paragraphs', () => {
    const md = renderMarkdown(
      report('2019', {
        sections: [{ number: 5, title: '五、存在的主要问题', text: '一是不足。\n二是改进。', line: 1 }],
      }),
    );
    expect(md.match(/^## .*$/gm)).toEqual(
      getFormat('2019').sections.map((s) => `## ${s.numeral}、${s.title}`),
    );
    expect(part(md, '五')).toEqual([
      '## 五、存在的主要问题及改进情况',
      '',
      '一是不足。',
      '',
      '二是改进。',
      '',
    ]);
  });

  it('ends with the signature', () => {
    const md = renderMarkdown(report('2021', { agency: '某某局', signedOn: '2022-01-04' }));
    expect(md.endsWith('\n\n某某局\n\n2022年1月4日\n')).toBe(true);
  });

  for (const format of ['2021', '2019'] as const)
    it(`flattens the merged header of table 三 into one row (${format})`, () => {
      const lines = tableLines(part(renderMarkdown(report(format)), '三'));
      expect(lines.slice(0, 2)).toEqual([
        '|  | 自然人 | 法人或其他组织/商业企业 | 法人或其他组织/科研机构 | 法人或其他组织/社会公益组织 | 法人或其他组织/法律服务机构 | 法人或其他组织/其他 | 总计 |',
        '| --- | :---: | :---: | :---: | :---: | :---: | :---: | :---: |',
      ]);
    });

  it('flattens the row labels of table 三 into the first column, with the 勾稽 note under it', () => {
    const r = report('2021');
    const lines = part(renderMarkdown(r), '三');
    const rows = tableLines(lines).slice(2);
    expect(rows).toHaveLength(25);
    const labels = rows.map((l) => l.split(' | ')[0]?.slice(2));
    expect(labels.slice(0, 5)).toEqual([
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果/（一）予以公开',
      '三、本年度办理结果/（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '三、本年度办理结果/（三）不予公开/1.属于国家秘密',
    ]);
    expect(labels.slice(22)).toEqual([
      '三、本年度办理结果/（六）其他处理/3.其他',
      '三、本年度办理结果/（七）总计',
      '四、结转下年度继续办理',
    ]);
    const c = r.cells;
    expect(rows[0]).toBe(
      `| 一、本年新收政府信息公开申请数量 | ${['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((k) => c[`a.new.${k}`]).join(' | ')} |`,
    );
    const last = lines.lastIndexOf(rows.at(-1) as string);
    expect(lines.slice(last + 1, last + 3)).toEqual([
      '',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    ]);
  });

  it('prints table 四 with its column paths and one row of figures', () => {
    const r = report('2019');
    const [head, , row, ...rest] = tableLines(part(renderMarkdown(r), '四'));
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    expect(head).toBe(
      `| ${[
        ...outcomes.map((o) => `行政复议/${o}`),
        ...outcomes.map((o) => `行政诉讼/未经复议直接起诉/${o}`),
        ...outcomes.map((o) => `行政诉讼/复议后起诉/${o}`),
      ].join(' | ')} |`,
    );
    const keys = getFormat('2019').tables[2]?.parts[0]?.rows[0]?.cells.map((k) => k.key) ?? [];
    expect(row).toBe(`| ${keys.map((k) => r.cells[k]).join(' | ')} |`);
    expect(rest).toEqual([]);
  });

  it('prints each item of table 二 under its caption line', () => {
    const r = report('2019');
    const lines = part(renderMarkdown(r), '二');
    const at = lines.indexOf('第二十条第（九）项');
    expect(lines.slice(at, at + 5)).toEqual([
      '第二十条第（九）项',
      '',
      '| 信息内容 | 采购项目数量 | 采购总金额 |',
      '| --- | :---: | :---: |',
      `| 政府集中采购 | ${r.cells['p.procurement.items']} | ${r.cells['p.procurement.amount']} |`,
    ]);
  });

  it('prints a blank figure as an empty cell', () => {
    const r = report('2021');
    const md = renderMarkdown({ ...r, cells: { ...r.cells, 'p.rules.issued': null } });
    expect(md).toContain(`| 规章 |  | ${r.cells['p.rules.repealed']} | ${r.cells['p.rules.inForce']} |`);
  });
});

describe('Markdown escapes', () => {
  it('escapes pipes and line breaks in cells', () => {
    expect(escapeCell('a|b\\c\n d')).toBe('a\\|b\\\\c d');
  });

  it('escapes paragraphs only where Markdown would read a block', () => {
    expect(escapeParagraph('# 不是标题')).toBe('\\# 不是标题');
    expect(escapeParagraph('1. 不是列表')).toBe('1\\. 不是列表');
    expect(escapeParagraph('2) 不是列表')).toBe('2\\) 不是列表');
    expect(escapeParagraph('- 不是列表')).toBe('\\- 不是列表');
    expect(escapeParagraph('> 不是引用')).toBe('\\> 不是引用');
    expect(escapeParagraph('1.属于国家秘密')).toBe('1.属于国家秘密');
    expect(escapeParagraph('（一）主动公开情况')).toBe('（一）主动公开情况');
    expect(escapeParagraph('#话题')).toBe('#话题');
  });
});
