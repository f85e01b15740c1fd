/**
 * Line breaking of Chinese text by character: any two characters may be split except a run of
 * Latin letters and digits (「2021」, a URL) that fits on a line, a line never starts with closing
 * punctuation nor ends with opening punctuation (simple 禁则) unless that leaves it empty.
 */

/** Characters that must not start a line. */
const closing = new Set([...'，。、；：？！）》」』】〕〉”’…—％‰·,.;:?!)]}%']);
/** Characters that must not end a line. */
const opening = new Set([...'（《「『【〔〈“‘([{']);

const isWordChar = (ch: string): boolean => /[A-Za-z0-9@#&_\-+=/.:~]/.test(ch);

/** Units that stay together: one character each, except runs of Latin letters and digits. */
function units(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const last = out.length - 1;
    if (last >= 0 && isWordChar(ch) && isWordChar((out[last] as string).at(-1) as string)) out[last] += ch;
    else out.push(ch);
  }
  return out;
}

/**
 * Breaks `text` into lines no wider than `widths(i)` for line i (the first line may be narrower,
 * for an indent), with `measure` giving the width of a string.
 */
export function breakLines(
  text: string,
  width: number | ((line: number) => number),
  measure: (text: string) => number,
): string[] {
  const available = typeof width === 'number' ? () => width : width;
  const pieces = units(text).flatMap((u) =>
    // A word longer than a whole line is broken by character after all.
    measure(u) > available(1) ? [...u] : [u],
  );
  const lines: string[][] = [];
  let line: string[] = [];
  let used = 0;
  const epsilon = 0.01;
  for (const piece of pieces) {
    const w = measure(piece);
    if (line.length > 0 && used + w > available(lines.length) + epsilon) {
      // 禁则: pull characters down so the next line doesn't start with closing punctuation and this
      // one doesn't end with opening punctuation.
      const carried: string[] = [];
      while (line.length > 1 && closing.has([...(carried[0] ?? piece)][0] as string)) {
        carried.unshift(line.pop() as string);
      }
      while (line.length > 1 && opening.has(line.at(-1) as string)) carried.unshift(line.pop() as string);
      lines.push(line);
      line = carried;
      used = carried.reduce((sum, c) => sum + measure(c), 0);
    }
    line.push(piece);
    used += w;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines.map((l) => l.join(''));
}
