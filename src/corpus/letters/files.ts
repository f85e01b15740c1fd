/** The letters as files: one as DOCX bytes or Markdown text, many as one ZIP of them. */
import { deflatedPart, zipParts } from '../../render/docx/zip.js';
import { renderPlain } from '../../render/plain.js';
import type { IsoDate } from '../../workflow/calendar/date.js';
import type { ExportValue } from '../export/columns.js';
import { csvLine } from '../export/csv.js';
import {
  type LetterSubject,
  letterFindings,
  letterPublication,
  type ReviewLetterOptions,
  reviewLetter,
} from './review-letter.js';

export type LetterFormat = 'docx' | 'md';

/** A file name of `stem` (a body's name and a year, in words), without what file systems refuse. */
export const documentFileName = (stem: string, to: LetterFormat): string =>
  `${stem.replace(/[\\/:*?"<>|\s]+/g, '_')}.${to}`;

/** The letter's file name: the body and year. */
export const letterFileName = (subject: LetterSubject, to: LetterFormat): string =>
  documentFileName(`${subject.report.agency ?? '机关'}${subject.report.year ?? ''}年度报告核查意见`, to);

/** The list (清单) at the head of a ZIP of documents: a CSV of what each file is, for the mailing. */
export interface DocumentsList<T> {
  /** Its file name (「核查意见清单.csv」). */
  name: string;
  columns: readonly string[];
  /** One row of an item, whose file is named `file`. */
  row: (item: T, file: string) => ExportValue[];
}

/**
 * A ZIP of documents, in order, named by `name` (a second file of the same name, as from two
 * bodies of one name, gets `tell`'s words after it), the list of them first: a CSV (UTF-8 with a BOM)
 * of each file and what it is about.
 */
export function documentsZip<T>(
  items: readonly T[],
  name: (item: T) => string,
  tell: (item: T) => string,
  bytes: (item: T) => Uint8Array | string,
  list: DocumentsList<T>,
): Uint8Array {
  const names = new Set<string>();
  let csv = `\ufeff${csvLine(list.columns)}`;
  const parts = items.map((item) => {
    let file = name(item);
    if (names.has(file)) file = file.replace(/(\.\w+)$/, `-${tell(item)}$1`);
    names.add(file);
    csv += csvLine(list.row(item, file));
    return deflatedPart(file, bytes(item));
  });
  return zipParts([deflatedPart(list.name, csv), ...parts]);
}

export type LetterOptions = ReviewLetterOptions;

export function letterFile(
  subject: LetterSubject,
  today: IsoDate,
  to: LetterFormat,
  options: LetterOptions = {},
): Uint8Array | string {
  return renderPlain(reviewLetter(subject, today, options), to);
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
  return documentsZip(
    subjects,
    (s) => letterFileName(s, to),
    (s) => String(s.report.id),
    (s) => letterFile(s, today, to, options),
    {
      name: '核查意见清单.csv',
      columns: [
        'file',
        'agency',
        'year',
        'version',
        'publication',
        'daysLate',
        'errors',
        'toVerify',
        'unread',
        'reportId',
      ],
      row: (s, file) => {
        const { errors, toVerify, unread } = letterFindings(s);
        const { status, daysLate } = letterPublication(s);
        return [
          file,
          s.report.agency,
          s.report.year,
          s.report.version,
          status,
          daysLate,
          errors.length,
          toVerify.length,
          unread.length,
          s.report.id,
        ];
      },
    },
  );
}
