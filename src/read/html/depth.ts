/**
 * Flattens a page that nests too deep for the parser (see `parse.ts`), before parsing it again:
 * one linear scan estimates nesting from start and end tags, and tags beyond the limit are blanked
 * out in place (line and column of everything else stay put); block-level ones become a `<br>` so
 * their lines stay apart. Only pages the parser refused get here, so the estimate's errors
 * (tags the parser closes on its own) cost nothing on ordinary pages.
 */
import { codeAt } from '../../text/code-unit.js';

/** Elements that never nest (void) or that the parser closes on its own (optional end tags). */
const uncounted = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'colgroup',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rtc',
  'rp',
]);

/** Elements whose content is text up to their end tag. */
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);

const blockish = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dialog',
  'dir',
  'div',
  'dl',
  'fieldset',
  'figure',
  'footer',
  'form',
  'header',
  'main',
  'menu',
  'nav',
  'ol',
  'pre',
  'section',
  'table',
  'ul',
]);

/**
 * Formatting elements: an unclosed one stays on the parser's list of active formatting elements
 * and is re-opened inside every later paragraph, however many there are.
 */
const formatting = new Set([
  'a',
  'b',
  'big',
  'code',
  'em',
  'font',
  'i',
  'nobr',
  's',
  'small',
  'strike',
  'strong',
  'tt',
  'u',
]);

/** Unclosed formatting elements kept; more are blanked (they carry no text of their own). */
export const maxOpenFormatting = 4;

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** The tag's characters turned to spaces, line breaks kept; a `<br>` up front where it fits. */
function blank(tag: string, breakLine: boolean): string {
  const spaces = tag.replace(/[^\r\n]/g, ' ');
  return breakLine && tag.length >= 4 ? `<br>${spaces.slice(4)}` : spaces;
}

const rawEnd = new Map<string, RegExp>();
const endOf = (name: string): RegExp => {
  let re = rawEnd.get(name);
  if (!re) {
    re = new RegExp(`</${name}[\\s/>]`, 'gi');
    rawEnd.set(name, re);
  }
  return re;
};

export interface Flattened {
  text: string;
  /** Start and end tags blanked out. */
  ignored: number;
}

/**
 * Blanks out tags nested deeper than `limit`, and formatting tags beyond `maxOpenFormatting`
 * unclosed ones, scanning the text once.
 */
export function limitNesting(text: string, limit: number): Flattened {
  const n = text.length;
  const stack: string[] = [];
  const open = new Map<string, number>();
  const blanked = new Map<string, number>();
  /** Formatting elements opened and not yet closed by their own end tag. */
  const active = new Map<string, number>();
  let activeCount = 0;
  const parts: string[] = [];
  let copied = 0;
  let ignored = 0;
  /** End of the last tag blanked into a `<br>`: a run of them with only spaces between needs one. */
  let lastBreak = -1;
  const replace = (from: number, to: number, name: string) => {
    const between = text.slice(copied, from);
    const breakLine = blockish.has(name) && (lastBreak !== copied || /\S/.test(between));
    parts.push(between, blank(text.slice(from, to), breakLine));
    if (breakLine || (lastBreak === copied && !/\S/.test(between))) lastBreak = to;
    copied = to;
    ignored++;
  };
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt === -1 || lt + 1 >= n) break;
    const c = codeAt(text, lt + 1);
    if (c === 0x21 || c === 0x3f) {
      // Comment, doctype, CDATA or processing instruction.
      const comment = text.startsWith('<!--', lt);
      const end = comment ? text.indexOf('-->', lt + 4) : text.indexOf('>', lt + 2);
      if (end === -1) break;
      i = end + (comment ? 3 : 1);
      continue;
    }
    const closing = c === 0x2f;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAlpha(codeAt(text, nameStart))) {
      i = lt + 1;
      continue;
    }
    let j = nameStart + 1;
    while (j < n) {
      const d = codeAt(text, j);
      if (isSpace(d) || d === 0x2f || d === 0x3e) break;
      j++;
    }
    const name = text.slice(nameStart, j).toLowerCase();
    // Attributes: a quote opens a value only after 「=」.
    let end = -1;
    while (j < n) {
      const d = codeAt(text, j);
      if (d === 0x3e) {
        end = j + 1;
        break;
      }
      if (isSpace(d) || d === 0x2f) {
        j++;
        continue;
      }
      // Attribute name.
      j++;
      while (j < n) {
        const e = codeAt(text, j);
        if (isSpace(e) || e === 0x2f || e === 0x3e || e === 0x3d) break;
        j++;
      }
      while (j < n && isSpace(codeAt(text, j))) j++;
      if (codeAt(text, j) !== 0x3d) continue;
      j++;
      while (j < n && isSpace(codeAt(text, j))) j++;
      const q = codeAt(text, j);
      if (q === 0x22 || q === 0x27) {
        const close = text.indexOf(q === 0x22 ? '"' : "'", j + 1);
        if (close === -1) {
          j = n;
          break;
        }
        j = close + 1;
      } else {
        while (j < n) {
          const e = codeAt(text, j);
          if (isSpace(e) || e === 0x3e) break;
          j++;
        }
      }
    }
    if (end === -1) break;
    i = end;
    if (closing) {
      const b = blanked.get(name) ?? 0;
      if (b > 0) {
        blanked.set(name, b - 1);
        replace(lt, end, name);
        continue;
      }
      const a = active.get(name) ?? 0;
      if (a > 0) {
        active.set(name, a - 1);
        activeCount--;
      }
      if ((open.get(name) ?? 0) > 0) {
        for (;;) {
          const top = stack.pop() as string;
          open.set(top, (open.get(top) as number) - 1);
          if (top === name) break;
        }
      }
      continue;
    }
    if (name === 'plaintext') break;
    if (rawText.has(name)) {
      const re = endOf(name);
      re.lastIndex = end;
      const m = re.exec(text);
      if (!m) break;
      i = m.index;
      continue;
    }
    if (uncounted.has(name)) continue;
    const isFormatting = formatting.has(name);
    if (stack.length >= limit || (isFormatting && activeCount >= maxOpenFormatting)) {
      blanked.set(name, (blanked.get(name) ?? 0) + 1);
      replace(lt, end, name);
    } else {
      if (isFormatting) {
        active.set(name, (active.get(name) ?? 0) + 1);
        activeCount++;
      }
      stack.push(name);
      open.set(name, (open.get(name) ?? 0) + 1);
    }
  }
  if (ignored === 0) return { text, ignored };
  parts.push(text.slice(copied));
  return { text: parts.join(''), ignored };
}
