/** Offsets in the decoded source → 1-based line and column, counted as the text reader counts them. */

import { codeAt } from '../../text/code-unit.js';
import { LinePositions } from '../../text/line-positions.js';

export type { Place } from '../../text/line-positions.js';

export class Positions extends LinePositions {
  /**
   * The offset of the first visible character of source text that starts at `start`: skips
   * whitespace and the character references that stand for it (`&nbsp;`, `&#12288;` …).
   */
  firstVisible(start: number, end: number): number {
    const s = this.source;
    let i = start;
    while (i < end) {
      const c = codeAt(s, i);
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || c === 0xfeff) {
        i++;
        continue;
      }
      if (c === 0x26) {
        spaceReference.lastIndex = i;
        const m = spaceReference.exec(s);
        if (m) {
          i += m[0].length;
          continue;
        }
      }
      return i;
    }
    return start;
  }
}

const spaceReference = /&(?:nbsp|ensp|emsp|thinsp|#0*160|#x0*a0|#0*12288|#x0*3000|#0*32|#x0*20);?/iy;
