import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report.js';
import { processBytes } from '../../../src/pipeline.js';
import { type PageStyle, reportPage } from './support/page.js';

interface Truth {
  format: '2021' | '2019';
  agency: string;
  year: number;
  publishedOn: string | null;
  signedOn: string | null;
  cells: Record<string, number | null>;
}

const dir = new URL('../../fixtures/seeds/', import.meta.url);
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** A different page for each seed: plain, portal, Word, headers broken, prose in divs. */
const styles: PageStyle[] = [
  { portal: true, breakHeaders: true },
  { word: true },
  { thead: true, divs: true },
  { portal: true, word: true, breakHeaders: true },
  { divs: true, breakHeaders: true, thead: true },
];

describe('the seeds written as web pages read back to their truth', () => {
  seeds.forEach((name, i) => {
    it(name, async () => {
      const truth = JSON.parse(
        readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8'),
      ) as Truth;
      // The prose of each part comes from reading the seed itself.
      const text = await processBytes(readFileSync(new URL(name, dir)), name, { check: false });
      const report: Report = { ...truth, sections: text.report.sections };
      const html = reportPage(report, styles[i] ?? {});
      const { report: read, sourceType } = await processBytes(new TextEncoder().encode(html), `${name}.html`);
      expect(sourceType).toBe('html');
      expect({
        format: read.format,
        agency: read.agency,
        year: read.year,
        publishedOn: read.publishedOn,
        signedOn: read.signedOn,
        cells: read.cells,
      }).toEqual({
        format: truth.format,
        agency: truth.agency,
        year: truth.year,
        publishedOn: truth.publishedOn,
        signedOn: truth.signedOn,
        cells: truth.cells,
      });
      expect(read.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(read.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });
});
