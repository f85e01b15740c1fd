/** The fee tiers of 国办函〔2020〕109号, the outcomes against the spec's rows, and the cases of table 四. */
import { describe, expect, it } from 'vitest';
import { getFormat } from '../../src/spec/registry.js';
import { type Case, caseOutcomeAsOf, validateCase } from '../../src/workflow/cases.js';
import { perItemFee, perItemTotal, perPageFee, standardFee } from '../../src/workflow/fees.js';
import { outcomeName, outcomeRow, outcomes, resultRows } from '../../src/workflow/outcome.js';

describe('信息处理费', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [100, 800],
  ])('按件计收: the %ith application of the month costs %i yuan', (nth, fee) => {
    expect(perItemFee(nth)).toBe(fee);
  });

  it.each([
    [0, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [45, 5500],
  ])('按件计收: %i applications in a month cost %i yuan', (count, total) => {
    expect(perItemTotal(count)).toBe(total);
  });

  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('按量计收: %i pages cost %i yuan', (pages, fee) => {
    expect(perPageFee(pages)).toBe(fee);
    expect(standardFee('perPage', Math.max(pages, 1))).toBe(perPageFee(Math.max(pages, 1)));
  });

  it('refuses counts that are not whole', () => {
    expect(() => perItemFee(0)).toThrow('本月申请序号应为正整数，实际为 0');
    expect(() => perPageFee(2.5)).toThrow('页数应为正整数，实际为 2.5');
  });
});

describe('outcomes are the result rows of table 三', () => {
  it('2021: one outcome per row, in table order', () => {
    const spec = getFormat('2021');
    expect(resultRows(spec).map((r) => r.id)).toEqual([...outcomes]);
    expect(outcomeName(spec, 'deny.thirdParty')).toBe('4.保护第三方合法权益');
  });

  it('2019: the three （六） outcomes fall into the single 其他处理 row', () => {
    const spec = getFormat('2019');
    const rows = resultRows(spec).map((r) => r.id);
    expect(rows).toEqual([...outcomes.filter((o) => !o.startsWith('other.')), 'other']);
    for (const o of ['other.noCorrection', 'other.noFee', 'other.other'] as const)
      expect(outcomeRow(spec, o).id).toBe('other');
    expect(new Set(outcomes.map((o) => outcomeRow(spec, o).id))).toEqual(new Set(rows));
  });
});

describe('cases', () => {
  const c = (over: Partial<Case>): Case => ({
    id: 'C1',
    kind: 'review',
    filedOn: '2024-03-01',
    decidedOn: null,
    outcome: null,
    ...over,
  });
  it('are pending until decided', () => {
    const decided = c({ decidedOn: '2025-01-10', outcome: 'corrected' });
    expect(caseOutcomeAsOf(decided, '2024-12-31')).toBe('pending');
    expect(caseOutcomeAsOf(decided, '2025-01-10')).toBe('corrected');
  });
  it('refuses a decision before filing or without a result', () => {
    expect(validateCase(c({ decidedOn: '2024-02-01', outcome: 'upheld' }))[0]?.message).toBe(
      '审结日期 2024-02-01 早于收案日期 2024-03-01',
    );
    expect(() => caseOutcomeAsOf(c({ decidedOn: '2024-04-01' }), '2024-12-31')).toThrow(
      '案件 C1：已审结的案件应记录结果（结果维持、结果纠正或其他结果）',
    );
  });
});
