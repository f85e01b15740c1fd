/** The HTML reader piece by piece: sniffing, decoding, prose lines, table grids, what is dropped. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../../src/core/source-file.js';
import type { Block, TableBlock } from '../../../src/read/blocks.js';
import { isChromeLine } from '../../../src/read/html/chrome-lines.js';
import { decodeHtml } from '../../../src/read/html/decode.js';
import { limitNesting } from '../../../src/read/html/depth.js';
import { readHtml } from '../../../src/read/html/index.js';
import { sniffHtml } from '../../../src/read/html/sniff.js';
import { readBlocks } from '../../../src/read/registry.js';
import { encodeGbk } from './support/gbk.js';

const encode = (s: string) => new TextEncoder().encode(s);
const read = (html: string) => readHtml(encode(html), new SourceFile('t.html'));
/** Paragraphs as 「line:column text」, tables as their grids (「^」 for a covered position). */
const show = (blocks: readonly Block[]) =>
  blocks.map((b) =>
    b.type === 'paragraph'
      ? `${b.line}:${b.column} ${b.text}`
      : b.rows.map((r) => r.map((c) => (c.spanned ? '^' : c.text))),
  );
/** 「line:column」 of the `nth` occurrence of `needle` in `page`, counted independently of the reader. */
const at = (page: string, needle: string, nth = 0): string => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = page.indexOf(needle, i + 1);
  if (i === -1) throw new Error(`no ${needle}`);
  const before = page.slice(0, i);
  return `${before.split('\n').length}:${i - before.lastIndexOf('\n')}`;
};
const grid = (html: string) => show(read(html).filter((b): b is TableBlock => b.type === 'table'));

describe('sniffing by content', () => {
  it.each([
    '<!DOCTYPE html><html><body>x</body></html>',
    '<!doctype HTML>\n<title>x</title>',
    '\ufeff\r\n  <!-- saved from url=(0041)http://www.example.gov.cn/ -->\r\n<html>',
    '<?xml version="1.0" encoding="gb2312"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x">',
    '<html xmlns:o="urn:schemas-microsoft-com:office:office">',
    '<head><meta charset="utf-8">',
    '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
    '<body onload="x()">',
    '<div class="TRS_Editor">',
    '<table border=1><tr><td>x',
    '<p>一、总体情况</p>',
    '<P class=MsoNormal>',
  ])('%j is HTML', (start) => {
    expect(sniffHtml(encode(start))).toBe(true);
  });

  it('UTF-16 pages with a BOM are HTML', () => {
    const page = '<html><body>报告</body></html>';
    expect(sniffHtml(Uint8Array.from([0xff, 0xfe, ...Buffer.from(page, 'utf16le')]))).toBe(true);
    expect(sniffHtml(Uint8Array.from([0xfe, 0xff, ...Buffer.from(page, 'utf16le').swap16()]))).toBe(true);
  });

  it('UTF-16 pages without a BOM are HTML, and decode in their byte order whatever they declare', () => {
    const page = '<html><head><meta charset="gbk"></head><body>一、总体情况 2021</body></html>';
    const little = Buffer.from(page, 'utf16le');
    const big = Buffer.from(page, 'utf16le').swap16();
    expect(sniffHtml(little)).toBe(true);
    expect(sniffHtml(big)).toBe(true);
    expect(decodeHtml(little)).toMatchObject({ text: page, encoding: 'utf-16le', from: 'detected' });
    expect(decodeHtml(big)).toMatchObject({ text: page, encoding: 'utf-16be', from: 'detected' });
  });

  it.each([
    '某某局2021年政府信息公开工作年度报告\n<一>总体情况',
    '<一>总体情况',
    '<pre>',
    '<p',
    'p>x',
    '<!-- 没有结束的注释 <html>',
    '<<html>',
    '',
  ])('%j is not HTML', (start) => {
    expect(sniffHtml(encode(start))).toBe(false);
  });

  it('every text fixture still goes to the text reader, every HTML fixture to this one', async () => {
    for (const set of ['seeds', 'real', 'html']) {
      const dir = new URL(`../../fixtures/${set}/`, import.meta.url);
      for (const name of readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f))) {
        const { sourceType } = await readBlocks(readFileSync(new URL(name, dir)), new SourceFile(name));
        expect([name, sourceType]).toEqual([name, name.endsWith('.html') ? 'html' : 'text']);
      }
    }
  });
});

