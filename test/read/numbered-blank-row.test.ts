/**
 * In a numbered table (三) of column-aligned text, each row's range ends with the next row's
 * numbering (「2.」): that is no figure of the row. A row left without figures is then a blank
 * row (a warning), not a row whose figures may stand elsewhere because other rows hold more
 * figures than cells (the row-shape error it used to get when the numbering was counted).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderText } from '../../src/render/text/index.js';
import type { FormatId } from '../../src/spec/types.js';
import { describeFindings, fcParams, toBytes } from '../support/parse.js';

const row = '其他法律行政法规禁止公开';

describe('a numbered row left blank in column-aligned text', () => {
  it('is read as blank cells with a warning, no row-shape error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.constantFrom<FormatId>('2019', '2021'),
        async (seed, format) => {
          // Tab-separated rows with their tabs made two spaces: columns kept apart by spaces.
          const lines = renderText(generateReport(seed, format), 'tab-rows')
            .replaceAll('\t', '  ')
            .split('\n');
          const at = lines.findIndex((l) => l.includes(row));
          expect(at).toBeGreaterThan(0);
          lines[at] = (lines[at] as string).replace(new RegExp(`(${row}).*$`), '$1');
          const back = (await processBytes(toBytes(lines.join('\n')), 'blank-row.txt')).report;
          const context = `renderText(generateReport(${seed}, '${format}'), 'tab-rows'), 「${row}」 blank\n${describeFindings(back.findings)}`;
          expect(
            back.findings.filter((f) => f.code === 'assemble.row-shape'),
            context,
          ).toEqual([]);
          const blank = back.findings.filter(
            (f) => f.code === 'assemble.blank-cell' && f.message.includes(row),
          );
          expect(
            blank.map((f) => f.severity),
            context,
          ).toEqual(['warning']);
          const keys = blank[0]?.keys ?? [];
          expect(keys.length, context).toBe(7);
          for (const key of keys) expect(back.cells[key], `${key}\n${context}`).toBeNull();
        },
      ),
      fcParams(20, 20261203),
    );
  });
});
