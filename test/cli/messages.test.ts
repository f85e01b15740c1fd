import { describe, expect, it } from 'vitest';
import { ExitCode, worst } from '../../src/cli/exit-code.js';
import {
  displayWidth,
  translateError,
  translateOptionExtras,
  translateTitle,
  wrapHelpText,
} from '../../src/cli/messages.js';

describe('messages', () => {
  it('wraps Chinese help text between characters, keeping punctuation with its character', () => {
    expect(wrapHelpText('读取年度报告（与 parse 相同），再生成为网页、Markdown 或纯文本。', 40)).toBe(
      '读取年度报告（与 parse 相同），再生成为\n网页、Markdown 或纯文本。',
    );
    expect(wrapHelpText('一二三四五六七八九十一二三四五六七八九，十一二三', 40)).toBe(
      '一二三四五六七八九十一二三四五六七八九，\n十一二三',
    );
    expect(wrapHelpText('  --to 输出格式\n第二行', 40)).toBe('  --to 输出格式\n第二行');
    expect(wrapHelpText('很长的一行'.repeat(10), 20)).toBe('很长的一行'.repeat(10));
  });

  it('runs a paragraph on where its lines are wider than the terminal, and keeps the breaks of lines that fit', () => {
    const text = [
      '读取文件和压缩包中的年度报告，存入报告库（与登记数据同库：默认 GONGKAI_DATA',
      '目录下的 SQLite）。',
      '',
      '最后输出汇总。',
      '退出码：0 全部导入。',
    ].join('\n');
    expect(wrapHelpText(text, 40)).toBe(
      [
        '读取文件和压缩包中的年度报告，存入报告库',
        '（与登记数据同库：默认 GONGKAI_DATA 目录',
        '下的 SQLite）。',
        '',
        '最后输出汇总。',
        '退出码：0 全部导入。',
      ].join('\n'),
    );
    expect(wrapHelpText(text, 100)).toBe(text);
    expect(wrapHelpText('一二三四五六七八九十一二三四五六七八九十一二三\n  缩进的一行', 40)).toBe(
      '一二三四五六七八九十一二三四五六七八九十\n一二三\n  缩进的一行',
    );
  });

  it('translates commander option extras', () => {
    expect(translateOptionExtras('输出格式 (default: "json")')).toBe('输出格式（默认：json）');
    expect(translateOptionExtras('方式 (choices: "a", "b", env: GONGKAI_X)')).toBe(
      '方式（可选："a", "b"；环境变量：GONGKAI_X）',
    );
    expect(translateOptionExtras('没有附加说明')).toBe('没有附加说明');
  });

  it('translates commander errors and keeps the suggestion', () => {
    expect(translateError("error: unknown option '--jsn'\n(Did you mean --json?)\n")).toBe(
      'gongkai: 错误：未知选项「--jsn」\n（是否想用 --json？）\n',
    );
    expect(translateError("error: missing required argument '文件'\n")).toBe(
      'gongkai: 错误：缺少参数「文件」\n',
    );
    expect(translateError('error: something new\n')).toBe('gongkai: 错误：something new\n');
  });

  it('translates help titles', () => {
    expect(translateTitle('Usage:')).toBe('用法：');
    expect(translateTitle('Other:')).toBe('Other:');
  });

  it('counts CJK characters as two columns', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('<文件...>')).toBe(9);
    expect(displayWidth('\x1b[1m用法\x1b[0m')).toBe(4);
  });

  it('ranks exit codes: internal > unreadable > findings > ok', () => {
    expect(worst(ExitCode.findings, ExitCode.unreadable)).toBe(2);
    expect(worst(ExitCode.unreadable, ExitCode.findings)).toBe(2);
    expect(worst(ExitCode.ok, ExitCode.findings)).toBe(1);
    expect(worst(ExitCode.internal, ExitCode.unreadable)).toBe(70);
  });
});
