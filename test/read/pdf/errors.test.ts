import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceFile, UnreadableInputError } from '../../../src/core/source-file.js';
import { processBytes } from '../../../src/pipeline.js';
import { readPdf } from '../../../src/read/pdf/read-pdf.js';
import { makePdf, png } from './make-pdf.js';

const real011 = () => new Uint8Array(readFileSync(new URL('../../fixtures/real/011.pdf', import.meta.url)));

/** The reason a PDF is refused, or null when it is read. */
async function refusal(bytes: Uint8Array): Promise<string | null> {
  try {
    await processBytes(bytes, 'x.pdf');
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableInputError);
    return (error as Error).message;
  }
}

describe('PDFs that cannot be read are refused with the reason', () => {
  it('a scan (pages with only an image) has no text layer (with --no-ocr; OCR: test/read/ocr)', async () => {
    const pdf = await makePdf([{ image: png() }, { image: png(32, 48) }], { cjk: false });
    await expect(processBytes(pdf, 'x.pdf', { ocr: false })).rejects.toThrow(
      '扫描件，无文字层：PDF 中没有可读取的文字，无法读取数字（请提供带文字层的 PDF，或先做文字识别）',
    );
  });

  it('a PDF with a page of text and a scanned page reads, with a warning naming the page', async () => {
    const pdf = await makePdf([{ runs: [{ text: 'Annual report', x: 72, y: 100 }] }, { image: png() }], {
      cjk: false,
    });
    const file = new SourceFile('x.pdf');
    const blocks = await readPdf(pdf, file);
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'Annual report', line: 1, column: 1, page: 1, positioned: true },
    ]);
    expect(file.findings.map((f) => [f.severity, f.code, f.message])).toEqual([
      ['warning', 'read.pdf-no-text', 'PDF 第 2 页没有文字层（可能是扫描页或图片），其中的内容无法读取'],
    ]);
  });

  it('an encrypted PDF needs its password', async () => {
    const pdf = await makePdf([{ runs: [{ text: 'secret', x: 72, y: 100 }] }], {
      cjk: false,
      userPassword: 'open-sesame',
    });
    expect(await refusal(pdf)).toBe('PDF 文件已加密，需要密码才能打开：请提供未加密（无打开密码）的文件');
  });

  it('random bytes behind a PDF header are a damaged PDF', async () => {
    let seed = 7;
    const noise = Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed & 0xff;
    });
    const bytes = new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...noise]);
    expect(await refusal(bytes)).toMatch(/^PDF 文件已损坏或不完整，无法读取（.+）$/);
    expect(await refusal(new Uint8Array(Buffer.from('%PDF-1.7\n')))).toMatch(/^PDF 文件已损坏或不完整/);
  });

  it('011.pdf cut short anywhere is refused as damaged, never a crash', async () => {
    const whole = real011();
    for (const share of [0.05, 0.2, 0.5, 0.8, 0.95, 0.999]) {
      const cut = whole.slice(0, Math.floor(whole.length * share));
      expect([share, await refusal(cut)]).toEqual([
        share,
        'PDF 文件已损坏或不完整，无法读取（Invalid PDF structure.）',
      ]);
    }
  });
});

describe('bounds', () => {
  it('a 300-page PDF reads page by page: every line, no page number', async () => {
    const pages = Array.from({ length: 300 }, (_, i) => ({
      runs: [
        { text: `Page text ${i + 1}`, x: 72, y: 100 },
        { text: `Second line ${i + 1}`, x: 72, y: 120 },
        { text: `- ${i + 1} -`, x: 290, y: 800 },
      ],
    }));
    const pdf = await makePdf(pages, { cjk: false });
    const file = new SourceFile('long.pdf');
    const blocks = await readPdf(pdf, file);
    expect(blocks.length).toBe(600);
    expect(blocks.at(-1)).toMatchObject({ text: 'Second line 300', page: 300 });
    expect(blocks.some((b) => b.type === 'paragraph' && b.text.startsWith('-'))).toBe(false);
    expect(file.findings).toEqual([]);
    // Through the pipeline: not a report, so the assembler says what is missing.
    const { report } = await processBytes(pdf, 'long.pdf');
    expect(report.findings.some((f) => f.severity === 'error')).toBe(true);
  }, 60_000);
});
