/**
 * The OFD reader (src/read/ofd): OFD packages read as the PDF reader reads a text layer. The real
 * report 011, written as an OFD from its PDF's own text items and rules (test/support/ofd.ts,
 * test/fixtures/ofd/README.md), reads to exactly the PDF's blocks and its hand-checked truth;
 * small packages check the OFD features one by one, and what is refused, and how.
 */
import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SourceFile, UnreadableInputError } from '../../../src/core/source-file.js';
import { processBytes } from '../../../src/pipeline.js';
import type { Block } from '../../../src/read/blocks.js';
import { docxReader } from '../../../src/read/docx/index.js';
import { chooseEngine } from '../../../src/read/ocr/engine.js';
import { grayImage } from '../../../src/read/ocr/image.js';
import { encodePng } from '../../../src/read/ocr/png.js';
import { noTextInOfd, readOfd } from '../../../src/read/ofd/index.js';
import { expandDeltas } from '../../../src/read/ofd/text.js';
import { openNativePdf } from '../../../src/read/pdf/native/index.js';
import { toBlocks } from '../../../src/read/pdf/page-blocks.js';
import { readBlocks } from '../../../src/read/registry.js';
import {
  filledRect,
  imageObject,
  line,
  type OfdSpec,
  ofdFromPdfPages,
  pathObject,
  placedText,
  textObject,
  writeOfd,
} from '../../support/ofd.js';
import { metaOf } from '../../support/truth.js';

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url);

const pdfPages = () => {
  const doc = openNativePdf(readFileSync(fixture('real/011.pdf')), 8 * 1024 * 1024);
  return Array.from({ length: doc.numPages }, (_, i) => doc.page(i + 1));
};

const read = (bytes: Uint8Array, options = {}) => readOfd(bytes, new SourceFile('t.ofd'), options);

/** The reason an OFD is refused (it must be refused with a reason, never crash). */
async function refusal(bytes: Uint8Array, options = {}): Promise<string> {
  const error = await read(bytes, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableInputError);
  return (error as Error).message;
}

const paragraphs = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
const tables = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.type === 'table' ? [b.rows.map((row) => row.map((c) => c.text))] : []));

