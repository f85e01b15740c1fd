/**
 * Line breaking of Chinese text by character: any two characters may be split except around a
 * space and inside a short run of Latin letters and digits (「2021」, a phone number); a line never
 * starts with closing punctuation nor ends with opening punctuation (simple 禁则). With `squeeze`,
 * closing punctuation that just overflows stays on its line (标点挤压: the caller tightens the
 * line) rather than pulling a character down and leaving a gap at the line's end.
 */

/** Characters that must not start a line. */
const closing = new Set([...'，。、；：？！）》」』】〕〉”’…—％‰·,.;:?!)]}%']);
/** Characters that must not end a line. */
const opening = new Set([...'（《「『【〔〈“‘([{']);

const isWordChar = (ch: string): boolean => /[A-Za-z0-9@#&_\-+=/.:~]/.test(ch);

/** Units that stay together: one character each, except Latin runs and what spaces join. */
function units(text: string): string[] {
  const out: string[] = [];
  let glue = false;
  for (const ch of text) {
    const last = out.length - 1;
    const previous = last >= 0 ? ((out[last] as string).at(-1) as string) : '';
    if (last >= 0 && (glue || ch === ' ' || (isWordChar(ch) && isWordChar(previous)))) out[last] += ch;
    else out.push(ch);
    glue = ch === ' ';
  }
  return out;
}

export interface BreakOptions {
  /** Let one closing punctuation mark overflow a line by up to its own width. */
  squeeze?: boolean;
  /**
   * Break a run wider than this (in measure units) by character rather than leave a gap of more
   * than a third of it at the end of the line.
   */
  longUnit?: number;
}

/**
 * Breaks `text` into lines no wider than `width(i)` for line i (the first line may be narrower,
 * for an indent), with `measure` giving the width of a string.
 */
export function breakLines(
  text: string,
  width: number | ((line: number) => number),
  measure: (text: string) => number,
  options: BreakOptions = {},
): string[] {
  const available = typeof width === 'number' ? () => width : width;
  const epsilon = 0.01;
  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  const queue = units(text);
  // A unit longer than a whole line is broken by character after all.
  for (let k = 0; k < queue.length; k++) {
    const unit = queue[k] as string;
    if ([...unit].length > 1 && measure(unit) > available(1)) queue.splice(k, 1, ...unit);
  }
  while (queue.length > 0) {
    const piece = queue.shift() as string;
    const w = measure(piece);
    const room = available(lines.length) - used;
    if (line.length === 0 || w <= room + epsilon) {
      line.push(piece);
      used += w;
      continue;
    }
    const first = [...piece][0] as string;
    if (options.squeeze && closing.has(piece) && !closing.has((line.at(-1) as string).at(-1) as string)) {
      line.push(piece);
      used += w;
      continue;
    }
    const long = options.longUnit;
    if (long !== undefined && [...piece].length > 1 && w > long && room > long / 3) {
      // Fill the line with as much of a long run (a URL) as fits, the rest goes on.
      const chars = [...piece];
      let fit = 0;
      while (fit < chars.length && measure(chars.slice(0, fit + 1).join('')) <= room + epsilon) fit++;
      if (fit > 0) {
        queue.unshift(chars.slice(0, fit).join(''), chars.slice(fit).join(''));
        continue;
      }
    }
    // 禁则: pull characters down so the next line doesn't start with closing punctuation and this
    // one doesn't end with opening punctuation.
    const carried: string[] = [];
    while (line.length > 1 && closing.has([...(carried[0] ?? first)][0] as string))
      carried.unshift(line.pop() as string);
    while (line.length > 1 && opening.has((line.at(-1) as string).at(-1) as string))
      carried.unshift(line.pop() as string);
    lines.push(line);
    line = carried;
    used = carried.reduce((sum, c) => sum + measure(c), 0);
    queue.unshift(piece);
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((l) => l.join(''));
}
