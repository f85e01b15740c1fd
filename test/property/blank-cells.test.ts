/**
 * Blank cells read back as blank: a generated report with cells left blank here and there, whole
 * columns of table 三 and a group of table 四 never filled, rendered by every renderer.
 *
 * In a grid (HTML, DOCX, Markdown pipe tables, tab-separated rows, a PDF's ruled tables) the
 * column decides: every cell reads back exactly, each blank one as null with the blank-cell
 * warning; in tab-separated rows, where a row may end with a stray tab, a blank last cell is told
 * only by its trailing tabs and a stray one after them (else it is named by an error, as a cell
 * lost with its tab would look the same). With trailing tabs dropped or runs of tabs squeezed into
 * one, a cell is exact or named by an error; so too with whole rows blank and a row label damaged,
 * where a line that is no row (a wrapped label, a label alone whose tabs stand at one end) cuts a
 * table in two. In the flattened layout a blank cell leaves no trace
 * at all; where the tables show blank cells (a row's digits too few for its cells), a run that
 * could hide one is not cut: a cell is exact or named by an error. In the text layouts, where only
 * spacing marks a blank cell, a cell reads back exactly or is named by an error, never silently
 * wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { withBlankCells } from '../../src/generate/blanks.js';
import { damageLabels } from '../../src/generate/damaged-labels.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { getRenderer } from '../../src/render/index.js';
import { renderText, type TextLayout } from '../../src/render/text/index.js';
import type { FormatId } from '../../src/spec/types.js';
import {
  describeFindings,
  differingKeys,
  errors,
  fcParams,
  toBytes,
  withExamples,
} from '../support/parse.js';

/** A seed and a format; the report is built from them inside the property (short counterexamples). */
const blankReport = () =>
  fc
    .tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.constantFrom<FormatId>('2019', '2021'))
    .map(([seed, format]) => ({ seed, format }));

const build = (seed: number, format: FormatId): Report => withBlankCells(generateReport(seed, format), seed);

async function readBack(report: Report, target: string, layout?: TextLayout) {
  const out = layout
    ? renderText(report, layout)
    : await (getRenderer(target)?.render(report, {}) as Promise<string | Uint8Array>);
  const bytes = typeof out === 'string' ? toBytes(out) : out;
  return (await processBytes(bytes, `report.${target}`)).report;
}

const blankKeys = (report: Report) => Object.keys(report.cells).filter((k) => report.cells[k] === null);

describe('blank cells in a grid read back exactly', () => {
  const grids: [string, TextLayout | undefined, number][] = [
    ['html', undefined, 40],
    ['md', undefined, 40],
    ['docx', undefined, 20],
    ['pdf', undefined, 12],
  ];
  for (const [target, layout, runs] of grids)
    it(`${layout ?? target}: every cell, each blank one null with a blank-cell warning`, async () => {
      await fc.assert(
        fc.asyncProperty(blankReport(), async ({ seed, format }) => {
          const report = build(seed, format);
          const read = await readBack(report, target, layout);
          const context = `withBlankCells(generateReport(${seed}, '${format}'), ${seed}) as ${layout ?? target}\n${describeFindings(read.findings)}`;
          expect(differingKeys(report.cells, read.cells), context).toEqual([]);
          const warned = new Set(
            read.findings.filter((f) => f.code === 'assemble.blank-cell').flatMap((f) => f.keys),
          );
          expect(
            blankKeys(report).filter((k) => !warned.has(k)),
            context,
          ).toEqual([]);
        }),
        fcParams(runs, 20261201),
      );
    }, 120_000);
});

describe('blank cells where only spacing marks them: exact or named by an error', () => {
  const layouts: [string, TextLayout | undefined, number][] = [
    ['txt', 'cell-per-line', 30],
    ['txt', 'web-cell-per-line', 30],
    ['txt', 'word-text', 30],
    ['txt', 'tab-indented', 30],
    ['txt', 'tab-split-labels', 30],
    ['txt', 'flattened', 30],
  ];
  /** Counterexamples found, kept (by layout). */
  const kept: Partial<Record<TextLayout, { seed: number; format: FormatId }[]>> = {
    // 「行政强制」 (a blank cell, 12, 5) run together as 「125」, no row too few digits to fill its
    // cells: cut 1 2 5, no error (table 二 has no identity to check it; table 三's, broken by its
    // own blank cells, showed that the runs hide some).
    flattened: [{ seed: 1089067485, format: '2019' }],
  };
  for (const [target, layout, runs] of layouts)
    it(`${layout ?? target}: never a silently wrong cell`, async () => {
      await fc.assert(
        fc.asyncProperty(blankReport(), async ({ seed, format }) => {
          const report = build(seed, format);
          const read = await readBack(report, target, layout);
          const flagged = new Set(errors(read.findings).flatMap((f) => f.keys));
          const silent = differingKeys(report.cells, read.cells).filter(
            (k) => read.cells[k] !== null && !flagged.has(k),
          );
          const context = `withBlankCells(generateReport(${seed}, '${format}'), ${seed}) as ${layout ?? target}\n${describeFindings(read.findings)}`;
          expect(silent, context).toEqual([]);
        }),
        withExamples({
          ...fcParams(runs, 20261202),
          examples: ((layout && kept[layout]) || []).map((c) => [c] as [typeof c]),
        }),
      );
    }, 180_000);
});

