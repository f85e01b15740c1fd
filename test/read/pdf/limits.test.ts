import { describe, expect, it, vi } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import { readPdf } from '../../../src/read/pdf/read-pdf.js';
import { makePdf } from './make-pdf.js';

// Small bounds, so that a few pages and bytes cross them.
vi.mock('../../../src/core/limits.js', async (original) => {
  const actual = await original<typeof import('../../../src/core/limits.js')>();
  return { ...actual, limits: { ...actual.limits, pdfPages: 3, pdfBytes: 20_000 } };
});

const pages = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ runs: [{ text: `Line on page ${i + 1}`, x: 72, y: 100 }] }));

describe('PDF bounds', () => {
  it('only the first pages up to the bound are read, with a warning', async () => {
    const file = new SourceFile('x.pdf');
    const blocks = await readPdf(await makePdf(pages(5), { cjk: false }), file);
    expect(blocks.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual([
      'Line on page 1',
      'Line on page 2',
      'Line on page 3',
    ]);
    expect(file.findings.map((f) => [f.severity, f.code, f.message])).toEqual([
      ['warning', 'read.pdf-pages', 'PDF 共 5 页，超过 3 页的上限，只读取了前 3 页'],
    ]);
  });

  it('a file over the size bound is refused before it is parsed', async () => {
    await expect(readPdf(new Uint8Array(20_001), new SourceFile('x.pdf'))).rejects.toThrow(
      '文件过大（19.5 KB），超过 PDF 报告 19.5 KB 的上限',
    );
  });
});
