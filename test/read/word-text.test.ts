/**
 * A word processor's text export (LibreOffice's 「文本」 of the DOCX): a cell a line, blank cells
 * and the cells merged labels cover as empty lines (see test/fixtures/word-text/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';

const dir = new URL('../fixtures/word-text/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const read = async (name: string) => {
  const truth = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8'));
  const { report } = await processBytes(new Uint8Array(readFileSync(new URL(name, dir))), name);
  const errors = report.findings.filter((f) => f.severity === 'error');
  return { truth, report, errors };
};

/** The rows each file can't place (their first key), named by an error. */
const refused: Record<string, string[]> = {
  'blanks-9001.txt': ['a.none.create.np'],
};

describe('text a word processor saved', () => {
  it.each(names)('%s: every cell exact but the rows named by an error', async (name) => {
    const { truth, report, errors } = await read(name);
    expect(report.format).toBe(truth.format);
    expect(report.year).toBe(truth.year);
    expect(errors.map((f) => f.keys[0])).toEqual(refused[name] ?? []);
    const named = new Set(errors.flatMap((f) => f.keys));
    const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
    expect(wrong.filter((k) => !named.has(k))).toEqual([]);
  });
});
