/**
 * Reading-order text of tables LibreOffice drew (plain `pdftotext`): labels scattered away from
 * their figures (see test/fixtures/pdftotext-plain/README.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';
import { errors } from '../support/parse.js';

const dir = new URL('../fixtures/pdftotext-plain/', import.meta.url);
const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
const read = async (name: string) => {
  const truth = JSON.parse(readFileSync(new URL(name.replace(/\.txt$/, '.expected.json'), dir), 'utf8'));
  const { report } = await processBytes(new Uint8Array(readFileSync(new URL(name, dir))), name);
  return { truth, report };
};

/**
 * A row named by an error (its keys those starting `prefix`), each of its cells read as null: its
 * cells' truth, and the errors that name its first key.
 */
const namedRow = async (name: string, prefix: string) => {
  const { truth, report } = await read(name);
  const keys = Object.keys(truth.cells).filter((k) => k.startsWith(prefix));
  for (const key of keys) expect(report.cells[key], key).toBeNull();
  const named = errors(report.findings).filter((f) => f.keys?.includes(keys[0] as string));
  return { truth, report, keys, truths: keys.map((k) => truth.cells[k]), named };
};

describe('plain pdftotext of a table LibreOffice drew', () => {
  it.each(names.filter((n) => n.startsWith('seed-')))('%s reads exactly, with no error', async (name) => {
    const { truth, report } = await read(name);
    expect(report.format).toBe(truth.format);
    expect(report.year).toBe(truth.year);
    expect(report.cells).toEqual(truth.cells);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(names.filter((n) => n.startsWith('blanks-')))(
    '%s: blank cells leave no line; every cell not read exactly is named by an error',
    async (name) => {
      const { truth, report } = await read(name);
      const flagged = new Set(
        report.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys ?? []),
      );
      const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
      expect(wrong.length).toBeGreaterThan(0);
      expect(wrong.filter((k) => !flagged.has(k))).toEqual([]);
    },
  );
});

describe('pdftotext -layout of tables LibreOffice drew, with blank cells', () => {
  const exact = (
    truth: { cells: Record<string, number | null> },
    cells: Record<string, unknown>,
    prefix = '',
  ) => Object.keys(truth.cells).filter((k) => k.startsWith(prefix) && cells[k] === truth.cells[k]).length;

  it('blanks-9007-layout: no complete row in table 三, its rows stand under the places they fill together', async () => {
    const { truth, report } = await read('blanks-9007-layout.txt');
    expect(exact(truth, report.cells, 'a.')).toBe(161);
    expect(exact(truth, report.cells)).toBe(192);
  });

  it('blanks-9001-layout: a part of table 二 with no complete row, under its header as wide as it stands on the page', async () => {
    const { truth, report } = await read('blanks-9001-layout.txt');
    // 「行政强制 165 … 48」 and 「行政处罚 8」 under 「上一年项目数量 本年增/减 处理决定数量」 (in
    // characters that header covers only the first half of where it stands).
    for (const key of [
      'p.coercion.prevItems',
      'p.coercion.change',
      'p.coercion.decisions',
      'p.penalty.prevItems',
    ])
      expect(report.cells[key], key).toBe(truth.cells[key]);
    // Table 四 too, under its header: 「结果」 and 「维持」 of a column of 行政诉讼 stand a line apart,
    // 「总计」 of another column on the line between (once 186).
    expect(exact(truth, report.cells)).toBe(197);
  });

  it('blanks-9050-layout: a line set closer together than its columns is not placed by them', async () => {
    const { truth, report } = await read('blanks-9050-layout.txt');
    // 「一、本年新收… 0  0  0」 three apart where the columns are four: named by an error, not
    // taken for the first three columns.
    const named = new Set(errors(report.findings).flatMap((f) => f.keys));
    expect(['a.new.np', 'a.new.biz', 'a.new.res'].filter((k) => named.has(k))).toHaveLength(3);
    expect(exact(truth, report.cells, 'a.')).toBe(172);
  });

  it('blanks-wordpdf-2147483623-layout: complete rows far off, set otherwise than the rows between, place none', async () => {
    const { truth, report } = await read('blanks-wordpdf-2147483623-layout.txt');
    // 「4.保护第三方合法权益 5 12 0 _ 0 0 _」 and 「3.补正后申请内容仍不明确 0 0 0 _ 1 10 _」: under the
    // columns of 一 and 二 (the only complete rows, set four characters further left than the rows
    // beside the group labels) their last two figures went a column right, no error. The rows
    // between stand under no such columns: named by errors.
    const named = new Set(errors(report.findings).flatMap((f) => f.keys));
    for (const row of ['a.deny.thirdParty', 'a.none.unclear'])
      for (const c of ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total']) {
        expect(named.has(`${row}.${c}`), `${row}.${c}`).toBe(true);
        expect(report.cells[`${row}.${c}`], `${row}.${c}`).toBeNull();
      }
    expect(exact(truth, report.cells, 'a.')).toBe(53);
  });

  it.each([
    // 「0 … 0」 under 「其他结果」(62) 「尚未审结」(66): the figure at 65, at the edge of both, went to 其他结果.
    ['blanks-wordpdf-7-layout.txt', '0 0 0 0 0 0 0 0 0 0 0 0 0', 156],
    // Figures right, headers centred: in characters each of 未经复议直接起诉's figures stood under
    // the next column's header, 2 read as 结果纠正.
    ['blanks-wordpdf-1434188075-layout.txt', '0 0 10 2 0 11 0 13', 125],
  ])(
    "%s: table 四's short row under header text its figures don't line up with is named",
    async (name, actual, line) => {
      const { keys, truths, named } = await namedRow(name, 'l.');
      expect(truths).toContain(null);
      expect(named.map((f) => [f.code, f.actual, f.line, f.keys])).toEqual([
        ['assemble.row-shape', actual, line, keys],
      ]);
    },
  );

  it('blanks-wordpdf-1481476670-layout: rows of a few lines set a column left of the rest make no column of their own', async () => {
    // 自然人 blank in every row; 「4 7 30 6 26 87」 at 23 27 31 35 43 48 on the first lines, 「2 0 0 0
    // 0」 at 23 27 34 39 43 below: 31 and 39 made two places about 34–35, seven for seven columns,
    // and 「二、上年结转… 16 0 0 7 1 24」 read 16 as 自然人's, every row a column off, no error.
    const { truth, report, keys, truths, named } = await namedRow(
      'blanks-wordpdf-1481476670-layout.txt',
      'a.prev.',
    );
    expect(truths).toEqual([null, 16, 0, 0, 7, 1, 24]);
    expect(named.map((f) => [f.code, f.actual, f.keys])).toEqual([
      ['assemble.row-shape', '16 0 0 7 1 24', keys],
    ]);
    expect(exact(truth, report.cells, 'a.')).toBe(33);
  });

  it('blanks-wordpdf-21-raw: figures run one space apart stand at one pitch by their widths alone, and place nothing', async () => {
    // 「行政处罚 0 102」 beside the part's one complete row 「行政强制 0 -23 3」: the centres of 0, -23
    // and 3 stand three apart, so one pitch once placed 102 under 本年增/减 (blank) for 处理决定数量.
    const { keys, truths, named } = await namedRow('blanks-wordpdf-21-raw.txt', 'p.penalty.');
    expect(truths).toEqual([0, null, 102]);
    expect(named.map((f) => [f.code, f.keys])).toEqual([['assemble.row-shape', keys]]);
  });

  it("blanks-wordpdf-1179120912-layout: figures that only touch a header text's end stand under no column", async () => {
    // 「行政许可  0  56」 under 「上一年项目数量」(16–30, as wide as drawn) 「本年增/减」(31–40): 0 over the
    // first, 56 at 40 against the second's end, each nine right of its header's start. Taken as
    // under it (a rule tried and dropped), the row read 0 56 _ for _ 0 56, no error.
    const { keys, truths, named } = await namedRow('blanks-wordpdf-1179120912-layout.txt', 'p.license.');
    expect(truths).toEqual([null, 0, 56]);
    expect(named.map((f) => [f.code, f.keys])).toEqual([['assemble.row-shape', keys]]);
  });

  it('blanks-wordpdf-26130771-plain: a full row after a row of one figure, in a table where rows hold more figures than cells, is named', async () => {
    // 「予」「以」「公」「开 0」, then 「办理结果 （二）部分公开（区分处理的，只计这一情 0」 and six
    // 0s: (一)予以公开 read one figure (named), and (二) seven, one of them (一)'s, its blank
    // 其他 read as 0, no error.
    const { keys, truths, named } = await namedRow('blanks-wordpdf-26130771-plain.txt', 'a.partial.');
    expect(truths).toEqual([0, 0, 0, 0, 0, null, 0]);
    expect(named.map((f) => [f.code, f.message, f.keys])).toEqual([
      [
        'assemble.row-shape',
        '上一行的数字少于单元格又无法定位，「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」的数字中可能有上一行的（行标签写在数字之间），无法确定',
        keys,
      ],
    ]);
  });

  it('blanks-wordpdf-1325524897-plain: a table of 0s one short, an empty line after it, is not placed by that line', async () => {
    // Table 四's fourteen 0s, one a line, then an empty line and part 五: the empty line, one more
    // than after the other tables, was taken for a blank last cell; the blank was the first.
    const { keys, truths, named } = await namedRow('blanks-wordpdf-1325524897-plain.txt', 'l.');
    expect(truths).toEqual([null, ...Array(14).fill(0)]);
    expect(named.map((f) => [f.code, f.actual, f.keys])).toEqual([
      ['assemble.row-shape', '0 0 0 0 0 0 0 0 0 0 0 0 0 0', keys],
    ]);
  });

  it('blanks-wordpdf-2111406657-plain: a full row whose last figure stands closer than the others, before a short row, is named', async () => {
    // 「二、上年结转…」, six 0s each after an empty line, then 「0」 right after the last, then
    // 「（一）予以公开」 and six 0s: the 0 was (一)'s, its label written after it; 二 read its
    // blank 自然人 as 0, no error.
    const { keys, truths, named } = await namedRow('blanks-wordpdf-2111406657-plain.txt', 'a.prev.');
    expect(truths).toEqual([null, 0, 0, 0, 0, 0, 0]);
    expect(named.map((f) => [f.code, f.message, f.keys])).toEqual([
      [
        'assemble.row-shape',
        '下一行的数字少于单元格，表格中又有行的数字多于单元格，「二、上年结转政府信息公开申请数量」的数字中可能有下一行的（阅读顺序文本中下一行的数字可能写在其标签之前），无法确定',
        keys,
      ],
    ]);
  });

  describe('blanks-wordpdf-1193671746-layout: a label wrapped round a piece of its group label', () => {
    // 「3.要求提供公开」, 「（五）  0  0」 (the group label 「（五）不予处理」 set beside its rows, a piece
    // of it starting the figures' line), 「出版物」: the row's label found by its key alone, its two
    // zeros went to 「2.重复申请」 and the row read as blank, no error.
    const name = 'blanks-wordpdf-1193671746-layout.txt';
    const wrapped =
      '        3.要求提供公开\n    （五）            0                             0\n        出版物\n';
    const publication = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map(
      (c) => `a.reject.publication.${c}`,
    );
    const readText = async (text: string) =>
      (await processBytes(new TextEncoder().encode(text), name)).report;
    const original = () => readFileSync(new URL(name, dir), 'utf8');

    it("the figures level with the label are its own: short, they stand under the header's columns", async () => {
      // (Named by errors, 「0 0」 and 「0 14」, until the header's 「自然」 and 「人」, a line of other
      // columns' words between them, were taken for one column's header.)
      expect(original()).toContain(wrapped);
      const { truth } = await read(name);
      const report = await readText(original());
      const repeat = publication.map((k) => k.replace('publication', 'repeat'));
      expect(repeat.map((k) => report.cells[k])).toEqual([0, null, null, null, null, null, 14]);
      expect(publication.map((k) => report.cells[k])).toEqual([0, null, null, null, null, null, 0]);
      for (const key of [...repeat, ...publication]) expect(report.cells[key], key).toBe(truth.cells[key]);
      expect(errors(report.findings).filter((f) => f.keys.some((k) => publication.includes(k)))).toEqual([]);
    });

    it('a whole row so wrapped reads exactly', async () => {
      const whole = '    （五）    0    1    2    3    4    5    15';
      const text = original().replace(wrapped, wrapped.replace(/ {4}（五）.*/, whole));
      const report = await readText(text);
      expect(publication.map((k) => report.cells[k])).toEqual([0, 1, 2, 3, 4, 5, 15]);
      expect(errors(report.findings).filter((f) => f.keys.some((k) => publication.includes(k)))).toEqual([]);
    });

    it("where the words before the figures are not the label's, the figures after its numbering are named", async () => {
      // 「（X）」 is no piece of a group label: the label is again found by its key alone. The
      // figures after 「3.要求提供公开」 may be its own; neither row reads them.
      const text = original().replace(wrapped, wrapped.replace('（五）', '（X）'));
      const report = await readText(text);
      const messages = errors(report.findings).map((f) => f.message);
      expect(messages).toContain(
        '「2.重复申请」之后的数字中间写着另一行的编号和文字（该行的标签折行，数字与之并排），其后的数字可能是那一行的，无法确定',
      );
      expect(messages).toContain(
        '「3.要求提供公开出版物」后没有数字，上一行之后的数字中间隔着别的文字，其中可能有该行的数字（行标签写在数字之后），无法确定',
      );
      const named = new Set(errors(report.findings).flatMap((f) => f.keys));
      for (const key of [...publication, 'a.reject.repeat.np', 'a.reject.repeat.total']) {
        expect(named.has(key), key).toBe(true);
        expect(report.cells[key], key).toBeNull();
      }
    });
  });
});

describe("plain pdftotext of a report printing bare page numbers (Word's page field)", () => {
  const litigation = ['review', 'direct', 'afterReview'].flatMap((row) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `l.${row}.${c}`),
  );

  it.each([
    ['blanks-wordpdf-0-bare-plain.txt', 485, 503],
    ['blanks-wordpdf-0-bare-middle-plain.txt', 495, 513],
  ])(
    "%s: page 4's 「4」 among table 四's figures, one of them blank, is named, the row read as null",
    async (name, first, at) => {
      const { truth, report } = await read(name);
      expect(report.findings.filter((f) => f.code === 'assemble.page-number')).toEqual([
        {
          code: 'assemble.page-number',
          severity: 'error',
          message: `「政府信息公开行政复议、行政诉讼情况」的数字中，第 ${at} 行单独的「4」与所在页的页码相同，而该页的页码不在页首页尾（阅读顺序文本中页码可能排在表格的数字之间），可能是页码，无法确定，该行各单元格记为空值`,
          line: first,
          column: 1,
          keys: litigation,
          actual: '0 0 0 0 0 0 0 0 0 4 0 0 0 0 0',
          expected: '15 个单元格',
        },
      ]);
      for (const key of litigation) expect(report.cells[key], key).toBeNull();
      expect(truth.cells['l.afterReview.pending']).toBeNull();
    },
  );

  it("page 4's 「4」 among table 四's figures and a 「4」 of the row ending the page: the row is named, its identity broken", async () => {
    // 0 0 0 0 0 4 0 0 [4] 0 4 0 0 0 4 | 4: the last 「4」, alone at the page's end, was taken for the
    // page number; the one among the figures stayed. 未经复议直接起诉 broke its sum (named), and
    // 复议后起诉 read 4 0 0 0 4 for 0 0 0 4 4, its sum holding: no error.
    const { truth, report } = await read('blanks-wordpdf-1642220544-plain.txt');
    expect(litigation.map((k) => truth.cells[k]).join(' ')).toBe('0 0 0 0 0 4 0 0 0 4 0 0 0 4 4');
    expect(report.findings.filter((f) => f.code === 'assemble.page-number')).toEqual([
      {
        code: 'assemble.page-number',
        severity: 'error',
        message:
          '「政府信息公开行政复议、行政诉讼情况」的数字之后、该页末尾单独的「4」（第 558 行）当作页码，而该行数字中也有「4」、勾稽关系不成立（阅读顺序文本中页码可能排在表格的数字之间，页末的「4」可能是该行的数字），无法确定，该行各单元格记为空值',
        line: 528,
        column: 1,
        keys: litigation,
        actual: '0 0 0 0 0 4 0 0 4 0 4 0 0 0 4',
        expected: '15 个单元格',
      },
    ]);
    for (const key of litigation) expect(report.cells[key], key).toBeNull();
  });

  it('pages 2, 3 and 5 of 5 numbered last on their pages: those numbers go, and 「四、结转…」 reads exactly', async () => {
    // Page 2's 「2」 stood after the row's seven figures: it read eight, an error.
    const { truth, report } = await read('blanks-wordpdf-0-bare-plain.txt');
    const next = Object.keys(truth.cells).filter((k) => k.startsWith('a.next.'));
    expect(next.map((k) => report.cells[k])).toEqual([1, 0, 0, 9, 0, 1, 11]);
    expect(next.map((k) => truth.cells[k])).toEqual([1, 0, 0, 9, 0, 1, 11]);
  });
});

