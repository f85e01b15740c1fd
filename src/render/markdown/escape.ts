/** Escapes for Markdown: only where the text would otherwise change the document's structure. */

/** Text in a pipe table cell: a pipe would end the cell, a line break the row. */
export function escapeCell(text: string): string {
  return text
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
  const text = paragraph.replace(/^[ \t]+/, '');
  if (!blockStart.test(text)) return text;
  // A backslash escapes punctuation only: an ordered-list number keeps its digits, its dot is escaped.
  const list = /^(\d{1,9})([.)])/.exec(text);
  return list ? `${list[1]}\\${text.slice(list[1]?.length ?? 0)}` : `\\${text}`;
}
