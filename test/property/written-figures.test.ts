/**
 * Figures as people write them: thousands separators, full-width digits, money with its unit in
 * the cell (「120000元」「1.2万元」 in the 万元 cell), in the one-cell-per-line and tab-separated
 * layouts and in the cells of HTML and Markdown tables, read back exactly; negative 本年增/减 run
 * into their neighbours in the 2019 format (「1520-37412」) read back exactly or flagged, never
 * wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { withBlankCells } from '../../src/generate/blanks.js';
import { createRandom } from '../../src/generate/prng.js';
import { generateReport } from '../../src/generate/random-report.js';
import { withLargeFigures, writeFigures, writeFiguresInCells } from '../../src/generate/written-figures.js';
import { processBytes } from '../../src/pipeline.js';
import { getRenderer } from '../../src/render/index.js';
import { renderText, type TextLayout } from '../../src/render/text/index.js';
import type { FormatId } from '../../src/spec/types.js';
import { describeFindings, differingKeys, errors, fcParams, parseText, toBytes } from '../support/parse.js';
import { violations } from '../support/verdict.js';

const seedAndFormat = () =>
  fc.tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.constantFrom<FormatId>('2019', '2021'));

describe('figures as people write them', () => {
  for (const layout of ['cell-per-line', 'tab-rows'] as const satisfies readonly TextLayout[])
    it(`${layout}: separators, full-width digits and money with its unit read back exactly`, async () => {
      await fc.assert(
        fc.asyncProperty(seedAndFormat(), async ([seed, format]) => {
          const report = withLargeFigures(generateReport(seed, format), seed);
          const amount = format === '2021' ? (report.cells['p.fees.amount'] ?? null) : null;
          const text = writeFigures(renderText(report, layout), seed, amount);
          const read = (await parseText(text)).report;
          expect(differingKeys(report.cells, read.cells), describeFindings(read.findings)).toEqual([]);
          expect(errors(read.findings)).toEqual([]);
        }),
        fcParams(15, 20261205),
      );
    });

  for (const kind of ['html', 'md'] as const)
    it(`${kind}: separators, full-width digits and money with its unit in the cells read back exactly`, async () => {
      await fc.assert(
        fc.asyncProperty(seedAndFormat(), async ([seed, format]) => {
          const report = withLargeFigures(generateReport(seed, format), seed);
          const amount = format === '2021' ? (report.cells['p.fees.amount'] ?? null) : null;
          const rendered = (await getRenderer(kind)?.render(report, {})) as string;
          const output = writeFiguresInCells(rendered, kind, seed, amount);
          const read = (await processBytes(toBytes(output), `report.${kind}`)).report;
          expect(differingKeys(report.cells, read.cells), describeFindings(read.findings)).toEqual([]);
          expect(errors(read.findings)).toEqual([]);
        }),
        fcParams(15, 20261207),
      );
    });

  it('「3,001」 is one figure, 「120000元」 in the 万元 cell is 12', async () => {
    const base = withLargeFigures(generateReport(3, '2021'), 3);
    const report: Report = { ...base, cells: { ...base.cells, 'p.fees.amount': 12 } };
    const text = renderText(report, 'cell-per-line')
      .split('\n')
      .map((line) =>
        line === String(report.cells['a.new.np']) ? line.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : line,
      )
      .join('\n');
    const money = text.replace(/^12$/m, '120000元');
    expect(money).not.toBe(text);
    const read = (await parseText(money)).report;
    expect(read.cells['a.new.np']).toBe(report.cells['a.new.np']);
    expect(read.cells['p.fees.amount']).toBe(12);
    const unit = read.findings.find((f) => f.code === 'assemble.unit');
    expect(unit?.keys).toEqual(['p.fees.amount']);
  });

  it('2019, flattened: negative 本年增/减 run into their neighbours are exact or flagged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 0x7fffffff }), async (seed) => {
        const base = generateReport(seed, '2019');
        const cells = { ...base.cells };
        for (const key of Object.keys(cells))
          if (key.endsWith('.change')) cells[key] = -((seed + key.length) % 400) - 1;
        const report = { ...base, cells };
        for (const layout of ['flattened', 'cell-per-line', 'tab-rows'] as const) {
          const result = await parseText(renderText(report, layout));
          expect(violations(report, result, { breaks: false })).toEqual([]);
        }
      }),
      fcParams(12, 20261206),
    );
  });

  it('tab-rows: a row written in full-width digits (seed 5, 「7.属于行政执法案卷」) reads back exactly', async () => {
    // Its cells 「０」 side by side were taken for a header that writes a merged cell in every cell
    // it covers, and the rows after it lost all but one of their equal figures.
    const report = generateReport(5, '2021');
    const lines = renderText(report, 'tab-rows').split('\n');
    const at = lines.findIndex((l) => l.includes('属于行政执法案卷'));
    lines[at] = (lines[at] as string).replace(/(?<=\t)[0-9]+(?=\t|$)/g, fullWidth);
    expect(lines[at]).toContain('\t０');
    const read = (await parseText(lines.join('\n'))).report;
    expect(differingKeys(report.cells, read.cells), describeFindings(read.findings)).toEqual([]);
    expect(errors(read.findings)).toEqual([]);
  });

  it('rows written in full-width digits read as the same rows in ASCII digits, blank cells and all', async () => {
    const layouts: TextLayout[] = [
      'cell-per-line',
      'web-cell-per-line',
      'tab-indented',
      'tab-split-labels',
      'tab-rows',
      'flattened',
      'word-text',
    ];
    await fc.assert(
      fc.asyncProperty(
        seedAndFormat(),
        fc.constantFrom(...layouts),
        fc.boolean(),
        fc.constantFrom(1, 0.3, 0.05),
        async ([seed, format], layout, blanks, share) => {
          const base = generateReport(seed, format);
          const report = blanks ? withBlankCells(base, seed) : base;
          const text = renderText(report, layout);
          // Each line's figures (a cell of digits, or the line's one run of digits) full-width, or none.
          const random = createRandom(seed ^ 0x5bd1e995);
          const wide = text
            .split('\n')
            .map((line) =>
              random.chance(share)
                ? line
                    .split('\t')
                    .map((cell) => (/^\s*-?[0-9]+(?:\.[0-9]+)?\s*$/.test(cell) ? fullWidth(cell) : cell))
                    .join('\t')
                : line,
            )
            .join('\n');
          const ascii = (await parseText(text)).report;
          const read = (await parseText(wide)).report;
          const said = (r: typeof read) =>
            r.findings
              .filter((f) => f.severity !== 'info')
              .map((f) => `${f.severity} ${f.code} ${f.keys.join(',')}`);
          expect(read.cells).toEqual(ascii.cells);
          expect(said(read)).toEqual(said(ascii));
        },
      ),
      fcParams(40, 20261213),
    );
  });
});

/** Digits written full-width (「１２」), as some documents write figures. */
const fullWidth = (s: string): string =>
  s.replace(/[0-9]/g, (d) => String.fromCharCode((d.codePointAt(0) as number) + 0xfee0));
