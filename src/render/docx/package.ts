/**
 * The parts of the DOCX package around word/document.xml: styles, settings, footers with the page
 * numbers, font table, numbering, notes, content types, relationships and document properties.
 * All but the core properties are the same for every report and are deflated once. The core
 * properties carry the report's own date instead of the clock, so the same report always gives
 * the same bytes.
 */
import { fangsong, fontTableXml } from './fonts.js';
import { linePitch, sizes } from './layout.js';
import { pageNumber } from './paragraphs.js';
import { escapeXml, exactLine, rFonts, size } from './xml.js';
import { type DeflatedPart, deflatedPart } from './zip.js';

const namespaces: Record<string, string> = {
  wpc: 'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
  cx: 'http://schemas.microsoft.com/office/drawing/2014/chartex',
  cx1: 'http://schemas.microsoft.com/office/drawing/2015/9/8/chartex',
  cx2: 'http://schemas.microsoft.com/office/drawing/2015/10/21/chartex',
  cx3: 'http://schemas.microsoft.com/office/drawing/2016/5/9/chartex',
  cx4: 'http://schemas.microsoft.com/office/drawing/2016/5/10/chartex',
  cx5: 'http://schemas.microsoft.com/office/drawing/2016/5/11/chartex',
  cx6: 'http://schemas.microsoft.com/office/drawing/2016/5/12/chartex',
  cx7: 'http://schemas.microsoft.com/office/drawing/2016/5/13/chartex',
  cx8: 'http://schemas.microsoft.com/office/drawing/2016/5/14/chartex',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  aink: 'http://schemas.microsoft.com/office/drawing/2016/ink',
  am3d: 'http://schemas.microsoft.com/office/drawing/2017/model3d',
  o: 'urn:schemas-microsoft-com:office:office',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  v: 'urn:schemas-microsoft-com:vml',
  wp14: 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  w10: 'urn:schemas-microsoft-com:office:word',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  w16cex: 'http://schemas.microsoft.com/office/word/2018/wordml/cex',
  w16cid: 'http://schemas.microsoft.com/office/word/2016/wordml/cid',
  w16: 'http://schemas.microsoft.com/office/word/2018/wordml',
  w16sdtdh: 'http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash',
  w16se: 'http://schemas.microsoft.com/office/word/2015/wordml/symex',
  wpg: 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  wpi: 'http://schemas.microsoft.com/office/word/2010/wordprocessingInk',
  wne: 'http://schemas.microsoft.com/office/word/2006/wordml',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
};

/** Namespace declarations of these prefixes, in this order. */
const xmlns = (prefixes: string): string =>
  prefixes
    .split(' ')
    .map((p) => ` xmlns:${p}="${namespaces[p]}"`)
    .join('');

const word = xmlns('wpc mc o r m v wp14 wp w10 w w14 w15 wpg wpi wne wps');
const chartex = xmlns('cx cx1 cx2 cx3 cx4 cx5 cx6 cx7 cx8');
const word2016 = xmlns('w16cex w16cid w16 w16sdtdh w16se');

const declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const plainDeclaration = '<?xml version="1.0" encoding="UTF-8"?>';

/** The start of word/document.xml, up to its body. */
export const documentStart = `${declaration}<w:document mc:Ignorable="w14 w15 wp14"${word}${chartex}${xmlns('aink am3d')}${word2016}><w:body>`;

const relationship = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Relationships of word/document.xml; the footers are rId7 (odd pages) and rId8 (even). */
const documentRels: readonly (readonly [string, string])[] = [
  ['styles', 'styles.xml'],
  ['numbering', 'numbering.xml'],
  ['footnotes', 'footnotes.xml'],
  ['endnotes', 'endnotes.xml'],
  ['settings', 'settings.xml'],
  ['comments', 'comments.xml'],
  ['footer', 'footer1.xml'],
  ['footer', 'footer2.xml'],
  ['fontTable', 'fontTable.xml'],
];
export const oddFooter = 'rId7';
export const evenFooter = 'rId8';

const relationships = (rels: readonly (readonly [string, string])[]): string =>
  `${plainDeclaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  rels
    .map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`)
    .join('') +
  '</Relationships>';

const noRelationships = `${plainDeclaration}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>`;

