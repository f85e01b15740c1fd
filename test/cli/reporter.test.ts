import { describe, expect, it } from 'vitest';
import {
  countFindings,
  formatFileFindings,
  formatFinding,
  formatPlace,
  formatSummary,
  report,
} from '../../src/cli/reporter.js';
import { makeFinding } from '../../src/core/finding.js';

const balance = makeFinding('error', 'check.balance', '自然人列：一 + 二 ≠ 三（七）+ 四', {
  place: { line: 120, column: 3 },
  keys: ['a.new.np'],
});
const label = makeFinding('warning', 'check.label-variant', '「本年新收政府信息公开申请数量」为非标准写法', {
  place: { line: 40, column: 1 },
});
const date = makeFinding('info', 'check.deadline', '未写发布日期');

describe('reporter', () => {
  it('prints one line per finding: file:line:col: severity code message', () => {
    expect(formatFinding('a.txt', balance)).toBe(
      'a.txt:120:3: error check.balance 自然人列：一 + 二 ≠ 三（七）+ 四',
    );
  });

  it('prints 0:0 for a finding without a place', () => {
    expect(formatPlace(date)).toBe('0:0');
    expect(formatFinding('a.txt', date)).toBe('a.txt:0:0: info check.deadline 未写发布日期');
  });

  it('keeps a finding on one line', () => {
    const multiline = makeFinding('warning', 'x.y', '第一行\n  第二行', { place: { line: 1, column: 1 } });
    expect(formatFinding('-', multiline)).toBe('-:1:1: warning x.y 第一行 第二行');
  });

  it('sorts by place, findings without a place last', () => {
    expect(formatFileFindings({ path: 'a.txt', findings: [date, balance, label] })).toBe(
      [
        'a.txt:40:1: warning check.label-variant 「本年新收政府信息公开申请数量」为非标准写法',
        'a.txt:120:3: error check.balance 自然人列：一 + 二 ≠ 三（七）+ 四',
        'a.txt:0:0: info check.deadline 未写发布日期',
        '',
      ].join('\n'),
    );
  });

  it('shows only errors when quiet', () => {
    expect(formatFileFindings({ path: 'a.txt', findings: [date, balance, label] }, { quiet: true })).toBe(
      'a.txt:120:3: error check.balance 自然人列：一 + 二 ≠ 三（七）+ 四\n',
    );
  });

  it('counts by severity', () => {
    expect(countFindings([date, balance, label, label])).toEqual({ errors: 1, warnings: 2, infos: 1 });
  });

  it('ends with a summary line in Chinese', () => {
    expect(formatSummary(3, { errors: 1, warnings: 2, infos: 0 })).toBe(
      '共 3 个文件：1 个错误，2 个警告，0 条提示\n',
    );
    expect(formatSummary(3, { errors: 0, warnings: 0, infos: 0 }, 1)).toBe(
      '共 3 个文件：0 个错误，0 个警告，0 条提示；1 个文件无法读取\n',
    );
  });

  it('reports several files in the order given, counting every finding even when quiet', () => {
    const files = [
      { path: 'b.txt', findings: [label] },
      { path: 'a.txt', findings: [balance] },
    ];
    expect(report(files)).toBe(
      [
        'b.txt:40:1: warning check.label-variant 「本年新收政府信息公开申请数量」为非标准写法',
        'a.txt:120:3: error check.balance 自然人列：一 + 二 ≠ 三（七）+ 四',
        '共 2 个文件：1 个错误，1 个警告，0 条提示',
        '',
      ].join('\n'),
    );
    expect(report(files, { quiet: true })).toBe(
      [
        'a.txt:120:3: error check.balance 自然人列：一 + 二 ≠ 三（七）+ 四',
        '共 2 个文件：1 个错误，1 个警告，0 条提示',
        '',
      ].join('\n'),
    );
  });
});
