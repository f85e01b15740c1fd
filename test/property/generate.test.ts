/** The generator: deterministic, complete, and every identity of the format holds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenIdentities } from '../../src/generate/cells.js';
import { generateReport } from '../../src/generate/random-report.js';
import { cellKeys, cellsOf, getFormat } from '../../src/spec/registry.js';
import type { FormatId } from '../../src/spec/types.js';
import { arbitraryReport } from '../support/arbitraries.js';

const formats: FormatId[] = ['2021', '2019'];

describe('generateReport', () => {
  it('is deterministic: the same seed gives the same report', () => {
    for (const format of formats) expect(generateReport(42, format)).toEqual(generateReport(42, format));
    expect(generateReport(1, '2021')).not.toEqual(generateReport(2, '2021'));
  });

  for (const format of formats) {
    const spec = getFormat(format);
    it(`${format}: every cell has a figure of its type and every identity holds`, () => {
      fc.assert(
        fc.property(arbitraryReport(format), (report) => {
          expect(Object.keys(report.cells)).toEqual(cellKeys(spec));
          for (const [key, value] of Object.entries(report.cells)) {
            const type = cellsOf(spec).get(key)?.cell.type;
            expect(typeof value).toBe('number');
            if (type !== 'decimal') expect(Number.isInteger(value)).toBe(true);
            if (type === 'int') expect(value).toBeGreaterThanOrEqual(0);
          }
          expect(brokenIdentities(spec, report.cells).map((i) => i.id)).toEqual([]);
        }),
        { numRuns: 300, seed: 20260301 },
      );
    });

    it(`${format}: year, dates, agency and six parts fit the format`, () => {
      fc.assert(
        fc.property(arbitraryReport(format), (report) => {
          expect(report.format).toBe(format);
          const year = report.year as number;
          expect(year).toBeGreaterThanOrEqual(spec.years.from);
          expect(year).toBeLessThanOrEqual(spec.years.to ?? 2025);
          for (const date of [report.publishedOn, report.signedOn])
            if (date !== null) expect(date).toMatch(new RegExp(`^${year + 1}-01-(0[1-9]|[12]\\d|3[01])$`));
          expect(report.agency).toMatch(/^[\u4e00-\u9fff]{4,}$/);
          expect(report.sections.map((s) => s.title)).toEqual(
            spec.sections.map((s) => `${s.numeral}、${s.title}`),
          );
          // No arabic figures in prose except years.
          for (const section of report.sections)
            expect(section.text.replace(/\d{4}年/g, '')).not.toMatch(/\d/);
        }),
        { numRuns: 200, seed: 20260302 },
      );
    });
  }

  it('uses signed and decimal figures where the format allows them', () => {
    const reports = Array.from({ length: 200 }, (_, seed) => generateReport(seed, '2019'));
    expect(reports.some((r) => (r.cells['p.license.change'] ?? 0) < 0)).toBe(true);
    expect(reports.some((r) => !Number.isInteger(r.cells['p.procurement.amount']))).toBe(true);
    expect(reports.some((r) => (r.cells['a.new.total'] ?? 0) > 0)).toBe(true);
    expect(reports.some((r) => r.cells['a.new.total'] === 0)).toBe(true);
  });
});
