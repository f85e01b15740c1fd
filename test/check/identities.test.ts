import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdentities } from '../../src/check/checks/identities.js';
import type { Cells } from '../../src/core/report.js';
import { format2019 } from '../../src/spec/format-2019.js';
import { format2021 } from '../../src/spec/format-2021.js';
import type { FormatSpec } from '../../src/spec/types.js';
import { goodEvidence, loadFixtures, run, summary, zeroReport } from './helpers.js';

const applicantIds = ['np', 'biz', 'res', 'ngo', 'law', 'oth'];
const rowKeys = (row: string) => [`a.${row}.total`, ...applicantIds.map((c) => `a.${row}.${c}`)];

describe.each([format2021, format2019])('identities of format $id', (spec) => {
  const check = (cells: Cells) => run({ report: zeroReport(spec, { cells }), spec }, checkIdentities);
  const zero = () => zeroReport(spec).cells;

  it('finds nothing in an all-zero report', () => {
    expect(check(zero())).toEqual([]);
  });

  it('reports a broken row sum and column balance when one applicant cell changes', () => {
    const findings = check({ ...zero(), 'a.new.np': 1 });
    expect(summary(findings)).toEqual(['error check.row-sum', 'error check.balance']);
    expect(findings[0]?.keys).toEqual(rowKeys('new'));
    expect(findings[0]).toMatchObject({ actual: '0', expected: '1' });
    expect(findings[1]?.keys).toEqual(['a.new.np', 'a.prev.np', 'a.total.np', 'a.next.np']);
    expect(findings[1]).toMatchObject({ actual: '1', expected: '0' });
    expect(findings[1]?.message).toBe(
      '勾稽关系不成立：「自然人」列：一 + 二 = 三（七）总计 + 四，左边为 1，右边为 0',
    );
  });

  it('checks the derived balance only where （七）总计 is blank', () => {
    const findings = check({ ...zero(), 'a.total.np': null, 'a.new.np': 1 });
    expect(summary(findings)).toEqual(['error check.row-sum', 'error check.balance']);
    expect(findings[1]?.message).toContain('一 + 二 = 各项办理结果之和 + 四');
    const results = spec.identities.find((i) => i.id === 'balance-results:np');
    expect(findings[1]?.keys).toEqual([...(results?.left ?? []), ...(results?.right ?? [])]);
    expect(findings[1]?.keys).not.toContain('a.total.np');
    expect(findings[1]).toMatchObject({ actual: '1', expected: '0' });
    expect(check({ ...zero(), 'a.total.np': null })).toEqual([]);
  });

  it('skips an identity with a blank cell silently', () => {
    expect(check({ ...zero(), 'a.open.np': null, 'a.new.np': 1 })).toHaveLength(2);
    expect(check({ ...zero(), 'a.open.np': null })).toEqual([]);
    const { 'a.open.biz': _, ...missing } = zero();
    expect(check(missing)).toEqual([]);
  });

  it('reports a side with blank cells whose other cells already pass the other side (no cell is negative)', () => {
    // 「二、上年结转」 read 20 12 _ 0 0 37 with 总计 0 (its figures shifted by one): whatever the
    // blank holds, the applicants add up to 69 at least.
    const cells = { ...zero(), 'a.prev.np': 20, 'a.prev.biz': 12, 'a.prev.res': null, 'a.prev.oth': 37 };
    const findings = check(cells).filter((f) => f.keys[0] === 'a.prev.total');
    expect(summary(findings)).toEqual(['error check.row-sum']);
    expect(findings[0]?.keys).toEqual(rowKeys('prev'));
    expect(findings[0]).toMatchObject({ actual: '69', expected: '0' });
    expect(findings[0]?.message).toBe(
      '勾稽关系不成立：「二、上年结转政府信息公开申请数量」行：总计 = 各类申请人之和，右边有 1 格空白，其余各格之和已为 69，大于左边的 0',
    );
    // Up to the other side, the blank may hold the rest: nothing to report.
    const fits = check({ ...zero(), 'a.prev.np': 20, 'a.prev.res': null, 'a.prev.total': 25 });
    expect(fits.filter((f) => f.keys[0] === 'a.prev.total')).toEqual([]);
  });

  it('reports a broken litigation total with all five keys', () => {
    const findings = check({ ...zero(), 'l.direct.corrected': 2 });
    expect(summary(findings)).toEqual(['error check.litigation-sum']);
    expect(findings[0]?.keys).toEqual([
      'l.direct.total',
      'l.direct.upheld',
      'l.direct.corrected',
      'l.direct.other',
      'l.direct.pending',
    ]);
    expect(findings[0]).toMatchObject({ actual: '0', expected: '2' });
  });

  it('reports a broken results sum', () => {
    const findings = check({
      ...zero(),
      'a.total.law': 3,
      'a.total.total': 3,
      'a.new.law': 3,
      'a.new.total': 3,
    });
    expect(summary(findings)).toEqual(['error check.results-sum', 'error check.results-sum']);
    expect(findings.map((f) => f.keys[0])).toEqual(['a.total.law', 'a.total.total']);
  });

  it('points at the first printed cell of the identity', () => {
    const evidence = goodEvidence(spec, { cellPlaces: new Map([['a.new.total', { line: 40, column: 9 }]]) });
    const findings = run(
      { report: zeroReport(spec, { cells: { ...zero(), 'a.new.np': 1 } }), spec, evidence },
      checkIdentities,
    );
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [40, 9],
      [null, null],
    ]);
  });
});

