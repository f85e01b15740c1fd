/**
 * check.placeholder: template text left in a report is an error at its place — a short bracket
 * naming what is missing, the compiled draft's long 【待补充：…】, ×× and XX — and brackets that
 * are not placeholders (【打印本页】, a long title that mentions 填写) are left alone.
 */
import { expect, it } from 'vitest';
import { checkPlaceholders } from '../../src/check/checks/placeholders.js';
import { SourceFile } from '../../src/core/source-file.js';
import { getFormat } from '../../src/spec/registry.js';
import { zeroReport } from './helpers.js';

const spec = getFormat('2021');

function found(text: string) {
  const file = new SourceFile('r.txt', text);
  checkPlaceholders({ report: zeroReport(spec), spec }, file);
  return file.findings.map((f) => `${f.severity} ${f.line}:${f.column} ${f.actual}`);
}

it('finds short brackets, the draft’s long 【待补充：…】, ×× and XX, each at its place', () => {
  expect(
    found(
      [
        '本年度收到申请【待填】件。',
        '【待补充：主动公开、政府信息管理、平台建设、监督保障等方面的工作情况。】',
        '由××局负责，联系人XX。',
        '【请填写：本机关名称】',
      ].join('\n'),
    ),
  ).toEqual([
    'error 1:8 【待填】',
    'error 2:1 【待补充：主动公开、政府信息管理、平台建设、监督保障等方面的工作情况。】',
    'error 3:2 ××',
    'error 3:11 XX',
    'error 4:1 【请填写：本机关名称】',
  ]);
});

it('leaves other brackets alone, and a placeholder never spans a line break', () => {
  expect(
    found(
      [
        '【字体：大 中 小】【打印本页】【关闭窗口】',
        '【关于进一步规范政府信息公开申请表格式和网上申请平台填写说明的解读材料】',
        '【待补充：',
        '下一行】',
      ].join('\n'),
    ),
  ).toEqual([]);
});