describe('plain pdftotext: group label pieces beside the rows (「（五）不予处理」 down the page)', () => {
  const rowFindings = async (name: string, prefix: string) =>
    (await read(name)).report.findings.filter((f) => f.keys?.some((k) => k.startsWith(prefix)));

  it("a row after a short one, its first figure on its label's line (「其他对外管理服务事 56」): named, it may hold the short row's", async () => {
    expect(await rowFindings('blanks-wordpdf-792065478-plain.txt', 'p.otherServices.')).toEqual([
      {
        code: 'assemble.row-shape',
        severity: 'error',
        message:
          '上一行的数字少于单元格又无法定位，「其他对外管理服务事项」的数字中可能有上一行的（行标签写在数字之间），无法确定',
        line: 80,
        column: 11,
        keys: ['p.otherServices.prevItems', 'p.otherServices.change', 'p.otherServices.decisions'],
        actual: '56 -14 1',
        expected: '3 个单元格',
      },
    ]);
  });

  it("labels one a line with pieces of a group label before them (「五） 2.重复申请」) are a run: the figures after it any row's", async () => {
    const keys = ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => `a.reject.mass.${c}`);
    expect(await rowFindings('blanks-wordpdf-1006622818-plain.txt', 'a.reject.mass.')).toEqual([
      {
        code: 'assemble.row-shape',
        severity: 'error',
        message:
          '「4.无正当理由大量反复申请」与相邻行的标签连写、其后的数字少于这些行的单元格（阅读顺序文本中空白单元格不留行），不知各是哪一行的，无法确定',
        line: 207,
        column: 1,
        keys,
        actual: '0 0 0 0 0 0 0',
        expected: '7 个单元格',
      },
    ]);
  });
});

