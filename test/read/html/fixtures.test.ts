import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import { processBytes } from '../../../src/pipeline.js';
import type { Block } from '../../../src/read/blocks.js';
import { decodeHtml } from '../../../src/read/html/decode.js';
import { readHtml } from '../../../src/read/html/index.js';
import { metaOf } from '../../support/truth.js';
import { encodeGbk } from './support/gbk.js';

interface Truth {
  format: string;
  agency: string | null;
  year: number;
  publishedOn: string | null;
  signedOn: string | null;
  cells: Record<string, number | null>;
}

const dir = new URL('../../fixtures/html/', import.meta.url);
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((name) => ({
    name,
    bytes: readFileSync(new URL(name, dir)),
    truth: JSON.parse(readFileSync(new URL(name.replace(/\.html$/, '.expected.json'), dir), 'utf8')) as Truth,
  }));

async function expectTruth(bytes: Uint8Array, name: string, truth: Truth) {
  const { report, sourceType } = await processBytes(bytes, name);
  expect(sourceType).toBe('html');
  expect(metaOf(report)).toEqual(metaOf(truth));
  expect(Object.keys(report.cells)).toEqual(Object.keys(truth.cells));
  for (const [key, value] of Object.entries(truth.cells))
    expect([key, report.cells[key]]).toEqual([key, value]);
  expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
}

describe('HTML fixtures read to their truth', () => {
  for (const { name, bytes, truth } of pages) it(name, () => expectTruth(bytes, name, truth));
});

describe('the portal page (seed 001 as a county site publishes it)', () => {
  const page = pages.find((p) => p.name === '001-portal.html');
  if (!page) throw new Error('fixture 001-portal.html missing');
  const source = page.bytes.toString('utf8');
  const gbkSource = source.replace(
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />',
  );

  it('in GBK, declared by http-equiv charset=gb2312, reads the same', async () => {
    expect(gbkSource).not.toBe(source);
    const bytes = encodeGbk(gbkSource);
    expect(decodeHtml(bytes)).toEqual({
      text: gbkSource,
      encoding: 'gb18030',
      from: 'declared',
      replacements: 0,
    });
    await expectTruth(bytes, 'gbk.html', page.truth);
  });

  it('in GBK, declared by <meta charset="gbk"> with no Content-Type, reads the same', async () => {
    const text = source.replace(
      '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
      '<meta charset="gbk">',
    );
    await expectTruth(encodeGbk(text), 'gbk-meta.html', page.truth);
  });

  const blocks = readHtml(page.bytes, new SourceFile('001-portal.html'));
  const paragraphs = blocks.filter((b) => b.type === 'paragraph');
  const tables = blocks.filter((b) => b.type === 'table');
  const gist = (b: Block) =>
    b.type === 'paragraph' ? `${b.line}:${b.column} ${b.text.slice(0, 24)}` : `${b.line}:${b.column} table`;

  it('keeps the metadata and title and drops navigation, breadcrumbs, share and font tools', () => {
    expect(blocks.slice(0, 6).map(gist)).toEqual([
      '59:29 索 引 号： 11632123MB1234567',
      '60:17 名 称： 湟源县人民政府办公室2021年政府信息',
      '61:17 发布日期： 2022-01-14 文 号：',
      '63:30 湟源县人民政府办公室2021年政府信息公开工作年',
      '65:15 发布时间：2022-01-14 09:32:11',
      '72:198 一、总体情况',
    ]);
    expect(paragraphs[4]?.text).toBe('发布时间：2022-01-14 09:32:11 来源：县政府办 阅读次数：356');
  });

  it('ends with the signature: attachment, print, previous/next, related, QR code and footer dropped', () => {
    expect(blocks.slice(-4).map(gist)).toEqual([
      '148:30 1.存在问题。虽然今年我在政务公开上开展了一些工',
      '148:176 2.改进措施。一是进一步提升主动公开质量。紧紧围',
      '150:110 湟源县人民政府办公室',
      '151:99 2022年1月4日',
    ]);
    const all = paragraphs.map((p) => p.text).join('\n');
    for (const chrome of [
      '首页',
      '位置',
      '分享',
      '字体',
      '打印',
      '上一篇',
      '相关文章',
      '扫一扫',
      'ICP',
      '主办单位',
      '地址',
      '浏览器',
      '站长统计',
      '载入中',
    ])
      expect([chrome, all.includes(chrome)]).toEqual([chrome, false]);
  });

  it('joins a sentence the CMS wrapped, Word spans and <br>-separated lines', () => {
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('2.依申请公开政府信息情况。2021年我收到政府信息公开申请0次,按照程序已公开。');
    expect(texts.find((t) => t.startsWith('2021年,湟源县'))).toContain('阳光政府的重要平台,全面落实');
    expect(texts.filter((t) => /^[5-8]\./.test(t)).length).toBe(4);
  });

  it('reads table 二 from two <table>s, and tables 三 and 四 with merged cells expanded', () => {
    expect(tables.map((t) => t.rows.length)).toEqual([7, 7, 29, 4]);
    const grid = (i: number) => tables[i]?.rows.map((r) => r.map((c) => (c.spanned ? '^' : c.text))) ?? [];
    expect(grid(0).slice(3, 7)).toEqual([
      ['行政规范性文件', '3', '0', '8'],
      ['第二十条第（五）项', '^', '^', '^'],
      ['信息内容', '本年处理决定数量', '^', '^'],
      ['行政许可', '0', '^', '^'],
    ]);
    expect(grid(1)[6]).toEqual(['行政事业性收费', '0']);
    expect(grid(2).slice(0, 4)).toEqual([
      [
        '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
        '^',
        '^',
        '申请人情况',
        '^',
        '^',
        '^',
        '^',
        '^',
        '^',
      ],
      ['^', '^', '^', '自然人', '法人或其他组织', '^', '^', '^', '^', '总计'],
      ['^', '^', '^', '^', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '^'],
      ['一、本年新收政府信息公开申请数量', '^', '^', '0', '0', '0', '0', '0', '0', '0'],
    ]);
    expect(grid(2)[7]?.slice(0, 4)).toEqual(['^', '（三）不予公开', '1.属于国家秘密', '0']);
    expect(grid(2)[8]?.slice(0, 4)).toEqual(['^', '^', '2.其他法律行政法规禁止公开', '0']);
    // Word's row of column widths: empty cells, no figures.
    expect(grid(2)[28]).toEqual(Array(10).fill(''));
    expect(grid(3)[1]?.slice(0, 6)).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '未经复议直接起诉',
    ]);
    // A merged cell's place is its first character; covered positions repeat it.
    const biz = tables[2]?.rows[2]?.[4];
    expect(biz).toEqual({ text: '商业企业', line: 109, column: biz?.column });
  });
});
