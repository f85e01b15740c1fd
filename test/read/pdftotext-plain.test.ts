/**
 * Reading-order text of tables LibreOffice drew (plain `pdftotext`): labels scattered away from
 * their figures (see test/fixtures/pdftotext-plain/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';

const dir = new URL('../fixtures/pdftotext-plain/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const read = async (name: string) => {
  const truth = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8'));
  const { report } = await processBytes(new Uint8Array(readFileSync(new URL(name, dir))), name);
  return { truth, report };
};

describe('plain pdftotext of a table LibreOffice drew', () => {
  it.each(names.filter((n) => n.startsWith('seed-')))('%s reads exactly, with no error', async (name) => {
    const { truth, report } = await read(name);
    expect(report.format).toBe(truth.format);
    expect(report.year).toBe(truth.year);
    expect(report.cells).toEqual(truth.cells);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(names.filter((n) => n.startsWith('blanks-')))(
    '%s: blank cells leave no line; every cell not read exactly is named by an error',
    async (name) => {
      const { truth, report } = await read(name);
      const flagged = new Set(
        report.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys ?? []),
      );
      const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
      expect(wrong.length).toBeGreaterThan(0);
      expect(wrong.filter((k) => !flagged.has(k))).toEqual([]);
    },
  );
});