/** The keys of a row of table 三. */
const keysOf = (row: string) => ['np', 'biz', 'res', 'ngo', 'law', 'oth', 'total'].map((c) => `${row}.${c}`);
/** The keys an error names. */
const named = (report: { findings: { severity: string; keys?: string[] }[] }) =>
  new Set(errors(report.findings as never).flatMap((f) => f.keys));

describe("plain pdftotext: a row's last figure alone after the page's foot, last on the page", () => {
  it.each([
    [
      'blanks-wordpdf-1150428741-plain.txt',
      '8.属于行政查询事项',
      'a.deny.query',
      '0',
      311,
      297,
      '0 0 0 0 0 0 0',
    ],
    ['wordpdf-7-plain.txt', '一、本年新收政府信息公开申请数量', 'a.new', '51', 132, 118, '14 5 7 3 3 19 51'],
  ])(
    '%s: 「%s」 is named, read as null; every cell not read exactly is named',
    async (name, label, row, figure, at, line, actual) => {
      const { truth, report } = await read(name);
      expect(report.findings.filter((f) => f.code === 'assemble.after-foot')).toEqual([
        {
          code: 'assemble.after-foot',
          severity: 'error',
          message: `「${label}」的最后一个数字「${figure}」（第 ${at} 行）单独排在页码或页脚之后、该页的末尾（阅读顺序文本中它可能是下一页上下一行的数字），无法确定，该行各单元格记为空值`,
          line,
          column: 1,
          keys: keysOf(row),
          actual,
          expected: '7 个单元格',
        },
      ]);
      for (const key of keysOf(row)) expect(report.cells[key], key).toBeNull();
      const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
      expect(wrong.filter((k) => !named(report).has(k))).toEqual([]);
    },
  );
});

