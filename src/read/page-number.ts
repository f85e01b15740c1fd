/**
 * A page number as text extraction leaves it on a line (or in a cell) of its own: 「-1-」「— 2 —」
 * 「― 3 ―」「－４－」「第 3 页」「第 3 页 共 12 页」「3 / 12」「Page 3」. Digits may be full-width; the
 * dashes are any a PDF's font may give for the one GB/T 9704 prints, 「页」 also the radical of its
 * shape (⻚, as some PDFs give it). One pattern for every reader.
 */
export const pageNumberLine =
  /^\s*(?:[-—–－‒―─]\s*[0-9０-９]{1,4}\s*[-—–－‒―─]|第\s*[0-9０-９]{1,4}\s*[页⻚](?:\s*[,，/]?\s*共\s*[0-9０-９]{1,4}\s*[页⻚])?|[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}|(?:page|p\.)\s*[0-9０-９]{1,4}(?:\s*(?:of|\/)\s*[0-9０-９]{1,4})?)\s*$/i;
