/**
 * The text `pdftotext` gives of PDFs as Word and WPS print a report (test/support/word-pdf.ts: any
 * way of drawing the tables, cells left blank or not): laid out (`-layout`, the form real/011.txt
 * comes in), raw (`-raw`, in content-stream order) and in its default reading order (cells one
 * after another, often column by column). Reports gathered as text come this way, from whatever
 * tool the gatherer had. Every cell reads back exactly or is named by an error (the damage
 * properties' verdict, test/support/verdict.ts; a figure read as blank too): never silently
 * wrong; and a report with any cell not read exactly has an error, as the fixtures are scored.
 *
 * How many read exactly differs by mode (a sample of 150–200 reports, a third with blank cells,
 * 2026-12-07): `-layout` 178 of 200, `-raw` 116 of 150, the default order 13 of 150 (its cells
 * 47%: a table given column by column, its header words among the figures, is named, not guessed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import type { FormatId } from '../../src/spec/types.js';
import { describeFindings, errors, fcParams, withExamples } from '../support/parse.js';
import { violations } from '../support/verdict.js';
import { arbitraryWordPdfStyle, wordPdf } from '../support/word-pdf.js';

/** Whether poppler's pdftotext runs here (.ci/run installs poppler-utils under CI=true). */
function havePdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const installed = havePdftotext();
const inCi = process.env.CI === 'true';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdftotext-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cases = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  format: fc.constantFrom<FormatId>('2019', '2021'),
  blanks: fc.boolean(),
  style: arbitraryWordPdfStyle,
});

describe.runIf(!installed)('pdftotext', () => {
  it.runIf(inCi)('is installed in CI (poppler-utils)', () => {
    expect(installed, 'pdftotext is missing: see .ci/run').toBe(true);
  });
  it.skipIf(inCi)('is not installed here: the pdftotext variants skip (install poppler-utils)', () => {
    console.warn('pdftotext variants skipped: poppler-utils not installed');
  });
});

