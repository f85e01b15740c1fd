/**
 * A part's heading lost (left out, worded otherwise, cut by a stray byte): the table before it
 * runs on into the next part's prose. Every cell still reads exactly or is named by an error,
 * in every text layout, HTML and Markdown, blank cells or not. (Found: table 四's one row, read after the table's
 * last words, read blank where part 五's heading was cut by a NUL; see stray-text.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { getRenderer } from '../../src/render/index.js';
import { renderText, seedLayouts, type TextLayout } from '../../src/render/text/index.js';
import { getFormat } from '../../src/spec/registry.js';
import type { FormatId, SectionSpec } from '../../src/spec/types.js';
import { describeFindings, fcParams, toBytes } from '../support/parse.js';
import { violations } from '../support/verdict.js';

const losses = ['left out', 'worded otherwise', 'cut by a NUL'] as const;

/** The heading as the format writes it, lost. */
const lose = (heading: string, loss: (typeof losses)[number]): string =>
  loss === 'left out'
    ? ''
    : `${heading.slice(0, 4)}${loss === 'cut by a NUL' ? '\0' : '某'}${heading.slice(4)}`;

describe('a part heading lost', () => {
  it('never yields a silently wrong cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer({ min: 0, max: 0x7fffffff }),
          format: fc.constantFrom<FormatId>('2019', '2021'),
          blanks: fc.boolean(),
          layout: fc.constantFrom<TextLayout | 'html' | 'md'>(
            ...seedLayouts,
            'word-text',
            'flattened',
            'html',
            'md',
          ),
          part: fc.integer({ min: 0, max: 5 }),
          loss: fc.constantFrom(...losses),
        }),
        async ({ seed, format, blanks, layout, part, loss }) => {
          const report = blanks
            ? withBlankCells(generateReport(seed, format), seed)
            : generateReport(seed, format);
          const text =
            layout === 'html' || layout === 'md'
              ? ((await getRenderer(layout)?.render(report, {})) as string)
              : renderText(report, layout);
          const section = getFormat(format).sections[part] as SectionSpec;
          const heading = `${section.numeral}、${section.title}`;
          expect(text, `${heading} in ${layout}`).toContain(heading);
          const lost = text.replace(heading, lose(heading, loss));
          const result = await processBytes(
            toBytes(lost),
            `lost-heading.${layout === 'html' || layout === 'md' ? layout : 'txt'}`,
          );
          expect(
            violations(report, result, { breaks: false }),
            `generateReport(${seed}, '${format}')${blanks ? ' with blanks' : ''} in ${layout}, 「${heading}」 ${loss}\n${describeFindings(result.report.findings)}`,
          ).toEqual([]);
        },
      ),
      fcParams(60, 20261207),
    );
  }, 180_000);
});
