import { describe, expect, it } from 'vitest';
import { generateReport } from '../../../src/generate/random-report.js';
import { processBytes } from '../../../src/pipeline.js';
import { renderPdf } from '../../../src/render/pdf/index.js';

describe('a blank cell in a PDF table', () => {
  for (const key of ['a.prev.total', 'a.deny.law.res', 'a.open.np']) {
    it(`${key}: reads as blank (with a warning) and every other cell keeps its value`, async () => {
      const report = generateReport(1, '2021');
      report.cells[key] = null;
      const back = (await processBytes(await renderPdf(report), 'blank.pdf')).report;
      expect(Object.keys(report.cells).filter((k) => back.cells[k] !== report.cells[k])).toEqual([]);
      const blank = back.findings.find((f) => f.code === 'assemble.blank-cell');
      expect([blank?.severity, blank?.keys]).toEqual(['warning', [key]]);
      expect(back.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});
