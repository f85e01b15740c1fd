import { describe, expect, it } from 'vitest';
import type { ProseEvidence } from '../../src/assemble/evidence.js';
import { checkProseApplications, receivedCountOf } from '../../src/check/checks/prose-applications.js';
import { checkProseLitigation } from '../../src/check/checks/prose-litigation.js';
import { breakdownsOf, checkProseProactive } from '../../src/check/checks/prose-proactive.js';
import { compactProse, sentencesOf } from '../../src/check/prose/text.js';
import type { Cells } from '../../src/core/report.js';
import { format2021 } from '../../src/spec/format-2021.js';
import { foldText } from '../../src/text/fold.js';
import {
  type Fixture,
  goodEvidence,
  loadFixture,
  loadFixtures,
  paragraph,
  proseOf,
  run,
  zeroReport,
} from './helpers.js';

const spec = format2021;
const proseChecks = [checkProseApplications, checkProseLitigation, checkProseProactive];

/** The line of a fixture that contains `needle`, as prose (folded) at its line number. */
function lineOf(fixture: Fixture, needle: string): ProseEvidence {
  const lines = fixture.text.split('\n');
  const index = lines.findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`${fixture.name} has no line with ${needle}`);
  return paragraph((lines[index] as string).trim(), index + 1);
}

/** Runs the prose checks on the given paragraphs with an all-zero table, changed by `cells`. */
function checkProse(prose: ProseEvidence[], cells: Cells = {}) {
  const report = zeroReport(spec, { cells: { ...zeroReport(spec).cells, ...cells } });
  return run({ report, spec, evidence: goodEvidence(spec, { prose }) }, ...proseChecks);
}

const codes = (findings: { code: string; line: number | null }[]) => findings.map((f) => [f.code, f.line]);

describe('prose folding and sentences', () => {
  it('folds full-width digits and removes spaces except between digits', () => {
    expect(compactProse('收到申请 １２ 件，共 3 4 条')).toBe('收到申请12件,共3 4条');
  });

  it('cuts folded prose into sentences at 。;!? and places each one at its first character', () => {
    const sentences = sentencesOf([
      { text: foldText('一。二；三  四！ 五').text, place: { line: 5, column: 3, page: 2 }, section: 2 },
    ]);
    expect(sentences.map((s) => [s.text, s.place?.line, s.place?.column])).toEqual([
      ['一', 5, 3],
      ['二', 5, 5],
      ['三四', 5, 7],
      ['五', 5, 13],
    ]);
    expect(sentences[3]).toMatchObject({ section: 2, place: { page: 2 } });
  });
});