describe('decoding', () => {
  const page = (meta: string) =>
    `<html><head>${meta}</head><body><p>政府信息公开工作年度报告</p></body></html>`;

  it.each([
    ['<meta charset="gb2312">', 'gb18030'],
    ["<meta charset='GBK'/>", 'gb18030'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb18030">', 'gb18030'],
    ['<META HTTP-EQUIV="content-type" CONTENT="text/html;charset=x-gbk">', 'gb18030'],
  ])('%s: GBK bytes read as GB18030', (meta, encoding) => {
    const text = page(meta);
    expect(decodeHtml(encodeGbk(text))).toEqual({ text, encoding, from: 'declared', replacements: 0 });
  });

  it('an XML declaration names the encoding of an XHTML page', () => {
    const text = `<?xml version="1.0" encoding="GB2312"?>\n${page('')}`;
    expect(decodeHtml(encodeGbk(text))).toMatchObject({ text, encoding: 'gb18030', from: 'declared' });
  });

  it('a page that moved to UTF-8 and kept its gb2312 declaration reads as UTF-8', () => {
    const text = page('<meta charset="gb2312">');
    expect(decodeHtml(encode(text))).toEqual({ text, encoding: 'utf-8', from: 'detected', replacements: 0 });
  });

  it('without a declaration: UTF-8, else GB18030; a BOM decides over a declaration', () => {
    const text = page('');
    expect(decodeHtml(encode(text))).toMatchObject({ text, encoding: 'utf-8', from: 'detected' });
    expect(decodeHtml(encodeGbk(text))).toMatchObject({ text, encoding: 'gb18030', from: 'detected' });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...encode(page('<meta charset="gbk">'))]);
    expect(decodeHtml(bom)).toMatchObject({
      text: page('<meta charset="gbk">'),
      encoding: 'utf-8',
      from: 'bom',
    });
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodeHtml(utf16)).toMatchObject({ text, encoding: 'utf-16le', from: 'bom' });
  });

  it('a declared Western charset is ignored: a Chinese report is not written in one', () => {
    const text = page('<meta charset="iso-8859-1">');
    expect(decodeHtml(encodeGbk(text))).toMatchObject({ text, encoding: 'gb18030', from: 'detected' });
  });

  it('bytes that do not decode are replaced and reported', () => {
    const bytes = Uint8Array.from([...encodeGbk(page('<meta charset="gbk">')).slice(0, -14), 0x81, 0x20]);
    const file = new SourceFile('t.html');
    readHtml(bytes, file);
    expect(file.findings.map((f) => [f.code, f.message])).toEqual([
      ['read.decode', '有 1 个字符无法按 gb18030 解码，已替换为「�」'],
    ]);
  });
});

describe('prose: one paragraph per visual line, placed at its first character', () => {
  it('splits at block elements and <br>, not at inline ones', () => {
    const page = [
      '<body>',
      '<h1>某某局<span>2021年</span>政府信息公开工作年度报告</h1>',
      '<p>&nbsp;&nbsp;一、总体情况<br>2021年，<b>我局</b>认真<a href="#">贯彻</a>落实。</p>',
      '<div>第一行<div>嵌套的一行</div>第三行</div>',
      '<ul><li>列表一</li><li>列表二</ul>',
      '裸露的文字<hr>横线后',
      '</body>',
    ].join('\n');
    expect(show(read(page))).toEqual([
      '2:5 某某局2021年政府信息公开工作年度报告',
      '3:16 一、总体情况',
      '3:26 2021年，我局认真贯彻落实。',
      '4:6 第一行',
      '4:14 嵌套的一行',
      '4:25 第三行',
      '5:9 列表一',
      '5:21 列表二',
      '6:1 裸露的文字',
      '6:10 横线后',
    ]);
    expect(at(page, '列表二')).toBe('5:21');
  });

  it('joins a line break between CJK characters, spaces it between others; collapses whitespace', () => {
    const page = '<p>政府信息\n  公开工作 年度\u3000报告</p><p>共发布信息\n60条，Open\nData 平台</p>';
    expect(show(read(page)).map(String)).toEqual([
      '1:4 政府信息公开工作 年度 报告',
      '2:20 共发布信息 60条，Open Data 平台',
    ]);
  });

  it('places a line that starts with a character reference at the reference; CRLF lines count once', () => {
    expect(show(read('<p>\r\n\t&ldquo;谁执法谁普法&rdquo;</p>\r\n<p>&#x4E00;、总体情况</p>'))).toEqual([
      '2:2 “谁执法谁普法”',
      '3:4 一、总体情况',
    ]);
  });

  it('keeps the line breaks of preformatted text', () => {
    expect(show(read('<pre>第一行\n  第二行\n</pre>'))).toEqual(['1:6 第一行', '1:6 第二行']);
  });
});

