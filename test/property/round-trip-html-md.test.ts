/**
 * parse(render(report)) gives the report back through Markdown and HTML, for both formats: the
 * format, agency, year, dates, every cell and the text of each part.
 *
 * The reader gives prose back folded (NFKC and the spec's equivalences: 「，」→「,」, runs of
 * whitespace → one space), as for every source type, so a part's text is compared with the
 * folded original.
 *
 * Markdown goes through the plain-text reader: pipe tables become table grids, and Markdown
 * punctuation is left out of the parts' text.
 *
 * The HTML round trip runs once a reader that takes the rendered page is registered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { generateReport } from '../../src/generate/random-report.js';
import { type ProcessResult, processBytes } from '../../src/pipeline.js';
import { readers } from '../../src/read/registry.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderMarkdown } from '../../src/render/markdown/index.js';
import { cellsOf, getFormat } from '../../src/spec/registry.js';
import type { FormatId, TableId } from '../../src/spec/types.js';
import { arbitrarySeededReport } from '../support/arbitraries.js';
import { describeFindings, differingKeys, errors, fcParams, toBytes } from '../support/parse.js';

const formats: readonly FormatId[] = ['2021', '2019'];

/** A part's prose as the reader gives it back: as written, each paragraph trimmed, whitespace runs as one space. */
const foldedProse = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');

interface Differences {
  errors: string[];
  meta: string[];
  cells: Record<TableId, string[]>;
  sections: string[];
}

/** What differs between a report and the report read back, by kind. */
function differences(original: Report, read: ProcessResult['report']): Differences {
  const meta: string[] = [];
  for (const key of ['format', 'agency', 'year', 'publishedOn', 'signedOn'] as const)
    if (read[key] !== original[key]) meta.push(`${key}: ${original[key]} read as ${read[key]}`);
  const where = cellsOf(getFormat(original.format));
  const cells: Differences['cells'] = { proactive: [], applications: [], litigation: [] };
  for (const key of differingKeys(original.cells, read.cells)) {
    const table = where.get(key)?.table.id ?? 'proactive';
    cells[table].push(`${key}: ${original.cells[key]} read as ${read.cells[key] ?? null}`);
  }
  const sections: string[] = [];
  for (const section of original.sections) {
    const back = read.sections.find((s) => s.number === section.number);
    if (!back) sections.push(`part ${section.number} not read`);
    else if (back.text !== foldedProse(section.text))
      sections.push(
        `part ${section.number}: ${JSON.stringify(foldedProse(section.text))} read as ${JSON.stringify(back.text)}`,
      );
  }
  return { errors: errors(read.findings).map((f) => `${f.code} ${f.message}`), meta, cells, sections };
}

const none: Differences = {
  errors: [],
  meta: [],
  cells: { proactive: [], applications: [], litigation: [] },
  sections: [],
};

async function readBack(text: string, path: string): Promise<ProcessResult['report']> {
  return (await processBytes(toBytes(text), path)).report;
}

/** A report with a signature, for the known-gap tests (every report shows the gaps). */
const signed = (format: FormatId): Report => ({ ...generateReport(1, format), signedOn: '2022-01-20' });

describe('round trip through Markdown (the text reader)', () => {
  for (const format of formats) {
    it(`${format}: format, agency, year, dates, every cell and each part's text read back`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrarySeededReport(format), async ({ seed, report }) => {
          const read = await readBack(renderMarkdown(report), 'report.md');
          const context = `generateReport(${seed}, '${format}') as Markdown\n${describeFindings(read.findings)}`;
          expect(differences(report, read), context).toEqual(none);
        }),
        fcParams(50, 20260301),
      );
    });

    it(`${format}: a signed report's signature is not part of the last part's text`, async () => {
      const report = signed(format);
      const read = await readBack(renderMarkdown(report), 'report.md');
      expect(differences(report, read)).toEqual(none);
    });
  }
});

const htmlReaderTakes = (): boolean => {
  const html = toBytes(renderHtml(generateReport(1, '2021')));
  return readers.find((r) => r.sniff(html))?.type === 'html';
};

describe.runIf(htmlReaderTakes())('round trip through HTML', () => {
  for (const format of formats) {
    it(`${format}: format, agency, year, dates and every cell read back`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrarySeededReport(format), async ({ seed, report }) => {
          const read = await readBack(renderHtml(report), 'report.html');
          const context = `generateReport(${seed}, '${format}') as HTML\n${describeFindings(read.findings)}`;
          expect({ ...differences(report, read), sections: [] }, context).toEqual(none);
        }),
        fcParams(50, 20260302),
      );
    });

    it(`${format}: each part's text reads back (captions and the signature are not prose)`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitrarySeededReport(format), async ({ seed, report }) => {
          const read = await readBack(
            renderHtml({ ...report, signedOn: report.signedOn ?? '2022-01-20' }),
            'report.html',
          );
          expect(differences(report, read).sections, `generateReport(${seed}, '${format}') as HTML`).toEqual(
            [],
          );
        }),
        fcParams(30, 20260303),
      );
    });
  }
});
