/** The DOCX renderer: GB/T 9704-2012 page, fonts and sizes, the tables from the grids, footers. */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report.js';
import { generateReport } from '../../../src/generate/random-report.js';
import { outline } from '../../../src/render/document.js';
import { renderDocx } from '../../../src/render/docx/index.js';
import { placeRows } from '../../../src/render/docx/table.js';
import { getRenderer } from '../../../src/render/index.js';
import { getFormat } from '../../../src/spec/registry.js';
import type { LabelSpec } from '../../../src/spec/types.js';
import {
  attr,
  bodyParagraphs,
  docxParts,
  elements,
  type Parts,
  paragraphWithText,
  tables,
  textOf,
} from './helpers.js';

const report: Report = {
  ...generateReport(3, '2021'),
  agency: '嘉祥县工业和信息化局',
  year: 2021,
  publishedOn: '2022-01-25',
  signedOn: '2022-01-04',
};
report.sections = report.sections.map((s) =>
  s.number === 1
    ? {
        ...s,
        text: `（一）主动公开情况\n2021年，本局主动公开政府信息60条。\n（二）依申请公开情况。本局全年未收到申请。`,
      }
    : s,
);

const parts: Parts = await docxParts(report);
const document = parts['word/document.xml'] as string;

/** Font (eastAsia) and size (half-points) of the first run of a paragraph. */
const runFont = (p: string) => ({
  eastAsia: attr(p, 'w:rFonts', 'w:eastAsia'),
  sz: attr(p, 'w:sz', 'w:val'),
});

