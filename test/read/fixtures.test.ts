import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';
import { metaOf } from '../support/truth.js';

interface Truth {
  format: string;
  agency: string | null;
  year: number;
  publishedOn: string | null;
  signedOn: string | null;
  cells: Record<string, number | null>;
  ambiguous?: string[];
  notes?: string;
}

const fixtures = (set: string) => {
  const dir = new URL(`../fixtures/${set}/`, import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({
      name: f,
      bytes: readFileSync(new URL(f, dir)),
      truth: JSON.parse(readFileSync(new URL(f.replace(/\.txt$/, '.expected.json'), dir), 'utf8')) as Truth,
    }));
};

describe.each(['seeds', 'real'])('%s fixtures read to their hand-checked truth', (set) => {
  for (const { name, bytes, truth } of fixtures(set)) {
    it(name, async () => {
      const { report } = await processBytes(bytes, name);
      expect(metaOf(report)).toEqual(metaOf(truth));
      const flagged = new Set(report.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
      const ambiguous = new Set(truth.ambiguous ?? []);
      expect(Object.keys(report.cells)).toEqual(Object.keys(truth.cells));
      for (const [key, value] of Object.entries(truth.cells)) {
        if (ambiguous.has(key)) {
          // The source doesn't settle it: the true value, or an error naming the key.
          if (!flagged.has(key)) expect([key, report.cells[key]]).toEqual([key, value]);
        } else expect([key, report.cells[key]]).toEqual([key, value]);
      }
      // Never a silently wrong number: every null cell the truth has a value for is flagged.
      for (const [key, value] of Object.entries(report.cells))
        if (value === null && truth.cells[key] !== null) expect(flagged.has(key)).toBe(true);
    });
  }
});

describe('what the reader says about the real reports', () => {
  const byName = Object.fromEntries(fixtures('real').map((f) => [f.name, f]));
  const read = async (name: string) => (await processBytes(byName[name]?.bytes as Buffer, name)).report;

  it('001: the 行政规范性文件 run 「81153」 fits six splits: null with the candidates listed', async () => {
    const report = await read('001.txt');
    const finding = report.findings.find((f) => f.code === 'assemble.split-ambiguous');
    expect(finding?.keys).toEqual(['p.normative.issued', 'p.normative.repealed', 'p.normative.inForce']);
    expect(finding?.message).toContain('（8，1，153）');
    expect(finding?.message).toContain('（811，5，3）');
    expect(finding?.message).toContain('6 种');
    // 行政强制 has no figure at all: blank, with a warning.
    const blank = report.findings.find((f) => f.code === 'assemble.blank-cell');
    expect(blank?.keys).toEqual(['p.coercion.decisions']);
    expect(blank?.severity).toBe('warning');
  });

  it('002: the （七）总计 run 「20000011」 fits no split that keeps the identities', async () => {
    const report = await read('002.txt');
    const finding = report.findings.find((f) => f.code === 'assemble.split-inconsistent');
    expect(finding?.severity).toBe('error');
    expect(finding?.keys).toEqual([
      'a.total.np',
      'a.total.biz',
      'a.total.res',
      'a.total.ngo',
      'a.total.law',
      'a.total.oth',
      'a.total.total',
    ]);
    // 一 is settled through 一 + 二 = Σ results + 四 although （七） is unreadable.
    expect(report.cells['a.new.np']).toBe(11);
    expect(report.cells['a.new.biz']).toBe(0);
  });

  it('016: two splits of 予以公开 are told apart by the column identities', async () => {
    const report = await read('016.txt');
    expect(report.cells['a.open.np']).toBe(27);
    // Table 三's rows stand by the row and the column identities together: no figure printed
    // wrong would let another cut fit.
    const settled = report.findings.filter((f) => f.code === 'assemble.split-settled');
    expect(settled.map((f) => f.keys[0])).toEqual([
      'a.new.np',
      'a.open.np',
      'a.none.notHeld.np',
      'a.total.np',
    ]);
  });

  it('016: table 四 as one run is cut as printed, its 行政诉讼 cells named as resting on the group totals', async () => {
    const report = await read('016.txt');
    // 「10203120001200000」: 1 0 2 0 3 | 12 0 0 0 12 | 0 0 0 0 0, the one cut that keeps the three
    // group totals; were one of them printed wrong, 1 20 0 0 12 and others would fit too.
    expect(['l.direct.upheld', 'l.direct.total'].map((k) => report.cells[k])).toEqual([12, 12]);
    const fragile = report.findings.filter((f) => f.code === 'assemble.split-fragile');
    expect(fragile.map((f) => [f.severity, f.keys])).toEqual([
      ['error', ['l.direct.upheld', 'l.direct.corrected', 'l.direct.pending', 'l.direct.total']],
    ]);
    expect(fragile[0]?.message).toContain('（1，0，2，0，3，1，20，0，0，12，0，0，0，0，0）');
  });

  it('008: a blank 总计 cell shows as extra blank lines in the one-cell-per-line layout', async () => {
    const report = await read('008.txt');
    const blank = report.findings.find((f) => f.code === 'assemble.blank-cell');
    expect(blank?.keys).toEqual(['a.prev.total']);
    expect(report.cells['a.prev.np']).toBe(0);
  });
});
