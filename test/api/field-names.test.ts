/**
 * The register's fields by their Chinese names, from one source: the ledgers' columns (which the
 * export writes, the import reads and the forms show), the form's names of the dates of receipt and
 * of an event's members. Every field of the register's bodies has one, so no message names a key.
 */
import { describe, expect, it } from 'vitest';
import {
  applicationPatchBody,
  casePatchBody,
  eventSchema,
  newApplicationBody,
  newCaseBody,
} from '../../src/api/schemas.js';
import { eventFieldName } from '../../src/workflow/application.js';
import { caseFieldName, caseLedgerColumns } from '../../src/workflow/cases-ledger.js';
import { applicationFieldName, ledgerColumnName, ledgerColumns } from '../../src/workflow/ledger.js';

const keysOf = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

describe('field names', () => {
  it('names every field of an application, a case and an event', () => {
    for (const key of [...keysOf(newApplicationBody), ...keysOf(applicationPatchBody)])
      expect(applicationFieldName(key), key).toMatch(/^\p{Script=Han}/u);
    for (const key of [...keysOf(newCaseBody), ...keysOf(casePatchBody)])
      expect(caseFieldName(key), key).toMatch(/^\p{Script=Han}/u);
    for (const option of eventSchema.options)
      for (const key of keysOf(option)) expect(eventFieldName(key), key).toMatch(/^\p{Script=Han}/u);
  });

  it('takes the names from the ledgers’ columns, and the dates of receipt from the form', () => {
    expect(caseFieldName('filedOn')).toBe('收案日期');
    expect(caseFieldName('applicationId')).toBe('关联申请编号');
    expect(caseFieldName('agencyId')).toBe('机关');
    expect(applicationFieldName('submittedOn')).toBe('提交日期');
    expect(applicationFieldName('events')).toBe('办理过程');
    expect(applicationFieldName('signedForOn')).toBe('签收日期');
    expect(applicationFieldName('confirmedOn')).toBe('确认日期');
    // The ledger keeps both dates of receipt in one column: the import names that.
    expect(ledgerColumnName('signedForOn')).toBe('收到日期');
    expect(ledgerColumnName('confirmedOn')).toBe('收到日期');
    for (const [key, name] of ledgerColumns) expect(ledgerColumnName(key)).toBe(name);
    for (const [key, name] of caseLedgerColumns) expect(caseFieldName(key)).toBe(name);
    for (const unknown of ['nope', 'constructor', 'toString']) {
      expect(applicationFieldName(unknown)).toBeUndefined();
      expect(caseFieldName(unknown)).toBeUndefined();
      expect(eventFieldName(unknown)).toBeUndefined();
    }
  });
});
