/**
 * Prose that settles a split: a flattened 2021 report whose 行政规范性文件 figures run together
 * (「3215」 cuts several ways) and whose prose states some of them (「全年制发规范性文件3件、废止2件」).
 * Where the stated figures leave one value for a cell among the cuts, the cell is settled with an
 * info finding citing the sentence; otherwise it is blank and named by an error. Never wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitRuns } from '../../src/assemble/split.js';
import { generateReport } from '../../src/generate/random-report.js';
import { withStatedFigures } from '../../src/generate/stated-figures.js';
import { renderText } from '../../src/render/text/index.js';
import { errors, fcParams, parseText } from '../support/parse.js';
import { violations } from '../support/verdict.js';

const keys = ['p.normative.issued', 'p.normative.repealed', 'p.normative.inForce'];

describe('prose that settles a split', () => {
  it('a cell the stated figures pin down is settled, with the sentence cited; the others stay flagged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 0x7fffffff }), async (seed) => {
        const { report, stated, sentence } = withStatedFigures(generateReport(seed, '2021'), seed);
        const run = keys.map((k) => String(report.cells[k])).join('');
        const cuts = splitRuns([run], ['int', 'int', 'int']).candidates;
        const agree = cuts.filter((c) =>
          keys.every((k, i) => !stated.includes(k) || c[i] === report.cells[k]),
        );
        const result = await parseText(renderText(report, 'flattened'));
        expect(violations(report, result, { breaks: false })).toEqual([]);
        const read = result.report;
        const named = new Set(errors(read.findings).flatMap((f) => f.keys));
        const cited = read.findings.find((f) => f.code === 'assemble.split-prose');
        keys.forEach((key, i) => {
          const pinned = agree.every((c) => c[i] === agree[0]?.[i]);
          if (pinned) expect([key, read.cells[key]]).toEqual([key, report.cells[key]]);
          else expect(read.cells[key] === null && named.has(key)).toBe(true);
          // Settled by the prose: the finding says so and cites the sentence.
          if (pinned && cuts.some((c) => c[i] !== cuts[0]?.[i])) {
            expect(cited?.severity).toBe('info');
            expect(cited?.keys).toContain(key);
            expect(cited?.message).toContain(sentence.replace(/。$/, '').slice(0, 6));
          }
        });
      }),
      fcParams(30, 20261204),
    );
  });

  it('「全年制发规范性文件3件、废止2件」 settles 「3215」 as 3, 2, 15', async () => {
    const base = generateReport(5, '2021');
    const report = {
      ...base,
      cells: { ...base.cells, 'p.normative.issued': 3, 'p.normative.repealed': 2, 'p.normative.inForce': 15 },
      sections: base.sections.map((s) =>
        s.number === 1 ? { ...s, text: `${s.text}\n全年制发规范性文件3件、废止2件。` } : s,
      ),
    };
    const read = (await parseText(renderText(report, 'flattened'))).report;
    expect(keys.map((k) => read.cells[k])).toEqual([3, 2, 15]);
    const cited = read.findings.find((f) => f.code === 'assemble.split-prose');
    expect(cited?.severity).toBe('info');
    expect(cited?.message).toContain('全年制发规范性文件3件、废止2件');
    expect(cited?.line).not.toBeNull();
    expect(errors(read.findings).filter((f) => f.keys.some((k) => keys.includes(k)))).toEqual([]);
  });
});
