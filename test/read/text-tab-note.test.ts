/**
 * A note line between tab-separated rows (a table copied from Word with its 注 pasted between
 * rows) does not split the table: the rows read through it and the note comes back in the part.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderText, type TextLayout } from '../../src/render/text/index.js';
import type { FormatId } from '../../src/spec/types.js';
import { describeFindings, fcParams, toBytes } from '../support/parse.js';

const notes = [
  '注：本表中数据来源于本机关办件系统，已经人工核对。',
  '备注：申请人情况按申请时登记的类别统计。',
  '本表各项数据均按申请件数统计，一件申请涉及多项内容的按一件计。',
];

describe('a note line between tab-separated rows', () => {
  for (const layout of ['tab-rows', 'tab-indented', 'tab-split-labels'] as TextLayout[])
    it(`${layout}: every cell reads back, no error, the note in part 三`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 0x7fffffff }),
          fc.constantFrom<FormatId>('2019', '2021'),
          fc.constantFrom(...notes),
          fc.constantFrom('上年结转', '属于国家秘密', '重复申请'),
          async (seed, format, note, after) => {
            const report = generateReport(seed, format);
            const lines = renderText(report, layout).split('\n');
            const at = lines.findIndex((l) => l.includes(after) && l.includes('\t'));
            expect(at).toBeGreaterThan(0);
            lines.splice(at + 1, 0, note);
            const back = (await processBytes(toBytes(lines.join('\n')), 'note.txt')).report;
            const context = `${note} after 「${after}」 in renderText(generateReport(${seed}, '${format}'), '${layout}')\n${describeFindings(back.findings)}`;
            expect(
              back.findings.filter((f) => f.severity === 'error'),
              context,
            ).toEqual([]);
            expect(back.cells, context).toEqual(report.cells);
            expect(back.sections.find((s) => s.number === 3)?.text.split('\n'), context).toContain(note);
          },
        ),
        fcParams(10, 20261206),
      );
    });
});
