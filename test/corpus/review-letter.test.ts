/**
 * 核查意见 (reviewLetter): the letter to a body about its report, as Markdown (exact text) and DOCX;
 * which findings it names where (errors, points to verify, what was not read, grouped); the timing
 * against the deadline; and, as a property, every finding the letter should name named exactly once
 * in its part, and nothing else.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type Finding, makeFinding, type Severity } from '../../src/core/finding.js';
import type { CrossFinding } from '../../src/corpus/checks/types.js';
import { letterFile, letterFileName, lettersZip } from '../../src/corpus/letters/files.js';
import {
  type LetterSubject,
  letterFindings,
  letterHasProblems,
  reviewLetter,
} from '../../src/corpus/letters/review-letter.js';
import { renderPlainMarkdown } from '../../src/render/markdown/plain.js';
import { bodyParagraphs, tables, textOf } from '../render/docx/helpers.js';

const report = (extra: Partial<LetterSubject['report']> = {}): LetterSubject['report'] => ({
  id: 7,
  agency: '泉州市洛江区财政局',
  year: 2025,
  version: 1,
  format: '2021',
  publishedOn: '2026-01-20',
  signedOn: '2026-01-15',
  deadline: '2026-01-31',
  file: '洛江区财政局-2025.txt',
  ...extra,
});

const cross = (f: Finding, reportId = 7): CrossFinding => ({
  ...f,
  file: 'x.txt',
  agency: '泉州市洛江区财政局',
  year: 2025,
  reportId,
});

const sample: LetterSubject = {
  report: report({ publishedOn: '2026-02-10' }),
  findings: [
    makeFinding('error', 'check.row-sum', '「（七）总计」自然人列为 5，各项之和为 4', {
      place: { line: 40, column: 1 },
      keys: ['a.total.np'],
    }),
    makeFinding('warning', 'check.section-missing', '缺少第六部分「其他需要报告的事项」'),
    makeFinding('warning', 'check.late', '发布日期晚于期限'),
    makeFinding('info', 'assemble.format-guessed', '按年度判断为 2021 年版格式'),
    makeFinding('warning', 'assemble.blank-cell', '「1.属于国家秘密」有 7 个单元格空白，记为空值', {
      keys: ['a.deny.secret.np', 'a.deny.secret.biz'],
    }),
  ],
  cross: [
    cross(
      makeFinding(
        'error',
        'corpus.carry-over',
        '表三「二、上年结转政府信息公开申请数量」自然人为 2，但 2024 年度报告「四、结转下年度继续办理」自然人为 1',
        { keys: ['a.prev.np', 'a.next.np'] },
      ),
    ),
    cross(makeFinding('info', 'corpus.missing-year', '报告库中没有该机关 2023 年度的报告')),
  ],
};

describe('核查意见 (reviewLetter)', () => {
  it('writes the timing, the errors and the points to verify with their places, and what was not read', () => {
    expect(renderPlainMarkdown(reviewLetter(sample, '2026-03-02'))).toBe(
      [
        '# 关于泉州市洛江区财政局2025年政府信息公开工作年度报告的核查意见',
        '',
        '泉州市洛江区财政局：',
        '',
        '按照《中华人民共和国政府信息公开条例》第四十九条、第五十条和年度报告格式（国办公开办函〔2021〕30号），对你单位发布的《泉州市洛江区财政局2025年政府信息公开工作年度报告》进行了核查，并与你单位其他年度的报告作了比对。现将核查意见告知如下。',
        '',
        '## 一、发布情况',
        '',
        '报告发布日期为2026年2月10日，落款日期为2026年1月15日，晚于《中华人民共和国政府信息公开条例》第四十九条规定的期限（2026年1月31日） 10 天。',
        '',
        '## 二、报告中的错误',
        '',
        '发现2处错误（表格数字不符合勾稽关系、缺少规定的部分等），请逐项更正：',
        '',
        '| 序号 | 问题 | 位置 | 说明 |',
        '|:---:|:---|:---|:---|',
        '| 1 | 合计与各项之和不符 | 表三「三、本年度办理结果/（七）总计」行「自然人」列 | 「（七）总计」自然人列为 5，各项之和为 4 |',
        '| 2 | 结转数与上年不符 | 表三「二、上年结转政府信息公开申请数量」行「自然人」列、表三「四、结转下年度继续办理」行「自然人」列 | 表三「二、上年结转政府信息公开申请数量」自然人为 2，但 2024 年度报告「四、结转下年度继续办理」自然人为 1 |',
        '',
        '## 三、需要核实的问题',
        '',
        '以下1处内容可能有误，请逐项核实：',
        '',
        '| 序号 | 问题 | 位置 | 说明 |',
        '|:---:|:---|:---|:---|',
        '| 1 | 缺少部分 | — | 缺少第六部分「其他需要报告的事项」 |',
        '',
        '## 四、整改要求',
        '',
        '请对上述问题逐项核实，确有错误的，更正后重新发布，并于【待补充：日期】前将整改情况报送【待补充：单位】。',
        '',
        '（核对提示，印发前删去：报告中有1处内容没有读出数字或读取有疑问（如单元格空白、数字连写无法拆分、扫描不清），以上核查未涵盖，请对照原文核对。）',
        '',
        '| 序号 | 问题 | 位置 | 说明 |',
        '|:---:|:---|:---|:---|',
        '| 1 | 单元格空白 | 表三「三、本年度办理结果/（三）不予公开/1.属于国家秘密」行「自然人」列、表三「三、本年度办理结果/（三）不予公开/1.属于国家秘密」行「法人或其他组织/商业企业」列 | 「1.属于国家秘密」有 7 个单元格空白，记为空值 |',
        '',
        '【待补充：发文机关】',
        '',
        '2026年3月2日',
        '',
        '（以上意见按报告库中的报告（洛江区财政局-2025.txt，第 1 版）于2026年3月2日自动核查生成，印发前请核对。）',
        '',
      ].join('\n'),
    );
  });

  it('says so when the report was in time and nothing was found; then there is nothing to correct', () => {
    const clean: LetterSubject = { report: report(), findings: [], cross: [] };
    const text = renderPlainMarkdown(reviewLetter(clean, '2026-03-02', { comparedWithOthers: true }));
    expect(text.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## 一、发布情况',
      '## 二、核查结果',
    ]);
    expect(text).toContain('并与你单位其他年度的报告及同年度其他机关的报告作了比对。');
    expect(text).toContain(
      '报告发布日期为2026年1月20日，落款日期为2026年1月15日，在《中华人民共和国政府信息公开条例》第四十九条规定的期限（2026年1月31日）内发布。',
    );
    expect(text).toContain('报告的表格数字、规定的部分和正文与表格的一致性均未发现问题。');
    expect(text).not.toContain('整改要求');
    expect(letterHasProblems(clean)).toBe(false);
  });

  it('asks an undated report to be dated, and a report of no known deadline says so', () => {
    const undated: LetterSubject = {
      report: report({ publishedOn: null, signedOn: null }),
      findings: [],
      cross: [],
    };
    const text = renderPlainMarkdown(reviewLetter(undated, '2026-03-02'));
    expect(text).toContain(
      '报告既未注明发布日期，也没有落款日期，无法判断是否在《中华人民共和国政府信息公开条例》第四十九条规定的期限（2026年1月31日）内发布，请在报告中注明。',
    );
    expect(text).toContain('## 三、整改要求');
    expect(letterHasProblems(undated)).toBe(true);
    const noDeadline = renderPlainMarkdown(
      reviewLetter({ report: report({ deadline: null }), findings: [], cross: [] }, '2026-03-02'),
    );
    expect(noDeadline).toContain('报告的年度或机关类型未能确定，未核查发布期限。');
    // The file's own name, not where the ingesting machine had it or the zip it came in.
    const zipped = renderPlainMarkdown(
      reviewLetter(
        { report: report({ file: '/data/收集/2025.zip!洛江区/财政局.pdf' }), findings: [], cross: [] },
        '2026-03-02',
      ),
    );
    expect(zipped).toContain(
      '（以上意见按报告库中的报告（财政局.pdf，第 1 版）于2026年3月2日自动核查生成，印发前请核对。）',
    );
  });

  it('tells many findings of one code that was not read as one line', () => {
    const blanks = [
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及“三安全一稳定”',
      '4.保护第三方合法权益',
    ].map((row, i) =>
      makeFinding('warning', 'assemble.blank-cell', `「${row}」有 7 个单元格空白，记为空值`, {
        keys: [`a.deny.${['secret', 'law', 'security', 'thirdParty'][i]}.np`, 'l.review.total'],
      }),
    );
    const text = renderPlainMarkdown(
      reviewLetter({ report: report(), findings: blanks, cross: [] }, '2026-03-02'),
    );
    expect(text).toContain(
      '| 1 | 单元格空白 | 表三的 4 个、表四的 1 个单元格 | 「1.属于国家秘密」有 7 个单元格空白，记为空值，等 4 处 |',
    );
    expect(text).toContain('报告中有4处内容没有读出数字或读取有疑问');
  });

  it('lays the letter out as a DOCX and names files for the body and year; a batch is a ZIP of them', () => {
    const bytes = letterFile(sample, '2026-03-02', 'docx') as Uint8Array;
    expect(letterFile(sample, '2026-03-02', 'docx')).toEqual(bytes);
    const document = strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array);
    const texts = bodyParagraphs(document).map(textOf);
    expect(texts.slice(0, 2)).toEqual(['关于泉州市洛江区财政局2025年政府信息公开', '工作年度报告的核查意见']);
    expect(texts.filter((t) => /^[一二三四]、/.test(t))).toEqual([
      '一、发布情况',
      '二、报告中的错误',
      '三、需要核实的问题',
      '四、整改要求',
    ]);
    expect(tables(document).map((rows) => rows.length)).toEqual([3, 2, 2]);
    // 发文机关署名 (to be filled in), 成文日期, then the note (附注).
    expect(texts.slice(-3)).toEqual([
      '【待补充：发文机关】',
      '2026年3月2日',
      '（以上意见按报告库中的报告（洛江区财政局-2025.txt，第 1 版）于2026年3月2日自动核查生成，印发前请核对。）',
    ]);
    expect(letterFileName(sample, 'docx')).toBe('泉州市洛江区财政局2025年度报告核查意见.docx');
    expect(letterFileName({ ...sample, report: report({ agency: 'A/B: C' }) }, 'md')).toBe(
      'A_B_C2025年度报告核查意见.md',
    );
    const twin = { ...sample, report: report({ id: 9 }) };
    const zip = unzipSync(lettersZip([sample, twin], '2026-03-02', 'md'));
    expect(Object.keys(zip)).toEqual([
      '核查意见清单.csv',
      '泉州市洛江区财政局2025年度报告核查意见.md',
      '泉州市洛江区财政局2025年度报告核查意见-9.md',
    ]);
    expect(strFromU8(zip['泉州市洛江区财政局2025年度报告核查意见.md'] as Uint8Array)).toBe(
      letterFile(sample, '2026-03-02', 'md'),
    );
  });
});

const severities: Severity[] = ['error', 'warning', 'info'];
const codes = [
  'check.row-sum',
  'check.balance',
  'check.late',
  'check.section-missing',
  'assemble.blank-cell',
  'assemble.split-ambiguous',
  'read.ocr-doubt',
];
const crossCodes = [
  'corpus.carry-over',
  'corpus.copied-text',
  'corpus.jump',
  'corpus.missing-year',
  'corpus.changed',
];

describe('核查意见: which findings it names', () => {
  it('names every check and comparison once in its part, what was not read apart, and nothing else', () => {
    const finding = (pool: string[]) =>
      fc
        .record({ code: fc.constantFrom(...pool), severity: fc.constantFrom(...severities), n: fc.nat(999) })
        .map(({ code, severity, n }) => makeFinding(severity, code, `问题 ${n}`));
    fc.assert(
      fc.property(
        fc.array(finding(codes), { maxLength: 12 }),
        fc.array(finding(crossCodes), { maxLength: 6 }),
        (own, others) => {
          const subject: LetterSubject = {
            report: report(),
            findings: own,
            cross: others.map((f) => cross(f)),
          };
          const { errors, toVerify, unread } = letterFindings(subject);
          const reading = (f: Finding) => /^(read|assemble)\./.test(f.code);
          const named = [
            ...own.filter((f) => !reading(f) && f.code !== 'check.late' && f.severity !== 'info'),
            ...others.filter((f) =>
              ['corpus.carry-over', 'corpus.copied-text', 'corpus.jump'].includes(f.code),
            ),
          ];
          expect([...errors, ...toVerify].map((f) => f.message).sort()).toEqual(
            named.map((f) => f.message).sort(),
          );
          expect(errors.every((f) => f.severity === 'error')).toBe(true);
          expect(unread.map((f) => f.message).sort()).toEqual(
            own
              .filter((f) => reading(f) && f.severity !== 'info')
              .map((f) => f.message)
              .sort(),
          );
          // Each named finding's message is in the letter, in the table of its part.
          const text = renderPlainMarkdown(reviewLetter(subject, '2026-03-02'));
          for (const f of [...errors, ...toVerify]) expect(text).toContain(`| ${f.message} |`);
          expect(letterHasProblems(subject)).toBe(errors.length + toVerify.length + unread.length > 0);
        },
      ),
    );
  });
});
