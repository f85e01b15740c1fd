/**
 * The measures of GB/T 9704-2012 (党政机关公文格式) in PDF points, the same page the DOCX renderer
 * sets: A4, 天头 37 mm, 订口 28 mm, 翻口 26 mm, bottom 35 mm, a 版心 of 156 × 225 mm holding 22
 * lines of 28 characters of 3号 text.
 */

import { charsPerLine, linesPerPage, marginMm, sizes } from '../gbt9704.js';

/** Millimetres to points. */
export const mm = (millimetres: number): number => (millimetres * 72) / 25.4;

/** A4 portrait, as pdfkit sizes it (595.28 × 841.89 pt). */
export const page = { width: 595.28, height: 841.89 } as const;

export const margin = {
  top: mm(marginMm.top),
  bottom: mm(marginMm.bottom),
  left: mm(marginMm.left),
  right: mm(marginMm.right),
} as const;

/** The 版心 (type area). */
export const textArea = {
  left: margin.left,
  top: margin.top,
  width: page.width - margin.left - margin.right,
  height: page.height - margin.top - margin.bottom,
  right: page.width - margin.right,
  bottom: page.height - margin.bottom,
} as const;

export { charsPerLine, linesPerPage, sizes } from '../gbt9704.js';

/** Exact line pitch: the 版心 height over 22 lines, to the twip as in the DOCX (28.95 pt). */
export const linePitch = Math.floor((textArea.height * 20) / linesPerPage) / 20;

/** Character pitch of body text: 28 characters fill the 版心 width (15.79 pt). */
export const charPitch = textArea.width / charsPerLine;

/** Where the baseline of a line of `size` sits below the top of its line box (glyphs centred). */
export const baselineOffset = (pitch: number, size: number): number => (pitch - size) / 2 + size * 0.88;

/** Page numbers: their line's top edge 7 mm below the 版心, one character in from the outer edge. */
export const pageNumberTop = textArea.bottom + mm(7);
export const pageNumberInset = sizes.pageNumber;

/** Tables: 5号 text on a 13.5 pt pitch, cells padded a little inside their borders. */
export const table = {
  line: 13.5,
  padX: mm(1),
  padY: 2.5,
  border: 0.5,
} as const;