describe('prose on applications (check.prose-applications)', () => {
  it('seed 001: 「收到政府信息公开申请0次,按照程序已公开」 with an all-zero table 三', () => {
    const fixture = loadFixture('seeds/001');
    const line = lineOf(fixture, '按照程序已公开');
    const findings = checkProse([line]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'check.prose-applications',
      severity: 'warning',
      line: 11,
      column: 15,
      keys: ['a.new.total', 'a.prev.total'],
    });
    expect(checkProse([line], { 'a.prev.np': 1, 'a.prev.total': 1 })).toEqual([]);
  });

  it.each([
    ['seeds/000', '我局未收到政府信息公开申请'],
    ['seeds/002', '未收到依申请公开事项'],
    ['seeds/004', '无政府信息依申请事项'],
  ])('%s: 「%s」 agrees with zero applications and contradicts 3', (name, needle) => {
    const line = lineOf(loadFixture(name), needle);
    expect(checkProse([line])).toEqual([]);
    const findings = checkProse([line], { 'a.new.np': 3, 'a.new.total': 3 });
    expect(codes(findings)).toEqual([['check.prose-applications', line.place?.line]]);
    expect(findings[0]).toMatchObject({ keys: ['a.new.total'], actual: '0', expected: '3' });
  });

  it('seed 000 does not count 「未收到…申请」 as a claim of litigation', () => {
    const line = lineOf(loadFixture('seeds/000'), '我局未收到政府信息公开申请');
    expect(line.text).toContain('不存在在有关政府信息公开行政复议和行政诉讼情况');
    expect(
      run(
        { report: zeroReport(spec), spec, evidence: goodEvidence(spec, { prose: [line] }) },
        checkProseLitigation,
      ),
    ).toEqual([]);
  });

  it.each([
    ['收到政府信息公开申请2件,全部按期答复。', 2],
    ['本年度全区共收到70件申请，及时依法依规办结69件', 70],
    ['2024 年，全市共受理政府信息公开申请 3119 件，答', 3119],
    ['2023年全区接收通过邮寄、网络提交的各类政府信息公开申请共计81件，涉及自然人80件', 81],
    ['全年收到公民、法人和其他组织提出的政府信息公开申请１２件', 12],
    ['2021年我收到政府信息公开申请0次,按照程序已公开', 0],
  ])('reads the count of 「%s」', (sentence, count) => {
    expect(receivedCountOf(compactProse(sentence))).toBe(count);
  });

  it.each([
    '其中收到自然人申请10件',
    '收到涉及国家秘密的申请2件',
    '上年结转申请34件',
    '收到申请较上年增加10件',
    '依申请公开信息1条',
    '收到100余件申请',
    '收到和处理政府信息公开申请情况',
  ])('reads no count of the year in 「%s」', (sentence) => {
    expect(receivedCountOf(compactProse(sentence))).toBeNull();
  });

  it('warns when the stated count differs from 本年新收', () => {
    const line = paragraph('2021年收到政府信息公开申请2件，全部按期答复。', 4);
    expect(checkProse([line], { 'a.new.np': 2, 'a.new.total': 2 })).toEqual([]);
    const findings = checkProse([line], { 'a.new.np': 3, 'a.new.total': 3 });
    expect(codes(findings)).toEqual([['check.prose-applications', 4]]);
    expect(findings[0]).toMatchObject({ keys: ['a.new.total'], actual: '2', expected: '3' });
    expect(findings[0]?.message).toBe('正文称收到政府信息公开申请 2 件，与表三「本年新收」总计 3 件不符');
  });

  it('warns about 「收到…申请0件」 when applications were received', () => {
    const findings = checkProse([paragraph('本年度收到政府信息公开申请0件。')], { 'a.new.total': 5 });
    expect(findings).toMatchObject([{ code: 'check.prose-applications', actual: '0', expected: '5' }]);
  });

  it('reads real/016 and real/011 and warns only when the table differs', () => {
    for (const [name, needle, total] of [
      ['real/016', '收到70件申请', 70],
      ['real/011', '3119', 3119],
    ] as const) {
      const line = lineOf(loadFixture(name), needle);
      expect(checkProse([line], { 'a.new.total': total })).toEqual([]);
      expect(checkProse([line], { 'a.new.total': total - 1 })).toMatchObject([
        { code: 'check.prose-applications', actual: String(total), expected: String(total - 1) },
      ]);
    }
  });

  it('does not read plans or denials as claims that applications were handled', () => {
    expect(
      checkProse([
        paragraph('进一步规范依申请公开办理流程，确保按期答复。'),
        paragraph('本年度未收到申请，无需答复。'),
        paragraph('人大代表建议政协提案复文共41件，已全部办结。'),
      ]),
    ).toEqual([]);
  });

  it('skips the checks when the table cells are blank', () => {
    expect(
      checkProse([paragraph('收到政府信息公开申请2件，已公开。')], {
        'a.new.total': null,
        'a.prev.total': null,
      }),
    ).toEqual([]);
  });
});