describe('plain pdftotext: two labels spread a character a line, interleaved', () => {
  it("「规章」 not found and 「规范性文件」 found only as damaged wording: its figures may be 规章's, named", async () => {
    // 「规|规|容|本年新制作数量|本年新公开数量|章0|范|性|文|件0|对外公开总数量|0|0」: 规范性文件's 总数 was
    // blank, the 0s partly 规章's; read 0 0 0, no error.
    const { report } = await read('blanks-wordpdf-792873347-plain.txt');
    expect(
      report.findings.filter(
        (f) => f.severity === 'error' && f.keys?.some((k) => k.startsWith('p.normative.')),
      ),
    ).toEqual([
      {
        code: 'assemble.row-shape',
        severity: 'error',
        message:
          '上一行未找到，「规范性文件」的行标签又与格式的写法不同或不在格式的位置上（阅读顺序文本中两行的标签可能逐字交错），其后的数字中可能有上一行的，无法确定',
        line: 51,
        column: 2,
        keys: ['p.normative.made', 'p.normative.published', 'p.normative.total'],
        actual: '0 0 0',
        expected: '3 个单元格',
      },
    ]);
  });
  it("the same a little wider: 「规范性文件」 found whole but out of the format's place, named too", async () => {
    // 「规|…|本年新公开数量|章 0|规 范 性 文 件 0|对外公开总数量|0|0」: 规范性文件 whole (label-moved,
    // not damaged), its 总数 blank; read 0 0 0, no error.
    const { report } = await read('blanks-wordpdf-792873347-wide-plain.txt');
    expect(
      report.findings.filter(
        (f) => f.severity === 'error' && f.keys?.some((k) => k.startsWith('p.normative.')),
      ),
    ).toEqual([
      {
        code: 'assemble.row-shape',
        severity: 'error',
        message:
          '上一行未找到，「规范性文件」的行标签又与格式的写法不同或不在格式的位置上（阅读顺序文本中两行的标签可能逐字交错），其后的数字中可能有上一行的，无法确定',
        line: 44,
        column: 11,
        keys: ['p.normative.made', 'p.normative.published', 'p.normative.total'],
        actual: '0 0 0',
        expected: '3 个单元格',
      },
    ]);
  });
});

