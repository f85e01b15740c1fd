/** Pure helpers of the two-year comparison: the copied passages marked in a part's text, deltas as text. */

export interface Segment {
  text: string;
  copied: boolean;
}

/**
 * A text cut into runs, each copied passage found in it (first occurrence after the previous one,
 * else anywhere not yet marked) marked as copied. Passages not in the text are ignored.
 */
export function markPassages(text: string, passages: readonly string[]): Segment[] {
  const ranges: [number, number][] = [];
  let from = 0;
  for (const p of passages) {
    if (p.length === 0) continue;
    let at = text.indexOf(p, from);
    if (at < 0) at = text.indexOf(p);
    if (at < 0 || ranges.some(([s, e]) => at < e && at + p.length > s)) continue;
    ranges.push([at, at + p.length]);
    from = at + p.length;
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (s > pos) out.push({ text: text.slice(pos, s), copied: false });
    out.push({ text: text.slice(s, e), copied: true });
    pos = e;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), copied: false });
  return out;
}

/** +5, −3, 0, or — when a side is blank. */
export function deltaText(delta: number | null): string {
  if (delta === null) return '—';
  if (delta > 0) return `+${delta}`;
  if (delta < 0) return `−${-delta}`;
  return '0';
}
