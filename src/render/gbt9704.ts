/**
 * The page of GB/T 9704-2012 (党政机关公文格式), in millimetres and points: one place for the
 * measures the DOCX and PDF renderers both set, each in its own units.
 */

/** A4 portrait, in millimetres. */
export const pageMm = { width: 210, height: 297 } as const;

/** 天头 37 mm, 订口 28 mm, 翻口 26 mm, bottom 35 mm: a 版心 of 156 × 225 mm. */
export const marginMm = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** 22 lines a page, 28 characters a line. */
export const linesPerPage = 22;
export const charsPerLine = 28;

/** Font sizes of the 号 scale, in points. */
export const sizes = {
  /** 2号: the title. */
  title: 22,
  /** 3号: body text and headings. */
  body: 16,
  /** 4号: page numbers. */
  pageNumber: 14,
  /** 5号: table text. */
  table: 10.5,
} as const;
