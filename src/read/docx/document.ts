/**
 * Walks word/document.xml into blocks, in one streaming pass over the body.
 *
 * Places: `line` is the 1-based ordinal of the paragraph (`w:p`) in the body, counting every
 * paragraph in document order, empty ones and those inside tables and text boxes included (empty
 * paragraphs show as gaps, like blank lines in text); `column` is the 1-based offset in that
 * paragraph's text, numbering prefix included. A table's place is that of its first paragraph;
 * a cell's is that of its own first paragraph, column 1. `file.text` holds one line per
 * paragraph, so a place points into it as into a text file.
 *
 * What is read:
 * - runs' text (`w:t`), `w:tab`/`w:ptab` as '\t', `w:noBreakHyphen` as '-', `w:sym` as its
 *   character (private-use symbol-font codes mapped down; dingbat fonts dropped);
 * - a line break (`w:br`, `w:cr`, of any type) ends a line: the paragraph is split into one
 *   Paragraph block per line, the later ones with the column where they start; in a table cell
 *   the lines are joined like the cell's paragraphs;
 * - automatic numbering (numbering.ts) is printed before the paragraph's text;
 * - tracked changes as if accepted: `w:ins` and `w:moveTo` kept, `w:del` and `w:moveFrom`
 *   dropped, and a row marked deleted is dropped;
 * - fields: the instruction (`w:instrText`) is dropped and the result kept, except a table of
 *   contents' result, which would repeat the headings; hidden runs (`w:vanish`) are dropped;
 * - content controls (`w:sdt`), hyperlinks, smart tags and custom XML are read in place; so are
 *   text boxes: their paragraphs come right after the paragraph that anchors them; of an
 *   `mc:AlternateContent` only the first `mc:Choice` is read, never its `mc:Fallback`;
 * - headers, footers, footnotes and comments live in other parts and are never read; content
 *   imported in another format (`w:altChunk`) is counted, and read by the caller (alt-chunks.ts).
 *
 * Tracked changes give one info finding (`read.docx-revisions`) at the first of them.
 *
 * Tables (`w:tbl`) become tables of rows of cells (word-items.ts, shared with the Word 97–2003
 * reader, turns them into blocks): a cell spans its `w:gridSpan` columns; a cell continuing a
 * vertical merge (`w:vMerge` without `restart`) or a legacy horizontal one (`w:hMerge`) is
 * `continued`; grid positions without a cell (`w:gridBefore`, `w:gridAfter`) are a row's
 * `before` and `after`. A table nested in a cell is kept in the cell.
 */
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import type { Numbering, ParagraphNumbering } from './numbering.js';
import type { Cell, Container, ParagraphItem, Row, Segment, TableItem } from './word-items.js';
import { toBlocks } from './word-items.js';
import { attr, intAttr, isMath, isOn, MC, parseXml, type Tag, wordName } from './xml.js';

interface OpenParagraph extends ParagraphNumbering {
  line: number;
  parts: string[];
  prefix: string | null;
  container: Container;
  index: number;
}

interface OpenTable {
  item: TableItem;
  container: Container;
  index: number;
  row: Row | null;
  cell: Cell | null;
}

interface Field {
  instruction: string;
  /** Past `separate`: what follows is the result. */
  result: boolean;
}

/** Elements whose whole content is left out (deletions, old formatting, control properties). */
const skipped = new Set([
  'del',
  'moveFrom',
  'delText',
  'delInstrText',
  'rt',
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'sectPrChange',
  'tblGridChange',
  'numberingChange',
  'sdtPr',
  'sdtEndPr',
  'fldData',
  'sectPr',
  'tblGrid',
]);

/**
 * Every element name that `open` or `close` below acts on (in any namespace): content without
 * them can be passed over unread (see XmlHandlers.open).
 */