/** What converters do to the tabs of tab-separated rows. */
const ways: [string, (text: string) => string][] = [
  ['as rendered (a stray tab after every other row)', (text) => text],
  ['trailing tabs dropped', (text) => text.replace(/\t+$/gm, '')],
  ['one trailing tab each', (text) => text.replace(/\t+$/gm, '\t')],
  ['runs of tabs squeezed into one', (text) => text.replace(/\t+/g, '\t')],
  ['runs squeezed inside rows, trailing ones kept', (text) => text.replace(/\t+(?=[^\t\n])/g, '\t')],
  ['leading tabs stripped', (text) => text.replace(/^\t+/gm, '')],
  ['leading and trailing tabs stripped', (text) => text.replace(/^\t+|\t+$/gm, '')],
  [
    'header rows squeezed, the body expanded',
    (text) =>
      text
        .split('\n')
        .map((line) => (/\d/.test(line) ? line : line.replace(/\t+/g, '\t').replace(/\t+$/, '')))
        .join('\n'),
  ],
];

describe('tab-separated rows: as rendered, trailing tabs dropped, runs of tabs squeezed', () => {
  for (const [name, change] of ways)
    it(`${name}: never a silently wrong cell`, async () => {
      await fc.assert(
        fc.asyncProperty(blankReport(), async ({ seed, format }) => {
          const report = build(seed, format);
          const text = change(renderText(report, 'tab-rows'));
          const read = (await processBytes(toBytes(text), 'report.txt')).report;
          const context = `withBlankCells(generateReport(${seed}, '${format}'), ${seed}) as tab-rows, ${name}\n${describeFindings(read.findings)}`;
          const flagged = new Set(errors(read.findings).flatMap((f) => f.keys));
          const wrong = differingKeys(report.cells, read.cells).filter(
            (k) => read.cells[k] !== null || !flagged.has(k),
          );
          expect(wrong, context).toEqual([]);
        }),
        fcParams(25, 20261205),
      );
    }, 120_000);
});

describe('tab-separated rows with whole rows blank, a row label damaged: never a silently wrong cell', () => {
  // A line that isn't a row (a label wrapped in two; a row of a label alone, its figures all
  // blank, that kept its tabs at one end only) cuts a table in two; a run may keep no row whose
  // label stands in the table's last label column (see labelCellsEnd in tab-cells.ts).
  it('every way the tabs come', async () => {
    await fc.assert(
      fc.asyncProperty(
        blankReport(),
        fc.constantFrom(0.06, 0.4, 0.85),
        fc.integer({ min: 0, max: 2 }),
        async ({ seed, format }, cellShare, count) => {
          const report = withBlankCells(generateReport(seed, format), seed, { cellShare });
          const rendered = renderText(report, 'tab-rows');
          const { text, damaged } = damageLabels(report, rendered, seed, count);
          for (const [name, change] of ways) {
            const read = (await processBytes(toBytes(change(text)), 'report.txt')).report;
            const context = `withBlankCells(generateReport(${seed}, '${format}'), ${seed}, { cellShare: ${cellShare} }) as tab-rows, ${name}, ${JSON.stringify(damaged)}\n${describeFindings(read.findings)}`;
            const flagged = new Set(errors(read.findings).flatMap((f) => f.keys));
            const wrong = differingKeys(report.cells, read.cells).filter(
              (k) => read.cells[k] !== null || !flagged.has(k),
            );
            expect(wrong, context).toEqual([]);
          }
        },
      ),
      fcParams(30, 20261207),
    );
  }, 120_000);
});

describe('tab-separated rows of a filled report, tabs stripped or squeezed: every cell exact', () => {
  const ways: [string, (text: string) => string][] = [
    ['leading tabs stripped', (text) => text.replace(/^\t+/gm, '')],
    ['leading and trailing tabs stripped', (text) => text.replace(/^\t+|\t+$/gm, '')],
    ['runs of tabs squeezed into one', (text) => text.replace(/\t+/g, '\t')],
  ];
  for (const [name, change] of ways)
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(blankReport(), async ({ seed, format }) => {
          const report = generateReport(seed, format);
          const text = change(renderText(report, 'tab-rows'));
          const read = (await processBytes(toBytes(text), 'report.txt')).report;
          const context = `generateReport(${seed}, '${format}') as tab-rows, ${name}\n${describeFindings(read.findings)}`;
          expect(differingKeys(report.cells, read.cells), context).toEqual([]);
        }),
        fcParams(20, 20261206),
      );
    }, 120_000);
});
