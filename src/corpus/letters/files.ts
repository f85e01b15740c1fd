/** The letters as files: one as DOCX bytes or Markdown text, many as one ZIP of them. */
import { renderPlainDocx } from '../../render/docx/plain.js';
import { deflatedPart, zipParts } from '../../render/docx/zip.js';
import { renderPlainMarkdown } from '../../render/markdown/plain.js';
import type { IsoDate } from '../../workflow/calendar/date.js';
import { type LetterSubject, letterFileName, reviewLetter } from './review-letter.js';

export type LetterFormat = 'docx' | 'md';

export interface LetterOptions {
  issuer?: string;
  /** Whether the cross-report checks compared the reports with other bodies' (a batch over a scope). */
  comparedWithOthers?: boolean;
}

export function letterFile(
  subject: LetterSubject,
  today: IsoDate,
  to: LetterFormat,
  options: LetterOptions = {},
): Uint8Array | string {
  const letter = reviewLetter(subject, today, options);
  return to === 'md' ? renderPlainMarkdown(letter) : renderPlainDocx(letter);
}

/**
 * A ZIP of the letters, one file each named for its body and year (a second file of the same name,
 * as from two bodies of one name, gets the report's id).
 */
export function lettersZip(
  subjects: readonly LetterSubject[],
  today: IsoDate,
  to: LetterFormat,
  options: LetterOptions = {},
): Uint8Array {
  const names = new Set<string>();
  return zipParts(
    subjects.map((subject) => {
      let name = letterFileName(subject, to);
      if (names.has(name)) name = name.replace(/(\.\w+)$/, `-${subject.report.id}$1`);
      names.add(name);
      return deflatedPart(name, letterFile(subject, today, to, options));
    }),
  );
}
