/**
 * Renders a report as a DOCX after GB/T 9704-2012 (党政机关公文格式): A4 with the standard
 * margins, a grid of 22 lines of 28 characters, the title in 2号小标宋, body text in 3号仿宋,
 * headings in 黑体 and 楷体, the three tables in 5号 with the official format's merged headers,
 * the signature, and page numbers 「— 1 —」 alternating right and left. Labels come from the
 * spec of the report's format only.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  type Paragraph,
  type Table,
} from 'docx';
import type { Report } from '../../core/report.js';
import { chineseDate } from '../date.js';
import { type Outline, outline, preface } from '../document.js';
import { fangsong, runFonts } from './fonts.js';
import { charSpace, footerDistance, halfPoints, linePitch, margin, page, sizes } from './layout.js';
import { finishPackage } from './package.js';
import {
  bodyParagraph,
  centredLine,
  emptyLine,
  firstLevelHeading,
  pageNumber,
  proseParagraph,
  signature,
  tableGap,
  titleLine,
} from './paragraphs.js';
import { docxTable } from './table.js';

/** The body of the document, in reading order. */
export function documentChildren(o: Outline): (Paragraph | Table)[] {
  const children: (Paragraph | Table)[] = [];
  if (o.agency) children.push(titleLine(o.agency));
  children.push(titleLine(o.reportName), emptyLine());
  if (o.publishedOn) children.push(centredLine(`发布日期：${chineseDate(o.publishedOn)}`), emptyLine());
  children.push(...preface(o, 'full').map(bodyParagraph));
  for (const part of o.parts) {
    children.push(firstLevelHeading(part.heading), ...part.paragraphs.map(proseParagraph));
    if (part.grids.length > 0) children.push(docxTable(part.grids), tableGap());
  }
  if (o.signature) children.push(...signature(o.signature.agency, o.signature.date));
  return children;
}

const normalRun = {
  font: runFonts(fangsong),
  size: halfPoints(sizes.body),
  sizeComplexScript: halfPoints(sizes.body),
};
const normalSpacing = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

export function docxDocument(report: Report): Document {
  const o = outline(report);
  const title = `${o.agency}${o.reportName}`;
  return new Document({
    title,
    creator: o.agency,
    lastModifiedBy: o.agency,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { ...normalRun, language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { spacing: normalSpacing },
        },
      },
      // Word's default paragraph style; LibreOffice sizes its character grid from it.
      paragraphStyles: [
        {
          id: 'Normal',
          name: 'Normal',
          quickFormat: true,
          run: normalRun,
          paragraph: { spacing: normalSpacing, alignment: AlignmentType.BOTH },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { ...margin, header: margin.top / 2, footer: footerDistance, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch, charSpace },
        },
        footers: {
          default: new Footer({ children: [pageNumber('odd')] }),
          even: new Footer({ children: [pageNumber('even')] }),
        },
        children: documentChildren(o),
      },
    ],
  });
}

/** The report as the bytes of a .docx file; the same report always gives the same bytes. */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  const bytes = await Packer.toBuffer(docxDocument(report));
  return finishPackage(new Uint8Array(bytes), report.signedOn ?? report.publishedOn);
}