describe('identities on the fixtures', () => {
  it.each(loadFixtures().map((f) => [f.name, f] as const))(
    '%s: the truth satisfies every identity',
    (_, f) => {
      expect(run({ report: f.truth, spec: f.spec }, checkIdentities)).toEqual([]);
    },
  );
});

/** Table 三 of a format: its rows, and for each row its cells by column. */
function applicationsTable(spec: FormatSpec) {
  const part = spec.tables.find((t) => t.id === 'applications')?.parts[0];
  if (!part) throw new Error('no table 三');
  const keyOf = (row: string, column: number) =>
    part.rows.find((r) => r.id === row)?.cells[column]?.key as string;
  const results = part.rows.map((r) => r.id).filter((id) => !['new', 'prev', 'total', 'next'].includes(id));
  const totalColumn = part.columns.length - 1;
  return { part, keyOf, results, totalColumn, keys: part.rows.flatMap((r) => r.cells.map((c) => c.key)) };
}

/** Random tables 三 that satisfy every identity: results, 四 and 二 drawn, （七） and 一 derived. */
const validTable = (spec: FormatSpec) => {
  const { keyOf, results, totalColumn } = applicationsTable(spec);
  const column = fc.record({
    results: fc.array(fc.nat({ max: 40 }), { minLength: results.length, maxLength: results.length }),
    next: fc.nat({ max: 40 }),
    prev: fc.nat({ max: 1000 }),
  });
  return fc.array(column, { minLength: totalColumn, maxLength: totalColumn }).map((columns) => {
    const cells: Cells = zeroReport(spec).cells;
    const add = (key: string, value: number) => {
      cells[key] = ((cells[key] as number) ?? 0) + value;
    };
    columns.forEach((c, column) => {
      const total = c.results.reduce((a, b) => a + b, 0);
      const prev = c.prev % (total + c.next + 1);
      const values: [string, number][] = [
        ...results.map((row, i) => [row, c.results[i] as number] as [string, number]),
        ['total', total],
        ['next', c.next],
        ['prev', prev],
        ['new', total + c.next - prev],
      ];
      for (const [row, value] of values) {
        cells[keyOf(row, column)] = value;
        add(keyOf(row, totalColumn), value);
      }
    });
    return cells;
  });
};

describe.each([format2021, format2019])('identity property, format $id', (spec) => {
  const check = (cells: Cells) => run({ report: zeroReport(spec, { cells }), spec }, checkIdentities);
  const { keys } = applicationsTable(spec);

  it('finds nothing in any table that satisfies the identities', () => {
    fc.assert(fc.property(validTable(spec), (cells) => check(cells).length === 0));
  });

  it('reports every single changed cell of table 三 in an error', () => {
    fc.assert(
      fc.property(
        validTable(spec),
        fc.constantFrom(...keys),
        fc.integer({ min: -50, max: 50 }).filter((d) => d !== 0),
        (cells, key, delta) => {
          const findings = check({ ...cells, [key]: (cells[key] as number) + delta });
          return findings.some((f) => f.severity === 'error' && f.keys.includes(key));
        },
      ),
    );
  });
});
