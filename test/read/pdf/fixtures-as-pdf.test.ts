/**
 * Every text fixture printed as a PDF (each line at its height, each run of characters where its
 * column puts it, a running header and page numbers on each page) reads to the fixture's truth:
 * the PDF reader's lines give the assembler what the text reader's lines give it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../../src/pipeline.js';
import { layoutLines, makePdf } from './make-pdf.js';

interface Truth {
  format: string;
  agency: string | null;
  year: number;
  publishedOn: string | null;
  signedOn: string | null;
  cells: Record<string, number | null>;
  ambiguous?: string[];
}

const fixtures = (set: string) => {
  const dir = new URL(`../../fixtures/${set}/`, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f,
      text: readFileSync(new URL(f, dir), 'utf8'),
      truth: JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as Truth,
    }));
};

/**
 * 007 keeps its 复议诉讼 figures apart only by runs of blank lines, and a page break falls in
 * them: the blank lines at a page's foot are not in a PDF, so the row is an error there.
 */
const pageBreakLosesGaps = new Set(['007.txt']);

async function expectTruth(pdf: Uint8Array, name: string, truth: Truth) {
  const { report, sourceType } = await processBytes(pdf, `${name}.pdf`);
  expect(sourceType).toBe('pdf');
  expect([report.format, report.agency, report.year, report.publishedOn, report.signedOn]).toEqual([
    truth.format,
    truth.agency,
    truth.year,
    truth.publishedOn,
    truth.signedOn,
  ]);
  const flagged = new Set(report.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
  const ambiguous = new Set(truth.ambiguous ?? []);
  for (const [key, value] of Object.entries(truth.cells)) {
    if (ambiguous.has(key) && flagged.has(key)) continue;
    expect([key, report.cells[key]]).toEqual([key, value]);
  }
}

describe.each(['seeds', 'real'])('%s fixtures printed as PDF read to their truth', (set) => {
  for (const { name, text, truth } of fixtures(set)) {
    it(name, async () => {
      const pdf = await makePdf(layoutLines(text, { header: '某某机关政府信息公开工作年度报告' }));
      if (!pageBreakLosesGaps.has(name)) return expectTruth(pdf, name, truth);
      const { report } = await processBytes(pdf, `${name}.pdf`);
      const errors = report.findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => f.code)).toEqual(['assemble.row-shape']);
      // Never silently wrong: the row's cells are all flagged; every other cell is right.
      const flagged = new Set(errors.flatMap((f) => f.keys));
      expect([...flagged].every((key) => key.startsWith('l.'))).toBe(true);
      for (const [key, value] of Object.entries(truth.cells))
        if (!flagged.has(key)) expect([key, report.cells[key]]).toEqual([key, value]);
    }, 30_000);
  }
});

describe('a table broken across pages', () => {
  const { text, truth } = fixtures('real').find((f) => f.name === '011.txt') as ReturnType<
    typeof fixtures
  >[number];
  const lines = text.replace(/\f/g, '').split('\n');
  const headerStart = lines.findIndex((l) => l.includes('申请人情况'));
  const headerEnd = lines.findIndex((l) => l.includes('一、本年新收政府信息公开申请数量'));
  const breakAt = lines.findIndex((l) => l.includes('4.保护第三方合法权益'));

  it('reads with its column header repeated on the next page', async () => {
    const repeated = [
      ...lines.slice(0, breakAt),
      ...lines.slice(headerStart, headerEnd),
      ...lines.slice(breakAt),
    ];
    const pdf = await makePdf(
      layoutLines(repeated.join('\n'), { breaks: [breakAt], pageNumber: (n) => `第 ${n} 页` }),
    );
    await expectTruth(pdf, '011-repeated-header', truth);
  });

  it('and without it', async () => {
    const pdf = await makePdf(layoutLines(lines.join('\n'), { breaks: [breakAt] }));
    await expectTruth(pdf, '011-broken', truth);
  });
});