describe('tables', () => {
  it('expands rowspan and colspan: text in the first position, covered ones spanned', () => {
    const page = `<table>
<tr><td rowspan="2" colspan="2">申请人情况</td><td colspan="2">法人或其他组织</td><td rowspan=2>总计</td></tr>
<tr><td>商业企业</td><td>科研机构</td></tr>
<tr><td rowspan="0">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td><td>2</td><td>3</td></tr>
<tr><td>（二）部分公开</td><td>0</td><td>0</td><td>0</td></tr>
</table>`;
    expect(grid(page)).toEqual([
      [
        ['申请人情况', '^', '法人或其他组织', '^', '总计'],
        ['^', '^', '商业企业', '科研机构', '^'],
        ['三、本年度办理结果', '（一）予以公开', '1', '2', '3'],
        ['^', '（二）部分公开', '0', '0', '0'],
      ],
    ]);
    const table = read(page)[0] as TableBlock;
    expect(at(page, '申请人情况')).toBe('2:33');
    expect(table.rows[0]?.[0]).toEqual({ text: '申请人情况', line: 2, column: 33 });
    expect(table.rows[0]?.[1]).toEqual({ text: '', line: 2, column: 33, spanned: true });
    expect(table.rows[1]?.[0]).toEqual({ text: '', line: 2, column: 33, spanned: true });
    expect(at(page, '<td>1<')).toBe('4:51');
    expect(table.rows[2]?.[2]).toEqual({ text: '1', line: 4, column: 55 });
    expect(table).toMatchObject({ type: 'table', line: 1, column: 1 });
  });

  it('joins the lines of a cell: CJK directly, anything else with a space; &nbsp; cells are empty', () => {
    const page = `<table><tr>
<td>商业<br>企业</td><td><p>社会公益</p><p>组织</p></td><td>结果<br/>\n 维持</td>
<td>本年收费金额<br>(单位:万元)</td><td>No.<br>1</td><td>&nbsp;</td><td> &nbsp;<o:p>&nbsp;</o:p></td><td>1</td>
</tr></table>`;
    expect(grid(page)).toEqual([
      [['商业企业', '社会公益组织', '结果维持', '本年收费金额 (单位:万元)', 'No. 1', '', '', '1']],
    ]);
  });

  it('Word residue (<o:p>, mso- styles, a span per character, <font>, <b>) does not split cell text', () => {
    const page = `<table class=MsoNormalTable><tr><td width=54 style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'>
<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:仿宋_GB2312'>法</span><span
style='font-size:10.5pt'>律</span><b><span style='mso-bidi-font-size:10.5pt'>服务</span></b><font face="宋体">机构</font><span lang=EN-US><o:p></o:p></span></p>
</td><td><p class=MsoNormal><span lang=EN-US style='font-family:"Times New Roman"'>1<span style='mso-spacerun:yes'>&nbsp;</span>2</span></p></td><td><span style="display:none">隐藏</span>3</td></tr></table>`;
    expect(grid(page)).toEqual([[['法律服务机构', '1 2', '3']]]);
  });

  it('orders row groups as shown (head, bodies, foot), fills holes, drops empty rows and trailing holes', () => {
    const page = `<table><tfoot><tr><td>合计</td><td>9</td></tr></tfoot>
<tbody><tr><td rowspan="2">甲</td><td>1</td><td rowspan="2">x</td></tr><tr></tr><tr><td>乙</td></tr></tbody>
<thead><tr><th>项目</th><th>数量</th></tr></thead>
<tr><td colspan="2">单独的行</td></tr></table>`;
    expect(grid(page)).toEqual([
      [['项目', '数量'], ['甲', '1', 'x'], ['^', '', '^'], ['乙'], ['单独的行', '^'], ['合计', '9']],
    ]);
  });

  it('emits a caption as a paragraph before its table', () => {
    expect(
      show(read('<table><caption>表二 主动公开</caption><tr><td>规章</td><td>0</td></tr></table>')),
    ).toEqual(['1:17 表二 主动公开', [['规章', '0']]]);
  });

  it('a layout table around the page is not a grid: its text is lines, only inner tables are tables', () => {
    const page = `<table width="1000"><tr><td>报告标题</td><td>发布时间：2022-01-25</td></tr>
<tr><td colspan="2"><p>一、总体情况</p>正文一行<br>正文二行
<table border="1"><tr><td>规章</td><td>0</td></tr></table>
<table><tr><td><table><tr><td>行政许可</td><td>1</td></tr></table></td></tr></table>
</td></tr></table>`;
    expect(show(read(page))).toEqual([
      `${at(page, '报告标题')} 报告标题`,
      `${at(page, '发布时间')} 发布时间：2022-01-25`,
      `${at(page, '一、总体情况')} 一、总体情况`,
      `${at(page, '正文一行')} 正文一行`,
      `${at(page, '正文二行')} 正文二行`,
      [['规章', '0']],
      [['行政许可', '1']],
    ]);
  });

  it('a one-column frame and cells of prose read as lines; a metadata table as one line per row', () => {
    const prose = '本报告根据《条例》编制。'.repeat(30);
    const page = `<table><tr><td>标题</td></tr><tr><td>第二行</td></tr></table>
<table><tr><td>${prose}</td><td>x</td></tr></table>
<table class="xxgk"><tr><td>索 引 号：</td><td>000014349/2022-00015</td><td>发布机构：</td><td>某某局</td></tr>
<tr><td>发布日期：</td><td>2022-01-25</td><td>阅读次数：</td><td>12</td></tr></table>`;
    expect(show(read(page))).toEqual([
      `${at(page, '标题')} 标题`,
      `${at(page, '第二行')} 第二行`,
      `${at(page, prose)} ${prose}`,
      `${at(page, 'x</td>')} x`,
      `${at(page, '索 引 号')} 索 引 号： 000014349/2022-00015 发布机构： 某某局`,
      `${at(page, '发布日期')} 发布日期： 2022-01-25 阅读次数： 12`,
    ]);
  });

  it('a report table with only blank marks is still a table', () => {
    expect(
      grid('<table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>/</td></tr></table>'),
    ).toEqual([
      [
        ['信息内容', '本年制发件数'],
        ['规章', '/'],
      ],
    ]);
  });
});