const acted = new Set([
  'ins',
  'del',
  'moveFrom',
  'moveTo',
  'altChunk',
  'p',
  'pPr',
  'pStyle',
  'numId',
  'ilvl',
  'r',
  'vanish',
  't',
  'instrText',
  'tab',
  'ptab',
  'br',
  'cr',
  'noBreakHyphen',
  'sym',
  'fldChar',
  'tbl',
  'tr',
  'tc',
  'gridBefore',
  'gridAfter',
  'gridSpan',
  'vMerge',
  'hMerge',
  'AlternateContent',
  'Choice',
  'Fallback',
]);
/** Properties passed over unless they hold something in `acted`. */
const properties = new Set(['rPr', 'pPr', 'tcPr', 'trPr', 'tblPr']);
const nothing: ReadonlySet<string> = new Set();
/** What the reader knows of a WordprocessingML name it acts on or looks for as a parent. */
interface Known {
  /** The name's own literal: the checks and switches below compare it by identity. */
  name: string;
  skipped: boolean;
  property: boolean;
}
/** The scanner looks each name up here once per part (`tag.known`); other names are passed on. */
const vocabulary = new Map<string, Known>(
  [...skipped, ...acted, ...properties, 'numPr'].map((name) => [
    name,
    { name, skipped: skipped.has(name), property: properties.has(name) },
  ]),
);

/** Fonts whose characters are pictures, not letters. */
const dingbatFont = /wingdings|webdings|marlett|zapf/i;
/** The Symbol font's letters are Greek, and some of its signs sit where Latin-1 has others. */
const symbolFont: Record<number, string> = {
  45: '−',
  163: '≤',
  176: '°',
  177: '±',
  179: '≥',
  180: '×',
  183: '•',
  184: '÷',
  185: '≠',
  187: '≈',
  215: '·',
};
const greek = 'αβχδεφγηιϕκλμνοπθρστυϖωξψζ';

