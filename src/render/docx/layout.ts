/**
 * The measures of GB/T 9704-2012 (党政机关公文格式) in the units of WordprocessingML: twips
 * (1/20 pt) for lengths, half-points for font sizes. Everything else in the DOCX renderer takes
 * its numbers from here.
 */

import { charsPerLine, linesPerPage, marginMm, pageMm, sizes } from '../gbt9704.js';

/** Millimetres to twips, rounded. */
export const mm = (millimetres: number): number => Math.round((millimetres / 25.4) * 1440);

/** Points to twips. */
export const pt = (points: number): number => Math.round(points * 20);

/** A4 portrait. */
export const page = { width: mm(pageMm.width), height: mm(pageMm.height) } as const;

/** 天头 37 mm, 订口 28 mm, 翻口 26 mm, bottom 35 mm: a 版心 of 156 × 225 mm. */
export const margin = {
  top: mm(marginMm.top),
  bottom: mm(marginMm.bottom),
  left: mm(marginMm.left),
  right: mm(marginMm.right),
} as const;

/** The 版心 (type area). */
export const textArea = {
  width: page.width - margin.left - margin.right,
  height: page.height - margin.top - margin.bottom,
} as const;

export { charsPerLine, linesPerPage, sizes } from '../gbt9704.js';

/** Half-points, the unit of w:sz. */
export const halfPoints = (points: number): number => Math.round(points * 2);

/** Exact line pitch: the 版心 height over 22 lines, to the twip (28.95 pt). */
export const linePitch = Math.floor(textArea.height / linesPerPage);

/**
 * Character pitch of the document grid, in 1/4096 pt added to the body size: the largest value
 * (closest to 16 pt) that still fits 28 characters in the 版心 width.
 */
export const charSpace = Math.floor((textArea.width / 20 / charsPerLine - sizes.body) * 4096);

/** One character of body text on the grid, in twips (for indents given in characters). */
export const charPitch = Math.round(pt(sizes.body) + (charSpace * 20) / 4096);

/**
 * Character spacing of 3号 runs, in twips: condensed to one twip under the grid's character
 * pitch, so that 28 characters fit the 版心 width with or without the character grid, also where
 * a renderer rounds the pitch down to whole twips (-6: 28 × 15.7 pt ≤ 442.25 pt < 29 × 15.7 pt).
 */
export const bodyTracking = Math.floor(textArea.width / charsPerLine) - pt(sizes.body) - 1;

/** Lengths of text in body characters: full-width characters count 1, half-width ones ½. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) as number) <= 0xff ? 0.5 : 1;
  return width;
}

/** Page numbers sit 7 mm below the 版心: the footer's bottom edge, with a 4号 line of its own. */
export const pageNumberLine = pt(sizes.pageNumber);
export const footerDistance = margin.bottom - mm(7) - pageNumberLine;

/** Table cells: narrow side margins so the 5号 labels get the width. */
export const cellMargin = { left: mm(1), right: mm(1), top: 0, bottom: 0 } as const;
/** Table text: single-spaced 5号 off the 3号 grid. */
export const tableLine = pt(14);
/** Least height of a table row. */
export const tableRowHeight = pt(17);
