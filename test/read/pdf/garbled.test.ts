/**
 * A PDF whose fonts are embedded without a map to Unicode: its text layer gives glyph numbers
 * (control characters) while its pages show the right characters. The reader says so and reads
 * the pages by OCR, as a scan's; without OCR it refuses, saying why. The OCR half is skipped where
 * no engine is installed (see test/read/ocr/scans.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../../src/core/source-file.js';
import { generateReport } from '../../../src/generate/random-report.js';
import { processBytes } from '../../../src/pipeline.js';
import { chooseEngine } from '../../../src/read/ocr/engine.js';
import { writtenOf } from '../../../src/read/pdf/items.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { differingKeys } from '../../support/parse.js';

const installed = (await chooseEngine()) !== null;
const report = generateReport(20261206, '2021');

/** The report's PDF with each font's /ToUnicode key renamed (same length: offsets stay right). */
async function withoutUnicodeMaps(): Promise<Uint8Array> {
  const pdf = Buffer.from(await renderPdf(report));
  const text = pdf.toString('latin1');
  expect(text.includes('/ToUnicode')).toBe(true);
  return Buffer.from(text.replaceAll('/ToUnicode', '/ToUnicodX'), 'latin1');
}

describe('a PDF text layer that cannot be decoded', () => {
  it('counts the characters no report is written in: control, replacement and private-use ones', () => {
    const raw = (str: string) => ({ str, width: 0, transform: [1, 0, 0, 1, 0, 0] });
    expect(writtenOf([raw('\u0001\u0002 \u0003'), raw('报告 2021'), raw('\ue001\ufffd\t')])).toEqual({
      all: 12,
      undecodable: 5,
    });
  });

  it('is refused without OCR, saying why', async () => {
    await expect(processBytes(await withoutUnicodeMaps(), 'report.pdf', { ocr: false })).rejects.toThrow(
      new UnreadableInputError(
        'PDF 的文字层无法解码（嵌入的字体没有到 Unicode 的映射，取出的文字是乱码），需要文字识别才能读取（已用 --no-ocr 关闭文字识别）',
      ),
    );
  });

  it.runIf(installed)(
    'is read by OCR, every cell exact, with a warning that says why',
    async () => {
      const { report: back } = await processBytes(await withoutUnicodeMaps(), 'report.pdf');
      expect(differingKeys(report.cells, back.cells)).toEqual([]);
      expect(back.findings.filter((f) => f.code === 'read.pdf-garbled').map((f) => f.message)).toEqual([
        'PDF 的文字层无法解码（嵌入的字体没有到 Unicode 的映射，取出的文字是乱码），已按扫描件用文字识别读取各页',
      ]);
    },
    120_000,
  );

  it('a PDF with its maps reads from its text layer, not by OCR', async () => {
    const { report: back } = await processBytes(await renderPdf(report), 'report.pdf');
    expect(differingKeys(report.cells, back.cells)).toEqual([]);
    expect(back.findings.some((f) => f.code.startsWith('read.ocr') || f.code === 'read.pdf-garbled')).toBe(
      false,
    );
  });
});
