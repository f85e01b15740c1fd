/**
 * A table copied from a web page as one cell a line, each after a tab, rows apart by an empty
 * line (the layout of seed 002): an empty cell is a tab alone on its line.
 */
import { describe, expect, it } from 'vitest';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import { textToBlocks } from '../../src/read/text-reader.js';
import { renderText } from '../../src/render/text/index.js';
import { parseText } from '../support/parse.js';

describe('cells one a line after a tab', () => {
  it('a tab alone among them is a blank cell, read where it stands', async () => {
    const report = withBlankCells(generateReport(1003, '2021'), 1003);
    const text = renderText(report, 'tab-indented');
    // 「一、本年新收…」 ends with a blank cell: its last line is a tab alone, then the empty line.
    expect(text).toContain(
      '\t11\n\t\n\n\t二、上年结转政府信息公开申请数量\n\t13\n\t5\n\t0\n\t\n\t\n\t\n\t33\n',
    );
    const { report: read } = await parseText(text);
    expect(read.cells).toEqual(report.cells);
    expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const warned = read.findings.filter((f) => f.code === 'assemble.blank-cell').flatMap((f) => f.keys);
    expect(warned).toContain('a.new.total');
    expect(warned).toEqual(expect.arrayContaining(['a.prev.ngo', 'a.prev.law', 'a.prev.oth']));
  });

  it('a tab alone between header cells or indented paragraphs is no cell', () => {
    const blocks = textToBlocks('\t自然人\n\t\n\t总计\n\n\t第一段。\n\t\n\t第二段。\n\t12\n\t\n\t7\n');
    expect(blocks.filter((b) => b.type === 'paragraph' && b.emptyCell).map((b) => b.line)).toEqual([9]);
  });
});