describe('prose on reviews and lawsuits (check.prose-litigation)', () => {
  it('seed 001: 「收到…行政复议案、行政诉讼案…的信息」 with table 四 all zero', () => {
    const line = lineOf(loadFixture('seeds/001'), '行政复议案');
    const findings = checkProse([line]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'check.prose-litigation',
      severity: 'warning',
      line: 21,
      column: 1,
      keys: ['l.review.total', 'l.direct.total', 'l.afterReview.total'],
    });
    expect(checkProse([line], { 'l.review.upheld': 1, 'l.review.total': 1 })).toEqual([]);
    expect(checkProse([line], { 'l.direct.total': null })).toEqual([]);
  });

  it.each([
    '2021年我局未收到政府信息公开申请，不存在在有关政府信息公开行政复议和行政诉讼情况。',
    '未发生因信息公开引起的行政复议和行政诉讼。',
    '收到政府信息公开申请17件，办结率100%，无行政复议、诉讼等情况。',
    '本年度发生政府信息公开行政复议0件。',
    '本报告包括总体情况、因政府信息公开申请行政复议、提起行政诉讼情况、存在的主要问题及改进情况。',
    '本报告由总体情况、被申请行政复议、提起行政诉讼情况等六部分组成。',
    '申请人如对答复不服，可以依法申请行政复议或者提起行政诉讼。',
  ])('makes no claim in 「%s」', (sentence) => {
    const evidence = goodEvidence(spec, { prose: [paragraph(sentence)] });
    expect(run({ report: zeroReport(spec), spec, evidence }, checkProseLitigation)).toEqual([]);
  });

  it('warns for 「因政府信息公开引起的行政复议案件2件」 with table 四 all zero', () => {
    expect(
      codes(checkProse([paragraph('因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。', 9)])),
    ).toEqual([['check.prose-litigation', 9]]);
  });
});

describe('breakdowns of proactive disclosure (check.prose-proactive-sum)', () => {
  it('seed 002: 187 with comparisons 「比上年增加…」 left out', () => {
    const line = lineOf(loadFixture('seeds/002'), '主动公开政府信息187条');
    expect(breakdownsOf(line.text)).toEqual([{ total: 187, parts: [5, 5, 11, 137, 7, 22] }]);
    expect(checkProse([line])).toEqual([]);
    const wrong = { ...line, text: line.text.replace('187条', '188条') };
    expect(checkProse([wrong])).toMatchObject([
      {
        code: 'check.prose-proactive-sum',
        severity: 'warning',
        line: line.place?.line,
        actual: '187',
        expected: '188',
      },
    ]);
  });

  it('seed 004: 16 with spaces inside 「16 条」', () => {
    const line = lineOf(loadFixture('seeds/004'), '主动公开政府信息数');
    expect(breakdownsOf(line.text)).toEqual([{ total: 16, parts: [1, 1, 1, 4, 9] }]);
    expect(checkProse([line])).toEqual([]);
  });

  it('seed 001: 2715 across 。 and ；, parts counted in 条 and 篇', () => {
    const line = lineOf(loadFixture('seeds/001'), '2715条');
    expect(breakdownsOf(line.text)).toEqual([
      { total: 2715, parts: [672, 43, 289, 46, 130, 20, 85, 96, 16, 10, 1308] },
    ]);
    expect(checkProse([line])).toEqual([]);
  });

  it('real/014: 2599 announced, the parts in brackets add to 2533', () => {
    const fixture = loadFixture('real/014');
    const line = lineOf(fixture, '共公布政府信息2599条');
    const findings = checkProse([line], fixture.truth.cells);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'check.prose-proactive-sum',
      severity: 'warning',
      actual: '2533',
      expected: '2599',
      keys: [],
    });
  });

  it('leaves out single parts, approximate parts and sub-breakdowns in brackets', () => {
    expect(breakdownsOf('主动公开政府信息500条，其中政策解读20条。')).toEqual([]);
    expect(breakdownsOf('主动公开政府信息500条，其中政务动态300余条，通知公告100条。')).toEqual([]);
    expect(breakdownsOf('公开政府信息30条（其中规划10条，预决算20条（部门8条、政府12条））。')).toEqual([
      { total: 30, parts: [10, 20] },
    ]);
    expect(breakdownsOf('主动公开政府信息30条。工作动态10条，通知20条。')).toEqual([]);
  });
});

describe('prose checks on every fixture (one line = one paragraph)', () => {
  const expected: Record<string, [string, number][]> = {
    'seeds/001_51a7ac9068d409eb': [
      ['check.prose-applications', 11],
      ['check.prose-litigation', 21],
    ],
    'real/014': [['check.prose-proactive-sum', 10]],
  };
  it.each(loadFixtures().map((f) => [f.name, f] as const))('%s', (name, fixture) => {
    const { prose } = proseOf(fixture.text, fixture.spec);
    const findings = run(
      { report: fixture.truth, spec: fixture.spec, evidence: goodEvidence(fixture.spec, { prose }) },
      ...proseChecks,
    );
    expect(codes(findings)).toEqual(expected[name] ?? []);
  });
});
