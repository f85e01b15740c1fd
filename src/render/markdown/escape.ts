/** Escapes for Markdown: only where the text would otherwise change the document's structure. */

/**
 * HTML in the text stays text: Markdown passes raw HTML through to the page it is rendered on, so a
 * 「<script>」 in an agency name would run there. `<` becomes `&lt;` (an entity renders as the
 * character and starts no tag); nothing else needs it.
 */
export const escapeHtml = (text: string): string => text.replace(/</g, '&lt;');

/** Text in a pipe table cell: a pipe would end the cell, a line break the row. */
export function escapeCell(text: string): string {
  return escapeHtml(text)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
}

/**
 * A paragraph line that Markdown would read as a heading, list item, quote, rule or fence gets a
 * backslash in front; other text is left as written, so the prose reads back unchanged.
 */
const blockStart =
  /^(?:#{1,6}(?:[ \t]|$)|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|`{3}|~{3}|[=*_-]{3,}\s*$|<)/;

export function escapeParagraph(paragraph: string): string {
  // Leading spaces would make an indented code block; they carry nothing in a report's prose.
  const text = escapeHtml(paragraph.replace(/^[ \t]+/, ''));
  if (!blockStart.test(text)) return text;
  // A backslash escapes punctuation only: an ordered-list number keeps its digits, its dot is escaped.
  const list = /^(\d{1,9})([.)])/.exec(text);
  return list ? `${list[1]}\\${text.slice(list[1]?.length ?? 0)}` : `\\${text}`;
}
