/**
 * WordprocessingML written as strings: the few elements the renderer uses, each in the one shape
 * it needs (attributes in a fixed order), so the same report always gives the same XML.
 */
import { type FontFace, latin } from './fonts.js';
import { halfPoints } from './layout.js';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};
const markup = /[&"'<>]/g;
const hasMarkup = /[&"'<>]/;
/**
 * What XML 1.0 cannot hold at all, escaped or not: the C0 controls but tab and line ends,
 * U+FFFE, U+FFFF and unpaired surrogates. A stray control character pasted into a report would
 * otherwise make the whole document unreadable to Word; it is invisible, so it is left out.
 */
const notXmlSource =
  '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const notXml = new RegExp(notXmlSource, 'g');
const hasNotXml = new RegExp(notXmlSource);

/** Text or an attribute value, with what XML would read as markup escaped. */
export const escapeXml = (s: string): string => {
  const text = hasNotXml.test(s) ? s.replace(notXml, '') : s;
  return hasMarkup.test(text) ? text.replace(markup, (c) => escapes[c] as string) : text;
};

/** w:rFonts: Chinese in `face`, Latin letters and digits in `latinFace`. */
export const rFonts = (face: FontFace, latinFace: FontFace = latin): string => {
  const l = escapeXml(latinFace.name);
  return `<w:rFonts w:ascii="${l}" w:cs="${l}" w:eastAsia="${escapeXml(face.name)}" w:hAnsi="${l}"/>`;
};

/** w:sz and w:szCs of a size in points. */
export const size = (points: number): string => {
  const v = halfPoints(points);
  return `<w:sz w:val="${v}"/><w:szCs w:val="${v}"/>`;
};

/** Run properties: fonts, character spacing (twips) when given, size. */
export const runProperties = (fonts: string, points: number, tracking?: number): string =>
  `<w:rPr>${fonts}${tracking === undefined ? '' : `<w:spacing w:val="${tracking}"/>`}${size(points)}</w:rPr>`;

/** A run of text with its properties (`rPr`, from runProperties). */
export const textRun = (rPr: string, text: string): string =>
  `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

/** w:spacing of a paragraph: an exact line, nothing before or after. */
export const exactLine = (line: number): string =>
  `<w:spacing w:after="0" w:before="0" w:line="${line}" w:lineRule="exact"/>`;

export type Alignment = 'left' | 'center' | 'right' | 'both';

export interface ParagraphProperties {
  keepNext?: boolean;
  /** Exact line height in twips. */
  line: number;
  /** w:ind, written as it is (attributes). */
  indent?: string;
  alignment?: Alignment;
  outlineLevel?: number;
}

/** A paragraph's w:pPr, its properties in schema order. */
export function paragraphProperties(p: ParagraphProperties): string {
  let out = '<w:pPr>';
  if (p.keepNext !== undefined) out += p.keepNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
  out += exactLine(p.line);
  if (p.indent) out += `<w:ind ${p.indent}/>`;
  if (p.alignment) out += `<w:jc w:val="${p.alignment}"/>`;
  if (p.outlineLevel !== undefined) out += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  return `${out}</w:pPr>`;
}

/** A paragraph: its properties and its runs (already XML). */
export const paragraph = (p: ParagraphProperties, runs = ''): string =>
  `<w:p>${paragraphProperties(p)}${runs}</w:p>`;
