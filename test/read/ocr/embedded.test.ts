/**
 * Report tables published as pictures inside a web page or a DOCX (src/read/images): the pages of a
 * generated report, scanned clean at 200 dpi (src/generate/scan.ts), embedded as `<img>` (inline
 * `data:` URIs, or files beside the page) and as DOCX pictures (word/media), read by OCR into the
 * same report, in document order. Skipped where no OCR engine is installed (see scans.test.ts).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/core/report.js';
import { SourceFile } from '../../../src/core/source-file.js';
import { generateReport } from '../../../src/generate/random-report.js';
import { encodePng, rasterise, scanReport } from '../../../src/generate/scan.js';
import { processBytes, read } from '../../../src/pipeline.js';
import { docImages } from '../../../src/read/images/doc-images.js';
import { docxImages } from '../../../src/read/images/docx-images.js';
import { lacksTable } from '../../../src/read/images/embedded.js';
import { htmlImages } from '../../../src/read/images/html-images.js';
import { chooseEngine } from '../../../src/read/ocr/engine.js';
import type { Gray } from '../../../src/read/ocr/image.js';
import { findTables } from '../../../src/read/ocr/rules.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { describeFindings, differingKeys } from '../../support/parse.js';
import { violations } from '../../support/verdict.js';

const installed = (await chooseEngine()) !== null;

const html = (body: string) =>
  strToU8(
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>${body}</body></html>`,
  );

const W =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';
const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';

/** A DOCX whose body is one picture a paragraph (the PNGs given), with a paragraph of text first. */
function docxOfPictures(images: readonly Uint8Array[], first = ''): Uint8Array {
  const picture = (i: number) =>
    `<w:p><w:r><w:drawing><a:graphic><a:graphicData><a:blip r:embed="rIdImg${i}"/></a:graphicData></a:graphic></w:drawing></w:r></w:p>`;
  const body = `${first ? `<w:p><w:r><w:t>${first}</w:t></w:r></w:p>` : ''}${images.map((_, i) => picture(i)).join('')}`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${images.map((_, i) => `<Relationship Id="rIdImg${i}" Type="${IMAGE}" Target="media/image${i}.png"/>`).join('')}</Relationships>`,
    ),
  };
  images.forEach((image, i) => {
    files[`word/media/image${i}.png`] = image;
  });
  return zipSync(files);
}

let report: Report;
let pages: Uint8Array[];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-embedded-'));
  report = generateReport(3, '2021');
  pages = installed ? (await scanReport(report, { dpi: 200 })).images : [];
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectExact(bytes: Uint8Array, path: string) {
  const result = await processBytes(bytes, path, { engine: 'paddle' });
  const context = describeFindings(result.report.findings);
  expect(violations(report, result, { breaks: false }), context).toEqual([]);
  expect(differingKeys(report.cells, result.report.cells), context).toEqual([]);
  expect({ format: result.report.format, year: result.report.year }).toEqual({
    format: report.format,
    year: report.year,
  });
  const ocr = result.report.findings.filter((f) => f.code === 'read.ocr');
  expect(ocr.map((f) => f.message.split('经')[0]).sort()).toEqual(
    pages.map((_, i) => `第 ${i + 1} 张图片`).sort(),
  );
}

describe('finding the pictures', () => {
  const png = Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  it('web page: data URIs and files within the page folder, with their places; nothing outside it', async () => {
    await writeFile(join(dir, '表1.png'), png);
    await writeFile(join(tmpdir(), 'gongkai-outside.png'), png);
    const page = html(
      `<p>一</p>\n<img alt="x" src="data:image/png;base64,${Buffer.from(png).toString('base64')}">\n  <IMG SRC='%E8%A1%A81.png'><img src="../gongkai-outside.png"><img src="http://example.invalid/a.png"><img src="missing.png">`,
    );
    const found = htmlImages(page, new SourceFile(join(dir, 'page.html')));
    expect(found.map((f) => [f.line, f.column, f.bytes.length])).toEqual([
      [2, 1, png.length],
      [3, 3, png.length],
    ]);
    // Read from standard input, there is no folder: inline pictures only.
    expect(htmlImages(page, new SourceFile('-')).length).toBe(1);
  });

  it('Word 97–2003: inline pictures where they stand in their paragraph, the image from its record', () => {
    // test/fixtures/doc/pictures.doc: 「前言」, then 「表：」 and a picture, then a picture alone (this PNG).
    const doc = new Uint8Array(readFileSync(new URL('../../fixtures/doc/pictures.doc', import.meta.url)));
    const found = docImages(doc, new SourceFile('pictures.doc'));
    expect(found.map((f) => [f.line, f.column, [...f.bytes]])).toEqual([
      [2, 3, [...png]],
      [3, 1, [...png]],
    ]);
  });

  it('DOCX: word/media pictures at the ordinal of their paragraph', () => {
    const found = docxImages(docxOfPictures([png, png], '前言'), new SourceFile('a.docx'));
    expect(found.map((f) => [f.line, f.column])).toEqual([
      [2, 1],
      [3, 1],
    ]);
  });
});

describe.runIf(installed)('tables as pictures', () => {
  it('a web page of inline pictures (data: URIs) reads as the report, pictures in order', async () => {
    const body = pages
      .map((p) => `<p><img src="data:image/png;base64,${Buffer.from(p).toString('base64')}"></p>`)
      .join('\n');
    await expectExact(html(`<div>${body}</div>`), join(dir, 'inline.html'));
  }, 480_000);

  it('a web page whose pictures are files beside it', async () => {
    await Promise.all(pages.map((p, i) => writeFile(join(dir, `page-${i}.png`), p)));
    const body = pages.map((_, i) => `<img src="page-${i}.png">`).join('\n');
    await expectExact(html(body), join(dir, 'files.html'));
  }, 480_000);

  it('a DOCX of pictures reads as the report', async () => {
    await expectExact(docxOfPictures(pages), join(dir, 'report.docx'));
  }, 480_000);

  it('--no-ocr: a DOCX of pictures is refused as before', async () => {
    await expect(processBytes(docxOfPictures(pages.slice(0, 1)), 'a.docx', { ocr: false })).rejects.toThrow(
      'DOCX 文件中没有可读取的文字（可能只有图片，例如扫描件）',
    );
  });
});

/** The web page of the report, its second table (表三) taken out and `instead` put in its place. */
function withoutTableThree(page: string, instead: string): string {
  const tables = [...page.matchAll(/<table[\s\S]*?<\/table>/g)];
  expect(tables.length).toBe(3);
  const three = tables[1] as RegExpMatchArray;
  const at = three.index as number;
  return page.slice(0, at) + instead + page.slice(at + three[0].length);
}

/** A site's page header (index number, category, publisher): a text table that is not the report's. */
const header =
  '<table><tr><td>索引号</td><td>000000000/2024-00001</td></tr><tr><td>分类</td><td>政府信息公开年报</td></tr><tr><td>发布机构</td><td>本机关</td></tr></table>';

/** The picture of a box of the page, a margin around it. */
function crop(image: Gray, box: { left: number; top: number; right: number; bottom: number }): Uint8Array {
  const m = 12;
  const left = Math.max(0, Math.floor(box.left) - m);
  const top = Math.max(0, Math.floor(box.top) - m);
  const width = Math.min(image.width, Math.ceil(box.right) + m + 1) - left;
  const height = Math.min(image.height, Math.ceil(box.bottom) + m + 1) - top;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++)
    data.set(
      image.data.subarray((top + y) * image.width + left, (top + y) * image.width + left + width),
      y * width,
    );
  return encodePng({ width, height, data });
}

describe('a table missing from the text', () => {
  it('the text alone lacks 表三 (three text tables or not); with all three it lacks none', async () => {
    const page = header + renderHtml(report);
    const blocksOf = async (html: string) => (await read(strToU8(html), new SourceFile('a.html'))).blocks;
    expect(lacksTable(await blocksOf(page), 'a.html')).toBe(false);
    expect(
      lacksTable(await blocksOf(header + withoutTableThree(renderHtml(report), '<p>见下图</p>')), 'a.html'),
    ).toBe(true);
  });

  it.runIf(installed)(
    'a web page with three text tables and 表三 as pictures: the pictures are read, the report exact',
    async () => {
      // 表三 on the rendered pages: every grid between the first (表二) and the last (表四), across a page break.
      const images = await rasterise(await renderPdf(report), 200);
      const grids = images.flatMap((image) => findTables(image, 200).map((grid) => ({ image, grid })));
      const pictures = grids.slice(1, -1).map(({ image, grid }) => crop(image, grid.box));
      expect(pictures.length).toBeGreaterThan(0);
      const imgs = pictures.map(
        (p) => `<p><img src="data:image/png;base64,${Buffer.from(p).toString('base64')}"></p>`,
      );
      const page = header + withoutTableThree(renderHtml(report), imgs.join('\n'));
      const result = await processBytes(strToU8(page), join(dir, 'table-three.html'), { engine: 'paddle' });
      const context = describeFindings(result.report.findings);
      expect(differingKeys(report.cells, result.report.cells), context).toEqual([]);
      expect(
        result.report.findings
          .filter((f) => f.code === 'read.ocr')
          .map((f) => f.message.split('经')[0])
          .sort(),
      ).toEqual(pictures.map((_, i) => `第 ${i + 1} 张图片`));
    },
    480_000,
  );
});
