/** Hostile and broken pages: a clear error or a result, never a crash, a hang or a stack overflow. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limits } from '../../../src/core/limits.js';
import { SourceFile, UnreadableInputError } from '../../../src/core/source-file.js';
import { processBytes } from '../../../src/pipeline.js';
import { maxGridCells, readHtml } from '../../../src/read/html/index.js';

const encode = (s: string) => new TextEncoder().encode(s);
const portal = readFileSync(new URL('../../fixtures/html/001-portal.html', import.meta.url), 'utf8');
const truth = JSON.parse(
  readFileSync(new URL('../../fixtures/html/001-portal.expected.json', import.meta.url), 'utf8'),
) as { cells: Record<string, number | null>; signedOn: string; publishedOn: string };

const failure = (html: string | Uint8Array): string => {
  try {
    readHtml(typeof html === 'string' ? encode(html) : html, new SourceFile('bad.html'));
  } catch (error) {
    expect(error).toBeInstanceOf(UnreadableInputError);
    return (error as Error).message;
  }
  throw new Error('expected the page to be refused');
};

const errorCodes = (findings: readonly { severity: string; code: string }[]) =>
  [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))].sort();

describe('size', () => {
  it('refuses a 20 MB page with a clear error before decoding it', () => {
    const unit = '<p>政府信息公开工作年度报告 2021 年度</p>\n';
    const page = `<!DOCTYPE html><html><body>${unit.repeat(Math.ceil((20 * 1024 * 1024) / encode(unit).length))}</body></html>`;
    const bytes = encode(page);
    expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);
    expect(failure(bytes)).toBe(
      `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），超过网页报告 16.0 MB 的上限`,
    );
  });

  it('reads a 6 MB page: the report amid megabytes of other content', () => {
    const filler = `<div class="list">${'<p>　　关于做好2022年元旦春节期间有关工作的通知（摘要），请各单位认真贯彻落实。</p>\n'.repeat(45_000)}</div>`;
    const rows = `<table border="1">${'<tr><td>项目</td><td>说明</td></tr>\n'.repeat(20_000)}</table>`;
    const page = portal.replace('<div class="footer">', `${filler}${rows}<div class="footer">`);
    const bytes = encode(page);
    expect(bytes.length).toBeGreaterThan(6 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(limits.textBytes);
    const blocks = readHtml(bytes, new SourceFile('big.html'));
    const small = readHtml(encode(portal), new SourceFile('portal.html'));
    expect(blocks.length).toBe(small.length + 45_000 + 1);
    expect(blocks.slice(0, small.length)).toEqual(small);
    expect(blocks.at(-1)).toMatchObject({ type: 'table', rows: { length: 20_000 } });
  });

  it('the report amid a thousand paragraphs of other content reads to its truth', async () => {
    const filler = '<p>关于做好2022年元旦春节期间有关工作的通知（摘要）</p>\n'.repeat(1000);
    const page = portal.replace(
      '<div class="footer">',
      `<div class="list">${filler}</div><div class="footer">`,
    );
    const { report } = await processBytes(encode(page), 'long.html');
    expect(report.cells).toEqual(truth.cells);
    expect(report.publishedOn).toBe(truth.publishedOn);
  });

  it('refuses tables whose merged cells would expand past the grid limit', () => {
    const rows = '<tr><td colspan="1000">x</td></tr>'.repeat(Math.ceil(maxGridCells / 1000) + 1);
    expect(failure(`<table>${rows}</table>`)).toBe(
      `网页中的表格过大（合并单元格展开后超过 ${maxGridCells} 格），无法读取`,
    );
  });
});

describe('nesting', () => {
  it('100,000 nested <div>s: the text is read, with a warning, without recursion', () => {
    const file = new SourceFile('deep.html');
    const blocks = readHtml(
      encode(`<html><body>${'<div>'.repeat(100_000)}最里面的文字${'</div>'.repeat(100_000)}</body></html>`),
      file,
    );
    expect(blocks).toEqual([{ type: 'paragraph', text: '最里面的文字', line: 1, column: 500_013 }]);
    expect(file.findings.map((f) => [f.code, f.severity])).toEqual([['read.html-nesting', 'warning']]);
  });

  it('100,000 unclosed <span>s, <font>s with distinct colours, and tables in tables', () => {
    for (const open of [
      '<span>'.repeat(100_000),
      Array.from({ length: 100_000 }, (_, i) => `<font color="#${i}">`).join(''),
      '<table><tr><td>'.repeat(20_000),
    ]) {
      const file = new SourceFile('deep.html');
      const blocks = readHtml(encode(`<div>${open}最里面的文字`), file);
      expect(blocks.map((b) => (b.type === 'paragraph' ? b.text : 'table'))).toEqual(['最里面的文字']);
      expect(file.findings.map((f) => f.code)).toEqual(['read.html-nesting']);
    }
  });

  it('an unclosed <font> re-opened in 100,000 paragraphs reads every paragraph', () => {
    const page = Array.from({ length: 100_000 }, (_, i) => `<p><font color="#${i}">第${i}段</p>`).join('');
    const file = new SourceFile('fonts.html');
    const blocks = readHtml(encode(page), file);
    expect(blocks.length).toBe(100_000);
    expect(blocks[99_999]).toMatchObject({ type: 'paragraph', text: '第99999段' });
  });

  it('a report followed by 100,000 nested <div>s still reads to its truth', async () => {
    const page = portal.replace('</body>', `${'<div class="x">'.repeat(100_000)}</body>`);
    const { report } = await processBytes(encode(page), 'deep-tail.html');
    expect(report.cells).toEqual(truth.cells);
    expect(report.signedOn).toBe(truth.signedOn);
    expect(report.findings.filter((f) => f.code === 'read.html-nesting').length).toBe(1);
  });
});

describe('broken markup', () => {
  it('end tags left out (</td>, </tr>, </p>, </li>, </span>) read the same', async () => {
    const page = portal.replace(/<\/(?:td|tr|p|li|span)>/g, '');
    expect(page.match(/<\/(?:td|tr|p|li|span)>/g)).toBeNull();
    const { report } = await processBytes(encode(page), 'unclosed.html');
    expect(report.cells).toEqual(truth.cells);
    expect(report.signedOn).toBe(truth.signedOn);
    expect(errorCodes(report.findings)).toEqual([]);
  });

  it('a page cut off inside table 三 reads what is there and reports the rest', async () => {
    const page = portal.slice(0, portal.indexOf('5.属于三类内部事务信息'));
    const { report } = await processBytes(encode(page), 'cut.html');
    expect(report.cells['p.normative.inForce']).toBe(8);
    expect(report.cells['a.new.np']).toBe(0);
    expect(errorCodes(report.findings)).toEqual([
      'assemble.row-missing',
      'assemble.table-missing',
      'assemble.truncated',
    ]);
  });

  it('a page with no report tables gives the assembler’s errors', async () => {
    const page = `<!DOCTYPE html><html><head><title>新闻</title></head><body><div class="nav"><a>首页</a><a>新闻</a><a>公开</a></div>
<h1>县政府召开常务会议</h1><p>发布时间：2022-03-01</p><p>会议研究了全县政务公开工作。</p><table><tr><td>议题</td><td>汇报单位</td></tr><tr><td>政务公开</td><td>县政府办</td></tr></table></body></html>`;
    const { report, sourceType } = await processBytes(encode(page), 'news.html');
    expect(sourceType).toBe('html');
    expect(report.publishedOn).toBe('2022-03-01');
    expect(errorCodes(report.findings)).toEqual(['assemble.no-tables', 'assemble.table-missing']);
  });

  it('refuses a page with no text, and binary data behind an HTML start', () => {
    expect(
      failure('<!DOCTYPE html><html><head><title>空</title></head><body><script>x()</script></body></html>'),
    ).toBe('网页中没有可读取的文字');
    const binary = new Uint8Array(4096).map((_, i) => (i * 7) % 32);
    expect(failure(new Uint8Array([...encode('<html><body>'), ...binary]))).toBe(
      '文件不是可识别的网页（可能是二进制文件或编码无法识别）',
    );
  });
});