const wordml = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
const contentTypes =
  `${plainDeclaration}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  [
    ['image/png', 'png'],
    ['image/jpeg', 'jpeg'],
    ['image/jpeg', 'jpg'],
    ['image/bmp', 'bmp'],
    ['image/gif', 'gif'],
    ['image/svg+xml', 'svg'],
    ['application/vnd.openxmlformats-package.relationships+xml', 'rels'],
    ['application/xml', 'xml'],
    ['application/vnd.openxmlformats-officedocument.obfuscatedFont', 'odttf'],
  ]
    .map(([type, ext]) => `<Default ContentType="${type}" Extension="${ext}"/>`)
    .join('') +
  [
    [`${wordml}.document.main+xml`, '/word/document.xml'],
    [`${wordml}.styles+xml`, '/word/styles.xml'],
    ['application/vnd.openxmlformats-package.core-properties+xml', '/docProps/core.xml'],
    ['application/vnd.openxmlformats-officedocument.custom-properties+xml', '/docProps/custom.xml'],
    ['application/vnd.openxmlformats-officedocument.extended-properties+xml', '/docProps/app.xml'],
    [`${wordml}.numbering+xml`, '/word/numbering.xml'],
    [`${wordml}.footnotes+xml`, '/word/footnotes.xml'],
    [`${wordml}.endnotes+xml`, '/word/endnotes.xml'],
    [`${wordml}.settings+xml`, '/word/settings.xml'],
    [`${wordml}.comments+xml`, '/word/comments.xml'],
    [`${wordml}.fontTable+xml`, '/word/fontTable.xml'],
    [`${wordml}.footer+xml`, '/word/footer1.xml'],
    [`${wordml}.footer+xml`, '/word/footer2.xml'],
  ]
    .map(([type, part]) => `<Override ContentType="${type}" PartName="${part}"/>`)
    .join('') +
  '</Types>';

const packageRels = relationships([
  [`${relationship}/officeDocument`, 'word/document.xml'],
  [
    'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
    'docProps/core.xml',
  ],
  [`${relationship}/extended-properties`, 'docProps/app.xml'],
  [`${relationship}/custom-properties`, 'docProps/custom.xml'],
]);

const vt = 'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';
const appXml = `${declaration}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ${vt}/>`;
const customXml = `${declaration}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ${vt}/>`;

/** Even and odd pages get their own footers (the page number alternates sides). */
const settingsXml =
  `${declaration}<w:settings${word} mc:Ignorable="w14 w15 wp14"><w:displayBackgroundShape/>` +
  '<w:evenAndOddHeaders/><w:compat><w:compatSetting w:val="15" w:name="compatibilityMode" ' +
  'w:uri="http://schemas.microsoft.com/office/word"/></w:compat></w:settings>';

const footerXml = (side: 'odd' | 'even'): string =>
  `${plainDeclaration}<w:ftr${word}>${pageNumber(side)}</w:ftr>`;

/** Body text in 3号仿宋 on exact lines (Normal and the document defaults). */
const normalRun = `${rFonts(fangsong)}${size(sizes.body)}`;
const style = (type: string, id: string, name: string, inner: string): string =>
  `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${name}"/>${inner}</w:style>`;
const basedOnNormal = '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>';
const onDefaultFont = '<w:basedOn w:val="DefaultParagraphFont"/>';
const hidden = '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>';
const noteText = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>';
const small = '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>';
const superscript = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>';

/**
 * The styles: the document defaults and Normal, the default paragraph style, set off the document
 * grid (every paragraph gives its metrics itself: exact 28.95 pt lines, condensed 3号 characters,
 * which Word and LibreOffice print alike, where LibreOffice would round each character of the grid
 * up to two grid cells); and the usual built-in styles, unused.
 */
const stylesXml =
  `${declaration}<w:styles mc:Ignorable="w14 w15"${xmlns('mc r w w14 w15')}><w:docDefaults>` +
  `<w:rPrDefault><w:rPr>${normalRun}<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
  `<w:pPrDefault><w:pPr>${exactLine(linePitch)}</w:pPr></w:pPrDefault></w:docDefaults>` +
  style(
    'paragraph',
    'Title',
    'Title',
    `${basedOnNormal}<w:rPr><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr>`,
  ) +
  [
    ['1', '<w:color w:val="2E74B5"/><w:sz w:val="32"/><w:szCs w:val="32"/>'],
    ['2', '<w:color w:val="2E74B5"/><w:sz w:val="26"/><w:szCs w:val="26"/>'],
    ['3', '<w:color w:val="1F4D78"/><w:sz w:val="24"/><w:szCs w:val="24"/>'],
    ['4', '<w:i/><w:iCs/><w:color w:val="2E74B5"/>'],
    ['5', '<w:color w:val="2E74B5"/>'],
    ['6', '<w:color w:val="1F4D78"/>'],
  ]
    .map(([n, rPr]) =>
      style('paragraph', `Heading${n}`, `Heading ${n}`, `${basedOnNormal}<w:rPr>${rPr}</w:rPr>`),
    )
    .join('') +
  style('paragraph', 'Strong', 'Strong', `${basedOnNormal}<w:rPr><w:b/><w:bCs/></w:rPr>`) +
  style('paragraph', 'ListParagraph', 'List Paragraph', '<w:basedOn w:val="Normal"/><w:qFormat/>') +
  style(
    'character',
    'Hyperlink',
    'Hyperlink',
    `${onDefaultFont}<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>`,
  ) +
  ['Footnote', 'Endnote']
    .map(
      (kind) =>
        style(
          'character',
          `${kind}Reference`,
          `${kind.toLowerCase()} reference`,
          `${onDefaultFont}${hidden}${superscript}`,
        ) +
        style(
          'paragraph',
          `${kind}Text`,
          `${kind.toLowerCase()} text`,
          `<w:basedOn w:val="Normal"/><w:link w:val="${kind}TextChar"/>${hidden}${noteText}${small}`,
        ) +
        style(
          'character',
          `${kind}TextChar`,
          `${kind} Text Char`,
          `${onDefaultFont}<w:link w:val="${kind}Text"/>${hidden}${small}`,
        ),
    )
    .join('') +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
  `<w:pPr><w:snapToGrid w:val="0"/>${exactLine(linePitch)}<w:jc w:val="both"/></w:pPr><w:rPr>${normalRun}</w:rPr></w:style>` +
  '</w:styles>';

/** A bullet list definition (unused, as Word documents usually carry one). */
const numberingXml =
  `${declaration}<w:numbering mc:Ignorable="w14 w15 wp14"${word}>` +
  '<w:abstractNum w:abstractNumId="1" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>' +
  ['●', '○', '■', '●', '○', '■', '●', '●', '●']
    .map(
      (bullet, level) =>
        `<w:lvl w:ilvl="${level}" w15:tentative="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/>` +
        `<w:lvlText w:val="${bullet}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${720 * (level + 1)}" w:hanging="360"/></w:pPr></w:lvl>`,
    )
    .join('') +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num></w:numbering>';

