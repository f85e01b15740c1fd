import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../../src/pipeline.js';
import { getRenderer } from '../../../src/render/index.js';
import { seedNames, seedTruth } from './seeds.js';

const renderer = getRenderer('docx');

/** Runs once the DOCX renderer is registered (src/render/docx): what it writes reads back. */
describe.skipIf(!renderer)('rendered DOCX reads back to the report it came from', () => {
  for (const name of seedNames()) {
    it(name, async () => {
      const text = readFileSync(new URL(`../../fixtures/seeds/${name}.txt`, import.meta.url));
      const { report } = await processBytes(text, `${name}.txt`);
      const bytes = (await renderer?.render(report, {})) as Uint8Array;
      const back = await processBytes(bytes, `${name}.docx`);
      const truth = seedTruth(name);
      expect(back.sourceType).toBe('docx');
      expect(back.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(back.report.cells).toEqual(truth.cells);
      expect([back.report.format, back.report.agency, back.report.year]).toEqual([
        truth.format,
        truth.agency,
        truth.year,
      ]);
      expect([back.report.publishedOn, back.report.signedOn]).toEqual([report.publishedOn, report.signedOn]);
    });
  }
});
