/** Reports for the inspector's tests, made from the examples. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateReport } from '../../../src/generate/random-report.js';
import { scanReport } from '../../../src/generate/scan.js';

const example = readFileSync(
  resolve(import.meta.dirname, '../../../examples/湟源县人民政府办公室-2021.txt'),
  'utf8',
);

/**
 * A degraded scan of generated report 7 (150 dpi, JPEG 30, 2% noise, shade, turned 0.8°) as a PDF:
 * the OCR leaves some of its figures untaken (read.ocr-doubt), for the inspector's pictures of
 * cells (3 of them; at 1% noise, none since figures are read side by side).
 */
export const degradedScan = async (): Promise<Uint8Array> => {
  const options = { dpi: 150, jpegQuality: 30, noise: 0.02, shade: 0.3, rotation: 0.8, seed: 7 };
  return (await scanReport(generateReport(7, '2021'), options)).pdf;
};

/** The example with 自然人 of 本年新收 (line 111) changed from 0 to 5: the identities of table 三 break. */
export const brokenExample = (): string => {
  const lines = example.split('\n');
  if (lines[110] !== '0') throw new Error('the example changed: line 111 is no longer 自然人 of 本年新收');
  lines[110] = '5';
  return lines.join('\n');
};
