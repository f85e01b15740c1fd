/**
 * The HTML reader: government web pages (and Word's 「另存为网页」) → blocks. Decodes by BOM,
 * declared charset or detection, bounds size and nesting, parses with parse5 (keeping source
 * locations), then keeps the report and drops the site around it (see `page.ts`).
 */
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { decodedInput } from '../decoded-input.js';
import { withImages } from '../images/embedded.js';
import { htmlImages } from '../images/html-images.js';
import type { Reader } from '../registry.js';
import { decodeHtml } from './decode.js';
import { limitNesting } from './depth.js';
import { pageBlocks } from './page.js';
import { elementBudget, parseBounded } from './parse.js';
import { Positions } from './positions.js';
import { sniffHtml } from './sniff.js';

/** Deepest nesting of open elements parsed as it is; real pages nest a few dozen deep. */
export const maxNesting = 512;
/** Depth beyond which tags are blanked out when a page nests deeper than `maxNesting`. */
export const flattenedNesting = 256;
/**
 * The bound on the flattened page: the blanking counts a table once where the parser opens four
 * elements (table, tbody, tr, td).
 */
const flattenedBound = 5 * flattenedNesting;
/** Most table grid positions on one page (merged cells count every position they cover). */
export const maxGridCells = 1_000_000;

export const noTextInPage = '网页中没有可读取的文字';

export function readHtml(bytes: Uint8Array, file: SourceFile): Block[] {
  let text = decodedInput(bytes, file, '网页', decodeHtml);
  const elements = elementBudget(text);
  let document = parseBounded(text, { depth: maxNesting, elements });
  if (!document) {
    const flattened = limitNesting(text, flattenedNesting);
    text = flattened.text;
    document = parseBounded(text, { depth: flattenedBound, elements });
    if (!document) file.fail('网页标签嵌套过深或未闭合的标签过多，无法读取');
    file.warn(
      'read.html-nesting',
      `网页标签嵌套过深或未闭合的标签过多，已忽略其中 ${flattened.ignored} 个标签（其中的文字照常读取）`,
    );
  }
  let cells = 0;
  const charge = (n: number) => {
    cells += n;
    if (cells > maxGridCells)
      file.fail(`网页中的表格过大（合并单元格展开后超过 ${maxGridCells} 格），无法读取`);
  };
  const blocks = pageBlocks(document, new Positions(text), charge);
  if (blocks.length === 0) file.fail(noTextInPage);
  return blocks;
}

/** Tables published as pictures (`<img>`) are read by OCR too (src/read/images). */
export const htmlReader: Reader = {
  type: 'html',
  sniff: sniffHtml,
  read: withImages(readHtml, htmlImages, noTextInPage),
};
