import { describe, expect, it } from 'vitest';
import { ExitCode, worst } from '../../src/cli/exit-code.js';
import { displayWidth, translateError, translateTitle } from '../../src/cli/messages.js';

describe('messages', () => {
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