describe('plain pdftotext: labels written in a run, then their figures column by column', () => {
  const rows = ['a.reject.petition', 'a.reject.repeat', 'a.reject.publication', 'a.reject.mass'];
  rows.push(
    'a.reject.confirm',
    'a.other.noCorrection',
    'a.other.noFee',
    'a.other.other',
    'a.total',
    'a.next',
  );

  it('seven runs of six figures, a blank line between, are six rows turned round: the run of labels reads exactly', async () => {
    // Table 三's rows from 「1.信访举报投诉类申请」 to 「四、结转下年度继续办理」, their labels one
    // after another, then their 70 figures: the first six rows down each column (seven runs of
    // six lines), then the rest a figure a block. They were named (see the next test); the runs
    // are now put back row by row (column-runs.ts).
    const { truth, report } = await read('wordpdf-1125945273-plain.txt');
    for (const row of rows)
      for (const key of keysOf(row)) expect(report.cells[key], key).toBe(truth.cells[key]);
    expect(keysOf('a.reject.petition').map((k) => report.cells[k])).toEqual([0, 0, 0, 0, 0, 2, 2]);
    const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
    expect(wrong.filter((k) => !named(report).has(k))).toEqual([]);
    expect(wrong.some((k) => rows.some((row) => k.startsWith(`${row}.`)))).toBe(false);
  });

  it("the same figures in one run: not shared out row by row when the rows' sums then break, every row of the run named", async () => {
    // Without the blank lines between the columns nothing tells them apart. Shared out seven a
    // row, six rows broke their sums (named by the checker) and 信访举报投诉类申请 read
    // 0 0 0 0 0 0 0 for 0 0 0 0 0 2 2, its sum holding: no error.
    const { truth } = await read('wordpdf-1125945273-plain.txt');
    const lines = readFileSync(new URL('wordpdf-1125945273-plain.txt', dir), 'utf8').split('\n');
    const between = new Set([280, 287, 294, 301, 308, 315]);
    const text = lines.filter((_, i) => !between.has(i + 1)).join('\n');
    const { report } = await processBytes(new TextEncoder().encode(text), 'one-run.txt');
    const run = report.findings.filter((f) => f.message.includes('按行依次分给这些行时勾稽关系不成立'));
    expect(run.map((f) => [f.code, f.severity, f.keys?.[0]])).toEqual(
      rows.map((row) => ['assemble.row-shape', 'error', `${row}.np`]),
    );
    expect(run[0]?.message).toBe(
      '「1.信访举报投诉类申请」与相邻行的标签连写，其后的数字按行依次分给这些行时勾稽关系不成立（阅读顺序文本中表格可能逐列给出），不知各是哪一行的，无法确定',
    );
    expect(run[0]?.line).toBe(261);
    for (const row of rows) for (const key of keysOf(row)) expect(report.cells[key], key).toBeNull();
    const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
    expect(wrong.filter((k) => !named(report).has(k))).toEqual([]);
  });
});

