import { describe, expect, it } from 'vitest';
import { checks, runChecks } from '../../src/check/index.js';
import { SourceFile } from '../../src/core/source-file.js';
import { format2019 } from '../../src/spec/format-2019.js';
import { format2021 } from '../../src/spec/format-2021.js';
import { goodEvidence, loadFixtures, paragraph, summary, zeroReport } from './helpers.js';

describe('runChecks', () => {
  it('registers every check once', () => {
    expect(checks).toHaveLength(13);
    expect(new Set(checks).size).toBe(checks.length);
  });

  it.each([format2021, format2019])(
    'finds nothing in a valid all-zero $id report with good evidence',
    (spec) => {
      const file = new SourceFile('ok.txt');
      runChecks({ report: zeroReport(spec), spec, evidence: goodEvidence(spec) }, file);
      expect(file.findings).toEqual([]);
    },
  );

  it('runs the checks that need no evidence on a report loaded from JSON', () => {
    const spec = format2019;
    const report = zeroReport(spec, {
      year: 2021,
      signedOn: '2022-02-10',
      cells: { ...zeroReport(spec).cells, 'l.review.upheld': 1, 'p.rules.made': -1 },
    });
    const file = new SourceFile('report.json');
    runChecks({ report, spec }, file);
    expect(summary(file.findings)).toEqual([
      'error check.format-year',
      'error check.negative',
      'error check.litigation-sum',
      'warning check.late',
    ]);
    expect(file.findings.every((f) => f.line === null)).toBe(true);
  });

  it('gives every finding a check.* code and a Chinese message', () => {
    const spec = format2021;
    const evidence = goodEvidence(spec, {
      headings: [],
      announcedParts: { count: 7, place: null },
      balanceNote: false,
      labelVariants: [{ official: '社会公益组织', found: '社会组织', place: null, keys: ['a.new.ngo'] }],
      prose: [paragraph('主动公开政府信息10条，其中通知5条，公告4条。收到政府信息公开申请3件，已全部答复。')],
    });
    const report = zeroReport(spec, { year: null, publishedOn: '2030-01-01' });
    const file = new SourceFile('x.txt');
    runChecks({ report, spec, evidence }, file);
    expect(summary(file.findings)).toEqual([
      'info check.format-year',
      'warning check.section-missing',
      'warning check.parts-announced',
      'warning check.label-variant',
      'warning check.balance-note-missing',
      'warning check.prose-applications',
      'warning check.prose-proactive-sum',
    ]);
    for (const f of file.findings) {
      expect(f.code).toMatch(/^check\.[a-z-]+$/);
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it.each(loadFixtures().map((f) => [f.name, f] as const))(
    '%s: the truth alone gives only date warnings',
    (_, f) => {
      const file = new SourceFile(f.name);
      runChecks({ report: f.truth, spec: f.spec }, file);
      // real/011 is a people's government's report without 工作考核、社会评议、责任追究 (条例第五十条);
      // so are 平潭综合实验区's (014, 016, 018: a zone's 管委会 reports as its government, by 31 March).
      const article50 = ['real/011', 'real/014', 'real/016', 'real/018'].includes(f.name)
        ? ['warning check.article-50']
        : [];
      expect(summary(file.findings)).toEqual(article50);
    },
  );
});
