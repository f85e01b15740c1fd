/**
 * Test support: a seed report written as Word would save it, with the `docx` package. The prose
 * is the seed's own lines, one paragraph each; parts 二 to 四 are the spec's tables filled with
 * the seed's true figures, as real tables with merged header cells (gridSpan and vMerge); part
 * headings and some sub-headings carry automatic numbering instead of their numerals; a header
 * and a footer hold text that must not be read; tracked changes sit in the prose and in a cell.
 */
import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  InsertedTextRun,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import type { Cells } from '../../../src/core/report.js';
import { type GridCell, partGrid } from '../../../src/render/grid.js';
import { getFormat } from '../../../src/spec/registry.js';
import type { FormatId } from '../../../src/spec/types.js';

export interface SeedTruth {
  format: FormatId;
  agency: string | null;
  year: number;
  publishedOn: string | null;
  signedOn: string | null;
  cells: Cells;
}

const seedDir = new URL('../../fixtures/seeds/', import.meta.url);

export const seedNames = (): string[] => [
  '000_364e9d94d0d9df93',
  '001_51a7ac9068d409eb',
  '002_3c3763e501192771',
  '003_7fa55acae3721def',
  '004_cf474a2a7b651b5a',
];

export const seedTruth = (name: string): SeedTruth =>
  JSON.parse(readFileSync(new URL(`${name}.expected.json`, seedDir), 'utf8')) as SeedTruth;

/** Text in the header and footer: read, it would change the agency, the year and the dates. */
export const headerText = '某某市人民政府办公室2099年政府信息公开工作年度报告';
export const footerText = '发布日期：2099-12-31　第1页';
/** Tracked deletions: read, they would show. */
export const deletedProse = '（已删除：本年共收到申请99件）';
export const deletedFigure = '86420';

const numerals = '一二三四五六七八九十';
const chineseNumber = (n: number) => (n <= 10 ? numerals[n - 1] : `十${numerals[n - 11]}`);

const level = (
  lvl: number,
  format: (typeof LevelFormat)[keyof typeof LevelFormat],
  text: string,
  tab = false,
) => ({
  level: lvl,
  format,
  text,
  alignment: AlignmentType.LEFT,
  ...(tab ? {} : { suffix: LevelSuffix.NOTHING }),
});

const numbering = {
  config: [
    {
      reference: 'headings',
      levels: [
        level(0, LevelFormat.CHINESE_COUNTING, '%1、', true),
        level(1, LevelFormat.CHINESE_COUNTING_THOUSAND, '（%2）'),
        level(2, LevelFormat.DECIMAL, '%3.'),
      ],
    },
  ],
};

/** Counts like Word, to decide which seed numerals automatic numbering reproduces. */
class Counter {
  private counts = [0, 0, 0];
  expect(lvl: number): number {
    return (this.counts[lvl] as number) + 1;
  }
  use(lvl: number): void {
    this.counts[lvl] = (this.counts[lvl] as number) + 1;
    for (let k = lvl + 1; k < 3; k++) this.counts[k] = 0;
  }
}

const cell = (children: Paragraph[], columnSpan: number, rowSpan: number) =>
  new TableCell({
    children,
    ...(columnSpan > 1 ? { columnSpan } : {}),
    ...(rowSpan > 1 ? { rowSpan } : {}),
  });

interface Placed {
  cell: GridCell;
  start: number;
  span: number;
}

