/**
 * Bounds on input, so that a damaged or hostile file gives a clear error instead of exhausting
 * memory or time. A real annual report is well under 1 MiB of text.
 */
export const limits = {
  /** Largest plain-text (or HTML) input, in bytes. */
  textBytes: 16 * 1024 * 1024,
  /** Largest DOCX input, in bytes (compressed; embedded pictures and scans make them large). */
  docxBytes: 128 * 1024 * 1024,
  /** Largest PDF input in bytes, and the most pages of a PDF that are read. */
  pdfBytes: 64 * 1024 * 1024,
  pdfPages: 500,
  /**
   * Most bytes that a PDF's streams may inflate to, for its embedded font programs and for the
   * rest but images (content streams above all): a small file whose streams inflate past them (a
   * decompression bomb) is refused before it is parsed. Interpreting 8 MB of page content takes
   * PDF.js several seconds; a real report has well under 1 MB.
   */
  pdfFontBytes: 64 * 1024 * 1024,
  pdfContentBytes: 8 * 1024 * 1024,
  /**
   * Largest OFD input in bytes (compressed; a scanned one holds a picture a page), and most bytes
   * its XML parts (pages, templates, resources) may inflate to in all: XML is wordier than a PDF's
   * content streams (a real report's pages come to well under 2 MB). Its pages are bounded as a
   * PDF's are (`pdfPages`).
   */
  ofdBytes: 128 * 1024 * 1024,
  ofdXmlBytes: 32 * 1024 * 1024,
} as const;

export const formatBytes = (n: number): string =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KB`
      : `${n} 字节`;