describe('plain pdftotext: blank marks alone on their lines, cells like figures', () => {
  it('wordpdf-78713784-plain: 「无」 between blank lines is a blank cell, and table 三 aligns as figures do', async () => {
    // Labels of a tall group's rows one after another, then their figures, each cell a block of
    // its own: 「无」 for a blank cell. Blank marks once stopped the alignment (table 三 read 63 of
    // its cells, the rest named).
    const { truth, report } = await read('wordpdf-78713784-plain.txt');
    expect(report.cells).toEqual(truth.cells);
    expect(errors(report.findings)).toEqual([]);
    expect(Object.values(truth.cells).filter((v) => v === null).length).toBe(40);
  });

  it("blanks-wordpdf-22-plain: three rows' cells given column by column (「0|0|—」) are turned round", async () => {
    // （六）其他处理's 3.其他, （七）总计 and 四, one line each and set close together, come out
    // after all the labels as seven runs of three lines, one a column. Read seven at a time they
    // were the rows transposed: 其他 0 0 0 0 0 — 0 and 四 0 0 0 0 — 0 0 read as 0 0 0 0 0 0 — and
    // — 0 0 0 0 0 0, no identity telling (blank marks and zeros). They are put back row by row.
    const { truth, report } = await read('blanks-wordpdf-22-plain.txt');
    const rows = ['a.other.noCorrection', 'a.other.noFee', 'a.other.other', 'a.total', 'a.next'];
    for (const row of rows)
      for (const key of keysOf(row)) expect(report.cells[key], key).toBe(truth.cells[key]);
    expect(keysOf('a.next').map((k) => report.cells[k])).toEqual([0, 0, 0, 0, null, 0, 0]);
    expect(errors(report.findings).filter((f) => f.keys?.some((k) => k.startsWith('a.')))).toEqual([]);
  });

  it('the same runs broken by a line of words between two of them: not read as rows, but named', async () => {
    // Three runs, a note, four runs: no stretch of seven to turn round, and runs of three lines
    // are no rows (a run of figures on consecutive lines must be one row after its label).
    const { truth } = await read('blanks-wordpdf-22-plain.txt');
    const lines = readFileSync(new URL('blanks-wordpdf-22-plain.txt', dir), 'utf8').split('\n');
    expect(lines.slice(304, 311)).toEqual(['0', '0', '0', '', '0', '0', '0']);
    lines[307] = '注：本表数据截至年底。';
    const { report } = await processBytes(new TextEncoder().encode(lines.join('\n')), 'broken.txt');
    const rows = ['a.other.noCorrection', 'a.other.noFee', 'a.other.other', 'a.total', 'a.next'];
    for (const row of rows) for (const key of keysOf(row)) expect(report.cells[key], key).toBeNull();
    const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
    expect(wrong.filter((k) => !named(report).has(k))).toEqual([]);
  });
});

