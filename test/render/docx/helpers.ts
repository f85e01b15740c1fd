/** Reading back what renderDocx wrote: the parts of the package and the pieces of word/document.xml. */
import { strFromU8, unzipSync } from 'fflate';
import type { Report } from '../../../src/core/report.js';
import { renderDocx } from '../../../src/render/docx/index.js';

export type Parts = Record<string, string>;

export async function docxParts(report: Report): Promise<Parts> {
  const files = unzipSync(await renderDocx(report));
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

/** Every match of an element (non-nested), e.g. all `<w:p>` of a fragment. */
export const elements = (xml: string, name: string): string[] =>
  xml.match(new RegExp(`<${name}(?:\\s[^>]*)?>[\\s\\S]*?</${name}>`, 'g')) ?? [];

/** The text of a fragment: its w:t contents joined. */
export const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** The value of an attribute of the first element of that name in a fragment. */
export function attr(xml: string, element: string, name: string): string | undefined {
  const tag = new RegExp(`<${element}\\s[^>]*>`).exec(xml)?.[0];
  return tag ? new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] : undefined;
}

/** Paragraphs of the body outside tables, in order. */
export function bodyParagraphs(document: string): string[] {
  const body = document.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return elements(body, 'w:p');
}

/** Tables of the body, in order; each a list of rows, each a list of cells (w:tc XML). */
export function tables(document: string): string[][][] {
  return elements(document, 'w:tbl').map((tbl) => elements(tbl, 'w:tr').map((tr) => elements(tr, 'w:tc')));
}

/** The paragraph whose text is `text`. */
export function paragraphWithText(document: string, text: string): string {
  const p = bodyParagraphs(document).find((x) => textOf(x) === text);
  if (!p) throw new Error(`no paragraph 「${text}」`);
  return p;
}
