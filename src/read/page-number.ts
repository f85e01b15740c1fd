/**
 * A page number as text extraction leaves it on a line (or in a cell) of its own: 「-1-」「— 2 —」
 * 「― 3 ―」「－４－」「第 3 页」「第 3 页 共 12 页」「3 / 12」「Page 3」. Digits may be full-width; the
 * dashes are any a PDF's font may give for the one GB/T 9704 prints, 「页」 also the radical of its
 * shape (⻚, as some PDFs give it). One pattern for every reader.
 */
export const pageNumberLine =
  /^\s*(?:[-—–－‒―─]\s*[0-9０-９]{1,4}\s*[-—–－‒―─]|第\s*[0-9０-９]{1,4}\s*[页⻚](?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*[页⻚])?|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|(?:page|p\.)\s*[0-9０-９]{1,4}(?:\s*(?:of|\/)\s*[0-9０-９]{1,4})?)\s*$/i;

/** The page and the page count a page number gives (「3 / 12」「第 3 页 共 12 页」「Page 3 of 12」). */
const ofCount = /([0-9０-９]{1,4})\D+?([0-9０-９]{1,4})\s*[页⻚]?\s*$/;

/**
 * Whether a line is a page number (`pageNumberLine`) that can be one: where it gives the page and
 * the page count, the page is 1 to the count. 「2 / 0」 is a table's row on a line of its own (a
 * figure, a blank mark 「/」, a figure), not page 2 of 0.
 */
export function isPageNumberLine(text: string): boolean {
  if (!pageNumberLine.test(text)) return false;
  const m = ofCount.exec(text.normalize('NFKC'));
  if (!m || /^\s*[-—–－‒―─]/.test(text)) return true;
  const page = Number(m[1]);
  return page >= 1 && page <= Number(m[2]);
}

/**
 * Whether a page number's page count, where it gives one (「3 / 12」「第 3 页 共 12 页」), fits a
 * document of `pages` pages (the count itself, or one less: a cover not counted) and its page is 1
 * to the count. 「0 / 1」 in a PDF of three pages is a table's row on a line of its own (0, the
 * blank mark 「/」, 1), not a page number.
 */
export function pageCountFits(text: string, pages: number): boolean {
  if (!pageNumberLine.test(text)) return false;
  const m = ofCount.exec(text.normalize('NFKC'));
  if (!m || /^\s*[-—–－‒―─]/.test(text)) return true;
  const page = Number(m[1]);
  const count = Number(m[2]);
  return page >= 1 && page <= count && (count === pages || count === pages - 1);
}
