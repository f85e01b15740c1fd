/** Test support: DOCX files from hand-written WordprocessingML, zipped with fflate. */
import { strToU8, zipSync } from 'fflate';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const namespaces = [
  `xmlns:w="${W_NS}"`,
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
].join(' ');

const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A paragraph of plain runs. */
export const p = (...runs: string[]): string =>
  `<w:p>${runs.map((r) => (r.startsWith('<') ? r : `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>`)).join('')}</w:p>`;

/** A numbered paragraph. */
export const np = (numId: number, ilvl: number, text: string): string =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

export interface DocxParts {
  numbering?: string;
  styles?: string;
  /** Other parts by name (e.g. a header that must not be read). */
  extra?: Record<string, string | Uint8Array>;
}

export const numberingXml = (inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${namespaces}>${inner}</w:numbering>`;
export const stylesXml = (inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><w:styles ${namespaces}>${inner}</w:styles>`;

/** A level of an abstract numbering definition. */
export const lvl = (ilvl: number, numFmt: string, text: string, more = ''): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/>${more}</w:lvl>`;

export function docx(body: string, parts: DocxParts = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rels),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${namespaces}><w:body>${body}<w:sectPr/></w:body></w:document>`,
    ),
  };
  if (parts.numbering) files['word/numbering.xml'] = strToU8(parts.numbering);
  if (parts.styles) files['word/styles.xml'] = strToU8(parts.styles);
  for (const [name, xml] of Object.entries(parts.extra ?? {}))
    files[name] = typeof xml === 'string' ? strToU8(xml) : xml;
  return zipSync(files);
}

/** A ZIP with the given entries and nothing else. */
export const zipOf = (files: Record<string, string>): Uint8Array =>
  zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

/**
 * Raw DEFLATE of `size` zero bytes, written by hand: one fixed-Huffman block of a literal 0 and
 * then (length 258, distance 1) copies, 13 bits each, so 1 GB takes ~6 MB and no time to make.
 */
export function zerosDeflated(size: number): Uint8Array {
  const copies = Math.floor((size - 1) / 258);
  const rest = size - 1 - copies * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + rest * 13 + 7) / 8) + 4);
  let bit = 0;
  let acc = 0;
  let filled = 0;
  const put = (value: number, n: number) => {
    acc |= value << filled;
    filled += n;
    bit += n;
    while (filled >= 8) {
      out[(bit - filled) >> 3] = acc & 0xff;
      acc >>>= 8;
      filled -= 8;
    }
  };
  // Huffman codes go most significant bit first.
  const code = (value: number, n: number) => {
    let reversed = 0;
    for (let i = 0; i < n; i++) reversed |= ((value >> i) & 1) << (n - 1 - i);
    put(reversed, n);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman codes
  code(0x30, 8); // literal 0
  // Length 258 (symbol 285, code 11000101) then distance 1 (code 00000), bits reversed once.
  let pair = 0;
  for (let i = 0; i < 8; i++) pair |= ((0xc5 >> i) & 1) << (7 - i);
  for (let i = 0; i < copies; i++) put(pair, 13);
  if (rest > 0) {
    // Lengths 3–10 are symbols 257–264: 7-bit codes 0000001–0001000.
    for (let left = rest; left > 0; ) {
      if (left < 3) {
        code(0x30, 8);
        left--;
        continue;
      }
      const n = Math.min(10, left);
      code(n - 2, 7);
      code(0, 5);
      left -= n;
    }
  }
  code(0, 7); // end of block
  if (filled > 0) out[bit >> 3] = acc & 0xff;
  return out.subarray(0, Math.ceil(bit / 8));
}

/** A one-entry ZIP whose entry is already-deflated data, declaring whatever size it likes. */
export function zipWithDeflated(name: string, deflated: Uint8Array, declaredSize: number): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, declaredSize, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(20, deflated.length, true);
  cv.setUint32(24, declaredSize, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, 0, true);
  central.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, central.length, true);
  ev.setUint32(16, local.length + deflated.length, true);
  const out = new Uint8Array(local.length + deflated.length + central.length + end.length);
  out.set(local, 0);
  out.set(deflated, local.length);
  out.set(central, local.length + deflated.length);
  out.set(end, local.length + deflated.length + central.length);
  return out;
}
