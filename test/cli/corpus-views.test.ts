/** The text views of `gongkai corpus`: the findings table of `corpus stats` names each code in Chinese. */
import { describe, expect, it } from 'vitest';
import { formatStats } from '../../src/cli/commands/corpus-views.js';

describe('corpus stats as text', () => {
  it('lists the findings by code with their Chinese names, counts right-aligned', () => {
    const text = formatStats({
      by: null,
      rows: [],
      findings: [
        { code: 'assemble.split-ambiguous', severity: 'error', count: 10 },
        { code: 'check.late', severity: 'warning', count: 2 },
        { code: 'no.such-code', severity: 'info', count: 1 },
      ],
      timings: {},
    });
    const at = text.indexOf('问题（按代码）：\n');
    expect(text.slice(at).split('\n').slice(1, 5)).toEqual([
      '代码                      名称                  级别     次数',
      'assemble.split-ambiguous  连写数字无法确定拆分  error      10',
      'check.late                逾期发布              warning     2',
      'no.such-code              no.such-code          info        1',
    ]);
  });
});