describe.runIf(installed)('pdftotext of PDFs as word processors print a report', () => {
  type Case = typeof cases extends fc.Arbitrary<infer C> ? C : never;
  /** What the kept examples share: every wall drawn cell by cell, labels left, no running head. */
  const drawn = {
    rules: 'grid',
    walls: 'cells',
    paint: 'stroke',
    labels: 'left',
    charRuns: 'none',
    runningHead: 'none',
  } as const;
  /** Counterexamples found, kept (each in the mode that found it). */
  const found: Record<string, Case[]> = {
    // Table 三's only complete rows (一, 二) set four characters left of the rows beside the group
    // labels: under their columns 「4.保护第三方合法权益 5 12 0 _ 0 0 _」 went a column right (0 read
    // as blank, blank as 0), no error (test/fixtures/pdftotext-plain/blanks-wordpdf-2147483623-layout).
    '-layout': [
      {
        seed: 2147483623,
        format: '2019',
        blanks: true,
        style: {
          rules: 'grid',
          walls: 'long',
          paint: 'fill',
          size: 10.5,
          padX: 1,
          padY: 0,
          figures: 'right',
          labels: 'left',
          vertical: 'top',
          charRuns: 'all',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'di',
          runningHead: 'none',
          blankMark: '',
          shift: 88,
        },
      },
      // Labels in the middle of their cells, wrapped three characters a line beside the group
      // labels: 「3.要求提供公开」, then 「（五）  0  0」 (a piece of the group label 「（五）不予处理」
      // starting the figures' line), then 「出版物」. The label was found by its key 「出版物」 alone,
      // its two zeros read as 「2.重复申请」's (named) and the row as blank, no error
      // (test/fixtures/pdftotext-plain/blanks-wordpdf-1193671746-layout).
      {
        seed: 1193671746,
        format: '2021',
        blanks: true,
        style: {
          ...drawn,
          size: 11,
          padX: 6,
          padY: 0,
          figures: 'left',
          vertical: 'middle',
          groupChars: 3,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 0,
        },
      },
    ],
    // Two pages ending with the row 「0 无 无 无 无 无 0」, taken for a running foot and dropped:
    // the rows read 「没有填写数字」, no error.
    // 「其他对外管理服务事项」 then 「2 / 0」 (a figure, the blank mark 「/」, a figure), taken for a page
    // number and dropped: the row read 「没有填写数字」, no error.
    '-raw': [
      // A bare page number (Word's page field), then the running head, last on each page: 「1」
      // read as 行政强制's last figure (-5 4 1 where -5, a blank and 4 were printed), no error.
      {
        seed: 0,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          runningHead: 'ruled',
          size: 9,
          padX: 1,
          padY: 0,
          figures: 'left',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'bare',
          blankMark: '',
          shift: 0,
        },
      },
      {
        seed: 358250844,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          size: 12,
          padX: 1,
          padY: 0,
          figures: 'left',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '/',
          shift: 0,
        },
      },
      {
        seed: 1426366371,
        format: '2021',
        blanks: true,
        style: {
          ...drawn,
          size: 10,
          padX: 4,
          padY: 4,
          figures: 'left',
          vertical: 'top',
          groupChars: 5,
          repeatHeader: true,
          pageNumber: 'none',
          blankMark: '无',
          shift: 138,
        },
      },
    ],
    // 「行政事业性收费」 (its label spread a character a line) right before the next item's caption,
    // its own figures before its caption: it took 政府集中采购's, 0 read as 1 and 0 as 8827.64.
    '': [
      {
        seed: 27535648,
        format: '2019',
        blanks: false,
        style: {
          ...drawn,
          size: 9,
          padX: 1,
          padY: 1,
          figures: 'center',
          labels: 'distributed',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 57,
        },
      },
      // 「政府集中采购」 the last row of table 二, its column 「采购总金额 46 482」 put after the next
      // part's heading: the row read 「没有填写数字」 (a warning), no error.
      {
        seed: 0,
        format: '2019',
        blanks: false,
        style: {
          ...drawn,
          size: 10,
          padX: 3,
          padY: 1,
          figures: 'right',
          vertical: 'middle',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'none',
          blankMark: '',
          shift: 303,
        },
      },
      // Table 三's figures all after 「四、…」 and table 三's header, its labels left in part 三 with
      // nothing after them: every row read 「没有填写数字」 (warnings), no error naming them.
      {
        seed: 0,
        format: '2019',
        blanks: false,
        style: {
          ...drawn,
          size: 9,
          padX: 1,
          padY: 0,
          figures: 'right',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 67,
        },
      },
      // 「政府集中采购」 with 482 after its label and 46 before it, in a table whose 「行政事业性收费」
      // took every other figure: read as 采购总金额 482 and a blank cell (a warning), no error.
      {
        seed: 0,
        format: '2019',
        blanks: false,
        style: {
          ...drawn,
          size: 9,
          padX: 1,
          padY: 0,
          figures: 'right',
          vertical: 'middle',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 0,
        },
      },
      // Table 四's figures among table 三's stray figures, before table 四's heading: table 四 read
      // 「没有填写数字」 (a warning), no error naming its cells.
      {
        seed: 2,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          size: 9,
          padX: 2,
          padY: 0,
          figures: 'left',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 331,
        },
      },
      // Table 四's figures all taken by table 三's last rows: table 四 read 「没有填写数字」 (a
      // warning), no error naming its cells.
      {
        seed: 0,
        format: '2019',
        blanks: false,
        style: {
          ...drawn,
          size: 12,
          padX: 3,
          padY: 0,
          figures: 'right',
          vertical: 'middle',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 0,
        },
      },
      // 「（七）总计」 spread a character apart: 「（」「计」 before its figures, 「七」「）」「总」 among the
      // next row's, with a figure of an earlier row; the row was not found, and 「四、结转下年度继续办理」
      // read 7 figures (0 1 0 0 0 0 1), three cells wrong, no error.
      {
        seed: 3,
        format: '2019',
        blanks: true,
        style: {
          rules: 'none',
          walls: 'long',
          paint: 'fill',
          size: 11,
          padX: 5,
          padY: 1,
          figures: 'left',
          labels: 'distributed',
          vertical: 'top',
          charRuns: 'none',
          groupChars: 4,
          repeatHeader: false,
          pageNumber: 'di',
          runningHead: 'text',
          blankMark: '',
          shift: 394,
        },
      },
      // 「行政许可 0 -13」 short (named), then 「其他对外管理服务事 56」「项」「-14」「1」: the 1 was
      // 行政许可's (its column read after the next row's), read as 其他对外管理服务事项's blank
      // 处理决定数量, no error: the row's first figure on its label's line kept it from the doubt a
      // row after a short one gets.
      {
        seed: 792065478,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          size: 12,
          padX: 1,
          padY: 1,
          figures: 'left',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: true,
          pageNumber: 'dash',
          blankMark: '',
          shift: 103,
        },
      },
      // A row's last figure alone after the page's foot, the page's last line: 「8.属于行政查询事项」
      // 0 0 0 0 0 0 「-2-」 0 where one cell was blank (the last 0 the next page's row's), read as
      // seven 0s, no error; and (no blank cells) 「一、本年新收…」 14 5 7 3 3 19 「-2-」 51 for
      // 19 14 5 7 3 3 51, its sum holding either way.
      {
        seed: 1150428741,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          size: 12,
          padX: 1,
          padY: 2,
          figures: 'left',
          vertical: 'top',
          groupChars: 3,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 30,
        },
      },
      {
        seed: 7,
        format: '2021',
        blanks: false,
        style: {
          ...drawn,
          size: 10.5,
          padX: 6,
          padY: 4,
          figures: 'center',
          labels: 'center',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 220,
        },
      },
      // 「规章」 and 「规范性文件」 spread a character a line, interleaved: 规章 not found, 规范性文件
      // found as 「范性文件」 read 0 0 0 where its 总数 was blank, no error.
      {
        seed: 792873347,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          size: 12,
          padX: 2,
          padY: 1,
          figures: 'left',
          labels: 'distributed',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 103,
        },
      },
      // The same a little wider (padX 3): 「规|…|章 0|规 范 性 文 件 0|对外公开总数量|0|0」, 规范性文件
      // found whole but out of the format's place (not damaged), read 0 0 0 again, no error.
      {
        seed: 792873347,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          size: 12,
          padX: 3,
          padY: 1,
          figures: 'left',
          labels: 'distributed',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 103,
        },
      },
      // Table 三's rows from 「1.信访举报投诉类申请」 on, their labels in a run, then their figures
      // column by column: shared out row by row, 信访举报投诉类申请 read seven 0s for 0 0 0 0 0 2 2
      // (its sum holding), no error.
      {
        seed: 1125945273,
        format: '2021',
        blanks: false,
        style: {
          ...drawn,
          size: 9,
          padX: 4,
          padY: 0,
          figures: 'left',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 234,
        },
      },
      // The same with 行政许可's label spread a character a line, its last on its first figure's
      // line (「可0」「23」): the short row was not taken for one a line, 「其他对外管理服务事 0」「项」「6」
      // 「3」 read its 3 as a blank cell's.
      {
        seed: 792092960,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          size: 12,
          padX: 2,
          padY: 1,
          figures: 'left',
          labels: 'distributed',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: true,
          pageNumber: 'dash',
          blankMark: '',
          shift: 103,
        },
      },
      // 「（ 1.信访…」「五） 2.重复申请」「不予 3.要求提供…」「处理 4.无正当…」, then seven 0s: the labels
      // written one a line, pieces of 「（五）不予处理」 before them, were not seen as a run; 4 read the
      // 0s (its cells blank), no error.
      {
        seed: 1006622818,
        format: '2019',
        blanks: true,
        style: {
          ...drawn,
          size: 12,
          padX: 1,
          padY: 1,
          figures: 'left',
          vertical: 'top',
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'dash',
          blankMark: '',
          shift: 44,
        },
      },
      // Bare page numbers (Word's page field), pages 1 and 4's set among their tables' cells: page
      // 4's 「4」 in table 四's fifteen figures, one of them blank, filled the count: every cell
      // after it read a place early (the blank 「尚未审结」 as 0), no error naming it
      // (test/fixtures/pdftotext-plain/blanks-wordpdf-0-bare-plain; with labels set to the middle of
      // their cells, page 2's number too: -bare-middle-plain).
      ...(['top', 'middle'] as const).map((vertical) => ({
        seed: 0,
        format: '2019' as const,
        blanks: true,
        style: {
          ...drawn,
          size: 11,
          padX: 2,
          padY: 1,
          figures: 'left' as const,
          vertical,
          groupChars: 2,
          repeatHeader: false,
          pageNumber: 'bare' as const,
          blankMark: '',
          shift: 0,
        },
      })),
    ],
  };
  const modes: [string, string[], number][] = [
    ['-layout', ['-layout'], 20261231],
    ['-raw', ['-raw'], 20261232],
    ['reading order (no option)', [], 20261233],
  ];
  it.each(modes)(
    '%s: every cell exact or named by an error',
    async (_, options, seed) => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          const report = c.blanks
            ? withBlankCells(generateReport(c.seed, c.format), c.seed)
            : generateReport(c.seed, c.format);
          const pdf = join(dir, `${n++}.pdf`);
          writeFileSync(pdf, await wordPdf(report, c.style));
          const text = execFileSync('pdftotext', [...options, pdf, '-']);
          const result = await processBytes(new Uint8Array(text), 'report.txt');
          const context = `${JSON.stringify(c)} ${options.join(' ')}\n${describeFindings(result.report.findings)}`;
          expect(violations(report, result, { breaks: false }), context).toEqual([]);
          // And as the fixtures are scored (shared/tools/score-fixtures): a report with any cell
          // not read exactly, blank included, has an error.
          const back = result.report;
          const differs = Object.keys(report.cells).filter(
            (k) => (back.cells[k] ?? null) !== report.cells[k],
          );
          if (differs.length > 0)
            expect(errors(back.findings).length, `${context}\n${differs.join(' ')}`).toBeGreaterThan(0);
        }),
        withExamples({
          ...fcParams(8, seed),
          examples: (found[options.join(' ')] ?? []).map((c) => [c] as [Case]),
        }),
      );
    },
    300_000,
  );
});
