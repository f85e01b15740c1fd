/**
 * An OFD document's structure: OFD.xml names the document root (DocBody/DocRoot, e.g.
 * Doc_0/Document.xml); the document lists its pages (Pages/Page@BaseLoc) and templates
 * (CommonData/TemplatePage), the default page area (CommonData/PageArea/PhysicalBox), and its
 * resource files (PublicRes, DocumentRes), where pictures (MultiMedia) and composite graphics
 * (CompositeGraphicUnit) are defined. A page may add resources of its own (PageRes) and name the
 * templates drawn with it (Template@TemplateID). Only the first document of a package is read.
 */
import type { SourceFile } from '../../core/source-file.js';
import { folderOf, type OfdPackage, resolveLoc } from './package.js';
import { type Box, box } from './values.js';
import { child, children, type OfdElement, textOf } from './xml-tree.js';

/** A page as the document lists it (the templates drawn with it are named in its description). */
export interface PageRef {
  /** The page description (its Content.xml), or null when the document names none that exists. */
  path: string | null;
}

/** Pictures and composite graphics by resource ID. */
export interface Resources {
  /** Path of each picture (MultiMedia of type Image) in the package. */
  images: Map<string, string>;
  composites: Map<string, OfdElement>;
}

export interface OfdDocument {
  /** Path of Document.xml, and its folder (against which the pages' paths are read). */
  root: string;
  folder: string;
  pageArea: Box;
  pages: PageRef[];
  /** Template pages by ID: their descriptions' paths. */
  templates: Map<string, string>;
  resources: Resources;
}

/** A4, when a document gives no page area. */
const a4: Box = { x: 0, y: 0, width: 210, height: 297 };

/** Reads OFD.xml and the document it names; a package without a document fails. */
export function openDocument(pkg: OfdPackage, file: SourceFile): OfdDocument {
  const ofd = pkg.xml(pkg.locate('OFD.xml') ?? 'OFD.xml');
  const body = child(ofd ?? undefined, 'DocBody');
  const rootLoc = textOf(child(body, 'DocRoot'));
  const root = rootLoc ? pkg.locate(rootLoc) : null;
  const document = root ? pkg.xml(root) : null;
  if (!root || !document)
    file.fail('OFD 文件不完整：OFD.xml 没有指向文档（DocBody/DocRoot 缺失或所指的文件不存在），无法读取');
  const folder = folderOf(root);
  const common = child(document, 'CommonData');
  const templates = new Map<string, string>();
  for (const t of children(common, 'TemplatePage')) {
    const path = t.attrs.BaseLoc ? pkg.locate(t.attrs.BaseLoc, folder) : null;
    if (t.attrs.ID && path) templates.set(t.attrs.ID, path);
  }
  const resources: Resources = { images: new Map(), composites: new Map() };
  for (const res of [...children(common, 'PublicRes'), ...children(common, 'DocumentRes')])
    addResources(pkg, pkg.locate(textOf(res), folder), folder, resources);
  const pages = children(child(document, 'Pages'), 'Page').map((page) => ({
    path: page.attrs.BaseLoc ? pkg.locate(page.attrs.BaseLoc, folder) : null,
  }));
  return {
    root,
    folder,
    pageArea: box(textOf(child(child(common, 'PageArea'), 'PhysicalBox'))) ?? a4,
    pages,
    templates,
    resources,
  };
}

/**
 * Adds the pictures and composite graphics of one resource file. Its media files are named
 * relative to the folder its `BaseLoc` names (relative to the resource file's own folder).
 */
export function addResources(
  pkg: OfdPackage,
  path: string | null,
  documentFolder: string,
  into: Resources,
): void {
  const res = path ? pkg.xml(path) : null;
  if (!path || !res) return;
  const own = folderOf(path);
  const based = res.attrs.BaseLoc ? resolveLoc(own, res.attrs.BaseLoc) : null;
  const baseFolder = based ? `${based}/` : own;
  for (const media of children(child(res, 'MultiMedias'), 'MultiMedia')) {
    const loc = textOf(child(media, 'MediaFile'));
    const id = media.attrs.ID;
    if (!id || !loc || (media.attrs.Type && media.attrs.Type.toLowerCase() !== 'image')) continue;
    const found = pkg.locate(loc, baseFolder, own, documentFolder);
    if (found) into.images.set(id, found);
  }
  for (const unit of children(child(res, 'CompositeGraphicUnits'), 'CompositeGraphicUnit'))
    if (unit.attrs.ID) into.composites.set(unit.attrs.ID, unit);
}
