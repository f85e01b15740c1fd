/**
 * The 复议诉讼台账 reads back (src/workflow/cases-ledger.ts): any valid case — of each kind, pending
 * or decided with each result, numbered or not, linked to an application or not — written as a
 * ledger row, through CSV text with the keys or the Chinese names as headings, is read as the same
 * case, and the case API's rules (`validateCase`) find nothing wrong with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/corpus/export/csv.js';
import { parseDelimited } from '../../src/text/csv.js';
import type { IsoDate } from '../../src/workflow/calendar/date.js';
import { caseKinds, caseOutcomes, validateCase } from '../../src/workflow/cases.js';
import {
  type CaseLedgerKey,
  caseLedgerColumns,
  caseLedgerHeader,
  caseLedgerRow,
  caseOfRow,
} from '../../src/workflow/cases-ledger.js';

const day = (from: number, plus: number): IsoDate =>
  new Date(from + plus * 86_400_000).toISOString().slice(0, 10) as IsoDate;
const start = Date.UTC(2008, 0, 1);
/** Numbers as the API takes them (src/api/schemas.ts recordId). */
const numbers = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/);

const cases = fc.record({
  kind: fc.constantFrom(...caseKinds),
  filed: fc.integer({ min: 0, max: 365 * 30 }),
  decided: fc.option(
    fc.record({ after: fc.integer({ min: 0, max: 1000 }), outcome: fc.constantFrom(...caseOutcomes) }),
  ),
  number: fc.option(numbers),
  applicationNumber: fc.option(numbers),
});

describe('the cases’ ledger reads back', () => {
  it('every valid case, with the keys or the Chinese names as headings', () => {
    fc.assert(
      fc.property(cases, fc.boolean(), (c, chineseHeadings) => {
        const filedOn = day(start, c.filed);
        const decidedOn = c.decided ? day(start, c.filed + c.decided.after) : null;
        const outcome = c.decided?.outcome ?? null;
        const row = caseLedgerRow({
          number: c.number ?? '',
          agencyName: '某机关',
          kind: c.kind,
          filedOn,
          decidedOn,
          outcome,
          applicationNumber: c.applicationNumber,
        });
        const headings = caseLedgerColumns.map(([key, chinese]) => (chineseHeadings ? chinese : key));
        const [header, values] = parseDelimited(csvLine(headings) + csvLine(row)) as [string[], string[]];
        const keys = caseLedgerHeader(header);
        if (!keys.ok) throw new Error(keys.message);
        const read = caseOfRow(new Map(keys.keys.map((k, i) => [k as CaseLedgerKey, values[i] ?? ''])));
        if (!read.ok) throw new Error(read.messages.join('；'));
        expect(read.case).toEqual({
          ...(c.number !== null ? { number: c.number } : {}),
          kind: c.kind,
          filedOn,
          decidedOn,
          outcome,
          ...(c.applicationNumber !== null ? { applicationId: c.applicationNumber } : {}),
        });
        expect(validateCase({ ...read.case, id: 'x' })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
