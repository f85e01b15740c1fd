/** The text renderers against the seeds: each seed's own cells in its own layout. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateReport } from '../../src/generate/random-report.js';
import { chineseDate, publishTime } from '../../src/render/date.js';
import { renderText, seedLayouts } from '../../src/render/text/index.js';

const dir = new URL('../fixtures/seeds/', import.meta.url);
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({
    name,
    text: readFileSync(new URL(name, dir), 'utf8'),
    report: {
      sections: [],
      ...JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8')),
    } as Report,
  }));

/** The text of the tables: from part 二's heading to part 五's. */
function tables(text: string): string {
  const start = text.search(/二、主动公开政府信息情况/);
  const end = text.search(/五、存在的主要问题/);
  return text.slice(start, end);
}

/** Figures that stand alone as cells (not the numbering of labels such as 「1.属于国家秘密」). */
const figures = (text: string): string[] => text.match(/(?<=^|[\t\n ])-?\d+(?:\.\d+)?(?=$|[\t\n])/gm) ?? [];

describe('renderText on the seeds', () => {
  it('has one seed per seed layout', () => {
    expect(seeds).toHaveLength(seedLayouts.length);
  });

  seeds.forEach((seed, i) => {
    const layout = seedLayouts[i] as (typeof seedLayouts)[number];
    it(`${seed.name} in ${layout}: the tables print the seed's figures in the seed's order`, () => {
      const rendered = renderText(seed.report, layout);
      expect(figures(tables(rendered))).toEqual(figures(tables(seed.text)));
      expect(figures(tables(rendered))).toHaveLength(
        Object.values(seed.report.cells).filter((v) => v !== null).length,
      );
    });
  });

  it('prints table 三 of seed 000 line for line like the seed', () => {
    const seed = seeds[0] as (typeof seeds)[number];
    const part = (text: string) =>
      text.slice(text.indexOf('三、收到和处理'), text.indexOf('四、政府信息公开行政复议'));
    expect(part(renderText(seed.report, 'cell-per-line'))).toBe(part(seed.text).replace(/\n\n\n/g, '\n\n'));
  });

  it('prints tables 二 to 四 of seed 003 line for line like the seed', () => {
    const seed = seeds[3] as (typeof seeds)[number];
    expect(tables(renderText(seed.report, 'tab-split-labels'))).toBe(tables(seed.text));
  });
});

describe('layout details', () => {
  const report: Report = {
    ...generateReport(3, '2021'),
    agency: '嘉祥县工业和信息化局',
    year: 2021,
    publishedOn: '2022-01-25',
    signedOn: '2022-01-04',
  };

  it('formats dates the way reports do', () => {
    expect(chineseDate('2022-01-04')).toBe('2022年1月4日');
    expect(chineseDate('2021-12-31')).toBe('2021年12月31日');
    expect(publishTime('2022-01-25')).toMatch(/^\d{2}:\d{2}:\d{2}$/);
  });

  it('cell-per-line: title, then the 发布时间 line, blank lines between all lines, signature', () => {
    const text = renderText(report, 'cell-per-line');
    expect(text.split('\n').slice(0, 3)).toEqual([
      '嘉祥县工业和信息化局2021年政府信息公开工作年度报告',
      `发布时间:2022-01-25 ${publishTime('2022-01-25')}`,
      '',
    ]);
    expect(text).toContain('商业\n\n企业');
    expect(text).toContain('其他\n结果');
    expect(text.trimEnd().endsWith('嘉祥县工业和信息化局\n\n2022年1月4日')).toBe(true);
  });

  it('web-cell-per-line: the NBSP metadata line and the indented date', () => {
    const text = renderText(report, 'web-cell-per-line');
    expect(text).toContain(
      '\n\n阅读次数:0次\u00a0\u00a0\u00a0 发布者:admin\u00a0\u00a0\u00a0 发布日期:2022-01-25\n\n一、总体情况',
    );
    expect(text.endsWith('嘉祥县工业和信息化局\n\n\u00a02022年1月4日')).toBe(true);
  });

  it('tab-indented: two-line title, merged cells as bare tabs, indented signature', () => {
    const text = renderText(report, 'tab-indented');
    expect(text.startsWith('\u00a0嘉祥县工业和信息化局\n\n2021年政府信息公开工作年度报告\n')).toBe(true);
    expect(text).toContain('\t\n\t（三）不予公开\n\t1.属于国家秘密\n');
    expect(text).toContain('        2022年1月4日');
    expect(text).toContain('[image: image4.png]');
  });

  it('tab-rows: one row per line, spaced labels and year', () => {
    const text = renderText(report, 'tab-rows');
    expect(text).toContain('嘉祥县工业和信息化局 2021 年 政府信息公开工作年度报告');
    expect(text).toContain('\t(三) 不予公开\t1. 属于国家秘密\t');
    expect(text).toContain('结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t');
    const cases = Object.entries(report.cells)
      .filter(([k]) => k.startsWith('l.'))
      .map(([, v]) => v)
      .join('\t');
    expect(text.split('\n')).toContain(cases);
  });

  it('flattened: figures of a row run together with no separator', () => {
    const text = renderText(report, 'flattened');
    expect(text.split('\n').filter((l) => l !== '')).toHaveLength(2);
    const rules = ['issued', 'repealed', 'inForce'].map((c) => report.cells[`p.rules.${c}`]).join('');
    expect(text).toContain(`规章${rules}行政规范性文件`);
  });

  it('leaves null cells empty and omits dates and signature that are not set', () => {
    const blank: Report = {
      ...report,
      publishedOn: null,
      signedOn: null,
      cells: { ...report.cells, 'p.rules.issued': null },
    };
    const text = renderText(blank, 'tab-rows');
    expect(text).toContain(`\n规章\t\t${blank.cells['p.rules.repealed']}\t`);
    for (const layout of seedLayouts) {
      const t = renderText(blank, layout);
      expect(t).not.toMatch(/发布时间|发布日期/);
      expect(t).not.toContain('2022年1月4日');
    }
  });

  it('prints the labels of the report format', () => {
    const r2019 = generateReport(5, '2019');
    for (const layout of seedLayouts) {
      const text = renderText(r2019, layout).normalize('NFKC');
      expect(text).toContain('本年新制作数量');
      expect(text).toContain('第二十条第(九)项');
      expect(text).not.toContain('本年制发件数');
    }
  });
});
