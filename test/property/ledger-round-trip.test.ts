/**
 * The 办理台账 reads back (src/workflow/ledger-import.ts): any valid application written as a
 * ledger row (ledger.ts), through CSV text, is read as the same record — its applicant, dates of
 * receipt, request and every event, for every result and every year's format names of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/corpus/export/csv.js';
import { parseDelimited } from '../../src/text/csv.js';
import { receiptRule } from '../../src/workflow/channel.js';
import { type LedgerKey, ledgerColumns, ledgerRow } from '../../src/workflow/ledger.js';
import { applicationOfRow, ledgerHeader } from '../../src/workflow/ledger-import.js';
import { simulateApplications } from '../workflow/simulate.js';

/** Text as the API takes it: no control characters (line breaks kept where `lines`). */
const printable = (s: string, lines: boolean) =>
  [...s]
    .filter((c) => {
      const code = c.charCodeAt(0);
      return (code >= 0x20 && code !== 0x7f) || (lines && (c === '\n' || c === '\t'));
    })
    .join('')
    .trim();
const texts = fc.string({ maxLength: 30 }).map((s) => printable(s, false));

describe('the ledger reads back', () => {
  it('every simulated application, with names, contacts and requests of any text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(2020, 2021, 2024),
        texts,
        texts,
        fc.string({ maxLength: 60 }).map((s) => printable(s, true)),
        fc.boolean(),
        (seed, year, name, contact, request, chineseHeadings) => {
          for (const { app } of simulateApplications(seed, year, 3)) {
            const receivedOn =
              receiptRule[app.channel] === 'submittedOn'
                ? app.submittedOn
                : ((receiptRule[app.channel] === 'signedForOn' ? app.signedForOn : app.confirmedOn) ?? null);
            const row = ledgerRow({
              ...app,
              number: `${year}-001`,
              agencyName: '某机关',
              applicantName: name,
              applicantContact: contact,
              delivery: '',
              requestText: request,
              receivedOn,
              state: { statusName: '已答复', dueOn: null, closedOn: null, answeredLate: null },
            });
            const headings = ledgerColumns.map(([key, chinese]) => (chineseHeadings ? chinese : key));
            const [header, values] = parseDelimited(csvLine(headings) + csvLine(row)) as [string[], string[]];
            const keys = ledgerHeader(header);
            if (!keys.ok) throw new Error(keys.message);
            const read = applicationOfRow(
              new Map(keys.keys.map((k, i) => [k as LedgerKey, values[i] ?? ''])),
            );
            if (!read.ok) throw new Error(read.messages.join('；'));
            const got = read.application;
            expect(got.applicant).toBe(app.applicant);
            expect(got.channel).toBe(app.channel);
            expect(got.submittedOn).toBe(app.submittedOn);
            expect(got.signedForOn ?? null).toBe(
              receiptRule[app.channel] === 'signedForOn' ? receivedOn : null,
            );
            expect(got.confirmedOn ?? null).toBe(
              receiptRule[app.channel] === 'confirmedOn' ? receivedOn : null,
            );
            expect(got.applicantName ?? '').toBe(name);
            expect(got.applicantContact ?? '').toBe(contact);
            expect(got.requestText ?? '').toBe(request);
            expect(got.events).toEqual(app.events);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
