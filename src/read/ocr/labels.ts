/**
 * The words a report's tables use are known: every caption, column and row label of both formats.
 * A table cell that OCR read as nearly one of them (a character or two in five off) is taken as
 * that label, so that 「其他法律行政法规茜止公开」 still finds its row. Figures are never touched.
 */
import { formats } from '../../spec/registry.js';
import type { LabelSpec } from '../../spec/types.js';

let known: string[] | undefined;

function labels(): string[] {
  if (known) return known;
  const all = new Set<string>();
  const add = (l: LabelSpec | undefined) => {
    if (!l) return;
    all.add(l.official);
    for (const v of l.variants ?? []) all.add(v);
  };
  for (const f of formats)
    for (const t of f.tables)
      for (const p of t.parts) {
        add(p.caption);
        add(p.corner);
        add(p.note);
        for (const c of p.columns) for (const l of c.path) add(l);
        for (const r of p.rows) for (const l of r.path) add(l);
        for (const g of p.collapsible ?? []) add(g.label);
      }
  known = [...all].filter((l) => [...l].length >= 2);
  return known;
}

/** Levenshtein distance, giving up (returning limit + 1) once it must pass `limit`. */
export function distance(a: string, b: string, limit: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const v = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[t.length] as number;
}

/** The known label a cell's text stands for, or the text as read when none is close enough. */
export function snapLabel(text: string): string {
  if (text === '' || /^[\d\s.,+-]*$/.test(text)) return text;
  const n = [...text].length;
  if (n < 4) return text;
  const limit = Math.floor(n / 5);
  let best: string | null = null;
  let bestDistance = limit + 1;
  let tie = false;
  for (const label of labels()) {
    if (label === text) return text;
    const d = distance(text, label, limit);
    if (d < bestDistance) {
      best = label;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && best !== null && label !== best) tie = true;
  }
  return best !== null && !tie ? best : text;
}
