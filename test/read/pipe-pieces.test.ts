import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/read/blocks.js';
import { textToBlocks } from '../../src/read/text-reader.js';

const shape = (blocks: Block[]) =>
  blocks.map((b) => (b.type === 'table' ? b.rows.map((r) => r.map((c) => c.text).join('|')) : b.text));

describe('pipe tables broken up by a PDF-to-Markdown converter', () => {
  it('pieces with the same columns join into one grid; footers and empty dash tables go', () => {
    const md = [
      '| 信息内容 | 本年新收 | 总计 |',
      '| --- | --- | --- |',
      '| 规章 | 1 | 2 |',
      '| - 2 - |  |  |',
      '',
      '- 2 -',
      '',
      '| - | - |',
      '| --- | --- |',
      '',
      '| 规范性文件 | 3 |  |',
      '| --- | --- | --- |',
      '| 其他 | 5 | 6 |',
    ].join('\n');
    expect(shape(textToBlocks(md))).toEqual([
      ['信息内容|本年新收|总计', '规章|1|2', '规范性文件|3|', '其他|5|6'],
    ]);
  });

  it('a label lifted onto a loose line goes back into the empty label cell of the row after it', () => {
    const md = [
      '| 项目 | 小项 | 数 |',
      '| --- | --- | --- |',
      '| 甲 | 一 | 1 |',
      '',
      '乙',
      '',
      '二',
      '',
      '|  |  | 2 |',
      '| --- | --- | --- |',
      '|  | 三 | 3 |',
    ].join('\n');
    expect(shape(textToBlocks(md))).toEqual([['项目|小项|数', '甲|一|1', '乙|二|2', '|三|3']]);
  });

  it('tables of other columns, or a sentence between them, stay apart', () => {
    const md = [
      '| 甲 | 1 |',
      '| --- | --- |',
      '',
      '本段是正文。',
      '',
      '| 乙 | 2 |',
      '| --- | --- |',
      '',
      '| 丙 | 3 | 4 |',
      '| --- | --- | --- |',
    ].join('\n');
    expect(shape(textToBlocks(md))).toEqual([['甲|1'], '本段是正文。', ['乙|2', '丙|3|4']]);
  });
});
