import { describe, expect, it } from 'vitest';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { renderText } from '../../src/render/text/index.js';

describe('a sentence standing inside a table', () => {
  it('goes to the part that holds the table, in its place, with a warning; the cells keep their values', async () => {
    const report = generateReport(3, '2021');
    const note = '注：本表中数据来源于本机关办件系统，已经人工核对。';
    const text = renderText(report, 'cell-per-line').replace(
      /(\n[^\n]*上年结转[^\n]*\n(?:\n?\d+\n)+)/,
      `$1\n${note}\n`,
    );
    expect(text).toContain(note);
    const back = (await processBytes(new TextEncoder().encode(text), 'note.txt')).report;
    expect(back.cells).toEqual(report.cells);
    const three = back.sections.find((s) => s.number === 3)?.text ?? '';
    expect(three.split('\n')).toContain(note);
    expect(back.sections.filter((s) => s.text.includes(note)).map((s) => s.number)).toEqual([3]);
    const stray = back.findings.filter((f) => f.code === 'assemble.stray-text');
    expect(stray.map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        '表格中的「注：本表中数据来源于本机关办件系统，已经…」不是表格内容，归入「收到和处理政府信息公开申请情况」部分',
      ],
    ]);
  });

  it("a sentence before the grid that names a column (「其他处理」) is prose, not the table's header", async () => {
    const report = generateReport(3, '2021');
    const sentences = [
      '本年度作出办理结果32件，其中不予处理9件、其他处理9件；结转下年度继续办理10件。',
      '本年度作出的答复中，21件在法定期限内答复，3件超过法定期限答复。',
    ];
    const three = report.sections.find((s) => s.number === 3);
    if (three) three.text = sentences.join('\n');
    const back = (await processBytes(new TextEncoder().encode(renderMarkdown(report)), 'prose.md')).report;
    expect(back.cells).toEqual(report.cells);
    expect(back.sections.find((s) => s.number === 3)?.text.split('\n')).toEqual(sentences);
    expect(back.findings.filter((f) => f.code === 'assemble.stray-text')).toEqual([]);
  });
});

describe("table 四 when part 五's heading is not found", () => {
  const report = generateReport(582028937, '2019');
  const text = renderText(report, 'tab-rows');
  const keys = Object.keys(report.cells).filter((k) => k.startsWith('l.'));

  it.each([
    ['worded otherwise', text.replace('五、存在的主要问题', '五、存在的主X要问题')],
    ['left out', text.replace('五、存在的主要问题及改进情况', '')],
    [
      'cut by binary garbage (damage, seed 4321 x100)',
      text.replace('五、存在的主要问题', '五、存在的主\0要问题'),
    ],
  ])(
    '%s: its figures, before the prose taken into the table, are named, not read as blank',
    async (_, damaged) => {
      // The table's one row (no label) is read after the table's last words: the prose of part 五,
      // taken into the table. Before: read blank (a warning), 0 0 0 6 6 0 0 0 5 5 0 3 9 3 15 lost.
      expect(damaged).not.toBe(text);
      const back = (await processBytes(new TextEncoder().encode(damaged), 'no-five.txt')).report;
      const named = back.findings.filter((f) => f.severity === 'error' && f.keys.includes('l.review.upheld'));
      expect(named).toEqual([
        {
          code: 'assemble.row-shape',
          severity: 'error',
          message:
            '「政府信息公开行政复议、行政诉讼情况」的数字按表格中最后的文字之后读，那里没有数字，而表头之后、它之前另有数字（下一部分的标题未找到时，其后的正文也算在表格之内），该表的数字可能是那些，无法确定',
          line: damaged.split('\n').findIndex((l) => l.startsWith('六、')) + 1,
          column: 1,
          keys,
          actual: '',
          expected: '15 个单元格',
        },
      ]);
      for (const key of keys) expect(back.cells[key], key).toBeNull();
      expect(back.findings.filter((f) => f.code === 'assemble.blank-cell')).toEqual([]);
    },
  );
});

describe("table 二 when part 三's heading is not found", () => {
  it("its last row, blank, does not read across table 三's header into its first row's figures", async () => {
    // 「行政事业性收费　（本列数据的勾稽关系为：…）申请人情况…一、本年新收政府信息公开申请数量
    // 301411111269…」 (flattened, 行政事业性收费 blank): the row skipped the words after its label
    // up to the next figures, and read 301411111269, no error (lost-headings, seed 7 x100).
    const report = withBlankCells(generateReport(14, '2021'), 14);
    expect(report.cells['p.fees.amount']).toBeNull();
    const text = renderText(report, 'flattened').replace('三、收到和处理政府信息公开申请情况', '');
    const back = (await processBytes(new TextEncoder().encode(text), 'no-three.txt')).report;
    expect(back.cells['p.fees.amount']).toBeNull();
    expect(
      back.findings.filter((f) => f.keys.includes('p.fees.amount')).map((f) => [f.code, f.message]),
    ).toEqual([['assemble.blank-cell', '「行政事业性收费」没有填写数字，1 个单元格记为空值']]);
  });
});