describe('renderDocx: the page after GB/T 9704-2012', () => {
  const sectPr = elements(document, 'w:sectPr')[0] as string;

  it('is A4 with margins top 37, bottom 35, left 28, right 26 mm (in twips)', () => {
    expect(attr(sectPr, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sectPr, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(sectPr, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(sectPr, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(sectPr, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(sectPr, 'w:pgMar', 'w:right')).toBe('1474');
  });

  it('has a grid of 22 lines of 28 characters: line pitch 28.95 pt, character pitch 15.79 pt', () => {
    expect(attr(sectPr, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    expect(attr(sectPr, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(attr(sectPr, 'w:docGrid', 'w:charSpace')).toBe('-842');
    // 28 characters of 16 pt + charSpace/4096 pt fit the 156 mm (8845 twips) line, 29 don't.
    const pitch = (16 - 842 / 4096) * 20;
    expect(28 * pitch).toBeLessThanOrEqual(8845);
    expect(29 * pitch).toBeGreaterThan(8845);
    // 22 lines of 579 twips fit the 225 mm (12756 twips) height, 23 don't.
    expect(22 * 579).toBeLessThanOrEqual(12756);
    expect(23 * 579).toBeGreaterThan(12756);
  });

  it('sets body text to 3号 in the default style: 仿宋_GB2312, 16 pt, exact 28.95 pt lines', () => {
    const styles = parts['word/styles.xml'] as string;
    const normal = /<w:style w:type="paragraph" w:default="1" w:styleId="Normal">[\s\S]*?<\/w:style>/.exec(
      styles,
    )?.[0] as string;
    expect(normal).toBeDefined();
    expect(attr(normal, 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    expect(attr(normal, 'w:sz', 'w:val')).toBe('32');
    expect(attr(normal, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(normal, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(normal).toContain('<w:snapToGrid w:val="0"/>');
  });
});

describe('renderDocx: title, body, headings, signature', () => {
  it('prints the title on two centred lines in 2号方正小标宋简体', () => {
    const [first, second] = bodyParagraphs(document);
    expect([textOf(first as string), textOf(second as string)]).toEqual([
      '嘉祥县工业和信息化局',
      '2021年政府信息公开工作年度报告',
    ]);
    for (const p of [first, second] as string[]) {
      expect(runFont(p)).toEqual({ eastAsia: '方正小标宋简体', sz: '44' });
      expect(attr(p, 'w:jc', 'w:val')).toBe('center');
    }
  });

  it('prints the 发布日期 line under the title', () => {
    expect(attr(paragraphWithText(document, '发布日期：2022年1月25日'), 'w:jc', 'w:val')).toBe('center');
  });

  it('sets body text in 3号仿宋, condensed to 28 a line, first line indented two characters', () => {
    const p = paragraphWithText(document, '2021年，本局主动公开政府信息60条。');
    expect(runFont(p)).toEqual({ eastAsia: '仿宋_GB2312', sz: '32' });
    expect(attr(p, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
    expect(attr(p, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(p, 'w:ind', 'w:firstLine')).toBe('632');
    expect(attr(p, 'w:spacing', 'w:line')).toBe('579');
    expect(/<w:rPr>[\s\S]*<w:spacing w:val="-6"\/>/.test(p)).toBe(true);
    // 28 condensed characters fit the line, 29 don't.
    expect(28 * (320 - 6)).toBeLessThanOrEqual(8845);
    expect(29 * (320 - 6)).toBeGreaterThan(8845);
  });

  it('sets 一级标题 in 3号黑体 and 二级标题 in 3号楷体_GB2312', () => {
    for (const part of outline(report).parts) {
      const p = paragraphWithText(document, part.heading);
      expect(runFont(p)).toEqual({ eastAsia: '黑体', sz: '32' });
      expect(attr(p, 'w:outlineLvl', 'w:val')).toBe('0');
    }
    const second = paragraphWithText(document, '（一）主动公开情况');
    expect(runFont(second)).toEqual({ eastAsia: '楷体_GB2312', sz: '32' });
    expect(attr(second, 'w:outlineLvl', 'w:val')).toBe('1');
  });

  it('sets a run-in 二级标题 in 楷体 and the text after it in 仿宋', () => {
    const p = paragraphWithText(document, '（二）依申请公开情况。本局全年未收到申请。');
    const runs = elements(p, 'w:r');
    expect(runs.map(textOf)).toEqual(['（二）依申请公开情况。', '本局全年未收到申请。']);
    expect(runs.map((r) => attr(r, 'w:rFonts', 'w:eastAsia'))).toEqual(['楷体_GB2312', '仿宋_GB2312']);
  });

  it('ends with the signature right-aligned: date 4 characters in, agency centred over it', () => {
    const paragraphs = bodyParagraphs(document);
    const [agency, date] = paragraphs.slice(-2) as [string, string];
    expect(textOf(agency)).toBe('嘉祥县工业和信息化局');
    expect(textOf(date)).toBe('2022年1月4日');
    for (const p of [agency, date]) {
      expect(attr(p, 'w:jc', 'w:val')).toBe('right');
      expect(runFont(p)).toEqual({ eastAsia: '仿宋_GB2312', sz: '32' });
    }
    // One character is 316 twips on the grid; the date is 6 characters wide (digits count ½),
    // the agency 10, so the agency's centre over the date's is 4 + (6 − 10) / 2 = 2 characters in.
    expect(attr(date, 'w:ind', 'w:right')).toBe(String(4 * 316));
    expect(attr(agency, 'w:ind', 'w:right')).toBe(String(2 * 316));
    expect(textOf(paragraphs.at(-3) as string)).toBe('');
  });

  it('leaves the signature out of an unsigned report', async () => {
    const unsigned = (await docxParts({ ...report, signedOn: null }))['word/document.xml'] as string;
    expect(bodyParagraphs(unsigned).some((p) => textOf(p) === '2022年1月4日')).toBe(false);
  });
});

describe('renderDocx: the tables', () => {
  const spec = getFormat('2021');
  const docxTables = tables(document);
  const grids = outline(report).parts.filter((p) => p.grids.length > 0);

  it('prints the three tables, each cell as the grid prints it (merged cells empty)', () => {
    expect(docxTables).toHaveLength(3);
    grids.forEach((part, i) => {
      const expected = placeRows(part.grids).rows.map((row) =>
        row.cells.map((c) => (c.cell.continued ? '' : c.cell.text)),
      );
      expect((docxTables[i] as string[][]).map((row) => row.map(textOf))).toEqual(expected);
    });
  });

  it('merges the header of table 三 as the official format: gridSpan and vMerge from the grid', () => {
    const table = docxTables[1] as string[][];
    const header = table.filter((row) => row.length > 0).slice(0, 3);
    const spans = header.map((row) => row.map((tc) => Number(attr(tc, 'w:gridSpan', 'w:val') ?? 1)));
    const merges = header.map((row) =>
      row.map((tc) =>
        /<w:vMerge w:val="restart"\/>/.test(tc)
          ? 'R'
          : /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(tc)
            ? 'C'
            : '-',
      ),
    );
    // corner (note) 3 × 3, 申请人情况 over 7, 自然人 and 总计 over two rows, 法人或其他组织 over 5.
    expect(spans).toEqual([
      [3, 7],
      [3, 1, 5, 1],
      [3, 1, 1, 1, 1, 1, 1, 1],
    ]);
    expect(merges).toEqual([
      ['R', '-'],
      ['C', 'R', '-', 'R'],
      ['C', 'C', '-', '-', '-', '-', '-', 'C'],
    ]);
    expect(spans.flat().filter((s) => s > 1)).toHaveLength(5);
    expect(merges.flat().filter((m) => m === 'R')).toHaveLength(3);
    expect(merges.flat().filter((m) => m === 'C')).toHaveLength(4);
    // The same counts from the grid itself.
    const placed = placeRows(grids[1]?.grids ?? []).rows.filter((r) => r.kind === 'header');
    expect(placed.map((r) => r.cells.map((c) => c.span))).toEqual(spans);
    expect(
      placed.map((r) => r.cells.map((c) => (c.merge === 'restart' ? 'R' : c.merge ? 'C' : '-'))),
    ).toEqual(merges);
    // Header rows repeat on a following page.
    expect(
      elements(elements(document, 'w:tbl')[1] as string, 'w:tr').filter((tr) =>
        tr.includes('<w:tblHeader/>'),
      ),
    ).toHaveLength(3);
  });

  it('merges the group labels of table 三 down their rows', () => {
    const body = (docxTables[1] as string[][]).slice(3);
    const firstColumn = body.map((row) => {
      const tc = row[0] as string;
      return /<w:vMerge w:val="restart"\/>/.test(tc) ? textOf(tc) : /<w:vMerge/.test(tc) ? '|' : textOf(tc);
    });
    const results = firstColumn.indexOf('三、本年度办理结果');
    expect(results).toBe(2);
    expect(firstColumn.slice(results + 1, firstColumn.indexOf('四、结转下年度继续办理'))).toEqual(
      Array(firstColumn.indexOf('四、结转下年度继续办理') - results - 1).fill('|'),
    );
  });

  it('prints the 勾稽 note of table 三 in its top-left cell', () => {
    const note = spec.tables[1]?.parts[0]?.note?.official as string;
    expect(textOf((docxTables[1] as string[][])[0]?.[0] as string)).toBe(note);
  });

  it('sets tables in 5号: figures centred in 仿宋, headers in 黑体, row labels left', () => {
    const table = docxTables[1] as string[][];
    const figure = table[3]?.at(-1) as string;
    expect(runFont(figure)).toEqual({ eastAsia: '仿宋_GB2312', sz: '21' });
    expect(attr(figure, 'w:jc', 'w:val')).toBe('center');
    expect(textOf(figure)).toBe(String(report.cells['a.new.total']));
    const header = table[0]?.[1] as string;
    expect(runFont(header)).toEqual({ eastAsia: '黑体', sz: '21' });
    expect(attr(table[3]?.[0] as string, 'w:jc', 'w:val')).toBe('left');
    expect(elements(document, 'w:tbl')[0]).toContain('<w:top w:val="single" w:color="000000" w:sz="4"/>');
  });

  it('prints table 二 as one table: captions merged across, narrower parts widened', () => {
    const table = docxTables[0] as string[][];
    expect(table[0]?.map(textOf)).toEqual(['第二十条第（一）项']);
    expect(attr(table[0]?.[0] as string, 'w:gridSpan', 'w:val')).toBe('4');
    const item5 = table.findIndex((row) => textOf(row[0] as string) === '第二十条第（五）项');
    expect(table[item5 + 1]?.map(textOf)).toEqual(['信息内容', '本年处理决定数量']);
    expect(attr(table[item5 + 1]?.[1] as string, 'w:gridSpan', 'w:val')).toBe('3');
  });

  it('leaves null cells empty', async () => {
    const cells = { ...report.cells, 'a.new.np': null, 'p.fees.amount': null };
    const t = tables((await docxParts({ ...report, cells }))['word/document.xml'] as string);
    const rowNew = (t[1] as string[][])[3] as string[];
    expect(textOf(rowNew[0] as string)).toBe('一、本年新收政府信息公开申请数量');
    expect(textOf(rowNew[1] as string)).toBe('');
    expect((t[0] as string[][]).at(-1)?.map(textOf)).toEqual(['行政事业性收费', '']);
  });

  it.each(['2021', '2019'] as const)(
    'prints every official label of the %s format from its spec',
    async (id) => {
      const r = { ...generateReport(5, id), signedOn: null };
      const text = tables((await docxParts(r))['word/document.xml'] as string)
        .flat(2)
        .map(textOf)
        .join('\n');
      const labels = new Set<string>();
      const add = (l: LabelSpec | undefined) => l && labels.add(l.official);
      for (const t of getFormat(id).tables)
        for (const part of t.parts) {
          [part.caption, part.corner, part.note].forEach(add);
          for (const c of part.columns) c.path.forEach(add);
          for (const row of part.rows) row.path.forEach(add);
        }
      for (const label of labels) expect(text.split('\n')).toContain(label);
      if (id === '2019') expect(text).not.toContain('本年制发件数');
      else expect(text).not.toContain('本年新制作数量');
    },
  );
});

describe('renderDocx: footers, fonts, properties, package', () => {
  const rels = parts['word/_rels/document.xml.rels'] as string;
  const footer = (type: string): string => {
    const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(document)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    return parts[`word/${target}`] as string;
  };

  it('prints 「— 1 —」 in 4号宋体, right on odd pages, left on even ones', () => {
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    for (const [type, side, indent] of [
      ['default', 'right', 'w:right'],
      ['even', 'left', 'w:left'],
    ] as const) {
      const xml = footer(type);
      expect(xml).toBeDefined();
      expect(xml).toMatch(
        /<w:fldChar w:fldCharType="begin"\/>[\s\S]*PAGE[\s\S]*<w:fldChar w:fldCharType="end"\/>/,
      );
      // 「— 」, the PAGE field, 「 —」.
      expect(textOf(xml)).toBe('—  —');
      expect(xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(runFont(xml)).toEqual({ eastAsia: '宋体', sz: '28' });
      expect(attr(xml, 'w:jc', 'w:val')).toBe(side);
      expect(attr(xml, 'w:ind', indent)).toBe('280');
    }
  });

  it('describes every official font with a free fallback in the font table', () => {
    const fonts = parts['word/fontTable.xml'] as string;
    const altName = (name: string) =>
      new RegExp(`<w:font w:name="${name}"><w:altName w:val="([^"]+)"/>`).exec(fonts)?.[1]?.split(',')[0];
    expect(altName('仿宋_GB2312')).toBe('Noto Serif CJK SC');
    expect(altName('黑体')).toBe('Noto Sans CJK SC');
    expect(altName('楷体_GB2312')).toBe('Noto Serif CJK SC');
    expect(altName('方正小标宋简体')).toBe('Noto Serif CJK SC Bold');
    expect(altName('宋体')).toBe('Noto Serif CJK SC');
    expect(fonts).toContain(
      '<w:font w:name="仿宋_GB2312"><w:altName w:val="Noto Serif CJK SC,仿宋,FangSong"/><w:panose1 w:val="02010609030101010101"/><w:charset w:val="86"/>',
    );
  });

  it('sets title and creator, dated by the signature', () => {
    const core = parts['docProps/core.xml'] as string;
    expect(core).toContain('<dc:title>嘉祥县工业和信息化局2021年政府信息公开工作年度报告</dc:title>');
    expect(core).toContain('<dc:creator>嘉祥县工业和信息化局</dc:creator>');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2022-01-04T00:00:00Z</dcterms:created>',
    );
  });

  it('renders a report with nothing known: no agency, year, dates, prose or figures', async () => {
    const spec = getFormat('2019');
    const empty: Report = {
      format: '2019',
      agency: null,
      year: null,
      publishedOn: null,
      signedOn: null,
      cells: {},
      sections: [],
    };
    const p = await docxParts(empty);
    const doc = p['word/document.xml'] as string;
    expect(textOf(bodyParagraphs(doc)[0] as string)).toBe('政府信息公开工作年度报告');
    const values = tables(doc)
      .flat()
      .filter((row) => row.length > 0)
      .flatMap((row) => row.map(textOf))
      .filter((t) => /^-?\d+(?:\.\d+)?$/.test(t));
    expect(values).toEqual([]);
    expect(p['docProps/core.xml']).not.toContain('dcterms:created');
    expect(tables(doc)).toHaveLength(spec.tables.length);
  });

  it('escapes what XML would read as markup', async () => {
    const p = await docxParts({ ...report, agency: 'A&B<局>' });
    expect(p['docProps/core.xml']).toContain('<dc:creator>A&amp;B&lt;局&gt;</dc:creator>');
    expect(textOf(bodyParagraphs(p['word/document.xml'] as string)[0] as string)).toBe('A&amp;B&lt;局&gt;');
  });

  it('leaves out what XML 1.0 cannot hold (controls, unpaired surrogates) and keeps the rest', async () => {
    const p = await docxParts({ ...report, agency: 'A\u0007B\u000bC\ud800D\u{20000}局\t' });
    const first = bodyParagraphs(p['word/document.xml'] as string)[0] as string;
    expect(textOf(first)).toBe('ABCD\u{20000}局\t');
    expect(p['docProps/core.xml']).toContain('<dc:creator>ABCD\u{20000}局\t</dc:creator>');
  });

  it('gives the same bytes for the same report', async () => {
    expect(await renderDocx(report)).toEqual(await renderDocx(report));
  });

  it('is registered as the docx renderer', () => {
    const renderer = getRenderer('docx');
    expect(renderer?.binary).toBe(true);
    expect(renderer?.mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });
});
