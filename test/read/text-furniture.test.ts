import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/read/blocks.js';
import { pageFurniture, textToBlocks } from '../../src/read/text-reader.js';

const texts = (text: string) => textToBlocks(text).map((b) => (b as Paragraph).text);

describe('page furniture in extracted PDF text', () => {
  const head = 'XX市统计局2023年政府信息公开工作年度报告';
  const pages = (n: number, body: (p: number) => string[]) =>
    Array.from({ length: n }, (_, p) => [...(p > 0 ? [`\f${head}`] : []), ...body(p + 1), `- ${p + 1} -`])
      .flat()
      .join('\n');

  it('a running head at the page breaks goes, with the page numbers; the same words in the text stay', () => {
    const text = `${head}\n${pages(3, (p) => [`第${p}页的正文`, '12'])}`;
    expect(texts(text)).toEqual([head, '第1页的正文', '12', '第2页的正文', '12', '第3页的正文', '12']);
  });

  it('a row of figures set apart on a line of its own is no page number (「4   /   4」 is two figures and a blank)', () => {
    const text = [
      '1.申请人无正当理由',
      '        4      /      4',
      '逾期不补正',
      '- 2 -',
      '3 / 12',
      '第 3 页',
      '4 / 12',
      '—  5  —',
    ].join('\n');
    expect(texts(text)).toEqual(['1.申请人无正当理由', '        4      /      4', '逾期不补正']);
  });

  it('a running head written last on each page (pdftotext -raw: content-stream order) goes too', () => {
    // Once kept after table 四's one line of figures, where it made the figures read as no row's:
    // 「没有填写数字」, fifteen cells blank, and no error. (pdftotext ends every page, the last too, with a
    // form feed.)
    const foot = '凤翔县发展和改革局政府信息公开工作年度报告';
    const text = ['正文一', foot, '\f正文二', '11 5 4 1 21', foot, '\f五、存在的主要问题', foot, '\f'].join(
      '\n',
    );
    expect(texts(text)).toEqual(['正文一', '正文二', '11 5 4 1 21', '五、存在的主要问题']);
  });

  it("a table's row that ends two pages alike (「0 无 无 无 无 无 0」) is no running foot", () => {
    const row = '0 无 无 无 无 无 0';
    const text = [
      '1.属于国家秘密',
      row,
      '\f2.其他法律行政法规',
      row,
      '\f3.危及“三安全一稳定”',
      row,
      '\f',
    ].join('\n');
    expect(texts(text)).toEqual([
      '1.属于国家秘密',
      row,
      '2.其他法律行政法规',
      row,
      '3.危及“三安全一稳定”',
      row,
    ]);
  });

  it('「2 / 0」 is no page number (page 2 of 0): a row of figures and a blank mark on its own line', () => {
    // pdftotext -raw: 「其他对外管理服务事项」 then 「2 / 0」, once dropped: the row read 「没有填写数字」.
    expect(texts('其他对外管理服务事项\n2 / 0\n0 / 0\n5 / 3\n3 / 12\n4 / 12\n')).toEqual([
      '其他对外管理服务事项',
      '2 / 0',
      '0 / 0',
      '5 / 3',
    ]);
  });

  it('「3 / 42」 is a page number only where the text bears out the count: its pages, or another page of 42', () => {
    // pdftotext -raw of a five-page report numbered 「- 1 -」: 「3 / 42」 (3, a blank, 42) was dropped
    // as page 3 of 42, and the row read 「没有填写数字」 with no error.
    const pages = [
      '规章 2 / 0',
      '其他对外管理服务',
      '事项',
      '3 / 42',
      '- 1 -',
      '\f行政处罚 0 -28 0',
      '- 2 -',
      '\f',
    ];
    expect(texts(pages.join('\n'))).toEqual([
      '规章 2 / 0',
      '其他对外管理服务',
      '事项',
      '3 / 42',
      '行政处罚 0 -28 0',
    ]);
    // A two-page text numbered 「1 / 2」「2 / 2」: its page count.
    expect(texts(['正文一', '1 / 2', '\f正文二', '2 / 2', '\f'].join('\n'))).toEqual(['正文一', '正文二']);
    // No form feeds: two lines giving one count for different pages.
    expect(texts(['正文一', '1 / 9', '正文二', '2 / 9', '3 / 42'].join('\n'))).toEqual([
      '正文一',
      '正文二',
      '3 / 42',
    ]);
  });

  it("「— 14 —」 is a page number only where it agrees with the text's pages: alone in five pages, or off the others' count, it stays", () => {
    // pdftotext -raw of a report with no page numbers: 「其他对外管理服务事」「项」「— 14 —」 (a blank,
    // 14, a blank) was dropped as page 14, the row read 「没有填写数字」.
    const alone = [
      '其他对外管理服务事',
      '项',
      '— 14 —',
      '\f正文二',
      '\f正文三',
      '\f正文四',
      '\f正文五',
      '\f',
    ];
    expect(texts(alone.join('\n'))).toEqual([
      '其他对外管理服务事',
      '项',
      '— 14 —',
      '正文二',
      '正文三',
      '正文四',
      '正文五',
    ]);
    // Pages numbered 「- 1 -」 on: 「— 14 —」 on page 2 is no page's number; 「- 2 -」 is.
    const numbered = [
      '正文一',
      '- 1 -',
      '\f其他对外管理服务事项',
      '— 14 —',
      '- 2 -',
      '\f正文三',
      '- 3 -',
      '\f',
    ];
    expect(texts(numbered.join('\n'))).toEqual(['正文一', '其他对外管理服务事项', '— 14 —', '正文三']);
    // A report printed from page 14 of a bulletin: its numbers agree with its pages.
    const bulletin = ['正文一', '— 14 —', '\f正文二', '— 15 —', '\f正文三', '— 16 —', '\f'];
    expect(texts(bulletin.join('\n'))).toEqual(['正文一', '正文二', '正文三']);
  });

  it('a head that changes with the page number is still a head', () => {
    const lines = [
      '正文一',
      '- 1 -',
      '\f第 2 页 共 3 页 报告',
      '正文二',
      '- 2 -',
      '\f第 3 页 共 3 页 报告',
      '正文三',
    ];
    expect([...pageFurniture(lines).drop]).toEqual([3, 6]);
  });

  it('a line at only a few of many page breaks (a table header repeated) stays', () => {
    const text = pages(10, (p) => (p === 4 || p === 7 ? ['申请人情况', `${p}`] : [`正文${p}`]));
    expect(texts(text).filter((t) => t === '申请人情况')).toEqual(['申请人情况', '申请人情况']);
  });

  it('the lines a page break leaves are no blank lines: the paragraph after it says so', () => {
    const blocks = textToBlocks('规章\n3\n\n- 2 -\n\n\f4\n5') as Paragraph[];
    expect(blocks.map((b) => [b.text, b.line, b.pageBreak ?? false])).toEqual([
      ['规章', 1, false],
      ['3', 2, false],
      ['4', 6, true],
      ['5', 7, false],
    ]);
  });
  it("a bare page number (Word's page field: 「3」 alone) counting up page by page goes, beside a running head too", () => {
    // pdftotext -raw of a report with both: the number, then the head, last on each page. Once
    // kept, 「1」 read as 行政强制's last figure: -5 4 1 where -5 (blank) 4 was printed, no error.
    const foot = '将乐县人力资源和社会保障局政府信息公开工作年度报告';
    const text = [
      '行政强制 -5 4',
      '1',
      foot,
      '\f行政事业性收费 280',
      '2',
      foot,
      '\f五、存在的主要问题',
      '3',
      foot,
      '\f',
    ].join('\n');
    expect(texts(text)).toEqual(['行政强制 -5 4', '行政事业性收费 280', '五、存在的主要问题']);
  });

  it('figures ending pages that do not count up page by page all through are cells, not page numbers', () => {
    // 「3」「4」 end two pages in a row, 「9」 the third: a table's cells one a line.
    const text = ['行政许可', '3', '\f行政处罚', '4', '\f行政强制', '9', '\f'].join('\n');
    expect(texts(text)).toEqual(['行政许可', '3', '行政处罚', '4', '行政强制', '9']);
  });
  it("bare page numbers last on three pages of five go; the other pages' numbers alone are marked, not dropped", () => {
    // Plain pdftotext: pages 1 and 4 have their numbers among their cells (「1」 twice on page 1: a
    // cell and the page number, which of the two the text does not tell).
    const lines = [
      '规章',
      '1',
      '3',
      '1',
      '0',
      '\f行政许可',
      '2',
      '\f行政处罚',
      '3',
      '\f行政强制',
      '4',
      '0',
      '\f结束',
      '5',
      '\f',
    ];
    const { drop, pageNumberLike } = pageFurniture(lines);
    expect([...drop].sort((a, b) => a - b)).toEqual([7, 9, 14]);
    expect([...pageNumberLike].sort((a, b) => a - b)).toEqual([2, 4, 11]);
    const marked = (textToBlocks(lines.join('\n')) as Paragraph[]).filter((b) => b.pageNumberLike);
    expect(marked.map((b) => [b.text, b.line])).toEqual([
      ['1', 2],
      ['1', 4],
      ['4', 11],
    ]);
  });

  it("bare numbers last on two pages of five only stay, marked, with the other pages' numbers alone", () => {
    const lines = [
      '规章',
      '1',
      '0',
      '\f行政许可',
      '2',
      '7',
      '\f行政处罚',
      '3',
      '\f行政强制',
      '4',
      '0',
      '\f结束',
      '5',
      '\f',
    ];
    const { drop, pageNumberLike } = pageFurniture(lines);
    expect([...drop]).toEqual([]);
    expect([...pageNumberLike].sort((a, b) => a - b)).toEqual([2, 5, 8, 10, 13]);
  });

  it('pages numbered 「-k-」: figures opening pages are cells, not their numbers (reading order, seed 4321 x100)', () => {
    // Pages 3, 4 and 5 open with 「2」「3」「4」 (cells): they were taken for bare page numbers (a
    // cover not counted) and dropped. (With two such pages, every other page's lone figure equal
    // to its number was marked, and its row named by assemble.page-number though it read exactly.)
    const lines = [
      '规章',
      '1',
      '-1-',
      '\f行政许可',
      '5',
      '-2-',
      '\f2',
      '行政处罚',
      '-3-',
      '\f3',
      '行政强制',
      '-4-',
    ];
    lines.push('\f4', '0', '-5-', '\f');
    expect(pageFurniture(lines)).toEqual({ drop: new Set(), pageNumberLike: new Set() });
    lines[12] = '\f行政事业性收费';
    expect(pageFurniture(lines)).toEqual({ drop: new Set(), pageNumberLike: new Set() });
  });

  it('a report that prints no page numbers marks nothing: a cell equal to its page number by chance', () => {
    const lines = ['规章', '1', '0', '\f行政许可', '2', '7', '\f行政处罚', '3', '1', '\f结束', '\f'];
    expect(pageFurniture(lines)).toEqual({ drop: new Set(), pageNumberLike: new Set() });
  });

  it('a bare page number first on each page after the first (a page head) goes too', () => {
    const text = ['规章 3 0 12', '\f2', '行政许可 4', '\f3', '行政处罚 0', '\f'].join('\n');
    expect(texts(text)).toEqual(['规章 3 0 12', '行政许可 4', '行政处罚 0']);
  });
});