describe('what is dropped', () => {
  it('the head, scripts, styles, form controls and hidden elements', () => {
    const page = `<html><head><title>标题_网站</title><style>p{}</style></head><body>
<script>document.write("<p>脚本</p>")</script><noscript>请启用脚本</noscript>
<form><input value="请输入关键词"><select><option>选项</option></select><button>搜索</button><textarea>留言</textarea></form>
<div style="display: none">隐藏</div><div hidden>也隐藏</div><p>正文</p></body></html>`;
    expect(show(read(page))).toEqual([`${at(page, '正文')} 正文`]);
  });

  it('navigation, menus, breadcrumbs, share widgets and page footers, by tag, role, class or id', () => {
    const page = `<body><nav><a>首页</a></nav><div role="navigation">导航</div><div class="nav-main">主导航</div>
<ul id="menu"><li>菜单</li></ul><div class="breadcrumb">首页 / 公开</div><div class="bdsharebuttonbox">分享</div>
<div class="top-bar">无障碍</div><div class="dqwz">当前</div><p>正文</p><footer>版权</footer><div id="footer2">页脚</div></body>`;
    expect(show(read(page))).toEqual([`${at(page, '正文')} 正文`]);
  });

  it('lists of links, but not a paragraph with one link', () => {
    const page = `<div><a>政府信息公开指南</a><a>政府信息公开制度</a><a>政府信息公开年报</a></div>
<p>详见<a href="/x">县政府门户网站</a>。</p>`;
    expect(show(read(page))).toEqual(['2:4 详见县政府门户网站。']);
  });

  it('chrome-named elements are kept when they hold metadata, the title, part headings or figures', () => {
    const page = `<div class="header"><h1>某某局2021年政府信息公开工作年度报告</h1></div>
<div class="top-info">发布时间：2022-01-25</div><div class="content-head">一、总体情况</div>
<div class="bottom"><table><tr><td>规章</td><td>0</td></tr></table></div>
<article><p>正文</p><footer><p>某某局</p><p>2022年1月20日</p></footer></article><div class="foot">2022年1月20日</div>`;
    expect(show(read(page))).toEqual([
      `${at(page, '某某局2021年')} 某某局2021年政府信息公开工作年度报告`,
      `${at(page, '发布时间')} 发布时间：2022-01-25`,
      `${at(page, '一、总体情况')} 一、总体情况`,
      [['规章', '0']],
      `${at(page, '正文')} 正文`,
      `${at(page, '某某局</p>')} 某某局`,
      `${at(page, '2022年1月20日')} 2022年1月20日`,
      `${at(page, '2022年1月20日', 1)} 2022年1月20日`,
    ]);
  });

  it.each([
    ['当前位置：首页 > 政务公开 > 年报', true],
    ['您现在的位置: 首页 >> 信息公开', true],
    ['【字体：大 中 小】【打印本页】【关闭窗口】', true],
    ['[ 打印 ] [ 关闭 ]', true],
    ['分享到：', true],
    ['上一篇：某某局2020年政府信息公开工作年度报告', true],
    ['责任编辑：张三', true],
    ['主办单位：某某县人民政府办公室 网站标识码：3708290001', true],
    ['版权所有：某某县人民政府 鲁ICP备05012345号', true],
    ['建议使用IE9以上浏览器、1366×768分辨率浏览', true],
    ['扫一扫在手机打开当前页', true],
    ['附件：', true],
    ['发布时间：2022-01-25 来源：某某局 【字体：大 中 小】【打印】', false],
    ['阅读次数：356', false],
    ['一、总体情况', false],
    ['中', false],
    ['（三）政府信息管理情况。严格落实审核发布制度，打印、关闭等操作规范。', false],
  ])('%j is chrome: %s', (line, chrome) => {
    expect(isChromeLine(line, 0)).toBe(chrome);
  });

  it('attachment links are chrome, an attachment named in prose is not', () => {
    expect(isChromeLine('附件：某某局2021年年报.pdf', 15)).toBe(true);
    expect(isChromeLine('某某局2021年年报.docx', 17)).toBe(true);
    expect(isChromeLine('附件：某某局2021年年报.pdf', 0)).toBe(false);
  });
});

describe('flattening a page nested too deep', () => {
  it('blanks tags beyond the limit in place: same length, same line breaks, blocks become <br>', () => {
    const page = '<div><div><span\nclass="x"><div id="a>b">字</div></span></div></div>';
    const { text, ignored } = limitNesting(page, 2);
    expect(ignored).toBe(4);
    expect(text).toBe('<div><div>     \n          <br>          字<br>         </div></div>');
    expect(text.length).toBe(page.length);
  });

  it('does not read tags inside scripts, styles or comments', () => {
    const page =
      '<div><script>if (a < b) { x = "<div><div><div>"; }</script><!-- <div><div> --><style>div>p{}</style>字</div>';
    expect(limitNesting(page, 1)).toEqual({ text: page, ignored: 0 });
  });
});
