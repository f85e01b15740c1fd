/**
 * OFD packages (GB/T 33190-2016) written the way OFD producers write them, for the OFD reader's
 * tests: OFD.xml → Doc_0/Document.xml → Doc_0/Pages/Page_N/Content.xml, templates in Doc_0/Tpls,
 * pictures and composite graphics in Doc_0/DocumentRes.xml (BaseLoc Res), fonts in
 * Doc_0/PublicRes.xml. Graphic units are written as XML by the helpers below (each TextObject's
 * Boundary at the top left of its text, its TextCode relative to it, as producers do), and
 * `ofdFromPdfPages` writes a PDF's text items and ruling lines (as the PDF reader reads them) as
 * an OFD: one TextObject per item with its characters' DeltaX, one PathObject per rule.
 */
import { zipSync } from 'fflate';
import { nominalWidth } from '../../src/read/ofd/text.js';
import type { PdfPage } from '../../src/read/pdf/items.js';

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const xmlHead = '<?xml version="1.0" encoding="UTF-8"?>';

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A number as producers write it: at most four decimals, no trailing zeros. */
export const num = (n: number): string => String(Number(n.toFixed(4)));

/** Deltas as an ST_Array, runs of three or more equal ones as `g N d` (as producers abbreviate). */
export function deltaArray(deltas: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < deltas.length; ) {
    const d = num(deltas[i] as number);
    let j = i + 1;
    while (j < deltas.length && num(deltas[j] as number) === d) j++;
    if (j - i >= 3) parts.push(`g ${j - i} ${d}`);
    else for (let k = i; k < j; k++) parts.push(d);
    i = j;
  }
  return parts.join(' ');
}

export interface TextCodeSpec {
  text: string;
  x?: number;
  y?: number;
  deltaX?: string;
  deltaY?: string;
}

/** A TextObject with its codes as given (their X and Y in the object's space). */
export function textObject(o: {
  id: number;
  size: number;
  boundary: readonly [number, number, number, number];
  ctm?: string;
  visible?: boolean;
  codes: readonly TextCodeSpec[];
}): string {
  const attrs = [
    `ID="${o.id}"`,
    `Boundary="${o.boundary.map(num).join(' ')}"`,
    'Font="3"',
    `Size="${num(o.size)}"`,
    o.ctm ? `CTM="${o.ctm}"` : '',
    o.visible === false ? 'Visible="false"' : '',
  ]
    .filter((a) => a !== '')
    .join(' ');
  const codes = o.codes
    .map((c) => {
      const a = [
        c.x === undefined ? '' : `X="${num(c.x)}"`,
        c.y === undefined ? '' : `Y="${num(c.y)}"`,
        c.deltaX ? `DeltaX="${c.deltaX}"` : '',
        c.deltaY ? `DeltaY="${c.deltaY}"` : '',
      ]
        .filter((s) => s !== '')
        .join(' ');
      return `<ofd:TextCode ${a}>${escapeXml(c.text)}</ofd:TextCode>`;
    })
    .join('');
  return `<ofd:TextObject ${attrs}><ofd:FillColor Value="0 0 0"/>${codes}</ofd:TextObject>`;
}

/**
 * Text whose first character's baseline starts at (x, y) on the page, in one TextCode: the
 * Boundary at the top left of the line, the code at (0, size) in it. `deltaX` as written.
 */
export function placedText(
  id: number,
  text: string,
  x: number,
  y: number,
  size: number,
  deltaX?: string,
): string {
  const width = Math.max(size, [...text].length * size);
  return textObject({
    id,
    size,
    boundary: [x, y - size, width, size * 1.25],
    codes: [{ text, x: 0, y: size, deltaX }],
  });
}

/** A PathObject: its outline (AbbreviatedData) in the space of its Boundary. */
export function pathObject(o: {
  id: number;
  boundary: readonly [number, number, number, number];
  data: string;
  stroke?: boolean;
  fill?: boolean;
  ctm?: string;
}): string {
  const attrs = [
    `ID="${o.id}"`,
    `Boundary="${o.boundary.map(num).join(' ')}"`,
    'LineWidth="0.25"',
    o.ctm ? `CTM="${o.ctm}"` : '',
    o.stroke === false ? 'Stroke="false"' : '',
    o.fill ? 'Fill="true"' : '',
  ]
    .filter((a) => a !== '')
    .join(' ');
  return `<ofd:PathObject ${attrs}><ofd:StrokeColor Value="0 0 0"/><ofd:AbbreviatedData>${o.data}</ofd:AbbreviatedData></ofd:PathObject>`;
}

