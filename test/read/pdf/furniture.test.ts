import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import type { Paragraph } from '../../../src/read/blocks.js';
import { readPdf } from '../../../src/read/pdf/read-pdf.js';
import { makePdf, type PageSpec, type Run } from './make-pdf.js';

const read = async (pages: PageSpec[]) => {
  const blocks = (await readPdf(await makePdf(pages), new SourceFile('x.pdf'))) as Paragraph[];
  return blocks.map((b) => `${b.page}:${b.line}:${b.text}`);
};

const body = (page: number): Run[] => [
  { text: `第${page}页正文第一行`, x: 72, y: 200 },
  { text: `第${page}页正文第二行`, x: 72, y: 220 },
];

describe('page furniture is not report text', () => {
  it.each([
    ['-1-', (n: number) => `-${n}-`],
    ['— 2 —', (n: number) => `— ${n} —`],
    ['第 3 页', (n: number) => `第 ${n} 页`],
    ['第 3 页 共 12 页', (n: number) => `第 ${n} 页 共 12 页`],
    ['3 / 12', (n: number) => `${n} / 12`],
    ['a bare number at the page foot', (n: number) => `${n}`],
  ])('page numbers like 「%s」 go, at the foot or the head of the page', async (_, number) => {
    const pages = [1, 2, 3].map((n) => ({
      runs: [...body(n), { text: number(n), x: 290, y: n === 2 ? 40 : 800, size: 9 }],
    }));
    expect(await read(pages)).toEqual([
      '1:1:第1页正文第一行',
      '1:2:第1页正文第二行',
      '2:3:第2页正文第一行',
      '2:4:第2页正文第二行',
      '3:5:第3页正文第一行',
      '3:6:第3页正文第二行',
    ]);
  });

  it("a row's figures near the foot in the form of a page number whose count does not fit stay (「0   /   1」 in three pages)", async () => {
    const pages = [1, 2, 3].map((n) => ({
      runs: [
        ...body(n),
        ...(n === 1
          ? [
              { text: '0', x: 150, y: 780 },
              { text: '/', x: 300, y: 780 },
              { text: '1', x: 450, y: 780 },
            ]
          : []),
        { text: `- ${n} -`, x: 290, y: 810, size: 9 },
      ],
    }));
    const lines = await read(pages);
    expect(lines.filter((l) => l.startsWith('1:'))).toHaveLength(3);
    expect(lines[2]?.replace(/^1:\d+:/, '').replace(/\s+/g, ' ')).toBe('0 / 1');
    expect(lines.some((l) => l.includes('- 1 -') || l.includes('-1-'))).toBe(false);
  });

  it('a page number standing apart in a footer line goes; so do running headers and footers', async () => {
    const pages = [1, 2, 3, 4].map((n) => ({
      runs: [
        { text: '淮安市人民政府办公室', x: 72, y: 40, size: 9 },
        { text: '2024年政府信息公开工作年度报告', x: 300, y: 40, size: 9 },
        ...body(n),
        // A footer on three pages of four, with the page number far to its right.
        ...(n === 3 ? [] : [{ text: '政务公开', x: 72, y: 800, size: 9 }]),
        { text: `- ${n} -`, x: 500, y: 800, size: 9 },
      ],
    }));
    expect(await read(pages)).toEqual([
      '1:1:第1页正文第一行',
      '1:2:第1页正文第二行',
      '2:3:第2页正文第一行',
      '2:4:第2页正文第二行',
      '3:5:第3页正文第一行',
      '3:6:第3页正文第二行',
      '4:7:第4页正文第一行',
      '4:8:第4页正文第二行',
    ]);
  });

  it('a heading that repeats at the top of only some pages stays', async () => {
    const pages = [1, 2, 3, 4].map((n) => ({
      runs: [...(n <= 2 ? [{ text: '信息内容  本年制发件数', x: 72, y: 60 }] : []), ...body(n)],
    }));
    const lines = await read(pages);
    expect(lines.filter((l) => l.includes('信息内容'))).toEqual([
      '1:1:信息内容 本年制发件数',
      '2:10:信息内容 本年制发件数',
    ]);
  });

  it('lines count through the document; a larger space between lines counts as blank lines', async () => {
    const pages = [
      {
        runs: [
          { text: '第一行', x: 72, y: 100 },
          { text: '第二行', x: 72, y: 120 },
          { text: '第三行', x: 72, y: 160 },
          { text: '第四行', x: 72, y: 180 },
        ],
      },
      { runs: [{ text: '第五行', x: 72, y: 100 }] },
    ];
    expect(await read(pages)).toEqual(['1:1:第一行', '1:2:第二行', '1:4:第三行', '1:5:第四行', '2:6:第五行']);
  });

  it('full-width spaces inside one run split like spaces; columns keep their gaps', async () => {
    const pages = [{ runs: [{ text: '规章\u3000\u3000\u30001\u3000\u30000\u3000\u300011', x: 72, y: 100 }] }];
    expect(await read(pages)).toEqual([`1:1:规章${' '.repeat(8)}1    0    11`]);
  });

  it('characters printed one by one read as a word', async () => {
    const runs = [...'本年新收政府信息公开申请数量'].map((c, i) => ({ text: c, x: 72 + i * 12, y: 100 }));
    const figures = [...'3001'].map((c, i) => ({ text: c, x: 300 + i * 6.6, y: 100 }));
    expect(await read([{ runs: [...runs, ...figures] }])).toEqual([
      `1:1:本年新收政府信息公开申请数量${' '.repeat(24)}3001`,
    ]);
  });
});

describe('wrapped prose', () => {
  const full = '政府信息公开工作按照条例要求扎实推进各项任务圆满完成本年度'; // 29 characters at 15 pt
  it('lines that run to the right edge continue their paragraph, also over a page break', async () => {
    const pages = [
      {
        runs: [
          { text: `　　${full.slice(2)}`, x: 72, y: 100, size: 15 },
          { text: full, x: 72, y: 122, size: 15 },
          { text: '最后一行。', x: 72, y: 144, size: 15 },
          { text: '　　第二段开头缩进两个字符不与上一段相连接的情况在此', x: 72, y: 166, size: 15 },
          { text: '一、标题不接在上一行后面', x: 72, y: 188, size: 15 },
          { text: full, x: 72, y: 760, size: 15 },
        ],
      },
      { runs: [{ text: '跨页接续。', x: 72, y: 100, size: 15 }] },
    ];
    expect(await read(pages)).toEqual([
      `1:1:${full.slice(2)}${full}最后一行。`,
      '1:2:第二段开头缩进两个字符不与上一段相连接的情况在此',
      '1:3:一、标题不接在上一行后面',
      `1:29:${full}跨页接续。`,
    ]);
  });
});
