/**
 * A group's sums as one text column (`sumsText`), and read back (`readSums`). The database drivers
 * build an object with a property per column for every row, and for 28,000 groups by agency with
 * 26 sums each that costs more than the query itself; one text column a row, read with a loop that
 * makes no substrings for whole numbers, costs a fraction. Nothing is lost: both databases print a
 * number as text that reads back as the same number (SQLite with 17 significant digits, PostgreSQL
 * its shortest exact form), and anything but a plain whole number is read by `Number`.
 */
import { type RawBuilder, sql } from 'kysely';
import { codeAt } from '../text/code-unit.js';

/** The values, comma-separated, each cast to text; an empty (null) sum is 0. */
export const sumsText = (values: readonly RawBuilder<unknown>[]): RawBuilder<string> =>
  sql<string>`${sql.join(
    values.map((value) => sql`coalesce(cast(${value} as text), '0')`),
    sql` || ',' || `,
  )}`;

const comma = 44;
const zero = 48;
const nine = 57;
const dot = 46;

/** The numbers of a `sumsText` column: whole numbers (with SQLite's `.0` or not) read digit by digit. */
export function readSums(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  let value = 0;
  let whole = true;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? codeAt(text, i) : comma;
    if (c === comma) {
      out.push(whole && i > start ? value : Number(text.slice(start, i)));
      start = i + 1;
      value = 0;
      whole = true;
    } else if (whole && c >= zero && c <= nine && value < 1e15) value = value * 10 + (c - zero);
    else if (
      whole &&
      c === dot &&
      i > start &&
      codeAt(text, i + 1) === zero &&
      (i + 2 === text.length || codeAt(text, i + 2) === comma)
    )
      i++;
    else whole = false;
  }
  return out;
}