/** One w:tbl for a table of the spec: its parts stacked, each widened to the widest. */
function table(tableId: string, truth: SeedTruth, tracked: boolean): Table {
  const spec = getFormat(truth.format);
  const parts = spec.tables.find((t) => t.id === tableId)?.parts ?? [];
  const grids = parts.map((part) => partGrid(part, truth.cells));
  const width = Math.max(...grids.map((g) => g.width));
  const rows: Placed[][] = [];
  for (const g of grids) {
    const part: GridCell[][] = [];
    if (g.caption) part.push([g.caption]);
    part.push(...g.header, ...g.body.map((b) => b.cells));
    for (const row of part) {
      let start = 0;
      const placed = row.map((c) => {
        const p = { cell: c, start, span: c.span };
        start += c.span;
        return p;
      });
      const last = placed[placed.length - 1];
      if (last) last.span += width - start;
      rows.push(placed);
    }
  }
  let trackedDone = !tracked;
  const out = rows.map((row, r) => {
    const children = row
      .filter((p) => !p.cell.continued)
      .map((p) => {
        let rowSpan = 1;
        for (let below = r + 1; below < rows.length; below++) {
          const under = rows[below]?.find((q) => q.start === p.start);
          if (!under?.cell.continued || under.span !== p.span) break;
          rowSpan++;
        }
        let runs: (TextRun | InsertedTextRun | DeletedTextRun)[] = [new TextRun(p.cell.text)];
        if (!trackedDone && p.cell.kind === 'value' && p.cell.text !== '') {
          trackedDone = true;
          const change = { author: 'x', date: '2022-01-01T00:00:00Z' };
          runs = [
            new DeletedTextRun({ text: deletedFigure, id: 901, ...change }),
            new InsertedTextRun({ text: p.cell.text, id: 902, ...change }),
          ];
        }
        return cell([new Paragraph({ children: runs })], p.span, rowSpan);
      });
    return new TableRow({ children });
  });
  return new Table({ rows: out });
}

const partHeading = [
  /^\s*二、\s*主动公开/,
  /^\s*三、\s*收到和处理/,
  /^\s*四、.*(?:行政复议|行政诉讼)/,
  /^\s*五、/,
] as const;

export function seedDocument(name: string): Document {
  const lines = readFileSync(new URL(`${name}.txt`, seedDir), 'utf8').split(/\r?\n/);
  const truth = seedTruth(name);
  const at = partHeading.map((re) => lines.findIndex((l) => re.test(l)));
  const [h2, h3, h4, h5] = at as [number, number, number, number];
  if (at.some((i) => i < 0)) throw new Error(`${name}: part headings not found`);
  const counter = new Counter();
  let proseTracked = false;

  const prose = (line: string): Paragraph => {
    if (line.trim() === '') return new Paragraph({});
    const top = /^\s*([一二三四五六七八九十]+)、(.+)$/.exec(line);
    if (top && top[1] === chineseNumber(counter.expect(0))) {
      counter.use(0);
      return new Paragraph({ text: top[2] as string, numbering: { reference: 'headings', level: 0 } });
    }
    const sub = /^\s*[（(]([一二三四五六七八九十]+)[)）]\s*(.+)$/.exec(line);
    if (sub && sub[1] === chineseNumber(counter.expect(1))) {
      counter.use(1);
      return new Paragraph({ text: sub[2] as string, numbering: { reference: 'headings', level: 1 } });
    }
    const item = /^\s*(\d{1,2})\.(\D.+)$/.exec(line);
    if (item && Number(item[1]) === counter.expect(2)) {
      counter.use(2);
      return new Paragraph({ text: item[2] as string, numbering: { reference: 'headings', level: 2 } });
    }
    if (!proseTracked && line.length > 40 && counter.expect(0) === 2) {
      // Inside part 一: a deletion that must not show, an insertion that must.
      proseTracked = true;
      const cut = Math.floor(line.length / 2);
      const change = { author: 'x', date: '2022-01-01T00:00:00Z' };
      return new Paragraph({
        children: [
          new TextRun(line.slice(0, cut)),
          new DeletedTextRun({ text: deletedProse, id: 801, ...change }),
          new InsertedTextRun({ text: line.slice(cut), id: 802, ...change }),
        ],
      });
    }
    return new Paragraph({ children: [new TextRun(line)] });
  };

  const children: (Paragraph | Table)[] = [];
  for (const line of lines.slice(0, h2)) children.push(prose(line));
  children.push(prose(lines[h2] as string), table('proactive', truth, false));
  children.push(prose(lines[h3] as string), table('applications', truth, true));
  children.push(prose(lines[h4] as string), table('litigation', truth, false));
  for (const line of lines.slice(h5)) children.push(prose(line));
  if (!proseTracked) throw new Error(`${name}: no prose paragraph for the tracked changes`);

  return new Document({
    numbering,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph(headerText)] }) },
        footers: { default: new Footer({ children: [new Paragraph(footerText)] }) },
        children,
      },
    ],
  });
}

export async function seedDocx(name: string): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(seedDocument(name)));
}
