import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../../src/pipeline.js';
import { docx, p } from './build.js';
import { seedTruth } from './seeds.js';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Each line a paragraph, each tab a w:tab: the tables are drawn with tabs, not w:tbl. */
function tabbedDocx(name: string): Uint8Array {
  const text = readFileSync(new URL(`../../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8');
  const body = text
    .split(/\r?\n/)
    .map((line) =>
      p(
        ...line
          .split('\t')
          .map(
            (piece, i) =>
              `<w:r>${i > 0 ? '<w:tab/>' : ''}<w:t xml:space="preserve">${escapeXml(piece)}</w:t></w:r>`,
          ),
      ),
    )
    .join('');
  return docx(body);
}

describe('tables drawn with tabs stay paragraphs and read like tab-separated text', () => {
  for (const name of ['003_7fa55acae3721def', '004_cf474a2a7b651b5a']) {
    it(name, async () => {
      const truth = seedTruth(name);
      const { report, file } = await processBytes(tabbedDocx(name), `${name}.docx`);
      expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(report.cells).toEqual(truth.cells);
      expect([report.agency, report.year, report.signedOn]).toEqual([
        truth.agency,
        truth.year,
        truth.signedOn,
      ]);
      // The document's lines are the seed's lines, tabs included.
      const seed = readFileSync(new URL(`../../fixtures/seeds/${name}.txt`, import.meta.url), 'utf8');
      expect(file.text).toBe(seed.replace(/\r/g, ''));
    });
  }
});
