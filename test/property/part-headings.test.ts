/**
 * The parts' headings as reports write them otherwise than the format: one lost (left out, worded
 * otherwise, cut by a stray byte), so that the table before it runs on into the next part's
 * prose; all numbered another way (「（一）」「1.」「第一部分」); or listed first as a table of
 * contents. Every cell still reads exactly or is named by an error, in every text layout, HTML
 * and Markdown, blank cells or not.
 *
 * Found: table 四's one row, read after the table's last words, read blank where part 五's
 * heading was lost; 行政事业性收费, blank, read table 三's first row across its header where part
 * 三's was; and with a table of contents every part opened there, table 四 blank with a warning
 * (see stray-text.test.ts and contents.test.ts).
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

const changes = [
  'left out',
  'worded otherwise',
  'cut by a NUL',
  'numbered （一）',
  'numbered 1.',
  'numbered 第一部分',
  'contents, a line each',
  'contents, on one line',
] as const;
type Change = (typeof changes)[number];

/** The text with the headings changed (`part`: the one lost). */
function change(
  text: string,
  sections: readonly SectionSpec[],
  part: number,
  how: Change,
  html: boolean,
): string {
  const heading = (s: SectionSpec) => `${s.numeral}、${s.title}`;
  const lost = heading(sections[part] as SectionSpec);
  switch (how) {
    case 'left out':
      return text.replace(lost, '');
    case 'worded otherwise':
      return text.replace(lost, `${lost.slice(0, 4)}某${lost.slice(4)}`);
    case 'cut by a NUL':
      return text.replace(lost, `${lost.slice(0, 4)}\0${lost.slice(4)}`);
    case 'contents, a line each':
    case 'contents, on one line': {
      const all = sections.map(heading);
      const contents = how === 'contents, on one line' ? all.join('　') : all.join(html ? '<br>' : '\n');
      const first = all[0] as string;
      return text.replace(first, html ? `${contents}</p><p>${first}` : `${contents}\n\n${first}`);
    }
    default:
      return sections.reduce(
        (t, s, i) =>
          t.replace(
            heading(s),
            how === 'numbered （一）'
              ? `（${s.numeral}）${s.title}`
              : how === 'numbered 1.'
                ? `${i + 1}.${s.title}`
                : `第${s.numeral}部分　${s.title}`,
          ),
        text,
      );
  }
}

describe('part headings written otherwise', () => {
  it('never yield a silently wrong cell', async () => {
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
          how: fc.constantFrom(...changes),
        }),
        async ({ seed, format, blanks, layout, part, how }) => {
          const report = blanks
            ? withBlankCells(generateReport(seed, format), seed)
            : generateReport(seed, format);
          const markup = layout === 'html' || layout === 'md';
          const text = markup
            ? ((await getRenderer(layout)?.render(report, {})) as string)
            : renderText(report, layout);
          const sections = getFormat(format).sections;
          for (const s of sections) expect(text).toContain(`${s.numeral}、${s.title}`);
          const changed = change(text, sections, part, how, layout === 'html');
          expect(changed).not.toBe(text);
          const result = await processBytes(toBytes(changed), `headings.${markup ? layout : 'txt'}`);
          expect(
            violations(report, result, { breaks: false }),
            `generateReport(${seed}, '${format}')${blanks ? ' with blanks' : ''} in ${layout}, ${how} (part ${part + 1})\n${describeFindings(result.report.findings)}`,
          ).toEqual([]);
        },
      ),
      fcParams(80, 20261207),
    );
  }, 180_000);
});
