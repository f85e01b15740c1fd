/**
 * A decompression bomb is refused before PDF.js parses it: a 300 KB file whose content stream
 * inflates to 300 MB (a minute and 0.8 GB before the bound) ends in well under a second.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import { prescanPdf } from '../../../src/read/pdf/prescan.js';
import { readPdf } from '../../../src/read/pdf/read-pdf.js';
import { bombPdf } from './bomb-pdf.js';

describe('PDF decompression bomb', () => {
  it('a content stream inflating to 300 MB is refused as too large', async () => {
    const bomb = bombPdf(300);
    expect(bomb.length).toBeLessThan(400_000);
    await expect(readPdf(bomb, new SourceFile('bomb.pdf'))).rejects.toThrow(
      '输入过大：PDF 的页面内容解压后超过 8.0 MB 的上限（文件可能经过恶意构造），未读取',
    );
  }, 30_000);

  it('a small inflated stream passes, and is counted', async () => {
    const pdf = bombPdf(1);
    expect(prescanPdf(pdf, { fonts: 1 << 20, content: 2 << 20 }).inflated).toBe((1 << 20) + 37);
    expect(() => prescanPdf(pdf, { fonts: 1 << 20, content: 1 << 20 })).toThrow(/content streams inflate/);
    const file = new SourceFile('small.pdf');
    const blocks = await readPdf(pdf, file);
    expect(blocks.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual(['Hello']);
  }, 30_000);

  it('a real report: every font has a ToUnicode map, so no font program is parsed', () => {
    const real = new Uint8Array(readFileSync(new URL('../../fixtures/real/011.pdf', import.meta.url)));
    const scan = prescanPdf(real, { fonts: 1 << 30, content: 1 << 30 });
    expect(scan.skippedFonts).toBe(9);
    expect(scan.bytes).not.toBe(real);
    expect(Buffer.from(scan.bytes).toString('latin1').split('/FontFileZ').length - 1).toBe(9);
    expect(Buffer.from(real).toString('latin1').split('/FontFileZ').length - 1).toBe(0);
  });
});
