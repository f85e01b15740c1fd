/**
 * A word processor's text export (LibreOffice's 「文本」 of the DOCX): a cell a line, blank cells
 * and the cells merged labels cover as empty lines (see test/fixtures/word-text/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { renderText } from '../../src/render/text/index.js';

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

describe('text a word processor saved, cut off', () => {
  it('ending at the group label 「（六）其他处理」 (read as the group in one row): its three rows are named', async () => {
    // generateReport(26, '2021') as word-text, cut at byte 3678 (damage, truncate): the text ends
    // with 「（六）其他处理」, taken for the group printed as one row. The truncation was named on
    // its first row's keys alone; 2. and 3. read blank, no error.
    const report = generateReport(26, '2021');
    const bytes = new TextEncoder().encode(renderText(report, 'word-text')).slice(0, 3678);
    expect(new TextDecoder().decode(bytes).endsWith('（六）其他处理')).toBe(true);
    const { report: back } = await processBytes(bytes, 'cut.txt');
    const truncated = back.findings.filter((f) => f.code === 'assemble.truncated');
    expect(truncated.map((f) => f.keys)).toEqual([
      ['noCorrection', 'noFee', 'other'].flatMap((row) =>
        ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((column) => `a.other.${row}.${column}`),
      ),
    ]);
    for (const key of truncated[0]?.keys ?? []) expect(back.cells[key], key).toBeNull();
  });
});
