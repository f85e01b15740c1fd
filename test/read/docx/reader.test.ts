import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import type { Block, TableBlock } from '../../../src/read/blocks.js';
import { readDocx } from '../../../src/read/docx/index.js';
import { formatNumber } from '../../../src/read/docx/number-format.js';
import { joinCellText } from '../../../src/read/docx/word-items.js';
import { docx, lvl, np, numberingXml, p, stylesXml } from './build.js';

const read = (bytes: Uint8Array): { blocks: Block[]; file: SourceFile } => {
  const file = new SourceFile('t.docx');
  return { blocks: readDocx(bytes, file), file };
};
const texts = (bytes: Uint8Array) =>
  read(bytes).blocks.map((b) => (b.type === 'paragraph' ? b.text : '<table>'));
const places = (bytes: Uint8Array) =>
  read(bytes).blocks.map((b) => [b.type === 'paragraph' ? b.text : '<table>', b.line, b.column]);
const grid = (block: Block | undefined) =>
  (block as TableBlock).rows.map((row) => row.map((c) => (c.spanned ? '^' : c.text)));

const tc = (inner: string, props = '') => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${inner}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

describe('paragraphs and their places', () => {
  it('one block per non-empty paragraph; line is the paragraph ordinal, empty ones leave gaps', () => {
    expect(places(docx(p('标题') + p() + p('正文', '第二段') + p('  ')))).toEqual([
      ['标题', 1, 1],
      ['正文第二段', 3, 1],
    ]);
  });

  it('tabs, symbols and hyphens; breaks split the paragraph, later lines keep their column', () => {
    const body = p(
      '信息内容',
      '<w:r><w:tab/><w:t>0</w:t><w:noBreakHyphen/><w:t>1</w:t></w:r>',
      '<w:r><w:sym w:font="Symbol" w:char="F0B4"/><w:sym w:font="Wingdings" w:char="F0FC"/><w:br/><w:t>第二行</w:t></w:r>',
    );
    expect(places(docx(body))).toEqual([
      ['信息内容\t0-1×', 1, 1],
      ['第二行', 1, 11],
    ]);
  });

  it('file.text has one line per paragraph, so places point into it', () => {
    const { file } = read(docx(p('一') + p() + p('a', '<w:r><w:br/></w:r>', 'b')));
    expect(file.text).toBe('一\n\na b');
  });

  it('tracked changes read as accepted: insertions and moves to kept, deletions and moves from dropped', () => {
    const body = p(
      '共',
      '<w:ins w:id="1" w:author="a"><w:r><w:t>收到</w:t></w:r></w:ins>',
      '<w:del w:id="2" w:author="a"><w:r><w:delText>删去</w:delText><w:tab/></w:r></w:del>',
      '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom>',
      '<w:moveTo w:id="4" w:author="a"><w:r><w:t>申请</w:t></w:r></w:moveTo>',
      '<w:r><w:rPr><w:rPrChange w:id="5" w:author="a"><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>3件</w:t></w:r>',
    );
    expect(texts(docx(body))).toEqual(['共收到申请3件']);
  });

  it('fields: the instruction is dropped and the result kept; a table of contents is left out', () => {
    const field = (instruction: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const toc =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、总体情况 1</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>二、主动公开 2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>';
    const body =
      toc +
      p('见', field(' HYPERLINK "http://gov.cn" ', 'http://gov.cn'), '。') +
      p('<w:fldSimple w:instr=" DATE "><w:r><w:t>2022年1月1日</w:t></w:r></w:fldSimple>');
    expect(texts(docx(body))).toEqual(['见http://gov.cn。', '2022年1月1日']);
  });

  it('hidden runs are dropped; content controls, hyperlinks and smart tags read in place', () => {
    const body =
      p(
        '可见',
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>',
        '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r>',
      ) +
      '<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent>' +
      p(
        '<w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink>',
        '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>标记</w:t></w:r></w:smartTag>',
      ) +
      '</w:sdtContent></w:sdt>';
    expect(texts(docx(body))).toEqual(['可见也可见', '链接标记']);
  });

  it('text boxes are read once (the choice, not the fallback), right after their anchor paragraph', () => {
    const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
    const body =
      p(
        '锚',
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('框内文字')}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>${box('框内文字')}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
        '段落',
      ) + p('下一段');
    expect(places(docx(body))).toEqual([
      ['锚段落', 1, 1],
      ['框内文字', 2, 1],
      ['下一段', 3, 1],
    ]);
  });

  it('math text is read; ruby text is not', () => {
    const body = p(
      '<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>',
      '<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>gong</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>公</w:t></w:r></w:rubyBase></w:ruby></w:r>',
    );
    expect(texts(docx(body))).toEqual(['x+1公']);
  });

  it('a strict OOXML document reads like a transitional one', () => {
    const body = `<w:p xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:r><w:t>严格</w:t></w:r></w:p>`;
    expect(texts(docx(body))).toEqual(['严格']);
  });
});

