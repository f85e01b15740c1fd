/** The PDF renderer: page, metadata, embedded subset fonts, labels, figures, page numbers, size. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report.js';
import { generateReport } from '../../../src/generate/random-report.js';
import { formatValue } from '../../../src/render/grid.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { linePitch, textArea } from '../../../src/render/pdf/layout.js';
import { getFormat } from '../../../src/spec/registry.js';
import type { FormatSpec } from '../../../src/spec/types.js';
import { allText, type OpenedPdf, openPdf } from './pdf-reading.js';
import { seed000 } from './seed-pngs.js';

const fixedDate = new Date('2022-01-25T09:00:00+08:00');

/** Every official label of a format's tables: captions, corners, notes, header and row labels. */
function officialLabels(spec: FormatSpec): string[] {
  const labels = new Set<string>();
  for (const table of spec.tables)
    for (const part of table.parts) {
      for (const l of [part.caption, part.corner, part.note]) if (l) labels.add(l.official);
      for (const c of part.columns) for (const l of c.path) labels.add(l.official);
      for (const r of part.rows) for (const l of r.path) labels.add(l.official);
    }
  return [...labels];
}

/** The report's figures in the order the tables print them. */
function figures(report: Report): string[] {
  const spec = getFormat(report.format);
  return spec.tables.flatMap((t) =>
    t.parts.flatMap((p) => p.rows.flatMap((r) => r.cells.map((c) => formatValue(report.cells[c.key])))),
  );
}

const isFigure = (text: string) => /^-?\d+(?:\.\d+)?$/.test(text);

describe.each([
  ['seed 000', () => seed000()],
  ['a generated 2019 report', async () => generateReport(7, '2019')],
  ['a generated 2021 report', async () => generateReport(8, '2021')],
] as const)('the PDF of %s', (_name, load) => {
  let report: Report;
  let bytes: Uint8Array;
  let pdf: OpenedPdf;
  beforeAll(async () => {
    report = await load();
    bytes = await renderPdf(report, { creationDate: fixedDate });
    pdf = await openPdf(bytes);
  });

  it('is A4 on every page', () => {
    expect(pdf.pages.length).toBeGreaterThan(1);
    for (const page of pdf.pages)
      expect({ width: page.width, height: page.height }).toEqual({ width: 595.28, height: 841.89 });
  });

  it('has the title and agency as its Title and Author, and Gongkai as its Creator', () => {
    const title = `${report.agency}${report.year}年政府信息公开工作年度报告`;
    expect({ Title: pdf.info.Title, Author: pdf.info.Author, Creator: pdf.info.Creator }).toEqual({
      Title: title,
      Author: report.agency,
      Creator: 'Gongkai',
    });
  });

  it('embeds Noto Serif SC as subsets, regular and bold', () => {
    expect(pdf.fonts).toHaveLength(2);
    expect(pdf.fonts.map((f) => f.replace(/^[A-Z]{6}\+/, ''))).toEqual([
      'NotoSerifSC-Bold',
      'NotoSerifSC-Regular',
    ]);
    expect(new TextDecoder('latin1').decode(bytes).match(/\/FontFile2 /g)).toHaveLength(2);
  });

  it('has every official label of the tables in its text', () => {
    const text = allText(pdf);
    const missing = officialLabels(getFormat(report.format)).filter(
      (l) => !text.includes(l.replace(/\s+/g, '')),
    );
    expect(missing).toEqual([]);
  });

  it('prints every figure as a run of its own, in table order', () => {
    const runs = pdf.pages.flatMap((p) => p.runs.map((r) => r.text.trim()).filter(isFigure));
    expect(runs).toEqual(figures(report));
  });

  it('numbers its pages 「— n —」 below the 版心, odd ones right and even ones left', () => {
    pdf.pages.forEach((page, i) => {
      const n = i + 1;
      const numbers = page.runs.filter((r) => /^—\s*\d+\s*—$/.test(r.text.trim()));
      expect(numbers.map((r) => r.text)).toEqual([`— ${n} —`]);
      const run = numbers[0] as (typeof numbers)[number];
      expect(run.y).toBeGreaterThan(textArea.bottom);
      if (n % 2 === 1) expect(run.x + run.width).toBeCloseTo(textArea.right - 14, 0);
      else expect(run.x).toBeCloseTo(textArea.left + 14, 0);
    });
  });

  it('ends with the signature and its date right-aligned, when the report is signed', () => {
    if (!report.signedOn) return;
    const last = pdf.pages.at(-1)?.runs.filter((r) => !/^—/.test(r.text.trim())) ?? [];
    const [agency, date] = last.slice(-2);
    const [y, m, d] = report.signedOn.split('-').map(Number);
    expect([agency?.text, date?.text]).toEqual([report.agency, `${y}年${m}月${d}日`]);
    expect((date?.x ?? 0) + (date?.width ?? 0)).toBeGreaterThan(textArea.right - 5 * 16);
  });

  it('stays small', () => {
    expect(bytes.length).toBeLessThan(300_000);
  });
});

