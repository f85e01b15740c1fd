import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../../src/pipeline.js';
import { metaOf } from '../../support/truth.js';

interface Truth {
  format: string;
  agency: string | null;
  year: number;
  publishedOn: string | null;
  signedOn: string | null;
  cells: Record<string, number | null>;
}

const real = (name: string) => new URL(`../../fixtures/real/${name}`, import.meta.url);

describe('011.pdf (the published PDF of 011.txt) reads through the pipeline', () => {
  const truth = JSON.parse(readFileSync(real('011.expected.json'), 'utf8')) as Truth;

  it('to exactly its hand-checked truth: every cell, format, agency and dates, no error', async () => {
    const { report, sourceType } = await processBytes(readFileSync(real('011.pdf')), '011.pdf');
    expect(sourceType).toBe('pdf');
    expect(metaOf(report)).toEqual(metaOf(truth));
    expect(report.cells).toEqual(truth.cells);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
