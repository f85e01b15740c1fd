/** The parts of OCR reading that need no OCR engine: images, straightening, ruled grids, labels. */
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../../src/core/source-file.js';
import { encodePng } from '../../../src/generate/scan.js';
import { processBytes } from '../../../src/pipeline.js';
import { encodePgm, type Gray, grayImage, parsePgm } from '../../../src/read/ocr/image.js';
import { snapLabel } from '../../../src/read/ocr/labels.js';
import { estimateSkew, flattenBackground, rotate } from '../../../src/read/ocr/preprocess.js';
import { imageKind, imageSize } from '../../../src/read/ocr/raster.js';
import { findTables } from '../../../src/read/ocr/rules.js';
import { parseTsv } from '../../../src/read/ocr/tesseract.js';

/** A page with a ruled table: 3 rows × 3 columns, the top row one merged cell. */
function ruledPage(): Gray {
  const page = grayImage(800, 600);
  const ink = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) page.data[y * 800 + x] = 0;
  };
  const xs = [100, 300, 500, 700];
  const ys = [100, 160, 220, 280];
  for (const y of ys) ink(100, y, 700, y + 1);
  for (const x of xs) ink(x, 100, x + 1, 280);
  // The top row is one cell: its inner column rules stop at the second horizontal rule.
  for (const x of [300, 500])
    for (let y = 100; y < 160; y++) page.data[y * 800 + x] = page.data[y * 800 + x + 1] = 255;
  // Some text-like ink in a cell.
  ink(140, 180, 150, 200);
  return page;
}

describe('images', () => {
  it('PGM round trip', () => {
    const image = grayImage(3, 2, 7);
    image.data[4] = 200;
    expect(parsePgm(encodePgm(image))).toEqual(image);
  });

  it('recognises PNG, JPEG and TIFF and reads their size from the header', () => {
    const png = encodePng(grayImage(40, 30));
    expect(imageKind(png)).toBe('png');
    expect(imageSize(png, 'png')).toEqual({ width: 40, height: 30 });
    const jpeg = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 30, 0, 40, 1, 0, 0, 0,
    ]);
    expect(imageKind(jpeg)).toBe('jpeg');
    expect(imageSize(jpeg, 'jpeg')).toEqual({ width: 40, height: 30 });
    expect(imageKind(Uint8Array.from([0x49, 0x49, 0x2a, 0]))).toBe('tiff');
    expect(imageKind(new TextEncoder().encode('%PDF-1.7'))).toBeNull();
  });

  it('refuses a 40,000 px square image from its header, before decoding anything', async () => {
    const png = encodePng(grayImage(1, 1));
    const header = Buffer.from(png);
    header.writeUInt32BE(40_000, 16);
    header.writeUInt32BE(40_000, 20);
    const refusal = processBytes(header, 'huge.png');
    await expect(refusal).rejects.toBeInstanceOf(UnreadableInputError);
    await expect(refusal).rejects.toThrow('图片过大（40000×40000 像素）');
  });

  it('--no-ocr refuses an image', async () => {
    await expect(processBytes(encodePng(grayImage(10, 10)), 'a.png', { ocr: false })).rejects.toThrow(
      'PNG 图片需要文字识别才能读取（已用 --no-ocr 关闭文字识别）',
    );
  });
});

describe('preprocessing', () => {
  it('finds the skew of a turned page to a few hundredths of a degree and straightens it', () => {
    const page = grayImage(1000, 800);
    for (let line = 0; line < 12; line++)
      for (let x = 100; x < 900; x++) if (x % 40 < 30) page.data[(100 + line * 50) * 1000 + x] = 0;
    for (const angle of [0.8, -0.5, 0]) {
      const turned = rotate(page, -angle);
      const found = estimateSkew(turned);
      expect(Math.abs(found - angle)).toBeLessThanOrEqual(0.06);
    }
  });

  it('evens out a shadowed background', () => {
    const page = grayImage(400, 300);
    for (let y = 0; y < 300; y++)
      for (let x = 0; x < 400; x++) page.data[y * 400 + x] = 255 - Math.round(x / 4);
    page.data[150 * 400 + 300] = 20;
    const flat = flattenBackground(page);
    expect(flat.data[150 * 400 + 100]).toBeGreaterThan(225);
    expect(flat.data[150 * 400 + 350]).toBeGreaterThan(225);
    expect(flat.data[150 * 400 + 300]).toBeLessThan(60);
  });
});

describe('ruled tables', () => {
  it('gives the grid with its merged cell', () => {
    const [table, ...more] = findTables(ruledPage(), 200);
    expect(more).toEqual([]);
    expect(table?.ys.map(Math.round)).toEqual([101, 161, 221, 281]);
    expect(table?.cells.map((c) => [c.row, c.column, c.rowSpan, c.columnSpan])).toEqual([
      [0, 0, 1, 3],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it('finds no table in a page of text-like strokes', () => {
    const page = grayImage(600, 400);
    for (let y = 50; y < 350; y += 30)
      for (let x = 50; x < 550; x++) if (x % 30 < 20) page.data[y * 600 + x] = 0;
    expect(findTables(page, 200)).toEqual([]);
  });
});

describe('tesseract output and labels', () => {
  it('parses TSV words with boxes and confidences', () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '4\t1\t1\t1\t1\t0\t10\t20\t100\t30\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t20\t40\t30\t96.5\t规章',
      '5\t1\t1\t1\t1\t2\t80\t20\t10\t30\t88\t2',
      '5\t1\t1\t1\t1\t3\t95\t20\t10\t30\t95\t ',
    ].join('\n');
    expect(parseTsv(tsv)).toEqual([
      { text: '规章', confidence: 96.5, left: 10, top: 20, right: 50, bottom: 50, line: '1.1.1' },
      { text: '2', confidence: 88, left: 80, top: 20, right: 90, bottom: 50, line: '1.1.1' },
    ]);
  });

  it('takes a label read nearly right as the label, and leaves figures and other text alone', () => {
    expect(snapLabel('2.其他法律行政法规茜止公开')).toBe('2.其他法律行政法规禁止公开');
    expect(snapLabel('4保护第三方合法权益')).toBe('4.保护第三方合法权益');
    expect(snapLabel('1.属于国家秘密')).toBe('1.属于国家秘密');
    expect(snapLabel('18')).toBe('18');
    expect(snapLabel('我局严格落实信息发布审核制度')).toBe('我局严格落实信息发布审核制度');
  });
});