/** The separators of footnotes or endnotes. */
const notesXml = (kind: 'footnote' | 'endnote', start: string): string => {
  const ref = kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference';
  const note = (type: string, id: number, separator: string) =>
    `<w:${kind} w:type="${type}" w:id="${id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:r><w:rPr><w:rStyle w:val="${ref}"/></w:rPr><w:${kind}Ref/></w:r><w:r><w:${separator}/></w:r></w:p></w:${kind}>`;
  return (
    `${start}<w:${kind}s${word} mc:Ignorable="w14 w15 wp14">` +
    `${note('separator', -1, 'separator')}${note('continuationSeparator', 0, 'continuationSeparator')}</w:${kind}s>`
  );
};

const commentsXml = `${declaration}<w:comments${chartex}${xmlns('mc aink am3d o r m v wp14 wp w10 w w14 w15')}${word2016}${xmlns('wpg wpi wne wps')}/>`;

let fixed: DeflatedPart[] | null = null;

/** The parts that are the same for every report, deflated once. */
function fixedParts(): DeflatedPart[] {
  fixed ??= [
    deflatedPart('[Content_Types].xml', contentTypes),
    deflatedPart('_rels/.rels', packageRels),
    deflatedPart('docProps/app.xml', appXml),
    deflatedPart('docProps/custom.xml', customXml),
    deflatedPart(
      'word/_rels/document.xml.rels',
      relationships(documentRels.map(([t, p]) => [`${relationship}/${t}`, p] as const)),
    ),
    deflatedPart('word/styles.xml', stylesXml),
    deflatedPart('word/settings.xml', settingsXml),
    deflatedPart('word/numbering.xml', numberingXml),
    deflatedPart('word/footnotes.xml', notesXml('footnote', declaration)),
    deflatedPart('word/endnotes.xml', notesXml('endnote', plainDeclaration)),
    deflatedPart('word/comments.xml', commentsXml),
    deflatedPart('word/fontTable.xml', fontTableXml()),
    deflatedPart('word/footer1.xml', footerXml('odd')),
    deflatedPart('word/footer2.xml', footerXml('even')),
    ...['footer1', 'footer2', 'footnotes', 'endnotes', 'comments', 'fontTable'].map((part) =>
      deflatedPart(`word/_rels/${part}.xml.rels`, noRelationships),
    ),
  ];
  return fixed;
}

export interface Properties {
  title: string;
  creator: string;
  /** The date the document is dated (YYYY-MM-DD), or null for none. */
  date: string | null;
}

/** docProps/core.xml: title, creator and the report's date (never the clock). */
export function coreXml(p: Properties): string {
  const dated = (name: string) =>
    p.date ? `<dcterms:${name} xsi:type="dcterms:W3CDTF">${p.date}T00:00:00Z</dcterms:${name}>` : '';
  return (
    `${declaration}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (p.title ? `<dc:title>${escapeXml(p.title)}</dc:title>` : '') +
    (p.creator
      ? `<dc:creator>${escapeXml(p.creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>`
      : '') +
    '<cp:revision>1</cp:revision>' +
    `${dated('created')}${dated('modified')}</cp:coreProperties>`
  );
}

/** The package: word/document.xml (whole) and the core properties with the fixed parts. */
export function docxPackage(documentXml: string, properties: Properties): DeflatedPart[] {
  const [types, ...rest] = fixedParts();
  return [
    types as DeflatedPart,
    deflatedPart('word/document.xml', documentXml),
    deflatedPart('docProps/core.xml', coreXml(properties)),
    ...rest,
  ];
}
