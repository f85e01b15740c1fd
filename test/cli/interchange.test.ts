import { describe, expect, it } from 'vitest';
import { findingToJson, fullCells, interchangeJson, toInterchange } from '../../src/cli/interchange.js';
import { makeFinding } from '../../src/core/finding.js';
import type { ReportResult } from '../../src/core/report.js';
import { cellKeys, getFormat } from '../../src/spec/registry.js';

const report: ReportResult = {
  format: '2019',
  agency: '某某市教育局',
  year: 2019,
  publishedOn: null,
  signedOn: '2020-01-15',
  cells: { 'a.new.np': 16, 'p.rules.made': 0, 'not.a.key': 5 },
  sections: [{ number: 2, title: '二、主动公开政府信息情况', text: '正文', line: 12 }],
  findings: [
    makeFinding('error', 'assemble.split-ambiguous', '无法确定', {
      place: { line: 3, column: 7, page: 2 },
      keys: ['a.new.np'],
      actual: '1153',
      note: '说明',
    }),
  ],
};

describe('interchange JSON', () => {
  it('has its members in the contract order', () => {
    expect(Object.keys(toInterchange('x.txt', report))).toEqual([
      'file',
      'format',
      'agency',
      'year',
      'publishedOn',
      'signedOn',
      'cells',
      'sections',
      'findings',
    ]);
  });

  it('lists every cell key of the format in codebook order, null where nothing was read', () => {
    const cells = fullCells('2019', report.cells);
    expect(Object.keys(cells)).toEqual(cellKeys(getFormat('2019')));
    expect(Object.keys(cells)).toHaveLength(198);
    expect(cells['a.new.np']).toBe(16);
    expect(cells['p.rules.made']).toBe(0);
    expect(cells['p.rules.published']).toBeNull();
    expect('not.a.key' in cells).toBe(false);
  });

  it('writes sections and findings with fixed members', () => {
    const json = toInterchange('x.txt', report);
    expect(json.sections).toEqual([{ number: 2, title: '二、主动公开政府信息情况', text: '正文', line: 12 }]);
    expect(json.findings).toEqual([
      {
        code: 'assemble.split-ambiguous',
        severity: 'error',
        message: '无法确定',
        line: 3,
        column: 7,
        keys: ['a.new.np'],
        page: 2,
        actual: '1153',
        note: '说明',
      },
    ]);
    expect(Object.keys(findingToJson(makeFinding('info', 'a.b', 'c')))).toEqual([
      'code',
      'severity',
      'message',
      'line',
      'column',
      'keys',
    ]);
  });

  it('writes the line of parse --json as JSON.stringify of the object would, byte for byte', () => {
    const odd: ReportResult = {
      ...report,
      agency: '「引号"与\\反斜杠\n',
      cells: { ...report.cells, 'a.new.total': -0, 'p.rules.published': Number.NaN, 'a.new.np': 1.25e21 },
      findings: [],
    };
    // Cells that already hold every key in codebook order, as assembled reports' do.
    const full = { ...odd, cells: fullCells('2019', odd.cells) };
    for (const r of [report, odd, full, { ...report, format: '2021' as const }])
      expect(interchangeJson('目录/x "y".txt', r)).toBe(JSON.stringify(toInterchange('目录/x "y".txt', r)));
  });
});
