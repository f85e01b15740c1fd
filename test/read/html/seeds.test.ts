import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report.js';
import { processBytes } from '../../../src/pipeline.js';
import { renderHtml } from '../../../src/render/html/index.js';
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

/** The seed's truth with the prose of each part as read from the seed itself. */
async function seedReport(name: string): Promise<{ truth: Truth; report: Report }> {
  const truth = JSON.parse(
    readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8'),
  ) as Truth;
  const text = await processBytes(readFileSync(new URL(name, dir)), name, { check: false });
  return { truth, report: { ...truth, sections: text.report.sections } };
}

describe.each([
  ['the test pages of site styles', (report: Report, i: number) => reportPage(report, styles[i] ?? {})],
  ['renderHtml', (report: Report) => renderHtml(report)],
])('the seeds written as web pages (%s) read back to their truth', (_, render) => {
  seeds.forEach((name, i) => {
    it(name, async () => {
      const { truth, report } = await seedReport(name);
      const html = render(report, i);
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