/** A stroked straight line from (x1, y1) to (x2, y2) on the page. */
export function line(id: number, x1: number, y1: number, x2: number, y2: number): string {
  const left = Math.min(x1, x2);
  const top = Math.min(y1, y2);
  return pathObject({
    id,
    boundary: [left, top, Math.max(0.1, Math.abs(x2 - x1)), Math.max(0.1, Math.abs(y2 - y1))],
    data: `M ${num(x1 - left)} ${num(y1 - top)} L ${num(x2 - left)} ${num(y2 - top)}`,
  });
}

/** A filled rectangle (Word and WPS draw each border segment as a thin one). */
export function filledRect(id: number, x: number, y: number, w: number, h: number): string {
  return pathObject({
    id,
    boundary: [x, y, w, h],
    data: `M 0 0 L ${num(w)} 0 L ${num(w)} ${num(h)} L 0 ${num(h)} C`,
    stroke: false,
    fill: true,
  });
}

export const imageObject = (id: number, resourceId: string, box: readonly [number, number, number, number]) =>
  `<ofd:ImageObject ID="${id}" ResourceID="${resourceId}" Boundary="${box.map(num).join(' ')}" CTM="${num(box[2])} 0 0 ${num(box[3])} 0 0"/>`;

export interface OfdPageSpec {
  /** Each layer's graphic units, as XML. */
  layers: readonly string[];
  /** Template IDs drawn with the page. */
  templates?: readonly string[];
  /** The page's own PhysicalBox, when it differs from the document's. */
  area?: string;
}

export interface OfdSpec {
  pages: readonly OfdPageSpec[];
  /** The document's page area (`0 0 210 297` unless given). */
  pageArea?: string;
  templates?: readonly { id: string; layers: readonly string[] }[];
  /** Pictures (MultiMedia) in Doc_0/Res. */
  images?: readonly { id: string; name: string; bytes: Uint8Array }[];
  /** Composite graphics: each unit's content (graphic units, as XML). */
  composites?: readonly { id: string; width: number; height: number; content: string }[];
  /** Further parts, or replacements of the written ones, by path. */
  parts?: Readonly<Record<string, string | Uint8Array>>;
}

const layersXml = (layers: readonly string[], first: number) =>
  layers.map((units, i) => `<ofd:Layer ID="${first + i}" Type="Body">${units}</ofd:Layer>`).join('');

