import { describe, expect, it } from 'vitest';
import { processBytes } from '../../../src/pipeline.js';
import { metaOf } from '../../support/truth.js';
import {
  deletedFigure,
  deletedProse,
  footerText,
  headerText,
  seedDocx,
  seedNames,
  seedTruth,
} from './seeds.js';

const describeFindings = (findings: readonly { severity: string; code: string; message: string }[]) =>
  findings.map((f) => `${f.severity} ${f.code} ${f.message}`).join('\n');

describe('the seeds written as DOCX read to their truth', () => {
  for (const name of seedNames()) {
    it(name, async () => {
      const bytes = await seedDocx(name);
      const truth = seedTruth(name);
      const { report, sourceType, file } = await processBytes(bytes, `${name}.docx`);
      expect(sourceType).toBe('docx');
      expect(describeFindings(report.findings.filter((f) => f.severity === 'error'))).toBe('');
      expect(metaOf(report)).toEqual(metaOf(truth));
      expect(report.cells).toEqual(truth.cells);
      // Headings came from automatic numbering; header, footer and deletions are not read.
      expect(file.text.split('\n')).toContain('一、\t总体情况');
      expect(report.sections.map((s) => s.title)).toContain('一、总体情况');
      for (const hidden of [headerText, footerText, deletedProse, '2099'])
        expect(file.text.includes(hidden), hidden).toBe(false);
      expect(file.text.split('\n').some((l) => l.includes(deletedFigure))).toBe(false);
    });
  }
});
