/**
 * An OFD package (a ZIP archive) as the reader sees it: parts found by their ST_Loc paths, XML
 * parts parsed into element trees against one budget for the whole document (limits.ofdXmlBytes),
 * and media files (pictures) read one by one, each bounded.
 *
 * An ST_Loc path is relative to the folder of the part that names it, or, starting with `/`, to
 * the package root. Producers are not always careful about which (a resource named from the
 * document root, a page's path written from the package root without the slash), so a path that
 * names no part is also tried from the other folders the caller offers.
 */
import { formatBytes, limits } from '../../core/limits.js';
import { type SourceFile, UnreadableInputError } from '../../core/source-file.js';
import { findEntry, readEntry, type ZipEntry } from '../docx/zip.js';
import type { ArchiveKind } from '../docx/zip-directory.js';
import { elementTree, type OfdElement } from './xml-tree.js';

export const ofdArchive: ArchiveKind = { name: 'OFD', resave: '用 OFD 阅读器另存' };

/** The folder of a part (`Doc_0/Pages/Page_0/` of `Doc_0/Pages/Page_0/Content.xml`), '' at the root. */
export const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** Joins an ST_Loc to the folder it is relative to, with `.` and `..` resolved; null when it leaves the package. */
export function resolveLoc(folder: string, loc: string): string | null {
  const written = loc.trim().replace(/\\/g, '/');
  if (written === '') return null;
  const path = written.startsWith('/') ? written : folder + written;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

export class OfdPackage {
  private xmlLeft = limits.ofdXmlBytes;
  private readonly trees = new Map<string, OfdElement>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: readonly ZipEntry[],
    private readonly file: SourceFile,
  ) {}

  /** The part an ST_Loc names, tried against each folder in turn; null when none has it. */
  locate(loc: string, ...folders: string[]): string | null {
    for (const folder of [...folders, '']) {
      const path = resolveLoc(folder, loc);
      if (path !== null && findEntry(this.entries, path)) return path;
    }
    return null;
  }

  /**
   * An XML part as an element tree (parsed once), or null when the package lacks it. Damage fails
   * the file, as does a document whose XML inflates past the budget.
   */
  xml(path: string): OfdElement | null {
    const known = this.trees.get(path);
    if (known) return known;
    const entry = findEntry(this.entries, path);
    if (!entry) return null;
    if (this.xmlLeft <= 0)
      this.file.fail(
        `输入过大：OFD 的页面和资源描述解压后超过 ${formatBytes(limits.ofdXmlBytes)} 的上限（文件可能经过恶意构造），未读取`,
      );
    // One part past what is left fails as a bomb would (readEntry says by how much).
    const bytes = readEntry(this.bytes, entry, this.file, this.xmlLeft, ofdArchive);
    this.xmlLeft -= bytes.length;
    const tree = elementTree(bytes, path, this.file, ofdArchive);
    this.trees.set(path, tree);
    return tree;
  }

  /** A media file's bytes, or null when it is missing, damaged or larger than `limit`. */
  media(path: string, limit: number): Uint8Array | null {
    const entry = findEntry(this.entries, path);
    if (!entry) return null;
    try {
      return readEntry(this.bytes, entry, this.file, limit, ofdArchive);
    } catch (error) {
      if (error instanceof UnreadableInputError) return null;
      throw error;
    }
  }
}