describe("plain pdftotext: a run of labels, then a page's repeated header and a row's figures", () => {
  it("blanks-wordpdf-0-repeated-header-plain: the figures after the header are not taken for the last label's row", async () => {
    // 「5.要求行政机关确认…」 … 「（七）总计」「四、结转下年度继续办理」, labels one after another, then
    // page 3's repeated header and 「0|0|0|0|0|无|0」, the row of 5.要求行政机关确认 (blank 其他).
    // 四 read them as its own, 其他 blank for 0, with a warning only (a deep sweep of
    // pdftotext-variants, GONGKAI_FC_SEED=7171).
    const { truth, report } = await read('blanks-wordpdf-0-repeated-header-plain.txt');
    expect(keysOf('a.reject.confirm').map((k) => truth.cells[k])).toEqual([0, 0, 0, 0, 0, null, 0]);
    expect(keysOf('a.next').map((k) => truth.cells[k])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    for (const key of keysOf('a.next')) expect(report.cells[key], key).toBeNull();
    const next = errors(report.findings).find((f) => f.keys?.[0] === 'a.next.np');
    expect([next?.code, next?.line, next?.message]).toEqual([
      'assemble.row-shape',
      368,
      '「四、结转下年度继续办理」之后的数字中间隔着别的文字（阅读顺序文本中其后的数字可能是别的行或别的栏的），无法确定',
    ]);
    const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
    expect(wrong.filter((k) => !named(report).has(k))).toEqual([]);
  });
});

describe('plain pdftotext: figures glued to words, in two stretches, as many as the cells', () => {
  it("wordpdf-612617060-plain: the later stretch after other rows' spread labels is not the row's own", async () => {
    // 「…其他对外管理服务事项1」, then 行政处罚 and 行政强制 spread a character a line and
    // interleaved (「信|行|行|息|政|政|内|处|强|容|罚0|制 41」, neither found): the row read
    // 1 0 41 for 1 −3 1, three figures for its three cells, no error (a deep sweep of
    // pdftotext-variants, GONGKAI_FC_SEED=7171).
    const { truth, report } = await read('wordpdf-612617060-plain.txt');
    const row = ['prevItems', 'change', 'decisions'].map((c) => `p.otherServices.${c}`);
    expect(row.map((k) => truth.cells[k])).toEqual([1, -3, 1]);
    for (const key of row) expect(report.cells[key], key).toBeNull();
    const error = errors(report.findings).find((f) => f.keys?.[0] === 'p.otherServices.prevItems');
    expect([error?.code, error?.line, error?.message]).toEqual([
      'assemble.row-shape',
      50,
      '「其他对外管理服务事项」之后的数字中间隔着别的文字（阅读顺序文本中其后的数字可能是别的行或别的栏的），无法确定',
    ]);
    const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
    expect(wrong.filter((k) => !named(report).has(k))).toEqual([]);
  });
});

describe('plain pdftotext: a row whose first figure comes after its last', () => {
  it('blanks-wordpdf-18-plain: read shifted, with a blank cell, it is named by its sum (the known cells pass the total)', async () => {
    const { truth, report } = await read('blanks-wordpdf-18-plain.txt');
    expect(keysOf('a.prev').map((k) => truth.cells[k])).toEqual([0, 20, 12, null, 0, 0, 37]);
    expect(keysOf('a.prev').map((k) => report.cells[k])).toEqual([20, 12, null, 0, 0, 37, 0]);
    const sum = errors(report.findings).find(
      (f) => f.code === 'check.row-sum' && f.keys?.includes('a.prev.np'),
    );
    expect(sum?.message).toBe(
      '勾稽关系不成立：「二、上年结转政府信息公开申请数量」行：总计 = 各类申请人之和，右边有 1 格空白，其余各格之和已为 69，大于左边的 0',
    );
    const wrong = Object.keys(truth.cells).filter((k) => report.cells[k] !== truth.cells[k]);
    expect(wrong.filter((k) => !named(report).has(k))).toEqual([]);
  });
});

describe("plain pdftotext: table 二's labels in one column before the items' captions", () => {
  it('blanks-wordpdf-2147483647-plain: each item read from its caption, headers and figures, its rows in order', async () => {
    // 「信息内容|规章|规范性文件|信息内容|行政许可|…|政府集中采购」, then 「第二十条第（一）项|本年新制作
    // 数量|本年新公开数量|对外公开总数量|17|5|0|2|274|24」 and so on: no label stood in any item's
    // stretch, and every row of table 二 was named (规章 「未找到」).
    const { truth, report } = await read('blanks-wordpdf-2147483647-plain.txt');
    const proactive = Object.keys(truth.cells).filter((k) => k.startsWith('p.'));
    expect(proactive.map((k) => report.cells[k])).toEqual(proactive.map((k) => truth.cells[k]));
    expect(
      ['p.rules', 'p.normative'].flatMap((row) =>
        ['made', 'published', 'total'].map((c) => truth.cells[`${row}.${c}`]),
      ),
    ).toEqual([17, 5, 0, 2, 274, 24]);
    expect(errors(report.findings).filter((f) => f.keys?.some((k) => k.startsWith('p.')))).toEqual([]);
  });
});

describe("pdftotext -raw: a row's figures on a line of their own, in a page number's form", () => {
  it.each([
    // 「其他对外管理服务」「事项」「3 / 42」: 3, the blank mark 「/」, 42, in a five-page report
    // numbered 「- 1 -」, once dropped as page 3 of 42 (the row read 「没有填写数字」, no error).
    ['wordpdf-728067274-raw.txt', 'p.otherServices.', [3, null, 42]],
    // 「其他对外管理服务事」「项」「— 14 —」: a blank, 14, a blank, in a report with no page numbers,
    // once dropped as page 14.
    ['wordpdf-1285303513-raw.txt', 'p.otherServices.', [null, 14, null]],
  ])('%s reads exactly, with no error', async (name, prefix, row) => {
    const { truth, report } = await read(name);
    expect(
      Object.keys(truth.cells)
        .filter((k) => k.startsWith(prefix))
        .map((k) => report.cells[k]),
    ).toEqual(row);
    expect(report.cells).toEqual(truth.cells);
    expect(errors(report.findings)).toEqual([]);
  });
});
