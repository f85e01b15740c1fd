/**
 * An OFD part as a small element tree, parsed by the DOCX reader's bounded XML scanner
 * (docx/xml.ts). OFD parts are small and shallow, and most of what the reader wants is an
 * element's text (`DocRoot`, `PhysicalBox`, `TextCode`, `AbbreviatedData`) or one of a few
 * attributes, so each element keeps its text and the attributes its name is known to carry.
 * Elements are known by local name: producers write the OFD namespace with any prefix, or none.
 */
import type { SourceFile } from '../../core/source-file.js';
import { attr, parseXml } from '../docx/xml.js';
import type { ArchiveKind } from '../docx/zip-directory.js';

export interface OfdElement {
  /** Local name (`TextObject` for `ofd:TextObject`). */
  name: string;
  /** The attributes read for elements of this name (see `attributes`), those present. */
  attrs: Readonly<Record<string, string>>;
  children: OfdElement[];
  /** Character data directly inside, references resolved. */
  text: string;
}

/** The attributes read, by element name; other elements keep none. */
const attributes: ReadonlyMap<string, readonly string[]> = new Map([
  ['TemplatePage', ['ID', 'BaseLoc', 'ZOrder']],
  ['Page', ['ID', 'BaseLoc']],
  ['Template', ['TemplateID', 'ZOrder']],
  ['Layer', ['Type']],
  ['TextObject', ['Boundary', 'CTM', 'Size', 'Visible']],
  ['TextCode', ['X', 'Y', 'DeltaX', 'DeltaY']],
  ['PathObject', ['Boundary', 'CTM', 'Stroke', 'Fill', 'Visible']],
  ['ImageObject', ['ResourceID', 'Visible']],
  ['CompositeObject', ['ResourceID', 'Boundary', 'CTM', 'Visible']],
  ['Res', ['BaseLoc']],
  ['MultiMedia', ['ID', 'Type']],
  ['CompositeGraphicUnit', ['ID']],
]);

/** Parses one part; malformed XML fails the file, naming the part. */
export function elementTree(
  bytes: Uint8Array,
  part: string,
  file: SourceFile,
  kind: ArchiveKind,
): OfdElement {
  const root: OfdElement = { name: '', attrs: {}, children: [], text: '' };
  const open: OfdElement[] = [root];
  parseXml(
    bytes,
    part,
    file,
    {
      open(tag) {
        const attrs: Record<string, string> = {};
        for (const name of attributes.get(tag.local) ?? []) {
          const value = attr(tag, name);
          if (value !== undefined) attrs[name] = value;
        }
        const element: OfdElement = { name: tag.local, attrs, children: [], text: '' };
        (open.at(-1) as OfdElement).children.push(element);
        open.push(element);
      },
      close() {
        open.pop();
      },
      text(text) {
        (open.at(-1) as OfdElement).text += text;
      },
    },
    new Map(),
    kind,
  );
  return root.children[0] ?? root;
}

/** The first child of this name, if any. */
export const child = (element: OfdElement | undefined, name: string): OfdElement | undefined =>
  element?.children.find((c) => c.name === name);

/** The children of this name. */
export const children = (element: OfdElement | undefined, name: string): OfdElement[] =>
  element ? element.children.filter((c) => c.name === name) : [];

/** An element's text without surrounding white space ('' for none). */
export const textOf = (element: OfdElement | undefined): string => element?.text.trim() ?? '';
