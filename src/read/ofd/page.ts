/**
 * One OFD page as the PDF reader's page model (pdf/items.ts): its text items and ruling lines in
 * points from the page's top left, y downwards (OFD's page space is millimetres from the top left
 * of the PhysicalBox, y downwards too), and the pictures drawn on it.
 *
 * The page is drawn from its templates (Template@TemplateID, their descriptions read as the page's
 * are) and its own content: layers of graphic units, nested in page blocks and composite graphics
 * (CompositeObject, whose unit is a resource with content of its own, in the object's space).
 * Text comes from TextObjects (text.ts), rules from PathObjects (paths.ts, collected as the PDF
 * reader collects them: strokes and thin filled rectangles), pictures from ImageObjects. Units
 * marked `Visible="false"` are not drawn.
 */
import type { SourceFile } from '../../core/source-file.js';
import type { PdfItem, PdfPage } from '../pdf/items.js';
import { writtenOf } from '../pdf/items.js';
import { RuleCollector } from '../pdf/rules.js';
import { addResources, type OfdDocument, type Resources } from './document.js';
import { type Matrix, unitMatrix } from './matrix.js';
import { folderOf, type OfdPackage } from './package.js';
import { pathBuffer } from './paths.js';
import { textItems } from './text.js';
import { box } from './values.js';
import { child, children, type OfdElement, textOf } from './xml-tree.js';

/** Points per millimetre. */
const pointsPerMm = 72 / 25.4;

/** Most graphic units drawn on one page (composites can repeat content): past it the page is hostile. */
const maxUnits = 200_000;
/** Deepest nesting of page blocks and composite graphics followed. */
const maxDepth = 32;

export interface OfdPage {
  page: PdfPage;
  /** Paths of the pictures drawn on it, in drawing order. */
  images: string[];
}

/** Reads page `number` (from 1) of the document. */
export function readPage(
  pkg: OfdPackage,
  doc: OfdDocument,
  path: string | null,
  number: number,
  file: SourceFile,
): OfdPage {
  const description = path ? pkg.xml(path) : null;
  const area = box(textOf(child(child(description ?? undefined, 'Area'), 'PhysicalBox'))) ?? doc.pageArea;
  // Millimetres from the PhysicalBox's corner to points.
  const view: Matrix = [pointsPerMm, 0, 0, pointsPerMm, -area.x * pointsPerMm, -area.y * pointsPerMm];
  const drawer = new Drawer(file, number, view, pageResources(pkg, doc, path, description));
  if (description) {
    // Templates first (drawn under the page, or over it: for reading, order does not matter).
    for (const template of children(description, 'Template')) {
      const templatePath = doc.templates.get(template.attrs.TemplateID ?? '');
      const content = templatePath ? pkg.xml(templatePath) : null;
      if (content) drawer.content(child(content, 'Content'));
    }
    drawer.content(child(description, 'Content'));
  }
  const items = drawer.items;
  return {
    page: {
      number,
      width: area.width * pointsPerMm,
      height: area.height * pointsPerMm,
      items,
      rules: drawer.rules.rules,
      written: writtenOf(drawer.strings.map((str) => ({ str, width: 0, transform: [] }))),
    },
    images: drawer.images,
  };
}

/** The document's resources, with the page's own (PageRes) added when it has any. */
function pageResources(
  pkg: OfdPackage,
  doc: OfdDocument,
  path: string | null,
  description: OfdElement | null,
): Resources {
  const own = children(description ?? undefined, 'PageRes');
  if (!path || own.length === 0) return doc.resources;
  const resources: Resources = {
    images: new Map(doc.resources.images),
    composites: new Map(doc.resources.composites),
  };
  for (const res of own)
    addResources(pkg, pkg.locate(textOf(res), folderOf(path), doc.folder), doc.folder, resources);
  return resources;
}

/** Walks a page's graphic units, collecting text, rules and pictures. */
class Drawer {
  readonly items: PdfItem[] = [];
  readonly images: string[] = [];
  readonly rules: RuleCollector;
  /** Each TextCode's text, for the share of undecodable characters (items.ts `writtenOf`). */
  readonly strings: string[] = [];
  private units = 0;
  /** Composite graphics being drawn (a unit that contains itself is drawn once). */
  private readonly composing = new Set<string>();

  constructor(
    private readonly file: SourceFile,
    private readonly number: number,
    private readonly view: Matrix,
    private readonly resources: Resources,
  ) {
    this.rules = new RuleCollector([1, 0, 0, 1, 0, 0]);
  }

  /** A Content element: its layers. */
  content(content: OfdElement | undefined): void {
    for (const layer of children(content, 'Layer')) this.block(layer, this.view, 0);
  }

  /** A layer or page block: its units, in the space `m` maps to the page. */
  private block(block: OfdElement, m: Matrix, depth: number): void {
    if (depth > maxDepth) return;
    for (const unit of block.children) {
      if (++this.units > maxUnits)
        this.file.fail(
          `OFD 第 ${this.number} 页的图元过多（超过 ${maxUnits} 个），不像是一份年度报告，未读取`,
        );
      if (unit.attrs.Visible === 'false') continue;
      switch (unit.name) {
        case 'PageBlock':
          this.block(unit, m, depth + 1);
          break;
        case 'TextObject':
          this.text(unit, m);
          break;
        case 'PathObject':
          this.path(unit, m);
          break;
        case 'ImageObject': {
          const image = this.resources.images.get(unit.attrs.ResourceID ?? '');
          if (image) this.images.push(image);
          break;
        }
        case 'CompositeObject':
          this.composite(unit, m, depth);
          break;
      }
    }
  }

  private text(object: OfdElement, m: Matrix): void {
    for (const code of children(object, 'TextCode')) this.strings.push(code.text);
    this.items.push(...textItems(object, unitMatrix(m, object.attrs.Boundary, object.attrs.CTM)));
  }

  /** A painted outline: stroked unless `Stroke="false"`, filled only with `Fill="true"`. */
  private path(object: OfdElement, m: Matrix): void {
    const stroked = object.attrs.Stroke !== 'false';
    const filled = object.attrs.Fill === 'true';
    if (!stroked && !filled) return;
    const data = child(object, 'AbbreviatedData');
    if (!data) return;
    const buffer = pathBuffer(data.text);
    if (buffer.length === 0) return;
    this.rules.save();
    this.rules.transform(unitMatrix(m, object.attrs.Boundary, object.attrs.CTM));
    this.rules.path(buffer, stroked);
    this.rules.restore();
  }

  /** A composite graphic: its unit's content, drawn in the object's space. */
  private composite(object: OfdElement, m: Matrix, depth: number): void {
    const id = object.attrs.ResourceID ?? '';
    const unit = this.resources.composites.get(id);
    if (!unit || this.composing.has(id)) return;
    this.composing.add(id);
    this.block(
      child(unit, 'Content') ?? unit,
      unitMatrix(m, object.attrs.Boundary, object.attrs.CTM),
      depth + 1,
    );
    this.composing.delete(id);
  }
}