/** The package's bytes. */
export function writeOfd(spec: OfdSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, content: string | Uint8Array) => {
    files[path] = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  };
  put(
    'OFD.xml',
    `${xmlHead}<ofd:OFD ${NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0c4e2c1d9f0b4f6e8a4a1b2c3d4e5f60</ofd:DocID><ofd:Creator>gongkai-test</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  );
  const templates = spec.templates ?? [];
  const templatePages = templates
    .map((t, i) => `<ofd:TemplatePage ID="${t.id}" BaseLoc="Tpls/Tpl_${i}/Content.xml" ZOrder="Background"/>`)
    .join('');
  const pages = spec.pages
    .map((_, i) => `<ofd:Page ID="${1000 + i}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
    .join('');
  put(
    'Doc_0/Document.xml',
    `${xmlHead}<ofd:Document ${NS}><ofd:CommonData><ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>${spec.pageArea ?? '0 0 210 297'}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>${templatePages}</ofd:CommonData><ofd:Pages>${pages}</ofd:Pages></ofd:Document>`,
  );
  put(
    'Doc_0/PublicRes.xml',
    `${xmlHead}<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
  );
  const media = (spec.images ?? [])
    .map(
      (m) =>
        `<ofd:MultiMedia ID="${m.id}" Type="Image" Format="${m.name.split('.').pop()?.toUpperCase()}"><ofd:MediaFile>${m.name}</ofd:MediaFile></ofd:MultiMedia>`,
    )
    .join('');
  const composites = (spec.composites ?? [])
    .map(
      (c) =>
        `<ofd:CompositeGraphicUnit ID="${c.id}" Width="${num(c.width)}" Height="${num(c.height)}"><ofd:Content>${c.content}</ofd:Content></ofd:CompositeGraphicUnit>`,
    )
    .join('');
  put(
    'Doc_0/DocumentRes.xml',
    `${xmlHead}<ofd:Res ${NS} BaseLoc="Res">${media ? `<ofd:MultiMedias>${media}</ofd:MultiMedias>` : ''}${composites ? `<ofd:CompositeGraphicUnits>${composites}</ofd:CompositeGraphicUnits>` : ''}</ofd:Res>`,
  );
  for (const m of spec.images ?? []) put(`Doc_0/Res/${m.name}`, m.bytes);
  templates.forEach((t, i) => {
    put(
      `Doc_0/Tpls/Tpl_${i}/Content.xml`,
      `${xmlHead}<ofd:Page ${NS}><ofd:Content>${layersXml(t.layers, 500 + i * 10)}</ofd:Content></ofd:Page>`,
    );
  });
  spec.pages.forEach((page, i) => {
    const area = page.area ? `<ofd:Area><ofd:PhysicalBox>${page.area}</ofd:PhysicalBox></ofd:Area>` : '';
    const tpls = (page.templates ?? [])
      .map((id) => `<ofd:Template TemplateID="${id}" ZOrder="Background"/>`)
      .join('');
    put(
      `Doc_0/Pages/Page_${i}/Content.xml`,
      `${xmlHead}<ofd:Page ${NS}>${area}${tpls}<ofd:Content>${layersXml(page.layers, 2000 + i * 10)}</ofd:Content></ofd:Page>`,
    );
  });
  for (const [path, content] of Object.entries(spec.parts ?? {})) put(path, content);
  // A fixed time, so that the same package is the same bytes.
  return zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') });
}

/** Millimetres per point. */
const mmPerPoint = 25.4 / 72;

/** How one PDF item is written as OFD (the ways producers differ). */
export interface ItemStyle {
  /** Runs of three or more equal deltas as `g N d`. */
  abbreviate: boolean;
  /** A DeltaX for the last character too (producers mostly write one fewer than the characters). */
  lastDelta: boolean;
  /** Split the item's characters before this one (0 or past the end: not split)… */
  splitAt: number;
  /** …into two TextObjects, or two TextCodes of one. */
  splitInto: 'objects' | 'codes';
  /**
   * Where the position is written: the Boundary's origin (codes at X 0), the codes' X and Y (the
   * Boundary at the page's corner), or partly the Boundary and partly a CTM that also scales the
   * object's space by `1 / scale` (its Size, X, Y and deltas written `scale` times larger).
   */
  placement: 'boundary' | 'code' | 'ctm';
  scale: number;
}

/** How the committed fixture test/fixtures/ofd/011.ofd is written. */
export const fixtureStyle: ItemStyle = {
  abbreviate: true,
  lastDelta: true,
  splitAt: 0,
  splitInto: 'objects',
  placement: 'boundary',
  scale: 1,
};

/** One piece of an item: its characters and deltas, from `offset` (mm) after the item's start. */
interface Piece {
  chars: string[];
  deltas: number[];
  offset: number;
}

/**
 * An item's TextObjects: `chars` with their `deltas` (one for each), the first character's
 * baseline at (x, y) on the page, in millimetres.
 */
function itemObjects(
  chars: readonly string[],
  deltas: readonly number[],
  x: number,
  y: number,
  size: number,
  style: ItemStyle,
  nextId: () => number,
): string {
  const cut = style.splitAt > 0 && style.splitAt < chars.length ? style.splitAt : chars.length;
  const pieces: Piece[] = [{ chars: chars.slice(0, cut), deltas: deltas.slice(0, cut), offset: 0 }];
  if (cut < chars.length)
    pieces.push({
      chars: chars.slice(cut),
      deltas: deltas.slice(cut),
      offset: deltas.slice(0, cut).reduce((a, b) => a + b, 0),
    });
  const s = style.placement === 'ctm' ? style.scale : 1;
  const code = (piece: Piece, originX: number, originY: number): TextCodeSpec => {
    const written = (style.lastDelta ? piece.deltas : piece.deltas.slice(0, -1)).map((d) => d * s);
    const deltaX = style.abbreviate ? deltaArray(written) : written.map(num).join(' ');
    return { text: piece.chars.join(''), x: (originX + piece.offset) * s, y: originY * s, deltaX };
  };
  const object = (codes: TextCodeSpec[], width: number) => {
    const box = (bx: number, by: number) => [bx, by, Math.max(size, width), size * 1.25] as const;
    if (style.placement === 'boundary')
      return textObject({ id: nextId(), size, boundary: box(x, y - size), codes });
    if (style.placement === 'code')
      return textObject({ id: nextId(), size, boundary: [0, 0, 210, 297], codes });
    // Part of the offset in the Boundary, the rest in the CTM's translation.
    return textObject({
      id: nextId(),
      size: size * s,
      boundary: box(x - 3, y - size - 2),
      ctm: `${num(1 / s)} 0 0 ${num(1 / s)} 3 2`,
      codes,
    });
  };
  const origin = style.placement === 'boundary' ? [0, size] : style.placement === 'code' ? [x, y] : [0, size];
  const [ox, oy] = origin as [number, number];
  const width = deltas.reduce((a, b) => a + b, 0);
  if (style.splitInto === 'codes' || pieces.length === 1)
    return object(
      pieces.map((p) => code(p, ox, oy)),
      width,
    );
  return pieces.map((p) => object([code(p, ox, oy)], width)).join('');
}

/**
 * A PDF's pages (as the PDF reader reads them) as an OFD: each text item a TextObject whose
 * characters' DeltaX spread the item's width by their kinds' widths (whitespace around the text as
 * spaces, a quarter em ahead of it or taking no room after it), each rule a stroked line.
 * Positions in millimetres, y downwards, as the items are. `styles` gives each item's style
 * (cycled; the fixture's by default).
 */
export function ofdFromPdfPages(
  pages: readonly PdfPage[],
  styles: readonly ItemStyle[] = [fixtureStyle],
): Uint8Array {
  let id = 1;
  const nextId = () => id++;
  let n = 0;
  const out: OfdPageSpec[] = pages.map((page) => {
    const units: string[] = [];
    for (const item of page.items) {
      const style = styles[n++ % styles.length] as ItemStyle;
      const size = item.size * mmPerPoint;
      const x = item.x * mmPerPoint;
      const y = item.y * mmPerPoint;
      if (item.text === '') {
        units.push(itemObjects([' '], [size / 4], x, y, size, { ...style, lastDelta: false }, nextId));
        continue;
      }
      const chars = [...item.text];
      const widths = chars.map(nominalWidth);
      const total = widths.reduce((a, b) => a + b, 0);
      const deltas = widths.map((w) => (item.width * mmPerPoint * w) / total);
      const lead = item.spaceBefore ? size / 4 : 0;
      const all = [...(item.spaceBefore ? [' '] : []), ...chars, ...(item.spaceAfter ? [' '] : [])];
      const allDeltas = [
        ...(item.spaceBefore ? [lead] : []),
        ...deltas,
        ...(item.spaceAfter ? [size / 4] : []),
      ];
      // A space after the text is written without a delta of its own.
      const written = item.spaceAfter ? { ...style, lastDelta: false } : style;
      units.push(itemObjects(all, allDeltas, x - lead, y, size, written, nextId));
    }
    for (const r of page.rules?.horizontal ?? [])
      units.push(line(id++, r.from * mmPerPoint, r.at * mmPerPoint, r.to * mmPerPoint, r.at * mmPerPoint));
    for (const r of page.rules?.vertical ?? [])
      units.push(line(id++, r.at * mmPerPoint, r.from * mmPerPoint, r.at * mmPerPoint, r.to * mmPerPoint));
    return {
      layers: [units.join('')],
      area: `0 0 ${num(page.width * mmPerPoint)} ${num(page.height * mmPerPoint)}`,
    };
  });
  return writeOfd({ pages: out, pageArea: out[0]?.area });
}