describe('body text', () => {
  it('sets 28 characters a line and 22 lines a page on an exact pitch', async () => {
    const base = generateReport(3, '2021');
    const long = '国'.repeat(28 * 60);
    const report: Report = {
      ...base,
      sections: base.sections.map((s) => (s.number === 1 ? { ...s, text: long } : s)),
    };
    const pdf = await openPdf(await renderPdf(report, { creationDate: fixedDate }));
    const page = pdf.pages[1] as OpenedPdf['pages'][number];
    const lines = page.runs.filter((r) => r.y < textArea.bottom);
    expect(lines.map((r) => r.text)).toEqual(Array(22).fill('国'.repeat(28)));
    const pitches = lines.slice(1).map((r, i) => Number((r.y - (lines[i]?.y ?? 0)).toFixed(2)));
    expect(new Set(pitches)).toEqual(new Set([linePitch]));
    expect(lines.every((r) => Math.abs(r.x - textArea.left) < 0.01)).toBe(true);
  });

  it('indents a paragraph two characters and squeezes closing punctuation into a full line', async () => {
    const base = generateReport(4, '2021');
    const text = `${'国'.repeat(26)}，${'家'.repeat(28)}”。${'民'.repeat(20)}`;
    const report: Report = {
      ...base,
      sections: base.sections.map((s) => (s.number === 1 ? { ...s, text } : s)),
    };
    const pdf = await openPdf(await renderPdf(report, { creationDate: fixedDate }));
    const runs = pdf.pages.flatMap((p) => p.runs);
    const start = runs.findIndex((r) => r.text.startsWith('国'));
    // 26 characters fit after the indent and 28 on a line: 「，」 squeezes in, 「”。」 can't both,
    // and neither may start a line, so a character comes down with them.
    expect(runs.slice(start, start + 3).map((r) => r.text)).toEqual([
      `${'国'.repeat(26)}，`,
      `${'家'.repeat(27)}`,
      `家”。${'民'.repeat(20)}`,
    ]);
    const [first, second, third] = runs.slice(start, start + 3);
    expect(first?.x).toBeCloseTo(textArea.left + (2 * textArea.width) / 28, 2);
    for (const run of [second, third]) expect(run?.x).toBeCloseTo(textArea.left, 4);
  });
});

describe('output', () => {
  it('renders an empty report: no agency, year, dates, prose or figures', async () => {
    const empty: Report = {
      format: '2021',
      agency: null,
      year: null,
      publishedOn: null,
      signedOn: null,
      cells: {},
      sections: [],
    };
    const pdf = await openPdf(await renderPdf(empty, { creationDate: fixedDate }));
    expect(pdf.info.Title).toBe('政府信息公开工作年度报告');
    const text = allText(pdf);
    expect(officialLabels(getFormat('2021')).filter((l) => !text.includes(l))).toEqual([]);
    expect(pdf.pages.flatMap((p) => p.runs.map((r) => r.text.trim()).filter(isFigure))).toEqual([]);
  });

  it('is the same bytes for the same report and creation date', async () => {
    const report = generateReport(5, '2021');
    const [a, b] = await Promise.all([
      renderPdf(report, { creationDate: fixedDate }),
      renderPdf(report, { creationDate: fixedDate }),
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
