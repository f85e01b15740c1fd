/** Loading a report from JSON for `gongkai render`: what is accepted, and what is said about the rest. */
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generate/random-report.js';
import { formatPath, loadReportJson, ReportJsonError } from '../../src/report-json/load.js';
import { reportSchema } from '../../src/report-json/schema.js';
import { cellKeys, getFormat } from '../../src/spec/registry.js';

const report = generateReport(3, '2019');

function problems(input: unknown): readonly string[] {
  try {
    loadReportJson(typeof input === 'string' ? input : JSON.stringify(input));
  } catch (error) {
    if (error instanceof ReportJsonError) return error.problems;
    throw error;
  }
  throw new Error('accepted');
}

describe('loadReportJson', () => {
  it('gives back the report it was given, for both formats', () => {
    expect(loadReportJson(JSON.stringify(report))).toEqual(report);
    const r2021 = generateReport(4, '2021');
    expect(loadReportJson(`\ufeff${JSON.stringify(r2021)}\n`)).toEqual(r2021);
  });

  it('ignores the other members of parse --json and takes a missing section line as null', () => {
    const line = {
      file: 'a.txt',
      ...report,
      sections: [{ number: 1, title: '一、总体情况', text: '……' }],
      findings: [{ code: 'check.balance' }],
    };
    expect(loadReportJson(JSON.stringify(line))).toEqual({
      ...report,
      sections: [{ number: 1, title: '一、总体情况', text: '……', line: null }],
    });
  });

  it('needs exactly the codebook keys of the format', () => {
    const keys2021 = cellKeys(getFormat('2021'));
    const keys2019 = new Set(cellKeys(getFormat('2019')));
    const foreign = keys2021.filter((k) => !keys2019.has(k));
    const missing = [...keys2019].filter((k) => !keys2021.includes(k));
    expect(foreign.slice(0, 4)).toEqual([
      'p.rules.issued',
      'p.rules.repealed',
      'p.rules.inForce',
      'p.normative.issued',
    ]);
    expect(missing).toHaveLength(26);
    const cells = Object.fromEntries(keys2021.map((k) => [k, 0]));
    expect(problems({ ...report, cells })).toEqual([
      ...foreign.map((k) => `cells["${k}"] 不是 2019 年版代码表中的键`),
      'cells 缺少 26 个 2019 年版代码表中的键：p.rules.made、p.rules.published、p.rules.total、p.normative.made、p.normative.published 等',
    ]);
  });

  it('says what each wrong member should be', () => {
    const bad = {
      ...report,
      agency: 3,
      year: 2021.5,
      publishedOn: '2022-02-30',
      signedOn: '2022/01/04',
      cells: { ...report.cells, 'a.new.np': '3' },
      sections: [{ number: 0, title: null, text: '' }],
    };
    expect(problems(bad)).toEqual([
      'agency 应为字符串或 null，实际为数字 3',
      'year 应为整数或 null，实际为数字 2021.5',
      'publishedOn 应为 ISO 日期（YYYY-MM-DD），实际为字符串 "2022-02-30"',
      'signedOn 应为 ISO 日期（YYYY-MM-DD），实际为字符串 "2022/01/04"',
      'cells["a.new.np"] 应为数字或 null，实际为字符串 "3"',
      'sections[0].number 应不小于 1，实际为数字 0',
      'sections[0].title 应为字符串，实际为null',
    ]);
  });

  it('refuses what is not one report object', () => {
    expect(problems('')).toEqual(['内容为空']);
    expect(problems('[]')).toEqual(['顶层应为对象，实际为数组']);
    expect(problems({ ...report, format: '2020' })).toEqual([
      'format 应为 "2021" 或 "2019"，实际为字符串 "2020"',
    ]);
    expect(problems({ agency: null })).toEqual(['缺少 format（应为 "2021" 或 "2019"）']);
    expect(problems(`${JSON.stringify(report)}\n${JSON.stringify(report)}\n`)).toEqual([
      '有 2 行 JSON（JSON Lines），一次只能处理一份报告',
    ]);
    expect(problems('{"format": "2021"')[0]).toMatch(/^不是有效的 JSON（.+）$/);
  });

  it('lists at most 12 problems in its message', () => {
    const cells = Object.fromEntries(Object.keys(report.cells).map((k) => [k, 'x']));
    const error = (() => {
      try {
        loadReportJson(JSON.stringify({ ...report, cells }));
      } catch (e) {
        return e as ReportJsonError;
      }
      throw new Error('accepted');
    })();
    expect(error.problems).toHaveLength(198);
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(14);
    expect(lines[0]).toBe('报告 JSON 无效：');
    expect(lines[1]).toBe('  - cells["p.rules.made"] 应为数字或 null，实际为字符串 "x"');
    expect(lines[13]).toBe('  ……另有 186 处问题');
  });
});

describe('formatPath and the schema', () => {
  it('writes paths as in JavaScript, cell keys always bracketed', () => {
    expect(formatPath([])).toBe('（顶层）');
    expect(formatPath(['sections', 2, 'title'])).toBe('sections[2].title');
    expect(formatPath(['cells', 'x'])).toBe('cells["x"]');
  });

  it('is built from the spec: the cells of each format in codebook order', () => {
    for (const format of ['2021', '2019'] as const)
      expect(Object.keys(reportSchema(format).shape.cells.shape)).toEqual(cellKeys(getFormat(format)));
  });
});
