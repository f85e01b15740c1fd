/** The audit log's names for the fields an entry changed: as the record's own pages name them. */
import { describe, expect, it } from 'vitest';
import { auditChangeSummary, auditFieldName } from '../../src/store/audit-names.js';

describe('audit field names', () => {
  it("a case's and an application's fields are named as their forms and ledgers name them", () => {
    expect(['filedOn', 'decidedOn', 'kind', 'applicationId'].map((k) => auditFieldName(k, 'case'))).toEqual([
      '收案日期',
      '审结日期',
      '案件类型',
      '关联申请编号',
    ]);
    expect(['channel', 'requestText', 'updatedAt'].map((k) => auditFieldName(k, 'application'))).toEqual([
      '提交渠道',
      '申请内容',
      '修改时间',
    ]);
  });

  it('other records keep the names of the log; a report cell is named by its place in the tables', () => {
    expect(auditFieldName('kind', 'agency')).toBe('类型');
    expect(auditFieldName('displayName', 'user')).toBe('姓名');
    expect(auditFieldName('no-such-field')).toBe('no-such-field');
    expect(auditFieldName('p.rules.issued', 'proactive_figures')).toMatch(/规章/);
  });

  it("an entry's summary names what it changed in the record's words", () => {
    const before = { kind: 'review', filedOn: '2024-03-01', decidedOn: null };
    const after = { kind: 'direct', filedOn: '2024-03-02', decidedOn: '2024-05-01' };
    expect(auditChangeSummary({ action: 'update', entity: 'case', before, after })).toBe(
      '案件类型、收案日期、审结日期',
    );
  });

  it("a year's 表二 figures are counted, not each named by its place in the tables", () => {
    const before = { year: 2024, 'p.rules.issued': 1, 'p.license.decisions': 3, updatedAt: 'a' };
    const after = { year: 2024, 'p.rules.issued': 2, 'p.license.decisions': 4, updatedAt: 'b' };
    expect(auditChangeSummary({ action: 'set', entity: 'proactive_figures', before, after })).toBe(
      '修改时间、2 个数字',
    );
  });
});
