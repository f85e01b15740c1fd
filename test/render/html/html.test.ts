/** The HTML renderer: page structure, the merged headers of tables 三 and 四, rows, blanks. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report.js';
import { generateReport } from '../../../src/generate/random-report.js';
import { partGrid } from '../../../src/render/grid.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { placeCells } from '../../../src/render/html/spans.js';
import { getFormat } from '../../../src/spec/registry.js';
import type { FormatId, LabelSpec } from '../../../src/spec/types.js';

const report = (format: FormatId, patch: Partial<Report> = {}): Report => ({
  ...generateReport(7, format),
  ...patch,
});

/** The HTML between the opening and closing tag of the n-th element `tag` after `from`. */
function element(html: string, tag: string, from: string | number = 0, n = 0): string {
  let at = typeof from === 'number' ? from : html.indexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= n; i++) at = html.indexOf(`<${tag}`, at + (i > 0 ? 1 : 0));
  const end = html.indexOf(`</${tag}>`, at);
  return html.slice(html.indexOf('>', at) + 1, end).trim();
}

const rows = (section: string): string[] =>
  section
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('<tr>'));

const tableOf = (html: string, heading: string) => element(html, 'table', heading);

describe('renderHtml: the page', () => {
  it('is a complete UTF-8 page in Chinese with the title', () => {
    const r = report('2021', { agency: '某某县人民政府办公室', year: 2021 });
    const html = renderHtml(r);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')).toBe(
      true,
    );
    expect(html).toContain('<title>某某县人民政府办公室2021年政府信息公开工作年度报告</title>');
    expect(html).toContain('<h1>某某县人民政府办公室2021年政府信息公开工作年度报告</h1>');
    expect(html.endsWith('</article>\n</main>\n</body>\n</html>\n')).toBe(true);
  });

  it('prints the 发布时间 line only when publishedOn is set', () => {
    expect(renderHtml(report('2021', { publishedOn: '2022-01-14' }))).toContain(
      '<p class="published">发布时间：<time datetime="2022-01-14">2022-01-14</time></p>',
    );
    expect(renderHtml(report('2021', { publishedOn: null }))).not.toContain('发布时间');
  });

  it('has the six parts as sections with h2 headings and the prose as paragraphs', () => {
    const r = report('2019', {
      sections: [
        { number: 5, title: '五、存在的主要问题及改进情况', text: '一是不足。\n二是改进。', line: null },
      ],
    });
    const html = renderHtml(r);
    const headings = [...html.matchAll(/<h2>(.*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(getFormat('2019').sections.map((s) => `${s.numeral}、${s.title}`));
    expect(element(html, 'section', '<section id="part-5">')).toBe(
      '<h2>五、存在的主要问题及改进情况</h2>\n  <p>一是不足。</p>\n  <p>二是改进。</p>',
    );
  });

  it('ends with the signature and date, right-aligned', () => {
    const html = renderHtml(report('2021', { agency: '某某局', signedOn: '2022-01-04' }));
    expect(html).toContain(
      '<div class="signature">\n  <p>某某局</p>\n  <p><time datetime="2022-01-04">2022年1月4日</time></p>\n</div>\n</article>',
    );
    expect(html).toMatch(/\.signature \{[^}]*text-align: right;/);
    expect(renderHtml(report('2021', { signedOn: null }))).not.toContain('class="signature"');
  });

  it('has a print stylesheet: A4, 1px borders, 仿宋/宋体 with free fallbacks, rows kept whole', () => {
    const html = renderHtml(report('2021'));
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('border: 1px solid #000;');
    expect(html).toMatch(/font-family: "FangSong", "仿宋", [^;]*"SimSun", "宋体", [^;]*"Noto Serif CJK SC"/);
    expect(html).toContain('tr { page-break-inside: avoid; break-inside: avoid; }');
  });

  it('escapes text', () => {
    const html = renderHtml(
      report('2021', {
        agency: 'A&B<局>',
        sections: [{ number: 1, title: '一、总体情况', text: '"引号" <b>不是标签</b>', line: null }],
      }),
    );
    expect(html).toContain('<h1>A&amp;B&lt;局&gt;');
    expect(html).toContain('<p>&quot;引号&quot; &lt;b&gt;不是标签&lt;/b&gt;</p>');
  });
});

describe('renderHtml: table 三', () => {
  for (const format of ['2021', '2019'] as const)
    it(`has the official merged header of the ${format} format`, () => {
      const table = tableOf(renderHtml(report(format)), '<h2>三、收到和处理政府信息公开申请情况</h2>');
      expect(element(table, 'caption')).toBe('收到和处理政府信息公开申请情况');
      expect(rows(element(table, 'thead'))).toEqual([
        '<tr><td class="note" rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><th scope="col" colspan="7">申请人情况</th></tr>',
        '<tr><th scope="col" rowspan="2">自然人</th><th scope="col" colspan="5">法人或其他组织</th><th scope="col" rowspan="2">总计</th></tr>',
        '<tr><th scope="col">商业企业</th><th scope="col">科研机构</th><th scope="col">社会公益组织</th><th scope="col">法律服务机构</th><th scope="col">其他</th></tr>',
      ]);
    });

  it('labels rows with th scope="row", merged group labels with rowspans (2021)', () => {
    const r = report('2021');
    const body = rows(element(tableOf(renderHtml(r), '<h2>三、'), 'tbody'));
    expect(body).toHaveLength(25);
    const labels = body.map((row) =>
      [...row.matchAll(/<th scope="row"([^>]*)>([^<]*)<\/th>/g)].map((m) => `${m[2]}${m[1]}`),
    );
    expect(labels.slice(0, 5)).toEqual([
      ['一、本年新收政府信息公开申请数量 colspan="3"'],
      ['二、上年结转政府信息公开申请数量 colspan="3"'],
      ['三、本年度办理结果 rowspan="22"', '（一）予以公开 colspan="2"'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形） colspan="2"'],
      ['（三）不予公开 rowspan="8"', '1.属于国家秘密'],
    ]);
    expect(labels[12]).toEqual(['（四）无法提供 rowspan="3"', '1.本机关不掌握相关政府信息']);
    expect(labels[15]).toEqual(['（五）不予处理 rowspan="5"', '1.信访举报投诉类申请']);
    expect(labels[20]).toEqual([
      '（六）其他处理 rowspan="3"',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    ]);
    expect(labels.slice(22)).toEqual([
      ['3.其他'],
      ['（七）总计 colspan="2"'],
      ['四、结转下年度继续办理 colspan="3"'],
    ]);
    const n = r.cells;
    expect(body[0]).toBe(
      `<tr><th scope="row" colspan="3">一、本年新收政府信息公开申请数量</th>${[
        'np',
        'biz',
        'res',
        'ngo',
        'law',
        'oth',
        'total',
      ]
        .map((c) => `<td>${n[`a.new.${c}`]}</td>`)
        .join('')}</tr>`,
    );
  });

  it('has 三、本年度办理结果 over 20 rows and （六）其他处理 as one row in the 2019 format', () => {
    const body = rows(element(tableOf(renderHtml(report('2019')), '<h2>三、'), 'tbody'));
    expect(body).toHaveLength(23);
    expect(body[2]).toMatch(/^<tr><th scope="row" rowspan="20">三、本年度办理结果<\/th>/);
    expect(body[20]).toMatch(/^<tr><th scope="row" colspan="2">（六）其他处理<\/th><td>/);
  });

  it('prints a blank figure as an empty cell', () => {
    const r = report('2021');
    const html = renderHtml({ ...r, cells: { ...r.cells, 'a.new.biz': null } });
    const first = rows(element(tableOf(html, '<h2>三、'), 'tbody'))[0] as string;
    expect(first).toContain(`<td>${r.cells['a.new.np']}</td><td></td><td>${r.cells['a.new.res']}</td>`);
  });
});

describe('renderHtml: tables 四 and 二', () => {
  it('has the official merged header of table 四 and one row of 15 figures', () => {
    const r = report('2021');
    const table = tableOf(renderHtml(r), '<h2>四、');
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const col = (t: string, span = '') => `<th scope="col"${span}>${t}</th>`;
    expect(rows(element(table, 'thead'))).toEqual([
      `<tr>${col('行政复议', ' colspan="5"')}${col('行政诉讼', ' colspan="10"')}</tr>`,
      `<tr>${outcomes.map((o) => col(o, ' rowspan="2"')).join('')}${col('未经复议直接起诉', ' colspan="5"')}${col('复议后起诉', ' colspan="5"')}</tr>`,
      `<tr>${[...outcomes, ...outcomes].map((o) => col(o)).join('')}</tr>`,
    ]);
    const keys = getFormat('2021').tables[2]?.parts[0]?.rows[0]?.cells.map((c) => c.key) ?? [];
    expect(rows(element(table, 'tbody'))).toEqual([
      `<tr>${keys.map((k) => `<td>${r.cells[k]}</td>`).join('')}</tr>`,
    ]);
  });

  it('prints table 二 as one table: the first item in thead, each other item a tbody of its own', () => {
    const r = report('2021');
    const table = tableOf(renderHtml(r), '<h2>二、');
    expect(rows(element(table, 'thead'))).toEqual([
      '<tr><th scope="colgroup" colspan="4">第二十条第（一）项</th></tr>',
      '<tr><th scope="col">信息内容</th><th scope="col">本年制发件数</th><th scope="col">本年废止件数</th><th scope="col">现行有效件数</th></tr>',
    ]);
    expect(rows(element(table, 'tbody', 0, 1))).toEqual([
      '<tr><th scope="colgroup" colspan="4">第二十条第（五）项</th></tr>',
      '<tr><th scope="col">信息内容</th><th scope="col" colspan="3">本年处理决定数量</th></tr>',
      `<tr><th scope="row">行政许可</th><td colspan="3">${r.cells['p.license.decisions']}</td></tr>`,
    ]);
    expect(table.match(/<tbody>/g)).toHaveLength(4);
  });

  it('uses only labels of the format, from the spec', () => {
    for (const format of ['2021', '2019'] as const) {
      const spec = getFormat(format);
      const official = new Set<string>();
      const add = (l: LabelSpec | undefined) => l && official.add(l.official);
      for (const t of spec.tables)
        for (const p of t.parts) {
          add(p.caption);
          add(p.corner);
          add(p.note);
          for (const c of p.columns) c.path.forEach(add);
          for (const row of p.rows) row.path.forEach(add);
        }
      const html = renderHtml(report(format));
      const cells = [...html.matchAll(/<(th|td class="note")(?: [^>]*)?>([^<]*)</g)].map(
        (m) => m[2] as string,
      );
      expect(cells.length).toBeGreaterThan(50);
      expect(cells.filter((c) => !official.has(c))).toEqual([]);
    }
  });
});

describe('placeCells', () => {
  it('turns continued positions into rowspans, once per row for a merged cell', () => {
    const part = getFormat('2021').tables[1]?.parts[0];
    if (!part) throw new Error('no table 三');
    const placed = placeCells(partGrid(part, {}).header);
    expect(
      placed.map((row) => row.map((p) => [p.cell.text.slice(0, 4), p.column, p.rowspan, p.colspan])),
    ).toEqual([
      [
        ['（本列数', 0, 3, 3],
        ['申请人情', 3, 1, 7],
      ],
      [
        ['自然人', 3, 2, 1],
        ['法人或其', 4, 1, 5],
        ['总计', 9, 2, 1],
      ],
      [
        ['商业企业', 4, 1, 1],
        ['科研机构', 5, 1, 1],
        ['社会公益', 6, 1, 1],
        ['法律服务', 7, 1, 1],
        ['其他', 8, 1, 1],
      ],
    ]);
  });
});
