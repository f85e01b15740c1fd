import { describe, expect, it } from 'vitest';
import type { HeadingEvidence } from '../../src/assemble/evidence.js';
import { checkPartsAnnounced } from '../../src/check/checks/parts-announced.js';
import { checkSections } from '../../src/check/checks/sections.js';
import { format2021 } from '../../src/spec/format-2021.js';
import { goodEvidence, loadFixture, proseOf, run, summary, zeroReport } from './helpers.js';

const spec = format2021;
const headings = goodEvidence(spec).headings;
const at = (n: number) => headings[n - 1] as HeadingEvidence;
const check = (list: HeadingEvidence[]) =>
  run({ report: zeroReport(spec), spec, evidence: goodEvidence(spec, { headings: list }) }, checkSections);

describe('sections', () => {
  it('accepts the six parts in order', () => {
    expect(check(headings)).toEqual([]);
  });

  it('needs evidence', () => {
    expect(run({ report: zeroReport(spec), spec }, checkSections, checkPartsAnnounced)).toEqual([]);
  });

  it('warns for a missing part', () => {
    const findings = check(headings.filter((h) => h.number !== 5));
    expect(summary(findings)).toEqual(['warning check.section-missing']);
    expect(findings[0]).toMatchObject({ message: '缺少第五部分「存在的主要问题及改进情况」', line: null });
  });

  it('warns once when no heading was found at all', () => {
    expect(summary(check([]))).toEqual(['warning check.section-missing']);
  });

  it('warns for a part that appears twice, at the second heading', () => {
    const again = { ...at(3), place: { line: 99, column: 1 } };
    const findings = check([...headings.slice(0, 3), again, ...headings.slice(3)]);
    expect(summary(findings)).toEqual(['warning check.section-duplicate']);
    expect(findings[0]).toMatchObject({ line: 99, message: '第三部分标题重复出现（首次出现在第 30 行）' });
  });

  it('warns for a part out of order', () => {
    const findings = check([at(1), at(3), at(2), at(4), at(5), at(6)]);
    expect(summary(findings)).toEqual(['warning check.section-order']);
    expect(findings[0]).toMatchObject({
      line: 20,
      message: '第二部分出现在第三部分之后，顺序与规定格式不符',
    });
  });

  it('finds the parts of the seeds: 001 lacks 六', () => {
    for (const [name, expected] of [
      ['seeds/000', []],
      ['seeds/001', ['warning check.section-missing']],
      ['seeds/002', []],
      ['seeds/003', []],
      ['seeds/004', []],
    ] as const) {
      const fixture = loadFixture(name);
      const evidence = goodEvidence(fixture.spec, proseOf(fixture.text, fixture.spec));
      expect(summary(run({ report: fixture.truth, spec: fixture.spec, evidence }, checkSections))).toEqual(
        expected,
      );
    }
  });
});

describe('announced number of parts', () => {
  const announce = (count: number, list = headings) =>
    run(
      {
        report: zeroReport(spec),
        spec,
        evidence: goodEvidence(spec, {
          headings: list,
          announcedParts: { count, place: { line: 3, column: 5 } },
        }),
      },
      checkPartsAnnounced,
    );

  it('accepts 六个部分 with six parts, and no announcement', () => {
    expect(announce(6)).toEqual([]);
    expect(
      run({ report: zeroReport(spec), spec, evidence: goodEvidence(spec) }, checkPartsAnnounced),
    ).toEqual([]);
  });

  it('warns when the preface announces more or fewer parts than found', () => {
    const more = announce(7);
    expect(summary(more)).toEqual(['warning check.parts-announced']);
    expect(more[0]).toMatchObject({ line: 3, column: 5, actual: '6', expected: '7' });
    expect(announce(6, headings.slice(0, 5))[0]).toMatchObject({ actual: '5', expected: '6' });
  });

  it('warns for seed 002 (共7部分, six found)', () => {
    const fixture = loadFixture('seeds/002');
    const line = fixture.text.split('\n').findIndex((l) => l.includes('共7部分')) + 1;
    const evidence = goodEvidence(fixture.spec, {
      ...proseOf(fixture.text, fixture.spec),
      announcedParts: { count: 7, place: { line, column: 1 } },
    });
    const findings = run({ report: fixture.truth, spec: fixture.spec, evidence }, checkPartsAnnounced);
    expect(summary(findings)).toEqual(['warning check.parts-announced']);
    expect(findings[0]).toMatchObject({ line: 7, message: '报告开头称共 7 个部分，正文实际有 6 个部分' });
  });
});
