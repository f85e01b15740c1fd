/**
 * A table of contents before the parts: its headings are not where the parts open (their text and
 * tables come after the headings written again), nor duplicates of them.
 */
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderText } from '../../src/render/text/index.js';
import { getFormat } from '../../src/spec/registry.js';

const report = generateReport(0, '2021');
const text = renderText(report, 'cell-per-line');
const headings = getFormat('2021').sections.map((s) => `${s.numeral}、${s.title}`);
const first = headings[0] as string;

describe('a table of contents before the parts', () => {
  it.each([
    ['a heading a line', headings.join('\n')],
    ['on one line', headings.join('　')],
    ['with dots and page numbers', headings.map((h, i) => `${h}……${i + 1}`).join('\n')],
  ])('%s: every cell reads, the parts open at their own headings, no finding', async (_, contents) => {
    // Before: every part opened in the contents; tables 二 and 三 were not found (errors) and
    // table 四 read blank with a warning only, its 15 figures lost.
    const withContents = text.replace(first, `${contents}\n\n${first}`);
    const back = (await processBytes(new TextEncoder().encode(withContents), 'contents.txt')).report;
    expect(back.cells).toEqual(report.cells);
    expect(back.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const lines = withContents.split('\n');
    // (Each part's heading written again is the last line that is that heading.)
    expect(back.sections.map((s) => s.line)).toEqual(headings.map((h) => lines.lastIndexOf(h) + 1));
  });

  it('headings listed once, with text under each, are the parts (not a table of contents)', async () => {
    const back = (await processBytes(new TextEncoder().encode(text), 'plain.txt')).report;
    expect(back.sections).toHaveLength(6);
    expect(back.cells).toEqual(report.cells);
  });
});
