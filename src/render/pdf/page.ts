/**
 * The page cursor over a pdfkit document: the 版心 filled top to bottom, body text on the
 * 22-line grid, a new page when the next thing doesn't fit. Every string is printed as one text
 * run at an explicit position (no pdfkit line wrapping), so a PDF reader finds each line and each
 * table figure whole.
 */
import type { Face } from './fonts.js';
import { baselineOffset, linePitch, textArea } from './layout.js';
import { widthOfString } from './widths.js';

export interface RunOptions {
  face: Face;
  size: number;
  /** Extra space after each character (pdfkit's character spacing, the PDF's Tc). */
  spacing?: number;
}

export class Pages {
  /** Top of the next line box. */
  y: number = textArea.top;

  constructor(readonly doc: PDFKit.PDFDocument) {}

  get remaining(): number {
    return textArea.bottom - this.y;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = textArea.top;
  }

  /** Starts a new page unless `height` fits below the cursor (a page's first line always fits). */
  ensure(height: number): void {
    if (height > this.remaining + 0.01 && this.y > textArea.top + 0.01) this.newPage();
  }

  /** Moves the cursor down to the next line of the body grid (or keeps it there). */
  snapToGrid(): void {
    const n = Math.ceil((this.y - textArea.top) / linePitch - 0.01);
    this.y = textArea.top + n * linePitch;
    if (this.remaining < linePitch - 0.01) this.newPage();
  }

  measure(text: string, options: RunOptions): number {
    this.use(options);
    return widthOfString(this.doc, text, options.spacing ?? 0);
  }

  /** Prints one run with its baseline at `baseline`. */
  run(text: string, x: number, baseline: number, options: RunOptions): void {
    if (text === '') return;
    this.use(options);
    this.doc.text(text, x, baseline, {
      lineBreak: false,
      baseline: 'alphabetic',
      characterSpacing: options.spacing ?? 0,
    });
  }

  /** Prints one line box of the grid (of `pitch`) at the cursor and moves below it. */
  line(text: string, x: number, options: RunOptions, pitch = linePitch): void {
    this.ensure(pitch);
    this.run(text, x, this.y + baselineOffset(pitch, options.size), options);
    this.y += pitch;
  }

  private use({ face, size }: RunOptions): void {
    this.doc.font(face).fontSize(size);
  }
}
