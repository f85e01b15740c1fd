/**
 * `codeAt(s, i)` is `s.charCodeAt(i)`, called through the one `String.prototype.charCodeAt`
 * function rather than looked up on each string.
 *
 * Why: V8 keeps, at each `s.charCodeAt` in the code, the kinds of string it has seen there (one-
 * or two-byte characters, each flat, a slice of a larger string or two strings joined: six and
 * more). A reader's lines are all of these (lines split from the text, cells trimmed, text folded
 * by joining pieces), so each scanning loop's lookup became "megamorphic": a hash probe and an
 * ordinary call for every character, where one kind or few are read inline. Calling the method
 * itself leaves V8 one known function to read inline whatever the string. Measured on the
 * generated corpus: tokenizing 52 → 36 µs a report; a scanning loop over mixed strings 14 → 2.6
 * ns a character.
 */
const charCodeAt = String.prototype.charCodeAt;

/** The UTF-16 code unit of `s` at `i` (NaN past its end, as `charCodeAt`). */
export const codeAt = (s: string, i: number): number => charCodeAt.call(s, i);
