/**
 * A row the format does not have, added to a table of cells (「合计」「小计」 after a row of table
 * 二, a web page's or Markdown's): its figures are no format row's. Every cell still reads
 * exactly or is named by an error, blank cells or not. (Found: 「行政强制 | 」 then 「合计 | 9」
 * read 行政强制 as 9; after 「行政处罚 | 1」, the 9 went to 行政强制 too, its label taken as
 * written after its figures.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { getRenderer } from '../../src/render/index.js';
import type { FormatId } from '../../src/spec/types.js';
import { describeFindings, fcParams, toBytes } from '../support/parse.js';
import { violations } from '../support/verdict.js';

const labels = ['合计', '小计', '其他', '备注', '总数', '合计（件）'];

/** The text with a row `label` of figures added after its `pick`-th row of figures (null: none). */
function addRow(
  text: string,
  target: 'md' | 'html',
  pick: number,
  label: string,
  seed: number,
): string | null {
  const figure = (i: number) => (seed * 7 + i * 3) % 10;
  if (target === 'md') {
    const rows = [...text.matchAll(/^\| (?!信息内容|---|申请人|行政复议|结果)[^|\n]+ \|.*\|$/gm)];
    const line = rows[pick % Math.max(1, rows.length)]?.[0];
    if (!line) return null;
    const cells = line.split('|').length - 3;
    const extra = `| ${label} |${Array.from({ length: cells }, (_, i) => ` ${figure(i)} `).join('|')}|`;
    return text.replace(line, `${line}\n${extra}`);
  }
  const rows = [...text.matchAll(/<tr>(?:(?!<\/tr>).)*?<td[^>]*>\s*[^<\d\s]/gs)];
  const row = rows[pick % Math.max(1, rows.length)];
  if (!row) return null;
  const end = text.indexOf('</tr>', row.index) + 5;
  const cells = (text.slice(row.index, end).match(/<td/g) ?? []).length - 1;
  const extra = `<tr><td>${label}</td>${Array.from({ length: cells }, (_, i) => `<td>${figure(i)}</td>`).join('')}</tr>`;
  return text.slice(0, end) + extra + text.slice(end);
}

describe('a row the format does not have, in a grid', () => {
  it('never yields a silently wrong cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 0, max: 0x7fffffff }),
          format: fc.constantFrom<FormatId>('2019', '2021'),
          blanks: fc.boolean(),
          target: fc.constantFrom<'md' | 'html'>('md', 'html'),
          pick: fc.nat(),
          label: fc.constantFrom(...labels),
        }),
        async ({ seed, format, blanks, target, pick, label }) => {
          const report = blanks
            ? withBlankCells(generateReport(seed, format), seed)
            : generateReport(seed, format);
          const text = (await getRenderer(target)?.render(report, {})) as string;
          const changed = addRow(text, target, pick, label, seed);
          expect(changed).not.toBeNull();
          const result = await processBytes(toBytes(changed as string), `extra.${target}`);
          expect(
            violations(report, result, { breaks: false }),
            `generateReport(${seed}, '${format}')${blanks ? ' with blanks' : ''} as ${target}, 「${label}」 after row ${pick}\n${describeFindings(result.report.findings)}`,
          ).toEqual([]);
        },
      ),
      fcParams(60, 20261208),
    );
  }, 180_000);

  it('「行政强制 | 」 then 「合计 | 9」: 行政强制 reads blank, the row named by a warning (Markdown and a web page)', async () => {
    const report = withBlankCells(generateReport(27, '2021'), 27);
    expect(report.cells['p.coercion.decisions']).toBeNull();
    const rendered = (await getRenderer('md')?.render(report, {})) as string;
    const md = rendered.replace(/^\| 行政强制 \|.*$/m, (line) => `${line}\n| 合计 | 9 |`);
    let html = (await getRenderer('html')?.render(report, {})) as string;
    const end = html.indexOf('</tr>', html.indexOf('行政强制')) + 5;
    html = `${html.slice(0, end)}<tr><td>合计</td><td>9</td></tr>${html.slice(end)}`;
    for (const [text, name] of [
      [md, 'extra.md'],
      [html, 'extra.html'],
    ] as const) {
      const back = (await processBytes(toBytes(text), name)).report;
      expect(back.cells['p.coercion.decisions'], name).toBeNull();
      expect(back.cells['p.penalty.decisions'], name).toBe(report.cells['p.penalty.decisions']);
      // The row is named: nothing is dropped unsaid.
      expect(
        back.findings.filter((f) => f.code === 'assemble.extra-row').map((f) => [f.severity, f.message]),
        name,
      ).toEqual([
        ['warning', '「主动公开政府信息情况」中的「合计」一行不是规定格式中的行，其数字不计入任何单元格'],
      ]);
    }
  });
});
