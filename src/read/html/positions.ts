/** Offsets in the decoded source → 1-based line and column, counted as the text reader counts them. */
export interface Place {
  line: number;
  column: number;
}

export class Positions {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  at(offset: number): Place {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  /**
   * The offset of the first visible character of source text that starts at `start`: skips
   * whitespace and the character references that stand for it (`&nbsp;`, `&#12288;` …).
   */
  firstVisible(start: number, end: number): number {
    const s = this.source;
    let i = start;
    while (i < end) {
      const c = s.charCodeAt(i);
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
