import type { Point } from '../core/finding.js';

/** A heading of one of the six parts, as found in the source. */
export interface HeadingEvidence {
  number: number;
  title: string;
  place: Point | null;
}

/** A label the report writes in a non-standard wording. */
export interface LabelVariantEvidence {
  official: string;
  found: string;
  place: Point | null;
  keys: string[];
}

/** A stretch of prose (outside the tables), for checks of prose against tables. */
export interface ProseEvidence {
  /**
   * Folded text (NFKC: full-width digits and punctuation become ASCII — 「，」→「,」「：」→「:」
   * 「（」→「(」; 「。」「、」 stay), runs of whitespace as one space.
   */
  text: string;
  place: Point | null;
  /** The part it belongs to (0 before the first heading). */
  section: number;
}

/**
 * What the reader saw besides the figures: the checker uses it to point at the source and to
 * check structure and prose. A report read from JSON has none.
 */
export interface Evidence {
  headings: HeadingEvidence[];
  /** How many parts the preface says the report has (「共7部分」「六个部分」), where it says so. */
  announcedParts: { count: number; place: Point | null } | null;
  labelVariants: LabelVariantEvidence[];
  /** Whether the 勾稽 note of table 三 is printed; `null` when table 三 was not found. */
  balanceNote: boolean | null;
  /** Where each cell's figure was read. */
  cellPlaces: Map<string, Point>;
  prose: ProseEvidence[];
  /** Place of the 发布时间 line and of the signature date. */
  publishedPlace: Point | null;
  signedPlace: Point | null;
}

export const emptyEvidence = (): Evidence => ({
  headings: [],
  announcedParts: null,
  labelVariants: [],
  balanceNote: null,
  cellPlaces: new Map(),
  prose: [],
  publishedPlace: null,
  signedPlace: null,
});
