/**
 * One visual line being put together from the text nodes of a page, with HTML's whitespace
 * rules: runs of whitespace collapse to one space, leading and trailing whitespace go, and a
 * line break in the source (or a `<br>` inside a table cell) between two CJK characters joins
 * them without a space (「商业<br>企业」 is the label 「商业企业」).
 */
import { codeAt } from '../../text/code-unit.js';

/** Whitespace as a page shows it: ASCII, no-break space, ideographic space. */
const isWhite = (c: number) =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0xa0 ||
  c === 0x3000 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x202f ||
  c === 0x205f;

/** Characters that show as nothing: zero-width space and joiners, BOM, soft hyphen. */
const isInvisible = (c: number) => (c >= 0x200b && c <= 0x200d) || c === 0xfeff || c === 0xad || c === 0x2060;

/** Characters of CJK text, its punctuation and full-width forms (and the quotes and dashes it uses). */
export const isWide = (c: number): boolean =>
  (c >= 0x2e80 && c <= 0x9fff) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xffef) ||
  (c >= 0x2010 && c <= 0x2027) ||
  (c >= 0xd800 && c <= 0xdbff);

/** What separates the next visible character from the line so far. */
const Gap = { None: 0, Space: 1, Break: 2 } as const;
type Gap = (typeof Gap)[keyof typeof Gap];

export class Line {
  private text = '';
  private gap: Gap = Gap.None;
  /** Source offset of the first visible character, -1 while the line is empty. */
  start = -1;
  /** Visible characters that came from inside links. */
  linked = 0;

  get empty(): boolean {
    return this.text === '';
  }

  /** A space before the next visible character (a cell border in a metadata row). */
  space(): void {
    if (this.gap < Gap.Space) this.gap = Gap.Space;
  }

  /** A line break inside the line (`<br>` in a table cell): CJK joins, anything else gets a space. */
  lineBreak(): void {
    this.gap = Gap.Break;
  }

  /**
   * Appends a text node's value; `startOf` gives the source offset of its first visible
   * character (asked only when the line is still empty).
   */
  append(value: string, startOf: () => number, inLink: boolean): void {
    const n = value.length;
    let i = 0;
    while (i < n) {
      let c = codeAt(value, i);
      if (isWhite(c)) {
        const breaks = c === 0x0a || c === 0x0d;
        if (this.gap < (breaks ? Gap.Break : Gap.Space)) this.gap = breaks ? Gap.Break : Gap.Space;
        i++;
        continue;
      }
      if (isInvisible(c)) {
        i++;
        continue;
      }
      // A run of visible characters.
      let j = i + 1;
      while (j < n) {
        c = codeAt(value, j);
        if (isWhite(c) || isInvisible(c)) break;
        j++;
      }
      const run = value.slice(i, j);
      if (this.text === '') this.start = startOf();
      else if (this.gap === Gap.Space) this.text += ' ';
      else if (
        this.gap === Gap.Break &&
        !(isWide(codeAt(this.text, this.text.length - 1)) && isWide(codeAt(run, 0)))
      )
        this.text += ' ';
      this.text += run;
      this.gap = Gap.None;
      if (inLink) this.linked += run.length;
      i = j;
    }
  }

  /** The line's text; the line starts over empty. */
  take(): { text: string; start: number; linked: number } {
    const out = { text: this.text, start: this.start, linked: this.linked };
    this.text = '';
    this.gap = Gap.None;
    this.start = -1;
    this.linked = 0;
    return out;
  }
}
