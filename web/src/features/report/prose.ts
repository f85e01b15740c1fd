/** The parts' prose of the 年度报告 page: which edits differ from their part's draft, and when two agree. */
import { normalizeProse } from '../../../../src/workflow/draft.js';

/** Prose by part number (「1」 … 「6」), as the compile request takes it. */
export type Prose = Record<string, string>;

/** A part of the report as drafted: its number as a key, its title and its drafted text. */
export interface DraftedPart {
  key: string;
  title: string;
  text: string;
}

/** The edits that differ from their part's draft (whitespace aside, as the report keeps text). */
export function proseOf(parts: readonly DraftedPart[], edits: Prose): Prose {
  const out: Prose = {};
  for (const part of parts) {
    const edit = edits[part.key];
    if (edit !== undefined && normalizeProse(edit) !== normalizeProse(part.text)) out[part.key] = edit;
  }
  return out;
}

/** Whether two sets of prose give the same report. */
export const sameProse = (a: Prose, b: Prose): boolean =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([k, v]) => b[k] !== undefined && normalizeProse(b[k]) === normalizeProse(v));
