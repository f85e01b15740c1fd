/**
 * Renders a report as a DOCX after GB/T 9704-2012 (党政机关公文格式): A4 with the standard
 * margins, a grid of 22 lines of 28 characters, the title in 2号小标宋, body text in 3号仿宋,
 * headings in 黑体 and 楷体, the three tables in 5号 with the official format's merged headers,
 * the signature, and page numbers 「— 1 —」 alternating right and left. Labels come from the
 * spec of the report's format only.
 *
 * The WordprocessingML is written as strings (paragraphs.ts, table.ts, package.ts) and zipped by
 * zip.ts: the same report always gives the same bytes.
 */
import type { Report } from '../../core/report.js';
import { chineseDate } from '../date.js';
import { type Outline, outline, preface } from '../document.js';
import { charSpace, footerDistance, linePitch, margin, page } from './layout.js';
import { documentStart, docxPackage, evenFooter, oddFooter } from './package.js';
import {
  bodyParagraph,
  centredLine,
  emptyLine,
  firstLevelHeading,
  proseParagraph,
  signature,
  tableGap,
  titleLine,
} from './paragraphs.js';
import { docxTable } from './table.js';
import { zipParts } from './zip.js';

/** The body of the document, in reading order: paragraphs and tables as WordprocessingML. */
export function documentChildren(o: Outline): string[] {
  const children: string[] = [];
  if (o.agency) children.push(titleLine(o.agency));
  children.push(titleLine(o.reportName), emptyLine());
  if (o.publishedOn) children.push(centredLine(`发布日期：${chineseDate(o.publishedOn)}`), emptyLine());
  for (const text of preface(o, 'full')) children.push(bodyParagraph(text));
  for (const part of o.parts) {
    children.push(firstLevelHeading(part.heading));
    for (const text of part.paragraphs) children.push(proseParagraph(text));
    if (part.grids.length > 0) children.push(docxTable(part.grids), tableGap());
  }
  if (o.signature) children.push(...signature(o.signature.agency, o.signature.date));
  return children;
}

/** The one section: A4, the margins, footers for odd and even pages, the document grid. */
const sectionProperties =
  `<w:sectPr><w:footerReference w:type="default" r:id="${oddFooter}"/>` +
  `<w:footerReference w:type="even" r:id="${evenFooter}"/>` +
  `<w:pgSz w:w="${page.width}" w:h="${page.height}" w:orient="portrait"/>` +
  `<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}" ` +
  `w:header="${margin.top / 2}" w:footer="${footerDistance}" w:gutter="0"/><w:pgNumType/>` +
  `<w:docGrid w:type="linesAndChars" w:linePitch="${linePitch}" w:charSpace="${charSpace}"/></w:sectPr>`;

/** word/document.xml of a body given as paragraphs and tables (in one section after GB/T 9704). */
export const documentXmlOf = (children: readonly string[]): string =>
  `${documentStart}${children.join('')}${sectionProperties}</w:body></w:document>`;

/** word/document.xml of a report's outline. */
export const documentXml = (o: Outline): string => documentXmlOf(documentChildren(o));

/** The report as the bytes of a .docx file; the same report always gives the same bytes. */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const o = outline(report);
  return zipParts(
    docxPackage(documentXml(o), {
      title: `${o.agency}${o.reportName}`,
      creator: o.agency,
      date: report.signedOn ?? report.publishedOn,
    }),
  );
}