describe('011.ofd (the PDF of real report 011, written as an OFD)', () => {
  const bytes = readFileSync(fixture('ofd/011.ofd'));

  it('is what the test writer makes of the PDF’s items and rules', () => {
    const committed = unzipSync(bytes);
    const written = unzipSync(ofdFromPdfPages(pdfPages()));
    expect(Object.keys(committed).sort()).toEqual(Object.keys(written).sort());
    for (const [path, content] of Object.entries(written))
      expect(Buffer.from(committed[path] as Uint8Array).equals(Buffer.from(content)), path).toBe(true);
  });

  it('reads to exactly the blocks of the PDF', async () => {
    expect(await read(bytes)).toEqual(toBlocks(pdfPages()));
  });

  it('through the pipeline: the PDF’s cells, its truth (every cell, agency, dates), no error, type pdf', async () => {
    const truth = JSON.parse(readFileSync(fixture('real/011.expected.json'), 'utf8'));
    const ofd = await processBytes(bytes, '011.ofd');
    const pdf = await processBytes(readFileSync(fixture('real/011.pdf')), '011.pdf');
    expect(ofd.sourceType).toBe('pdf');
    expect(ofd.report.cells).toEqual(pdf.report.cells);
    expect(ofd.report.cells).toEqual(truth.cells);
    expect(metaOf(ofd.report)).toEqual(metaOf(truth));
    expect(ofd.report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(ofd.report.findings.map((f) => f.code)).toEqual(pdf.report.findings.map((f) => f.code));
  });

  it('reads the same when the DOCX reader (every ZIP’s) is handed it', async () => {
    expect(await docxReader.read(bytes, new SourceFile('011.ofd'))).toEqual(await read(bytes));
  });
});

describe('TextCode and DeltaX', () => {
  it('`g N d` stands for N times d, among plain numbers; reading stops at what is not a number', () => {
    expect(expandDeltas('g 3 4.5')).toEqual([4.5, 4.5, 4.5]);
    expect(expandDeltas('1 g 2 3 2.5 g 1 7')).toEqual([1, 3, 3, 2.5, 7]);
    expect(expandDeltas(' 1,2  3 ')).toEqual([1, 2, 3]);
    expect(expandDeltas('1 g x 2')).toEqual([1]);
    expect(expandDeltas('g 99999999 1')).toEqual([]);
    expect(expandDeltas(undefined)).toEqual([]);
  });

  it('a DeltaX spelt with `g N d` reads as spelt out, and as a run written character by character', async () => {
    const page = (units: string) => writeOfd({ pages: [{ layers: [units] }] });
    const spelt = await read(page(placedText(1, '一、总体情况', 20, 40, 5, '5 5 5 5 5')));
    expect(paragraphs(spelt)).toEqual(['一、总体情况']);
    expect(await read(page(placedText(1, '一、总体情况', 20, 40, 5, 'g 5 5')))).toEqual(spelt);
    expect(await read(page(placedText(1, '一、总体情况', 20, 40, 5, '5 g 3 5 5')))).toEqual(spelt);
    const oneByOne = [...'一、总体情况'].map((c, i) => placedText(i + 1, c, 20 + 5 * i, 40, 5)).join('');
    expect(await read(page(oneByOne))).toEqual(spelt);
  });

  it('a DeltaX much wider than its character is a gap: figures in one TextCode go to their columns', async () => {
    const bytes = writeOfd({
      pages: [
        {
          layers: [
            placedText(1, '项目 本年新收 上年结转', 20, 40, 4, 'g 2 4 4 g 3 4 16 g 3 4 4 g 3 4') +
              placedText(2, '12 345', 20, 50, 4, '2 2 30 g 2 2'),
          ],
        },
      ],
    });
    const lines = paragraphs(await read(bytes));
    expect(lines[0]).toMatch(/^项目 本年新收 +上年结转$/);
    expect(lines[1]).toMatch(/^12 {6,}345$/);
  });

  it('text goes on from the X and Y of the TextCode before, and DeltaY sets characters down', async () => {
    const bytes = writeOfd({
      pages: [
        {
          layers: [
            textObject({
              id: 1,
              size: 5,
              boundary: [20, 30, 100, 40],
              codes: [
                { text: '第一行', x: 0, y: 5, deltaX: 'g 2 5' },
                { text: '第二行', y: 15, deltaX: 'g 2 5' },
                { text: '竖排', x: 80, y: 5, deltaX: '0', deltaY: '10' },
              ],
            }),
          ],
        },
      ],
    });
    const [first, second, ...rest] = paragraphs(await read(bytes));
    expect(rest).toEqual([]);
    expect(first).toMatch(/^第一行 +竖$/);
    expect(second).toMatch(/^第二行 +排$/);
  });

  it('invisible units are not read', async () => {
    const bytes = writeOfd({
      pages: [
        {
          layers: [
            placedText(1, '看得见', 20, 40, 5) +
              textObject({
                id: 2,
                size: 5,
                boundary: [20, 60, 50, 10],
                visible: false,
                codes: [{ text: '看不见', x: 0, y: 5 }],
              }),
          ],
        },
      ],
    });
    expect(paragraphs(await read(bytes))).toEqual(['看得见']);
  });
});

describe('placement: Boundary, CTM, page area', () => {
  const lineAt = (units: string, extra: Partial<OfdSpec> = {}) =>
    read(writeOfd({ pages: [{ layers: [units] }], ...extra }));

  it('the same text placed by Boundary, by TextCode X/Y, by a translating and scaling CTM reads the same', async () => {
    const text = '二、主动公开政府信息情况';
    const deltas = 'g 11 5';
    const base = await lineAt(placedText(1, text, 25, 60, 5, deltas) + placedText(2, '第二段', 25, 80, 5));
    const second = placedText(2, '第二段', 25, 80, 5);
    expect(
      await lineAt(
        textObject({
          id: 1,
          size: 5,
          boundary: [0, 0, 210, 297],
          codes: [{ text, x: 25, y: 60, deltaX: deltas }],
        }) + second,
      ),
    ).toEqual(base);
    // Boundary (20, 50) + CTM (scale ½, then moved by (5, 10)) · (0, 0): the text's origin at (25, 60).
    expect(
      await lineAt(
        textObject({
          id: 1,
          size: 10,
          boundary: [20, 50, 100, 20],
          ctm: '0.5 0 0 0.5 5 10',
          codes: [{ text, x: 0, y: 0, deltaX: 'g 11 10' }],
        }) + second,
      ),
    ).toEqual(base);
    // A page area whose origin is not the corner: everything placed 10 mm further on.
    expect(
      await lineAt(placedText(1, text, 35, 70, 5, deltas) + placedText(2, '第二段', 35, 90, 5), {
        pageArea: '10 10 210 297',
      }),
    ).toEqual(base);
  });

  it('rules through Boundary and CTM, strokes and thin filled rectangles, make a ruled table', async () => {
    // A 2 × 3 grid: the outer frame stroked, the inner rules thin filled rectangles, one row's
    // bottom drawn in a scaled space.
    const xs = [20, 70, 110, 150];
    const rules =
      line(100, xs[0] as number, 40, xs[3] as number, 40) +
      pathObject({ id: 101, boundary: [10, 50, 10, 10], ctm: '2 0 0 1 0 0', data: 'M 5 10 L 70 10' }) +
      filledRect(102, 20, 49.9, 130, 0.2) +
      xs.map((x, i) => line(110 + i, x, 40, x, 60)).join('');
    const cells =
      placedText(1, '项目', 22, 47, 4) +
      placedText(2, '数量', 72, 47, 4) +
      placedText(3, '备注', 112, 47, 4) +
      placedText(4, '依申请公开', 22, 57, 4) +
      placedText(5, '12', 72, 57, 4, '2') +
      placedText(6, '无', 112, 57, 4);
    const blocks = await lineAt(rules + cells);
    expect(tables(blocks)).toEqual([
      [
        ['项目', '数量', '备注'],
        ['依申请公开', '12', '无'],
      ],
    ]);
  });
});

describe('page structure', () => {
  it('a template page is drawn with each page that names it; a running footer in it is page furniture', async () => {
    const footer = placedText(900, '某某市人民政府办公室', 80, 285, 3.5);
    const bytes = writeOfd({
      templates: [
        { id: 'T1', layers: [placedText(901, '政府信息公开工作年度报告', 40, 20, 6) + footer] },
        { id: 'T2', layers: [footer] },
      ],
      pages: [
        { templates: ['T1'], layers: [placedText(1, '一、总体情况', 25, 40, 5)] },
        { templates: ['T2'], layers: [placedText(2, '二、主动公开政府信息情况', 25, 40, 5)] },
      ],
    });
    expect(paragraphs(await read(bytes))).toEqual([
      '政府信息公开工作年度报告',
      '一、总体情况',
      '二、主动公开政府信息情况',
    ]);
  });

  it('page blocks and composite graphics are drawn, a composite in its object’s space', async () => {
    const bytes = writeOfd({
      composites: [{ id: 'C1', width: 60, height: 10, content: placedText(50, '（一）主动公开', 0, 5, 5) }],
      pages: [
        {
          layers: [
            `<ofd:PageBlock ID="7">${placedText(1, '一、总体情况', 25, 40, 5)}<ofd:PageBlock ID="8">${placedText(2, '正文第一段', 35, 50, 5)}</ofd:PageBlock></ofd:PageBlock>` +
              '<ofd:CompositeObject ID="9" ResourceID="C1" Boundary="25 55 60 10"/>',
          ],
        },
      ],
    });
    expect(paragraphs(await read(bytes))).toEqual(['一、总体情况', '正文第一段', '（一）主动公开']);
  });

  it('paths written from the package root, with `./` and `..`, are found', async () => {
    const spec: OfdSpec = { pages: [{ layers: [placedText(1, '一、总体情况', 25, 40, 5)] }] };
    const plain = writeOfd(spec);
    const parts = unzipSync(plain);
    const document = new TextDecoder().decode(parts['Doc_0/Document.xml']);
    const moved = writeOfd({
      ...spec,
      parts: {
        'Doc_0/Document.xml': document.replace(
          'BaseLoc="Pages/Page_0/Content.xml"',
          'BaseLoc="/Doc_0/./Pages/../Pages/Page_0/Content.xml"',
        ),
      },
    });
    expect(await read(moved)).toEqual(await read(plain));
  });
});

describe('what is refused, and how', () => {
  it('an OFD of pictures only (a scan): its pictures go to OCR; with OCR off, no text to read', async () => {
    // A blank 400 × 200 picture: large enough to hold a table, so it is handed to OCR.
    const scan = writeOfd({
      images: [{ id: '20', name: 'Image_0.png', bytes: encodePng(grayImage(400, 200)) }],
      pages: [{ layers: [imageObject(1, '20', [0, 0, 210, 297])] }],
    });
    expect(await refusal(scan, { ocr: false })).toBe(noTextInOfd);
    expect(noTextInOfd).toBe('OFD 文件中没有可读取的文字（可能只有图片，例如扫描件）');
    const file = new SourceFile('scan.ofd');
    await expect(readOfd(scan, file)).rejects.toThrow(noTextInOfd);
    // Without an OCR engine (or with one, on a blank picture) nothing is read from it.
    if ((await chooseEngine()) === null)
      expect(file.findings.map((f) => [f.code, f.message.startsWith('第 1 张图片没有识别出文字')])).toEqual([
        ['read.ocr-skipped', true],
      ]);
  });

  it('an empty page, no pages, no document', async () => {
    expect(await refusal(writeOfd({ pages: [{ layers: [''] }] }))).toBe(noTextInOfd);
    expect(await refusal(writeOfd({ pages: [] }))).toBe('OFD 文件中没有页面，无法读取');
    const noRoot = writeOfd({
      pages: [{ layers: [placedText(1, '一、总体情况', 25, 40, 5)] }],
      parts: { 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody/></ofd:OFD>' },
    });
    expect(await refusal(noRoot)).toBe(
      'OFD 文件不完整：OFD.xml 没有指向文档（DocBody/DocRoot 缺失或所指的文件不存在），无法读取',
    );
  });

  it('an encrypted package, and one whose page is not XML', async () => {
    const encrypted = writeOfd({
      pages: [{ layers: [placedText(1, '一、总体情况', 25, 40, 5)] }],
      parts: { 'Encryptions.xml': '<Encryptions/>' },
    });
    expect(await refusal(encrypted)).toBe('OFD 文件已加密，无法读取，请提供未加密的文件');
    const broken = writeOfd({
      pages: [{ layers: [placedText(1, '一、总体情况', 25, 40, 5)] }],
      parts: { 'Doc_0/Pages/Page_0/Content.xml': '<ofd:Page' },
    });
    expect(await refusal(broken)).toMatch(
      /^OFD 文件已损坏（Doc_0\/Pages\/Page_0\/Content\.xml 不是有效的 XML：.*），请用 OFD 阅读器另存后再试$/,
    );
  });

  it('a ZIP that is neither DOCX nor OFD, and an OpenDocument file, keep the DOCX reader’s messages', async () => {
    const refusedBy = async (bytes: Uint8Array) => {
      const error = await processBytes(bytes, 'x.zip').then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UnreadableInputError);
      return (error as Error).message;
    };
    expect(await refusedBy(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }))).toBe(
      '不是有效的 DOCX 文件：缺少 word/document.xml',
    );
    const odt = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
    });
    expect(await refusedBy(odt)).toBe('OpenDocument（.odt）文件暂不支持读取，请另存为 DOCX 后再试');
  });

  it('the registry tells an OFD from a DOCX by OFD.xml, and names its blocks’ type pdf', async () => {
    const ofd = writeOfd({ pages: [{ layers: [placedText(1, '一、总体情况', 25, 40, 5)] }] });
    expect((await readBlocks(ofd, new SourceFile('a.ofd'))).sourceType).toBe('pdf');
    // A Word document that also holds an OFD.xml is still a Word document.
    const both = zipSync({
      'OFD.xml': strToU8('<x/>'),
      'word/document.xml': strToU8(
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>',
      ),
    });
    expect((await readBlocks(both, new SourceFile('a.docx'))).sourceType).toBe('docx');
  });
});
