/**
 * The paragraphs of a 公文 after GB/T 9704-2012: the title in 2号小标宋, body text in 3号仿宋
 * with a two-character first-line indent, 一级标题 in 黑体 and 二级标题 in 楷体 (both 3号), the
 * signature and its date right-aligned at the end, and the page numbers of the footers.
 */
import { AlignmentType, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { type FontFace, fangsong, heiti, kaiti, runFonts, songti, xiaobiaosong } from './fonts.js';
import {
  bodyTracking,
  charPitch,
  halfPoints,
  linePitch,
  pageNumberLine,
  pt,
  sizes,
  textWidth,
} from './layout.js';

const exact = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** A run of 3号 text, condensed to 28 characters a line. */
const run = (text: string, face: FontFace) =>
  new TextRun({
    text,
    font: runFonts(face),
    size: halfPoints(sizes.body),
    sizeComplexScript: halfPoints(sizes.body),
    characterSpacing: bodyTracking,
  });

/** Two characters of first-line indent, in characters (Word) and twips (other readers). */
const firstLine = { firstLine: 2 * charPitch, firstLineChars: 200 } as const;

/** One line of the 2号 title, centred. */
export const titleLine = (text: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact,
    children: [
      new TextRun({
        text,
        font: runFonts(xiaobiaosong, xiaobiaosong),
        size: halfPoints(sizes.title),
        sizeComplexScript: halfPoints(sizes.title),
      }),
    ],
  });

export const emptyLine = (): Paragraph => new Paragraph({ spacing: exact, children: [] });

/**
 * Half a line after a table, before the next heading: it stays at the foot of the table's page
 * (a space above the heading would follow the heading to the top of the next page), and where
 * the table fills its page it costs the next page half a line, not a whole one.
 */
export const tableGap = (): Paragraph =>
  new Paragraph({ spacing: { ...exact, line: Math.round(linePitch / 2) }, children: [] });

/** A centred line in 仿宋 (the 发布日期 line under the title). */
export const centredLine = (text: string): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(text, fangsong)] });

/** Body text: 3号仿宋, justified, first line indented two characters. */
export const bodyParagraph = (text: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: exact,
    indent: firstLine,
    children: [run(text, fangsong)],
  });

/** 一级标题 (「一、总体情况」): 3号黑体, indented like body text. */
export const firstLevelHeading = (text: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: exact,
    indent: firstLine,
    outlineLevel: 0,
    keepNext: true,
    children: [run(text, heiti)],
  });

/** A paragraph that starts with 二级标题 numbering: 「（一）」 or 「(一)」. */
const secondLevel = /^[（(][一二三四五六七八九十]{1,3}[）)]/;
/** Longest heading set in 楷体 (a longer first sentence is body text after its numbering). */
const headingLength = 40;

/**
 * The heading of a paragraph that starts with 「（一）」: its first clause up to 。 or ：, when that
 * is short and has no comma (「（一）主动公开情况」, 「（一）主动公开情况。……」); a numbered
 * sentence (「（三）我局共收到提案7条，并按时答复。」) is body text.
 */
export function splitSecondLevel(text: string): { heading: string; rest: string } | null {
  if (!secondLevel.test(text)) return null;
  const stop = text.search(/[。：:]/);
  const heading = stop === -1 ? text : text.slice(0, stop + 1);
  if (heading.length > headingLength || /[，,；;]/.test(heading)) return null;
  return { heading, rest: text.slice(heading.length) };
}

/** A paragraph of a part's prose: 二级标题 in 3号楷体 (its body text run-in, in 仿宋), or body text. */
export function proseParagraph(text: string): Paragraph {
  const split = splitSecondLevel(text);
  if (!split) return bodyParagraph(text);
  const children = [run(split.heading, kaiti)];
  if (split.rest) children.push(run(split.rest, fangsong));
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: exact,
    indent: firstLine,
    ...(split.rest ? {} : { outlineLevel: 1, keepNext: true }),
    children,
  });
}

/**
 * The signature: the date right-indented four characters, the agency centred over the date
 * (GB/T 9704-2012 7.3.5.1), both one line apart after an empty line.
 */
export function signature(agency: string, date: string): Paragraph[] {
  const dateIndent = 4;
  const agencyIndent = Math.max(0, dateIndent + (textWidth(date) - textWidth(agency)) / 2);
  const line = (text: string, indent: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: exact,
      indent: { right: Math.round(indent * charPitch) },
      children: [run(text, fangsong)],
    });
  return [emptyLine(), line(agency, agencyIndent), line(date, dateIndent)];
}

/**
 * The page number 「— 1 —」 in 4号半角宋体: one character in from the right on odd pages and from
 * the left on even ones.
 */
export function pageNumber(side: 'odd' | 'even'): Paragraph {
  const inset = pt(sizes.pageNumber);
  return new Paragraph({
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { line: pageNumberLine, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: side === 'odd' ? { right: inset } : { left: inset },
    children: [
      new TextRun({
        children: ['— ', PageNumber.CURRENT, ' —'],
        font: runFonts(songti, songti),
        size: halfPoints(sizes.pageNumber),
        sizeComplexScript: halfPoints(sizes.pageNumber),
      }),
    ],
  });
}
