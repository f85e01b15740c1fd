/**
 * Tables written as comma-separated values (a spreadsheet's tables saved as CSV and pasted into the
 * report, a portal's CSV-like text): half- or full-width commas, fields in quotes or not, figures
 * grouped by thousands or not, blank cells as empty fields, a comma after each line or not, a space
 * after each comma or not, header rows or not, each table's rows as wide as its widest (a sheet)
 * or each part's as wide as the part, units after the figures or not; and tab-separated tables with
 * a count's unit in the cells (「5件」「3 件」「12个」, 「0元」 in the fees row). Generated reports (some
 * cells blank, some counts large) and real ones (their hand-read figures, their prose as read).
 *
 * Every cell reads back exactly, or is null and named by an error: never silently wrong. Where the
 * rendering settles what each comma is, every cell reads back exactly: a header over the columns,
 * and every field quoted, or a space after every separator (a comma without one groups thousands),
 * or every row of a table as wide (so a comma between figures separates them in a row as wide as
 * the others, and groups them in a wider one where only one way does); but not figures grouped by
 * thousands with half-width commas, neither quoted nor told by spacing, among half-width
 * separators. A unit in the tab-separated cells costs no cell.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { Cells, Report } from '../../src/core/report.js';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import type { FormatId } from '../../src/spec/types.js';
import { type CsvOptions, renderCsvTables, renderTabUnits, type UnitOptions } from '../support/csv-tables.js';
import { describeFindings, differingKeys, errors, fcParams, parseText } from '../support/parse.js';
import { real } from '../support/real-spots.js';

const csvOptions: fc.Arbitrary<CsvOptions> = fc.record({
  comma: fc.constantFrom<CsvOptions['comma']>(',', '，'),
  quote: fc.constantFrom<CsvOptions['quote']>('all', 'needed', 'none'),
  thousands: fc.boolean(),
  header: fc.boolean(),
  trailing: fc.boolean(),
  spaced: fc.boolean(),
  rectangular: fc.boolean(),
  units: fc.boolean(),
});

const unitOptions: fc.Arbitrary<UnitOptions> = fc.record({
  count: fc.constantFrom<UnitOptions['count']>('件', '个', ' 件', '项'),
  money: fc.constantFrom<UnitOptions['money']>('format', 'yuan-zero', 'none'),
});

/** Whether the rendering settles what each of its commas is (see the module's comment). */
const settled = (o: CsvOptions): boolean =>
  o.header &&
  (o.quote === 'all' || o.spaced || o.rectangular) &&
  !(o.comma === ',' && o.quote === 'none' && o.thousands && !o.spaced);

/** A generated report: some cells blank, some counts large (so thousands are grouped). */
const generated = fc
  .tuple(
    fc.integer({ min: 0, max: 0x7fffffff }),
    fc.constantFrom<FormatId>('2019', '2021'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([seed, format, blanks, large]) => {
    const report = generateReport(seed, format, large ? { maxCount: 30_000 } : {});
    return {
      report: blanks ? withBlankCells(report, seed) : report,
      made: `generateReport(${seed}, '${format}'${large ? ', { maxCount: 30_000 }' : ''})${blanks ? ' with blank cells' : ''}`,
    };
  });

/** Cells that differ from the truth without being null and named by an error. */
function silentlyWrong(truth: Cells, cells: Cells, findings: readonly Finding[]): string[] {
  const named = new Set(errors(findings).flatMap((f) => f.keys));
  return differingKeys(truth, cells).filter((k) => !((cells[k] ?? null) === null && named.has(k)));
}

const assembleErrors = (findings: readonly Finding[]) =>
  errors(findings).filter((f) => f.code.startsWith('assemble.'));

/** Reads the text back: every cell exact or named; exact (and no reading error) where `exact`. */
async function readsBack(truth: Cells, text: string, exact: boolean, context: string): Promise<Cells> {
  const { report } = await parseText(text);
  const why = `${context}\n${describeFindings(report.findings)}`;
  expect(silentlyWrong(truth, report.cells, report.findings), why).toEqual([]);
  if (exact) {
    expect(differingKeys(truth, report.cells), why).toEqual([]);
    expect(assembleErrors(report.findings), why).toEqual([]);
  }
  return report.cells;
}

/** The real fixtures' reports: their hand-read cells, with the prose and metadata as read. */
const realNames = ['001', '002', '003', '007', '008', '011', '014', '016', '018'];
async function realReport(name: string): Promise<Report> {
  const truth = JSON.parse(readFileSync(real(`${name}.expected.json`), 'utf8'));
  const { report } = await parseText(readFileSync(real(`${name}.txt`), 'utf8'), `${name}.txt`);
  return { ...report, format: truth.format, year: truth.year, cells: truth.cells };
}

describe('tables as comma-separated values', () => {
  it('generated reports: every cell exact or named; exact where the commas are settled', async () => {
    await fc.assert(
      fc.asyncProperty(generated, csvOptions, async ({ report, made }, o) => {
        await readsBack(
          report.cells,
          renderCsvTables(report, o),
          settled(o),
          `${made} as ${JSON.stringify(o)}`,
        );
      }),
      fcParams(120, 20261220),
    );
  }, 120_000);

  for (const name of realNames)
    it(`real report ${name}: every cell exact or named; exact where the commas are settled`, async () => {
      const report = await realReport(name);
      await fc.assert(
        fc.asyncProperty(csvOptions, async (o) => {
          await readsBack(
            report.cells,
            renderCsvTables(report, o),
            settled(o),
            `${name} as ${JSON.stringify(o)}`,
          );
        }),
        fcParams(12, 20261221),
      );
    }, 120_000);

  it('generated reports: the prose reads back as written', async () => {
    await fc.assert(
      fc.asyncProperty(generated, csvOptions, async ({ report, made }, o) => {
        const { report: read } = await parseText(renderCsvTables(report, o));
        const prose = (r: Report) => r.sections.map((s) => `${s.number} ${s.text.replace(/\s+/g, '')}`);
        expect(prose(read), `${made} as ${JSON.stringify(o)}`).toEqual(prose(report));
      }),
      fcParams(20, 20261222),
    );
  }, 120_000);
});

describe('tab-separated tables with a unit in the cells', () => {
  it('generated reports: every cell exact, no reading error', async () => {
    await fc.assert(
      fc.asyncProperty(generated, unitOptions, async ({ report, made }, u) => {
        await readsBack(report.cells, renderTabUnits(report, u), true, `${made} with ${JSON.stringify(u)}`);
      }),
      fcParams(60, 20261223),
    );
  }, 120_000);

  for (const name of realNames)
    it(`real report ${name}: every cell exact, no reading error, with units or without`, async () => {
      const report = await realReport(name);
      // Without units too: 007's tables, whose rows with a label in the third column all have
      // their figures blank (label-only lines that cut table 三 into runs), once lost 35 cells.
      await readsBack(
        report.cells,
        renderTabUnits(report, { count: '', money: 'none' }),
        true,
        `${name} without units`,
      );
      await fc.assert(
        fc.asyncProperty(unitOptions, async (u) => {
          await readsBack(report.cells, renderTabUnits(report, u), true, `${name} with ${JSON.stringify(u)}`);
        }),
        fcParams(4, 20261224),
      );
    }, 120_000);
});