describe('automatic numbering', () => {
  const headings = numberingXml(
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimalEnclosedCircle', '%1')}${lvl(1, 'ideographTraditional', '%2、')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="4"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
  );

  it('headings read 「一、」「（一）」 with counters per level, lower levels restarting', () => {
    const body =
      np(1, 0, '总体情况') +
      np(1, 1, '主动公开情况') +
      np(1, 1, '依申请公开情况') +
      np(1, 2, '其他') +
      np(1, 0, '主动公开政府信息情况') +
      np(1, 1, '规章') +
      np(2, 0, '圈一') +
      np(2, 1, '甲项') +
      np(2, 1, '乙项') +
      p('无编号');
    expect(texts(docx(body, { numbering: headings }))).toEqual([
      '一、总体情况',
      '（一）主动公开情况',
      '（二）依申请公开情况',
      '1.其他',
      '二、主动公开政府信息情况',
      '（一）规章',
      '①圈一',
      '甲、甲项',
      '乙、乙项',
      '无编号',
    ]);
  });

  it('another w:num of the same list continues it; one with startOverride restarts it', () => {
    const body = np(1, 0, 'a') + np(3, 0, 'b') + np(4, 0, 'c') + np(4, 0, 'd') + np(1, 0, 'e');
    expect(texts(docx(body, { numbering: headings }))).toEqual(['一、a', '二、b', '一、c', '二、d', '三、e']);
  });

  it('empty numbered paragraphs count; numId 0 turns numbering off', () => {
    const body = np(1, 0, '') + np(1, 0, '二') + np(0, 0, '无');
    expect(texts(docx(body, { numbering: headings }))).toEqual(['一、', '二、二', '无']);
  });

  it('numbering from the paragraph style, through basedOn, with the level linked to the style', () => {
    const numbering = numberingXml(
      `<w:abstractNum w:abstractNumId="7">${lvl(0, 'chineseCountingThousand', '%1、', '<w:pStyle w:val="H1"/>')}${lvl(1, 'chineseCountingThousand', '（%2）', '<w:pStyle w:val="H2"/>')}</w:abstractNum>` +
        '<w:num w:numId="5"><w:abstractNumId w:val="7"/></w:num>',
    );
    const styles = stylesXml(
      '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
        '<w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="MyH2"><w:basedOn w:val="H2"/></w:style>',
    );
    const styled = (style: string, text: string) =>
      `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    let body = '';
    for (let i = 0; i < 11; i++) body += styled('H1', `第${i + 1}`);
    body += styled('MyH2', '子项') + styled('Normal', '正文');
    expect(texts(docx(body, { numbering, styles })).slice(8)).toEqual([
      '九、第9',
      '十、第10',
      '十一、第11',
      '（一）子项',
      '正文',
    ]);
  });

  it('suffixes: tab by default, space, nothing; legal numbering prints decimals; bullets print nothing', () => {
    const numbering = numberingXml(
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>' +
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/><w:suff w:val="space"/></w:lvl></w:abstractNum>' +
        `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '')}</w:abstractNum>` +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
    );
    expect(texts(docx(np(1, 0, 'a') + np(1, 1, 'b') + np(2, 0, 'c'), { numbering }))).toEqual([
      '三、\ta',
      '3.1 b',
      'c',
    ]);
  });

  it('a w14 custom format in mc:Choice falls back to the mc:Fallback format', () => {
    const numbering = numberingXml(
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimalZero"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1."/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    );
    expect(texts(docx(np(1, 0, 'a'), { numbering }))).toEqual(['01.a']);
  });
});

describe('number formats', () => {
  it.each([
    [
      'chineseCounting',
      [1, 9, 10, 11, 20, 21, 100, 101, 110, 1000, 1010],
      '一 九 十 十一 二十 二十一 一百 一百零一 一百一十 一千 一千零一十',
    ],
    ['chineseCountingThousand', [3, 15, 99], '三 十五 九十九'],
    ['chineseLegalSimplified', [1, 10, 12, 20], '壹 壹拾 壹拾贰 贰拾'],
    ['ideographDigital', [1, 10, 205], '一 一〇 二〇五'],
    ['ideographTraditional', [1, 2, 10, 11], '甲 乙 癸 11'],
    ['ideographZodiac', [1, 12], '子 亥'],
    ['decimalEnclosedCircle', [1, 10, 20, 21, 51], '① ⑩ ⑳ ㉑ 51'],
    ['decimalEnclosedCircleChinese', [3], '③'],
    ['decimalEnclosedParen', [1, 20], '⑴ ⒇'],
    ['decimalEnclosedFullstop', [1], '⒈'],
    ['ideographEnclosedCircle', [1, 10], '㊀ ㊉'],
    ['ideographParenthesized', [1], '㈠'],
    ['decimalFullWidth', [12], '１２'],
    ['decimalZero', [5, 12], '05 12'],
    ['upperRoman', [4, 9, 14], 'IV IX XIV'],
    ['lowerLetter', [1, 27], 'a aa'],
    ['decimal', [7], '7'],
    ['someFutureFormat', [7], '7'],
  ])('%s', (format, numbers, expected) => {
    expect(numbers.map((n) => formatNumber(n, format)).join(' ')).toBe(expected);
  });
});

describe('tables', () => {
  it('gridSpan and vMerge expand to a grid; a cell’s paragraphs and lines join', () => {
    const body =
      p('表前') +
      tbl(
        tr(
          tc(p('信息内容'), '<w:vMerge w:val="restart"/>'),
          tc(p('本年', '<w:r><w:br/><w:t>制发件数</w:t></w:r>'), '<w:gridSpan w:val="2"/>'),
        ),
        tr(tc(p(), '<w:vMerge/>'), tc(p('规章')), tc(p('1') + p('件'))),
        tr(tc(p('1.属于') + p('国家秘密')), tc(p('Total') + p('总计')), tc(p())),
      ) +
      p('表后');
    const { blocks } = read(docx(body));
    expect(blocks.map((b) => [b.type, b.line, b.column])).toEqual([
      ['paragraph', 1, 1],
      ['table', 2, 1],
      ['paragraph', 13, 1],
    ]);
    expect(grid(blocks[1])).toEqual([
      ['信息内容', '本年制发件数', '^'],
      ['^', '规章', '1 件'],
      ['1.属于国家秘密', 'Total 总计', ''],
    ]);
    const rows = (blocks[1] as TableBlock).rows;
    expect(rows.map((r) => r.map((c) => c.line))).toEqual([
      [2, 3, 3],
      [4, 5, 6],
      [8, 10, 12],
    ]);
  });

  it('gridBefore/gridAfter positions are covered; deleted rows are dropped; tracked changes in cells', () => {
    const body = tbl(
      tr(tc(p('a')), tc(p('b')), tc(p('c'))),
      `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc(p('m'))}</w:tr>`,
      `<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>${tc(p('x'))}${tc(p('y'))}${tc(p('z'))}</w:tr>`,
      tr(
        tc(p('d')),
        tc(
          p(
            '<w:del w:id="2" w:author="a"><w:r><w:delText>9</w:delText></w:r></w:del>',
            '<w:ins w:id="3" w:author="a"><w:r><w:t>0</w:t></w:r></w:ins>',
          ),
        ),
        tc(p('f'), '<w:hMerge/>'),
      ),
    );
    expect(grid(read(docx(body)).blocks[0])).toEqual([
      ['a', 'b', 'c'],
      ['^', 'm', '^'],
      ['d', '0', '^'],
    ]);
  });

  it('a nested table becomes its own block after the outer one; single-column tables are frames', () => {
    const inner = tbl(tr(tc(p('内1')), tc(p('内2'))));
    const body =
      tbl(tr(tc(p('外1')), tc(p('外2') + inner + p('外2续')))) +
      tbl(tr(tc(p('一、总体情况') + p('正文') + tbl(tr(tc(p('x')), tc(p('1'))))))) +
      tbl(tr(tc(p())), tr(tc(p(''))));
    const { blocks } = read(docx(body));
    expect(blocks.map((b) => (b.type === 'table' ? grid(b) : [b.text, b.line]))).toEqual([
      [['外1', '外2 外2续']],
      [['内1', '内2']],
      ['一、总体情况', 6],
      ['正文', 7],
      [['x', '1']],
    ]);
  });

  it('joins CJK without a space, anything else with one', () => {
    expect(joinCellText(['结果', '维持', '', ' 2 ', '件', 'a', '𠀀', '字'])).toBe('结果维持 2 件 a 𠀀字');
  });
});

describe('findings', () => {
  it('tracked changes: one info at the first; imported chunks: a warning, or a refusal when nothing else', () => {
    const { file } = read(
      docx(
        p('前') +
          p('a', '<w:ins w:id="1" w:author="x"><w:r><w:t>b</w:t></w:r></w:ins>') +
          '<w:altChunk r:id="rId5"/>',
      ),
    );
    expect(file.findings.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['read.docx-revisions', 'info', 2],
      ['read.docx-altchunk', 'warning', null],
    ]);
    expect(() => read(docx('<w:altChunk r:id="rId5"/>'))).toThrow(/altChunk/);
  });
});
