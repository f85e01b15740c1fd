/**
 * A document other than the annual report — a notice (通报) or a letter drafted from the corpus — as
 * what it prints, in order: a title, 一级标题, body paragraphs and plain tables (a header row and rows
 * of text), then the signature and a note.
 * The DOCX renderer lays it out after GB/T 9704 as it does the report (src/render/docx/plain.ts); the
 * Markdown renderer writes it as headings, paragraphs and pipe tables (src/render/markdown/plain.ts).
 */
import { chineseDate } from './date.js';

export type PlainAlignment = 'left' | 'center' | 'right';

export type PlainBlock =
  /** 主送机关 (GB/T 9704-2012 7.3.2): the addressee with its colon, flush left under the title. */
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | {
      kind: 'table';
      header: readonly string[];
      rows: readonly (readonly string[])[];
      /** Each column's alignment (left when absent). */
      align?: readonly PlainAlignment[];
      /** Each column's share of the table's width (equal when absent). */
      weights?: readonly number[];
    };

export interface PlainDocument {
  /** The title's lines (2号小标宋, centred). */
  title: readonly string[];
  blocks: readonly PlainBlock[];
  /**
   * 发文机关署名 and 成文日期 after the text (GB/T 9704-2012 7.3.5), as the report's signature is laid
   * out; none when absent.
   */
  signature?: { agency: string; date: string };
  /** 附注: a line in brackets after the date (GB/T 9704-2012 7.3.6), without the brackets. */
  note?: string;
  /** Who the document's properties name as its author ('' for none). */
  creator: string;
  /** The day it is dated (YYYY-MM-DD), or null. */
  date: string | null;
}

/**
 * A draft's 发文机关署名 and 成文日期: who sends it (left to be filled in, 【待补充：发文机关】, when
 * not known) and the day it is dated.
 */
export const draftSignature = (issuer: string | undefined, date: string): PlainDocument['signature'] => ({
  agency: issuer || '【待补充：发文机关】',
  date: chineseDate(date),
});
