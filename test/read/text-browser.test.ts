/**
 * Web pages dumped by text-mode browsers (see test/fixtures/text-browser/README.md): figures lined
 * up in terminal columns (w3m, a CJK character two columns wide) or in characters (lynx).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isWide } from '../../src/assemble/stream.js';
import { processBytes } from '../../src/pipeline.js';
import { fixtureNames, readFixture } from '../support/generated-fixture.js';

const dir = new URL('../fixtures/text-browser/', import.meta.url);
const names = fixtureNames(dir);
const read = (name: string) => readFixture(dir, name);

describe('a web page dumped by a text-mode browser', () => {
  it.each(names)('%s: every cell not read exactly is named by an error', async (name) => {
    const { truth, report, flagged, wrong } = await read(name);
    expect(report.format).toBe(truth.format);
    expect(wrong.filter((k) => !flagged.has(k))).toEqual([]);
  });

  it('w3m: a row carrying its group label reads in terminal columns, its blank cell where it stands', async () => {
    const { truth, report, keys } = await read('w3m-105.txt');
    const row = keys.filter((k) => k.startsWith('a.deny.thirdParty.'));
    expect(row.map((k) => report.cells[k])).toEqual([0, null, 0, 1, 0, 0, 1]);
    expect(row.map((k) => report.cells[k])).toEqual(row.map((k) => truth.cells[k]));
    const warned = report.findings.filter((f) => f.code === 'assemble.blank-cell').flatMap((f) => f.keys);
    expect(warned).toContain('a.deny.thirdParty.biz');
  });

  it("a row's numbering is no figure of the row before when its label is not found", async () => {
    // The label of 「5.要求行政机关确认或重新出具已获取信息」 made unreadable: its 「5.」 stays.
    const name = 'w3m80-7023.txt';
    const text = readFileSync(new URL(name, dir), 'utf8').replace(
      '5.要求行政机关确认或重',
      '5.甲乙丙丁戊己庚辛壬癸',
    );
    const { report } = await processBytes(new TextEncoder().encode(text), name);
    const truth = JSON.parse(readFileSync(new URL('w3m80-7023.expected.json', dir), 'utf8'));
    const row = Object.keys(truth.cells).filter((k) => k.startsWith('a.reject.mass.'));
    expect(row.map((k) => report.cells[k])).toEqual([0, 0, null, 0, 0, 0, 5]);
    expect(row.map((k) => report.cells[k])).toEqual(row.map((k) => truth.cells[k]));
    expect(report.findings.find((f) => f.code === 'assemble.row-missing')?.keys).toContain(
      'a.reject.confirm.total',
    );
  });

  it('columns taken from the header: two columns blank in every row, a table of one row', async () => {
    const blankColumns = await read('w3m-7003.txt');
    const row = blankColumns.keys.filter((k) => k.startsWith('a.new.'));
    expect(row.map((k) => blankColumns.report.cells[k])).toEqual([null, null, 7, 2, 22, 4, 79]);
    const oneRow = await read('w3m-7004.txt');
    const litigation = oneRow.keys.filter((k) => k.startsWith('l.'));
    expect(litigation.map((k) => oneRow.report.cells[k])).toEqual([
      0,
      0,
      0,
      0,
      0,
      8,
      0,
      0,
      0,
      8,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(litigation.map((k) => oneRow.report.cells[k])).toEqual(
      litigation.map((k) => oneRow.truth.cells[k]),
    );
  });

  it('exact cells in both measures', async () => {
    const counts = await Promise.all(
      names.map(async (name) => {
        const { keys, wrong } = await read(name);
        return [name, keys.length - wrong.length];
      }),
    );
    expect(Object.fromEntries(counts)).toEqual({
      'lynx-111.txt': 200,
      'w3m-105.txt': 200,
      'w3m-139.txt': 194,
      'w3m80-122.txt': 198,
      'w3m80-7023.txt': 198,
      'w3m-7003.txt': 198,
      'w3m-7004.txt': 200,
    });
  });
});

describe('terminal columns', () => {
  it('CJK, full-width forms and CJK punctuation are wide; ASCII and curly quotes are not', () => {
    expect([...'国（一）、，０'].map((c) => isWide(c.charCodeAt(0)))).toEqual(Array(7).fill(true));
    expect([...'a1 .“”'].map((c) => isWide(c.charCodeAt(0)))).toEqual(Array(6).fill(false));
  });
});
