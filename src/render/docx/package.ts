/**
 * The last step of the DOCX renderer: the package the docx library wrote, made reproducible and
 * completed. The font table is replaced by one that describes the official fonts and their
 * fallbacks, the core properties carry the report's own date instead of the clock, and the parts
 * are zipped again with a fixed timestamp, so the same report always gives the same bytes.
 */
import { strFromU8, strToU8, unzipSync, type Zippable, zipSync } from 'fflate';
import { fontTableXml } from './fonts.js';

/** The DOS epoch that ZIP timestamps start from: every part gets it. */
const zipTime = new Date(1980, 0, 1, 0, 0, 0);

const coreDate = /<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">[^<]*<\/dcterms:\1>/g;

/** Core properties dated `iso` (a date) or, when the report has none, without dates. */
function coreXml(xml: string, iso: string | null): string {
  return xml.replace(coreDate, (_, name: string) =>
    iso ? `<dcterms:${name} xsi:type="dcterms:W3CDTF">${iso}T00:00:00Z</dcterms:${name}>` : '',
  );
}

/**
 * Normal, the default paragraph style, marked as such, and set off the document grid: every
 * paragraph gives its metrics itself (exact 28.95 pt lines, condensed 3号 characters), which
 * Word and LibreOffice print alike, where LibreOffice would round each character of the grid
 * up to two grid cells.
 */
export function stylesXml(xml: string): string {
  return xml.replace(
    /<w:style w:type="paragraph" w:styleId="Normal">(.*?)<w:pPr>/,
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal">$1<w:pPr><w:snapToGrid w:val="0"/>',
  );
}

export function finishPackage(bytes: Uint8Array, date: string | null): Uint8Array {
  const parts = unzipSync(bytes);
  const out: Zippable = {};
  for (const [path, data] of Object.entries(parts)) {
    let part = data;
    if (path === 'word/fontTable.xml') part = strToU8(fontTableXml());
    else if (path === 'word/styles.xml') part = strToU8(stylesXml(strFromU8(data)));
    else if (path === 'docProps/core.xml') part = strToU8(coreXml(strFromU8(data), date));
    out[path] = [part, { mtime: zipTime }];
  }
  return zipSync(out, { level: 6 });
}
