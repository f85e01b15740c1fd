/**
 * The paragraphs of a 公文 after GB/T 9704-2012: the title in 2号小标宋, body text in 3号仿宋
 * with a two-character first-line indent, 一级标题 in 黑体 and 二级标题 in 楷体 (both 3号), the
 * signature and its date right-aligned at the end, and the page numbers of the footers. Each is
 * returned as WordprocessingML (a `w:p`).
 */
import { type FontFace, fangsong, heiti, kaiti, songti, xiaobiaosong } from './fonts.js';
import { bodyTracking, charPitch, linePitch, pageNumberLine, pt, sizes, textWidth } from './layout.js';
import { paragraph, rFonts, runProperties, textRun } from './xml.js';

/** Run properties of 3号 text in each face, condensed to 28 characters a line. */
const bodyRun = new Map<FontFace, string>(
  [fangsong, heiti, kaiti].map((face) => [face, runProperties(rFonts(face), sizes.body, bodyTracking)]),
);

/** A run of 3号 text. */
const run = (text: string, face: FontFace): string => textRun(bodyRun.get(face) as string, text);

/** Two characters of first-line indent, in twips (other readers) and characters (Word). */
const firstLine = `w:firstLine="${2 * charPitch}" w:firstLineChars="200"`;

const titleRun = runProperties(rFonts(xiaobiaosong, xiaobiaosong), sizes.title);

/** One line of the 2号 title, centred. */
export const titleLine = (text: string): string =>
  paragraph({ line: linePitch, alignment: 'center' }, textRun(titleRun, text));

export const emptyLine = (): string => paragraph({ line: linePitch });

/**
 * Half a line after a table, before the next heading: it stays at the foot of the table's page
 * (a space above the heading would follow the heading to the top of the next page), and where
 * the table fills its page it costs the next page half a line, not a whole one.
 */
export const tableGap = (): string => paragraph({ line: Math.round(linePitch / 2) });

/** A centred line in 仿宋 (the 发布日期 line under the title). */
export const centredLine = (text: string): string =>
  paragraph({ line: linePitch, alignment: 'center' }, run(text, fangsong));

/** Body text: 3号仿宋, justified, first line indented two characters. */
export const bodyParagraph = (text: string): string =>
  paragraph({ line: linePitch, indent: firstLine, alignment: 'both' }, run(text, fangsong));

/** 主送机关 (GB/T 9704-2012 7.3.2): body text flush left, without the first-line indent. */
export const addresseeParagraph = (text: string): string =>
  paragraph({ line: linePitch, alignment: 'both' }, run(text, fangsong));

/** 一级标题 (「一、总体情况」): 3号黑体, indented like body text. */
export const firstLevelHeading = (text: string): string =>
  paragraph(
    { keepNext: true, line: linePitch, indent: firstLine, alignment: 'both', outlineLevel: 0 },
    run(text, heiti),
  );

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
export function proseParagraph(text: string): string {
  const split = splitSecondLevel(text);
  if (!split) return bodyParagraph(text);
  if (split.rest)
    return paragraph(
      { line: linePitch, indent: firstLine, alignment: 'both' },
      run(split.heading, kaiti) + run(split.rest, fangsong),
    );
  return paragraph(
    { keepNext: true, line: linePitch, indent: firstLine, alignment: 'both', outlineLevel: 1 },
    run(split.heading, kaiti),
  );
}

/**
 * The signature: the date right-indented four characters, the agency centred over the date
 * (GB/T 9704-2012 7.3.5.1), both one line apart after an empty line.
 */
export function signature(agency: string, date: string): string[] {
  const dateIndent = 4;
  const agencyIndent = Math.max(0, dateIndent + (textWidth(date) - textWidth(agency)) / 2);
  const line = (text: string, indent: number) =>
    paragraph(
      { line: linePitch, indent: `w:right="${Math.round(indent * charPitch)}"`, alignment: 'right' },
      run(text, fangsong),
    );
  return [emptyLine(), line(agency, agencyIndent), line(date, dateIndent)];
}

/**
 * The page number 「— 1 —」 in 4号半角宋体 (a PAGE field): one character in from the right on odd
 * pages and from the left on even ones.
 */
export function pageNumber(side: 'odd' | 'even'): string {
  const inset = pt(sizes.pageNumber);
  return paragraph(
    {
      line: pageNumberLine,
      indent: side === 'odd' ? `w:right="${inset}"` : `w:left="${inset}"`,
      alignment: side === 'odd' ? 'right' : 'left',
    },
    `<w:r>${runProperties(rFonts(songti, songti), sizes.pageNumber)}` +
      '<w:t xml:space="preserve">— </w:t><w:fldChar w:fldCharType="begin"/>' +
      '<w:instrText xml:space="preserve">PAGE</w:instrText><w:fldChar w:fldCharType="separate"/>' +
      '<w:fldChar w:fldCharType="end"/><w:t xml:space="preserve"> —</w:t></w:r>',
  );
}
