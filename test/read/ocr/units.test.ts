/** The parts of OCR reading that need no OCR engine: images, straightening, ruled grids, labels. */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UnreadableInputError } from '../../../src/core/source-file.js';
import { encodePng } from '../../../src/generate/scan.js';
import { processBytes } from '../../../src/pipeline.js';
import { figuresRegion, pictureOf } from '../../../src/read/ocr/crops.js';
import { wantedEngine } from '../../../src/read/ocr/engine.js';
import { encodePgm, firstDark, type Gray, grayImage, parsePgm } from '../../../src/read/ocr/image.js';
import { snapLabel } from '../../../src/read/ocr/labels.js';
import { layoutPage } from '../../../src/read/ocr/layout.js';
import { regions } from '../../../src/read/ocr/paddle/detect.js';
import { decode, readPieces } from '../../../src/read/ocr/paddle/recognise.js';
import { cleanText, readingConfidence, textLines } from '../../../src/read/ocr/paddle/words.js';
import { estimateSkew, flattenBackground, rotate } from '../../../src/read/ocr/preprocess.js';
import { imageKind, imageSize } from '../../../src/read/ocr/raster.js';
import { findRules, findTables, type TableGrid } from '../../../src/read/ocr/rules.js';
import { inkBox } from '../../../src/read/ocr/sheet.js';
import { parseTsv } from '../../../src/read/ocr/tesseract.js';
import type { CellRead } from '../../../src/read/ocr/to-blocks.js';

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

  it('finds the first pixel darker than a level as a byte-by-byte scan does, whatever the alignment', () => {
    // Mostly paper (words of it skipped together), with a dark or a near-level pixel here and there.
    const bytes = new Uint8Array(203);
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = [255, 255, 255, 150, 149, 200, 199, 128, 127, 0][(i * 7) % 10] as number;
    for (const offset of [0, 1, 2, 3])
      for (const level of [128, 150, 200, 256]) {
        const data = bytes.subarray(offset);
        for (let from = 0; from < 40; from++)
          for (const to of [from, from + 1, from + 5, from + 17, data.length]) {
            let expected = from;
            while (expected < to && (data[expected] as number) >= level) expected++;
            expect(firstDark(data, from, to, level)).toBe(expected);
          }
      }
    const paper = new Uint8Array(64).fill(160);
    paper[61] = 149;
    expect(firstDark(paper, 0, 64, 150)).toBe(61);
    expect(firstDark(paper, 0, 61, 150)).toBe(61);
    expect(firstDark(paper, 0, 64, 160)).toBe(61);
    expect(firstDark(paper, 0, 60, 161)).toBe(0);
  });

  it('writes a grey PNG whose pixels inflate back as they were', () => {
    const image = grayImage(7, 3);
    image.data.forEach((_, i) => {
      image.data[i] = (i * 37) % 256;
    });
    const png = Buffer.from(encodePng(image));
    expect(imageKind(png)).toBe('png');
    expect(imageSize(png, 'png')).toEqual({ width: 7, height: 3 });
    const length = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    const rows = inflateSync(png.subarray(41, 41 + length));
    const pixels = [0, 1, 2].flatMap((y) => [...rows.subarray(y * 8 + 1, y * 8 + 8)]);
    expect(pixels).toEqual([...image.data]);
    expect([0, 1, 2].map((y) => rows[y * 8])).toEqual([0, 0, 0]);
  });

  it('keeps of a page only the part round its figures, and cuts each picture from it as from the whole page', () => {
    const page = grayImage(400, 300);
    page.data.forEach((_, i) => {
      page.data[i] = (i * 7 + (i >> 5)) % 256;
    });
    const figure = (p: number, left: number, top: number, right: number, bottom: number): CellRead => ({
      page: p,
      line: 1,
      column: 1,
      text: '0',
      confidence: 50,
      box: { left, top, right, bottom },
    });
    // Near the edge (the margin clipped), in the middle, and one on another page.
    const figures = [figure(2, 3, 5, 40, 29.5), figure(2, 200.5, 120, 260, 150), figure(3, 10, 10, 20, 20)];
    const region = figuresRegion(page, figures, 2);
    // The figures' boxes with a margin of a third of their height (4 pixels at least) round them.
    expect(region && { left: region.left, top: region.top }).toEqual({ left: 0, top: 0 });
    expect(region && [region.image.width, region.image.height]).toEqual([271, 161]);
    expect(figuresRegion(page, figures, 4)).toBeNull();
    const whole = { image: page, left: 0, top: 0 };
    for (const f of figures.slice(0, 2))
      expect(pictureOf(region ?? undefined, f.box)).toEqual(pictureOf(whole, f.box));
    expect(pictureOf(whole, figures[1]?.box as CellRead['box'])).toMatchObject({ width: 81, height: 51 });
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

/** The cells of `ruledPage()`'s grid: [row, column, rows spanned, columns spanned]. */
const ruledPageCells = [
  [0, 0, 1, 3],
  [1, 0, 1, 1],
  [1, 1, 1, 1],
  [1, 2, 1, 1],
  [2, 0, 1, 1],
  [2, 1, 1, 1],
  [2, 2, 1, 1],
];

const spans = (table: TableGrid | undefined) =>
  table?.cells.map((c) => [c.row, c.column, c.rowSpan, c.columnSpan]);

describe('ruled tables', () => {
  it('gives the grid with its merged cell', () => {
    const [table, ...more] = findTables(ruledPage(), 200);
    expect(more).toEqual([]);
    expect(table?.ys.map(Math.round)).toEqual([101, 161, 221, 281]);
    expect(spans(table)).toEqual(ruledPageCells);
  });

  it('keeps a grid with an L-shaped merged cell (a lost wall) as the box around it', () => {
    const page = ruledPage();
    // No wall right of (1, 0) nor below (1, 1): (1, 0), (1, 1) and (2, 1) would be one L-shaped cell.
    for (let y = 163; y < 220; y++) page.data[y * 800 + 300] = page.data[y * 800 + 301] = 255;
    for (let x = 303; x < 499; x++) page.data[220 * 800 + x] = page.data[221 * 800 + x] = 255;
    const [table] = findTables(page, 200);
    expect(spans(table)).toEqual([
      [0, 0, 1, 3],
      [1, 0, 2, 2],
      [1, 2, 1, 1],
      [2, 0, 1, 1],
      [2, 2, 1, 1],
    ]);
  });

  it('takes a faint column rule (grey, as a thin rule comes out of a JPEG scan) as a wall, not text in a merged cell', () => {
    const page = ruledPage();
    // The middle row's inner rules lighter than ink (141–160: the bench's degraded scans), whole height.
    for (const x of [300, 500])
      for (let y = 162; y < 220; y++) page.data[y * 800 + x] = page.data[y * 800 + x + 1] = 150 + (y % 3) * 5;
    // In the merged top cell, a dark stroke where a wall would be, over 60% of its height.
    for (let y = 112; y < 148; y++) page.data[y * 800 + 300] = page.data[y * 800 + 301] = 0;
    const [table] = findTables(page, 200);
    expect(spans(table)).toEqual(ruledPageCells);
  });

  it('gives the rules across of a table without column rules as rules of no table', () => {
    const page = grayImage(800, 600);
    for (const y of [100, 160, 220]) for (let x = 100; x <= 700; x++) page.data[y * 800 + x] = 0;
    const { tables, stray } = findRules(page, 200);
    expect(tables).toEqual([]);
    expect(stray.map((r) => [r.at, r.from, r.to])).toEqual([
      [100, 100, 700],
      [160, 100, 700],
      [220, 100, 700],
    ]);
  });

  it('finds no table in a page of text-like strokes', () => {
    const page = grayImage(600, 400);
    for (let y = 50; y < 350; y += 30)
      for (let x = 50; x < 550; x++) if (x % 30 < 20) page.data[y * 600 + x] = 0;
    expect(findTables(page, 200)).toEqual([]);
  });
});

describe('lines outside ruled tables', () => {
  const word = (text: string, left: number, top: number, line: string) => ({
    text,
    left,
    right: left + 12 * text.length,
    top,
    bottom: top + 20,
    confidence: 95,
    line,
  });

  it('joins the pieces of one visual line (each figure of a table without rules detected apart), left to right', () => {
    // Each piece its own detected region; the 「4」 a pixel higher than the 「0」 left of it.
    const words = [
      word('没有现成信息', 100, 500, 'p1'),
      word('0', 400, 502, 'p2'),
      word('4', 480, 501, 'p3'),
      word('4', 560, 502, 'p4'),
      word('下一行', 100, 540, 'p5'),
    ];
    const { lines } = layoutPage(words, [], 28);
    expect(lines.map((l) => l.spans.map((w) => w.text))).toEqual([
      ['没有现成信息', '0', '4', '4'],
      ['下一行'],
    ]);
    expect(lines[0]?.text).toBe('没有现成信息   0   4   4');
  });

  it('keeps pieces that overlap across on lines of their own', () => {
    const { lines } = layoutPage(
      [word('上一行文字', 100, 500, 'p1'), word('下一行', 110, 508, 'p2')],
      [],
      28,
    );
    expect(lines.map((l) => l.text)).toEqual(['上一行文字', '下一行']);
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

describe('PaddleOCR pieces', () => {
  const characters = ['', '0', '8', '1', ' '];
  /** Class probabilities for steps: each step's winner gets `p`, the rest share what is left. */
  const steps = (winners: [number, number][]) => {
    const data = new Float32Array(winners.length * characters.length);
    winners.forEach(([c, p], t) => {
      for (let k = 0; k < characters.length; k++)
        data[t * characters.length + k] = k === c ? p : (1 - p) / (characters.length - 1);
    });
    return data;
  };

  it('decodes CTC greedily: runs merged, blanks dropped, each character its best probability', () => {
    const data = steps([
      [0, 0.9],
      [3, 0.7],
      [3, 0.95],
      [0, 0.99],
      [3, 0.9],
      [1, 0.85],
      [0, 0.6],
    ]);
    expect(decode(data, 0, 7, characters.length, characters)).toEqual({
      text: '110',
      probabilities: [expect.closeTo(0.95, 5), expect.closeTo(0.9, 5), expect.closeTo(0.85, 5)],
      leastStep: expect.closeTo(0.6, 5),
    });
    // Steps over the padding do not count towards the least sure step.
    expect(decode(data, 0, 7, characters.length, characters, 6).leastStep).toBeCloseTo(0.7, 5);
  });

  it('reads figures side by side: each character to the piece whose ink it stands on', () => {
    // Three pieces of 24 columns (3 steps of 8), the ink of each its middle 8 columns.
    const placed = [0, 24, 48].map((at) => ({ at, width: 24, inkFrom: at + 8, inkTo: at + 16 }));
    const line = (classes: [number, number][]) =>
      readPieces(
        classes.map(([k]) => k),
        classes.map(([, p]) => p),
        0,
        classes.length,
        8,
        placed,
        characters,
      );
    const reads = line([
      [0, 0.99],
      [1, 0.9],
      [0, 0.6],
      [4, 0.7],
      [2, 0.95],
      [0, 0.99],
      [0, 0.98],
      [3, 0.97],
      [0, 0.5],
    ]);
    // The steps between pieces (a space weighed there) count for none; a piece's middle step does.
    expect(reads).toEqual([
      { text: '0', probabilities: [expect.closeTo(0.9, 5)], leastStep: expect.closeTo(0.9, 5) },
      { text: '8', probabilities: [expect.closeTo(0.95, 5)], leastStep: expect.closeTo(0.95, 5) },
      { text: '1', probabilities: [expect.closeTo(0.97, 5)], leastStep: expect.closeTo(0.97, 5) },
    ]);
    // A run over two pieces' ink (two 「0」 merged), a character on no ink, a piece read empty: read alone.
    expect(
      line([
        [0, 0.99],
        [1, 0.9],
        [1, 0.9],
        [1, 0.9],
        [1, 0.9],
        [0, 0.99],
        [0, 0.99],
        [3, 0.97],
        [0, 0.99],
      ]),
    ).toEqual([null, null, expect.objectContaining({ text: '1' })]);
    expect(
      line([
        [0, 0.99],
        [1, 0.9],
        [3, 0.6],
        [0, 0.99],
        [2, 0.95],
        [0, 0.99],
        [0, 0.99],
        [0, 0.99],
        [0, 0.99],
      ]).map((r) => r?.text ?? null),
    ).toEqual([null, '8', null]);
  });

  it('a figure is as sure as its least sure character or step', () => {
    expect(readingConfidence({ text: '80', probabilities: [0.99, 0.55], leastStep: 0.9 })).toBeCloseTo(55, 5);
    expect(readingConfidence({ text: '80', probabilities: [0.99, 0.98], leastStep: 0.5 })).toBeCloseTo(50, 5);
  });

  it('drops spaces next to Chinese characters, keeps one between Latin words', () => {
    expect(cleanText(' 信息 内容 ')).toBe('信息内容');
    expect(cleanText('PDF  file 1')).toBe('PDF file 1');
  });

  it('cuts a cell into its text lines, a thin band joined to its nearer line', () => {
    const page = grayImage(200, 120);
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) page.data[y * 200 + x] = 0;
    };
    ink(20, 10, 120, 39);
    // A stroke above the second line (the top of a character), just above it.
    ink(30, 60, 50, 62);
    ink(20, 66, 90, 95);
    expect(textLines(page, { left: 10, top: 5, right: 190, bottom: 110 })).toEqual([
      { left: 20, top: 10, right: 120, bottom: 39 },
      { left: 20, top: 60, right: 90, bottom: 95 },
    ]);
  });

  it('a minus sign two pixels thick is ink of the cell, where specks are not', () => {
    const page = grayImage(120, 60);
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) page.data[y * 120 + x] = 0;
    };
    // 「-2」: a dash 8 × 2, then a digit; a speck of two pixels to the right.
    ink(40, 30, 47, 31);
    ink(51, 20, 62, 43);
    ink(90, 30, 90, 31);
    const box = { left: 0, top: 0, right: 119, bottom: 59 };
    expect(inkBox(page, box)).toEqual({ left: 51, top: 20, right: 62, bottom: 43 });
    expect(inkBox(page, box, true)).toEqual({ left: 40, top: 20, right: 62, bottom: 43 });
  });

  it('a faint minus sign (grey, as on a low-resolution JPEG scan) is ink of the cell, a glyph’s grey edge is not', () => {
    const page = grayImage(120, 60);
    const paint = (x0: number, y0: number, x1: number, y1: number, grey: number) => {
      for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) page.data[y * 120 + x] = grey;
    };
    // 「-2」 with the dash 8 × 3 in grey 170 (never darker than the ink level), three pixels before
    // the digit; the digit with a grey edge a pixel wide on its right, and a grey speck further on.
    paint(40, 30, 47, 32, 170);
    paint(51, 20, 62, 43, 0);
    paint(63, 20, 63, 43, 180);
    paint(90, 30, 92, 30, 180);
    const box = { left: 0, top: 0, right: 119, bottom: 59 };
    expect(inkBox(page, box)).toEqual({ left: 51, top: 20, right: 62, bottom: 43 });
    expect(inkBox(page, box, true)).toEqual({ left: 40, top: 20, right: 62, bottom: 43 });
    // A faint dash read alone is no ink: nothing but it in the cell.
    expect(inkBox(page, { left: 0, top: 0, right: 49, bottom: 59 }, true)).toBeNull();
  });

  it("finds regions of likely text in the detector's map", () => {
    const width = 20;
    const prob = new Float32Array(width * 10);
    for (let y = 2; y <= 5; y++) for (let x = 3; x <= 15; x++) prob[y * width + x] = 0.9;
    // Too faint on the whole to be text.
    for (let y = 7; y <= 9; y++) for (let x = 3; x <= 15; x++) prob[y * width + x] = 0.4;
    expect(regions(prob, width, 10)).toEqual([{ left: 3, top: 2, right: 15, bottom: 5 }]);
  });

  it('takes the engine from the option, else from GONGKAI_OCR_ENGINE', () => {
    const before = process.env.GONGKAI_OCR_ENGINE;
    try {
      process.env.GONGKAI_OCR_ENGINE = 'Tesseract';
      expect(wantedEngine()).toBe('tesseract');
      expect(wantedEngine('paddle')).toBe('paddle');
      process.env.GONGKAI_OCR_ENGINE = 'other';
      expect(wantedEngine()).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.GONGKAI_OCR_ENGINE;
      else process.env.GONGKAI_OCR_ENGINE = before;
    }
  });
});
