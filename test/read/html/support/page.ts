/**
 * Writes a report as a government web page, for reading it back: title, metadata, preface, the
 * six parts with their tables as HTML tables (merged header and group-label cells as rowspan and
 * colspan, from the spec's grids), signature. Options add the clutter real pages carry.
 */
import type { Report } from '../../../../src/core/report.js';
import { publishTime } from '../../../../src/render/date.js';
import { outline, preface } from '../../../../src/render/document.js';
import type { GridCell, PartGrid } from '../../../../src/render/grid.js';

export interface PageStyle {
  /** Site chrome around the report: header, navigation, breadcrumbs, footer, a layout table. */
  portal?: boolean;
  /** Word's 「另存为网页」: MsoNormal paragraphs, mso- styles, `<o:p>`, spans in cells. */
  word?: boolean;
  /** Header labels of four characters broken with `<br>` (「结果<br>纠正」). */
  breakHeaders?: boolean;
  /** Header rows in `<thead>` with `<th>`. */
  thead?: boolean;
  /** Prose in `<div>`s and `<br>`-separated lines instead of `<p>`s. */
  divs?: boolean;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Placed {
  cell: GridCell;
  column: number;
}

/** Row-major cells with their first grid column. */
function place(rows: readonly (readonly GridCell[])[]): Placed[][] {
  return rows.map((row) => {
    let column = 0;
    return row.map((cell) => {
      const placed = { cell, column };
      column += cell.span;
      return placed;
    });
  });
}

/** How many rows a cell covers: itself and the continuations below it in its column. */
function rowspan(rows: Placed[][], r: number, column: number): number {
  let n = 1;
  while (rows[r + n]?.some((p) => p.column === column && p.cell.continued)) n++;
  return n;
}

function cellHtml(cell: GridCell, rs: number, style: PageStyle, header: boolean): string {
  const tag = header && style.thead ? 'th' : 'td';
  const attrs = `${cell.span > 1 ? ` colspan="${cell.span}"` : ''}${rs > 1 ? ` rowspan="${rs}"` : ''}`;
  let text = escapeHtml(cell.text);
  if (style.breakHeaders && cell.kind === 'header' && cell.leaf && [...cell.text].length === 4)
    text = `${text.slice(0, 2)}<br>${text.slice(2)}`;
  if (text === '') text = '&nbsp;';
  if (style.word)
    text = `<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.0pt;mso-bidi-font-size:11.0pt;font-family:仿宋_GB2312'>${text}<o:p></o:p></span></p>`;
  return `<${tag}${attrs}${style.word ? ` width=${40 + cell.span * 20} valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'` : ''}>${text}</${tag}>`;
}

export function tableHtml(grid: PartGrid, style: PageStyle): string {
  const rows = place([...grid.header, ...grid.body.map((b) => b.cells)]);
  const lines: string[] = [
    style.word
      ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed'>`
      : '<table border="1" cellspacing="0">',
  ];
  const body: string[] = [];
  const head: string[] = [];
  if (grid.caption) head.push(`<tr><td colspan="${grid.width}">${escapeHtml(grid.caption.text)}</td></tr>`);
  rows.forEach((row, r) => {
    const header = r < grid.header.length;
    const cells = row
      .filter((p) => !p.cell.continued)
      .map((p) => cellHtml(p.cell, rowspan(rows, r, p.column), style, header));
    (header ? head : body).push(`<tr>${cells.join('')}</tr>`);
  });
  if (style.thead) lines.push('<thead>', ...head, '</thead>', '<tbody>', ...body, '</tbody>');
  else lines.push(...head, ...body);
  lines.push('</table>');
  return lines.join('\n');
}

function paragraphHtml(text: string, style: PageStyle): string {
  if (style.word)
    return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>${escapeHtml(text)}<span lang=EN-US><o:p></o:p></span></span></p>`;
  if (style.divs) return `<div style="text-indent:2em">${escapeHtml(text)}</div>`;
  return `<p>&nbsp;&nbsp;&nbsp;&nbsp;${escapeHtml(text)}</p>`;
}

export function reportPage(report: Report, style: PageStyle = {}): string {
  const o = outline(report);
  const title = `${o.agency}${o.reportName}`;
  const body: string[] = [];
  body.push(`<h1 class="title">${escapeHtml(title)}</h1>`);
  if (o.publishedOn)
    body.push(
      `<div class="info">发布时间：${o.publishedOn} ${publishTime(o.publishedOn)}&nbsp;&nbsp;来源：${escapeHtml(o.agency)}&nbsp;&nbsp;阅读次数：<span id="count">128</span></div>`,
    );
  for (const p of preface(o, 'full')) body.push(paragraphHtml(p, style));
  for (const part of o.parts) {
    body.push(
      style.divs
        ? `<div><strong>${escapeHtml(part.heading)}</strong></div>`
        : `<p><b>${escapeHtml(part.heading)}</b></p>`,
    );
    if (style.divs && part.paragraphs.length > 0)
      body.push(`<div>${part.paragraphs.map(escapeHtml).join('<br>\n')}</div>`);
    else for (const p of part.paragraphs) body.push(paragraphHtml(p, style));
    for (const grid of part.grids) body.push(tableHtml(grid, style));
  }
  if (o.signature)
    body.push(
      `<p style="text-align:right">${escapeHtml(o.signature.agency)}</p>`,
      `<p style="text-align:right">${escapeHtml(o.signature.date)}</p>`,
    );
  const content = `<div class="article">\n${body.join('\n')}\n</div>`;
  const head = `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}_${escapeHtml(o.agency)}</title>\n<link rel="stylesheet" href="/css/main.css">\n<script>var _hmt = _hmt || []; if (a < b && c > d) { document.write("<div>x</div>"); }</script>\n</head>\n`;
  if (!style.portal) return `${head}<body>\n${content}\n</body>\n</html>\n`;
  const nav = [
    '<div class="header"><div class="logo"><img src="/logo.png" alt="政府门户网站"></div>',
    '<div class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></div></div>',
    '<ul class="nav-list">',
    ...['首页', '政务公开', '政府信息公开', '政务服务', '互动交流', '走进本地'].map(
      (m) => `<li><a href="/${m}.html">${m}</a></li>`,
    ),
    '</ul>',
    '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>',
  ].join('\n');
  const footer = [
    '<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>',
    '<div class="footer"><p>主办单位：人民政府办公室&nbsp;&nbsp;网站标识码：3708290001</p><p>鲁ICP备05012345号</p></div>',
  ].join('\n');
  return `${head}<body>\n<table width="100%"><tr><td>\n${nav}\n</td></tr>\n<tr><td>\n${content}\n</td></tr>\n<tr><td>\n${footer}\n</td></tr></table>\n</body>\n</html>\n`;
}
