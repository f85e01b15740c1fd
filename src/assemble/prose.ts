import type { Section } from '../core/report.js';
import type { Evidence } from './evidence.js';
import type { Outline } from './outline.js';
import type { TableLocation } from './rows.js';
import type { HeadingMatch } from './sections.js';
import type { TokenStream } from './stream.js';
import { headerStart } from './tables.js';
import { pointOf, type Token } from './tokens.js';

/** The parts of the report with their prose, and the prose stretches for the checker; tables left out. */
export function sectionsAndProse(
  stream: TokenStream,
  parts: Outline,
  tables: readonly TableLocation[],
): { sections: Section[]; prose: Evidence['prose'] } {
  const tokens = stream.tokens;
  const ranges = tables
    .filter((t) => t.rows.length > 0)
    .map((t) => {
      const first = t.rows[0];
      const from = first?.label ? first.label.firstToken : (first?.from ?? 0);
      const to = Math.max(...t.rows.map((r) => r.to));
      return [headerStart(stream, t, from), to] as const;
    });
  const inTable = (i: number) => ranges.some(([a, b]) => i >= a && i < b);
  const sections = parts.ordered.map((h, index) => ({
    number: h.section.number,
    title: h.title,
    text: joinTokens(
      tokens,
      stream.tokenAt(h.end),
      stream.tokenAt(parts.ordered[index + 1]?.start ?? stream.text.length),
      inTable,
    ),
    line: tokens[stream.tokenAt(h.start)]?.line ?? null,
  }));
  return { sections, prose: proseOf(tokens, parts.ordered, stream, inTable) };
}

function joinTokens(
  tokens: readonly Token[],
  from: number,
  to: number,
  skip: (i: number) => boolean,
): string {
  let out = '';
  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    const t = tokens[i] as Token;
    if (out && (t.first || t.spaced) && !/\s$/.test(out)) out += t.first ? '\n' : ' ';
    out += t.text;
  }
  return out.trim();
}

function proseOf(
  tokens: readonly Token[],
  headings: readonly HeadingMatch[],
  stream: TokenStream,
  skip: (i: number) => boolean,
): Evidence['prose'] {
  const prose: Evidence['prose'] = [];
  const starts = headings.map((h) => ({ at: stream.tokenAt(h.start), number: h.section.number }));
  let current: { text: string; place: ReturnType<typeof pointOf>; section: number; block: number } | null =
    null;
  let section = 0;
  let nextHeading = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (nextHeading < starts.length && (starts[nextHeading]?.at ?? Infinity) <= i) {
      section = starts[nextHeading]?.number ?? section;
      nextHeading++;
      if (current) prose.push(current);
      current = null;
    }
    const t = tokens[i] as Token;
    if (skip(i)) {
      if (current) prose.push(current);
      current = null;
      continue;
    }
    if (!current || current.block !== t.block) {
      if (current) prose.push(current);
      current = { text: t.text, place: pointOf(t), section, block: t.block };
      continue;
    }
    current.text += (t.spaced ? ' ' : '') + t.text;
  }
  if (current) prose.push(current);
  return prose.map(({ text, place, section }) => ({ text, place, section }));
}