function symbol(tag: Tag): string {
  let code = Number.parseInt(attr(tag, 'char') ?? '', 16);
  if (!Number.isFinite(code)) return '';
  const font = attr(tag, 'font') ?? '';
  if (dingbatFont.test(font)) return '';
  if (code >= 0xf000 && code <= 0xf0ff) code -= 0xf000;
  if (/^symbol$/i.test(font)) {
    const sign = symbolFont[code];
    if (sign) return sign;
    if (code >= 0x61 && code <= 0x7a) return greek[code - 0x61] as string;
    if (code >= 0x41 && code <= 0x5a) return (greek[code - 0x41] as string).toUpperCase();
  }
  if (code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
  return String.fromCodePoint(code);
}

/** The top of a stack, or undefined when it is empty (reading index -1 would be a slow property look-up). */
const top = <T>(stack: readonly T[]): T | undefined =>
  stack.length > 0 ? stack[stack.length - 1] : undefined;

/** Reads the document part; `numbering` counts the lists as paragraphs go by. */
/** The body's blocks, and how many places import content in another format (`w:altChunk`). */
export function readDocument(
  bytes: Uint8Array,
  numbering: Numbering,
  file: SourceFile,
): { blocks: Block[]; altChunks: number } {
  const body: Container = { items: [] };
  const containers: Container[] = [body];
  const names: string[] = [];
  const paragraphs: OpenParagraph[] = [];
  const tables: OpenTable[] = [];
  const hiddenRuns: boolean[] = [];
  const fields: Field[] = [];
  /** For each open mc:AlternateContent: whether a choice has been read. */
  const alternates: boolean[] = [];
  const lines: string[] = [];
  let ordinal = 0;
  let skipDepth = 0;
  /** First tracked change and first imported chunk met, for one finding each. */
  let revision: number | null = null;
  let altChunks = 0;
  let collecting: 'text' | 'instruction' | null = null;

  const parent = (up = 1): string => (names.length > up ? (names[names.length - 1 - up] as string) : '');
  const container = (): Container => top(containers) as Container;

  const emit = (text: string) => {
    const p = top(paragraphs);
    if (!p || top(hiddenRuns)) return;
    for (const f of fields) if (!f.result || /^\s*TOC\b/i.test(f.instruction)) return;
    p.parts.push(text);
  };

  const numberOf = (p: OpenParagraph) => {
    if (p.prefix === null) p.prefix = numbering.next(p);
  };

  /**
   * Elements of other namespaces, and WordprocessingML ones the reader has no use for (their
   * name on the stack is '': nothing looks for them).
   */
  const openOther = (tag: Tag): ReadonlySet<string> | undefined => {
    const word = wordName(tag) !== '';
    names.push(word ? '' : tag.uri === MC ? `mc:${tag.local}` : isMath(tag) ? `m:${tag.local}` : '');
    if (skipDepth > 0) return nothing;
    if (word) return;
    if (tag.uri === MC) {
      if (tag.local === 'AlternateContent') alternates.push(false);
      else if (tag.local === 'Fallback') skipDepth = names.length;
      else if (tag.local === 'Choice') {
        if (top(alternates)) skipDepth = names.length;
        else alternates[alternates.length - 1] = true;
      }
      return skipDepth > 0 ? nothing : undefined;
    }
    if (isMath(tag) && tag.local === 't') collecting = 'text';
    return;
  };

  const open = (tag: Tag<Known>): ReadonlySet<string> | undefined => {
    const known = tag.known;
    if (known === undefined) return openOther(tag);
    const name = known.name;
    names.push(name);
    if (skipDepth > 0) return nothing;
    if (revision === null && (name === 'ins' || name === 'del' || name === 'moveFrom' || name === 'moveTo'))
      revision = Math.max(1, top(paragraphs)?.line ?? ordinal + 1);
    if (name === 'altChunk') altChunks++;
    if (known.skipped) {
      if (name === 'del' && parent() === 'trPr') {
        const row = top(tables)?.row;
        if (row) row.deleted = true;
      }
      skipDepth = names.length;
      return nothing;
    }
    if (known.property) return collecting === null ? acted : undefined;
    const inRun = parent() === 'r';
    switch (name) {
      case 'p': {
        const c = container();
        paragraphs.push({
          line: ++ordinal,
          parts: [],
          prefix: null,
          style: null,
          numId: null,
          ilvl: null,
          container: c,
          index: c.items.length,
        });
        return;
      }
      case 'pStyle': {
        const p = top(paragraphs);
        if (p && parent() === 'pPr' && parent(2) === 'p') p.style = attr(tag, 'val') ?? null;
        return;
      }
      case 'numId':
      case 'ilvl': {
        const p = top(paragraphs);
        if (p && parent() === 'numPr' && parent(2) === 'pPr' && parent(3) === 'p') {
          if (name === 'numId') p.numId = intAttr(tag, 'val', 0);
          else p.ilvl = intAttr(tag, 'val', 0);
        }
        return;
      }
      case 'r':
        hiddenRuns.push(top(hiddenRuns) ?? false);
        return;
      case 'vanish':
        if (parent() === 'rPr' && parent(2) === 'r' && hiddenRuns.length > 0)
          hiddenRuns[hiddenRuns.length - 1] = isOn(tag);
        return;
      case 't':
        if (inRun) collecting = 'text';
        return;
      case 'instrText':
        collecting = 'instruction';
        return;
      case 'tab':
      case 'ptab':
        if (inRun) emit('\t');
        return;
      case 'br':
      case 'cr':
        if (inRun) emit('\n');
        return;
      case 'noBreakHyphen':
        if (inRun) emit('-');
        return;
      case 'sym':
        if (inRun) emit(symbol(tag));
        return;
      case 'fldChar': {
        const type = attr(tag, 'fldCharType');
        const field = top(fields);
        if (type === 'begin') fields.push({ instruction: '', result: false });
        else if (type === 'separate' && field) field.result = true;
        else if (type === 'end') fields.pop();
        return;
      }
      case 'tbl': {
        const c = container();
        tables.push({
          item: { kind: 'table', line: ordinal + 1, rows: [] },
          container: c,
          index: c.items.length,
          row: null,
          cell: null,
        });
        return;
      }
      case 'tr': {
        const t = top(tables);
        if (t) t.row = { cells: [], before: 0, after: 0, deleted: false };
        return;
      }
      case 'gridBefore':
      case 'gridAfter': {
        const row = top(tables)?.row;
        if (row && parent() === 'trPr')
          row[name === 'gridBefore' ? 'before' : 'after'] = Math.min(64, Math.max(0, intAttr(tag, 'val', 0)));
        return;
      }
      case 'tc': {
        const t = top(tables);
        if (!t) return;
        t.cell = { items: [], line: ordinal + 1, span: 1, continued: false };
        containers.push(t.cell);
        return;
      }
      case 'gridSpan':
      case 'vMerge':
      case 'hMerge': {
        const cell = top(tables)?.cell;
        if (!cell || parent() !== 'tcPr') return;
        if (name === 'gridSpan') cell.span = clampSpan(tag);
        else if (attr(tag, 'val') !== 'restart') cell.continued = true;
        return;
      }
    }
  };

  const close = () => {
    const depth = names.length;
    const name = names.pop() ?? '';
    if (skipDepth > 0) {
      if (depth === skipDepth) skipDepth = 0;
      return;
    }
    switch (name) {
      case 'mc:AlternateContent':
        alternates.pop();
        return;
      case 'm:t':
      case 't':
      case 'instrText':
        collecting = null;
        return;
      case 'r':
        hiddenRuns.pop();
        return;
      case 'pPr': {
        const p = top(paragraphs);
        if (p && names[names.length - 1] === 'p') numberOf(p);
        return;
      }
      case 'p': {
        const p = paragraphs.pop();
        if (!p) return;
        numberOf(p);
        const parts = p.parts;
        const joined = parts.length === 1 ? (parts[0] as string) : parts.join('');
        const text = p.prefix ? p.prefix + joined : joined;
        const segments: Segment[] = [];
        if (text.indexOf('\n') < 0) {
          segments.push({ text, column: 1 });
          lines[p.line - 1] = text;
        } else {
          let column = 1;
          for (const piece of text.split('\n')) {
            segments.push({ text: piece, column });
            column += piece.length + 1;
          }
          lines[p.line - 1] = text.replace(/\n/g, ' ');
        }
        const item: ParagraphItem = { kind: 'paragraph', line: p.line, segments };
        const items = p.container.items;
        if (p.index === items.length) items.push(item);
        else items.splice(p.index, 0, item);
        return;
      }
      case 'tc': {
        const t = top(tables);
        if (!t?.cell) return;
        containers.pop();
        t.row?.cells.push(t.cell);
        t.cell = null;
        return;
      }
      case 'tr': {
        const t = top(tables);
        if (t?.row && !t.row.deleted) t.item.rows.push(t.row);
        if (t) t.row = null;
        return;
      }
      case 'tbl': {
        const t = tables.pop();
        if (t) t.container.items.splice(t.index, 0, t.item);
        return;
      }
    }
  };

  parseXml(
    bytes,
    'word/document.xml',
    file,
    {
      open,
      close,
      text: (text) => {
        if (skipDepth > 0 || collecting === null) return;
        if (collecting === 'text') emit(text);
        else {
          const field = top(fields);
          if (field && !field.result) field.instruction += text;
        }
      },
    },
    vocabulary,
  );

  if (revision !== null)
    file.info('read.docx-revisions', '文档中有未接受的修订，已按接受全部修订读取（删除的文字不计）', {
      place: { line: revision, column: 1 },
    });
  for (let i = 0; i < ordinal; i++) lines[i] ??= '';
  file.text = lines.join('\n');
  const blocks: Block[] = [];
  toBlocks(body.items, blocks);
  return { blocks, altChunks };
}

const clampSpan = (tag: Tag): number => Math.min(64, Math.max(1, intAttr(tag, 'val', 1)));
