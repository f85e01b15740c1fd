/**
 * Automatic numbering (word/numbering.xml + word/styles.xml), so that headings read 「一、总体情况」
 * and 「（一）主动公开情况」 although their numbers are not in the text. Lists are counted the way
 * Word counts them: one set of counters per abstract numbering definition (every `w:num` that
 * points at it continues the same list), a `w:num` with `w:startOverride` restarts its levels the
 * first time it is used, and using a level restarts the levels below it (`w:lvlRestart` can say
 * otherwise). A paragraph gets its numbering from its own `w:numPr`, or else from its style's
 * (following `w:basedOn`).
 */
import type { SourceFile } from '../../core/source-file.js';
import { formatNumber } from './number-format.js';
import { attr, intAttr, isOn, MC, parseXml, type Tag, wordName } from './xml.js';

export interface Level {
  start: number;
  numFmt: string;
  /** `null` when the level has no `w:lvlText` (prints nothing). */
  lvlText: string | null;
  /** 1-based level after whose use this one restarts; 0 = never; `null` = after any higher level. */
  restart: number | null;
  /** Legal numbering: every number in the text printed as decimal. */
  legal: boolean;
  suffix: 'tab' | 'space' | 'nothing';
  /** The paragraph style linked to this level. */
  style: string | null;
}

export interface AbstractNum {
  levels: Map<number, Level>;
  /** `w:numStyleLink`: the definition lives with the numbering style of that id. */
  styleLink: string | null;
}

export interface Num {
  abstractId: string;
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

export interface Style {
  basedOn: string | null;
  numId: number | null;
  ilvl: number | null;
}

/** The list and level a paragraph's numbering comes from. */
interface Resolved {
  abstractId: string;
  abstract: AbstractNum;
  num: Num;
  numId: number;
  ilvl: number;
}

/** The numbering properties a paragraph states itself (`w:pStyle`, `w:numPr`). */
export interface ParagraphNumbering {
  style: string | null;
  numId: number | null;
  ilvl: number | null;
}

/**
 * A document's list definitions, as read from word/numbering.xml and word/styles.xml (`fromXml`)
 * or from a Word 97–2003 document's list tables and style sheet (../doc/lists.ts).
 */
export interface NumberingDefinitions {
  /** Abstract numbering definitions by id: each has one set of counters. */
  abstracts: Map<string, AbstractNum>;
  /** Numbering instances (`w:num`) by id. */
  nums: Map<number, Num>;
  /** Paragraph styles by id. */
  styles: Map<string, Style>;
  defaultStyle: string | null;
}

export const newLevel = (): Level => ({
  start: 0,
  numFmt: 'decimal',
  lvlText: null,
  restart: null,
  legal: false,
  suffix: 'tab',
  style: null,
});

/** Counts the lists of one document; `next` is called once per paragraph, in document order. */
export class Numbering {
  private readonly abstracts: Map<string, AbstractNum>;
  private readonly nums: Map<number, Num>;
  private readonly styles: Map<string, Style>;
  private readonly defaultStyle: string | null;
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<number>();
  /** What each style resolves to for a paragraph that states no numbering of its own (most do not). */
  private readonly byStyle = new Map<string | null, Resolved | null>();

  constructor(definitions: NumberingDefinitions) {
    this.abstracts = definitions.abstracts;
    this.nums = definitions.nums;
    this.styles = definitions.styles;
    this.defaultStyle = definitions.defaultStyle;
  }

  /** A DOCX's numbering, from its numbering and styles parts (either may be missing). */
  static fromXml(numbering: Uint8Array | null, styles: Uint8Array | null, file: SourceFile): Numbering {
    const definitions: NumberingDefinitions = {
      abstracts: new Map(),
      nums: new Map(),
      styles: new Map(),
      defaultStyle: null,
    };
    if (styles) readStyles(styles, definitions, file);
    if (numbering) readNumbering(numbering, definitions, file);
    return new Numbering(definitions);
  }

  /** The number a paragraph prints before its text (with its suffix), '' for none. */
  next(p: ParagraphNumbering): string {
    const found = this.resolve(p);
    if (!found) return '';
    const { abstractId, abstract, num, numId, ilvl } = found;
    const level = (l: number) => num.levels.get(l) ?? abstract.levels.get(l);
    const def = level(ilvl);
    if (!def) return '';
    let counts = this.counters.get(abstractId);
    if (!counts) {
      counts = [];
      this.counters.set(abstractId, counts);
    }
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, start] of num.starts) counts[l] = start - 1;
    }
    counts[ilvl] = counts[ilvl] === undefined ? def.start : (counts[ilvl] as number) + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const restart = level(k)?.restart ?? k;
      if (ilvl < restart) counts[k] = undefined;
    }
    if (def.lvlText === null || def.numFmt === 'none' || def.numFmt === 'bullet') return '';
    const text = def.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const other = level(l);
      const value = counts[l] ?? other?.start ?? 0;
      return formatNumber(value, def.legal ? 'decimal' : (other?.numFmt ?? 'decimal'));
    });
    if (text === '') return '';
    return text + (def.suffix === 'tab' ? '\t' : def.suffix === 'space' ? ' ' : '');
  }

  private resolve(p: ParagraphNumbering): Resolved | null {
    if (p.numId !== null || p.ilvl !== null) return this.resolveFully(p);
    let found = this.byStyle.get(p.style);
    if (found === undefined) {
      found = this.resolveFully(p);
      this.byStyle.set(p.style, found);
    }
    return found;
  }

  private resolveFully(p: ParagraphNumbering): Resolved | null {
    let numId = p.numId;
    let ilvl = p.ilvl;
    let linkedStyle: string | null = null;
    const seen = new Set<string>();
    for (let id = p.style ?? this.defaultStyle; id !== null && !seen.has(id) && seen.size < 32; ) {
      seen.add(id);
      const style = this.styles.get(id);
      if (!style) break;
      if (numId === null && style.numId !== null) {
        numId = style.numId;
        linkedStyle = id;
        if (ilvl === null) ilvl = style.ilvl;
      }
      id = style.basedOn;
    }
    if (numId === null || numId === 0) return null;
    let num = this.nums.get(numId);
    if (!num) return null;
    let abstractId = num.abstractId;
    let abstract = this.abstracts.get(abstractId);
    // A list style: the definition is reached through the numbering style's own w:num.
    for (let hops = 0; abstract?.styleLink && hops < 4; hops++) {
      const linked = this.styles.get(abstract.styleLink)?.numId;
      const target = linked ? this.nums.get(linked) : undefined;
      if (!target) break;
      abstractId = target.abstractId;
      abstract = this.abstracts.get(abstractId);
      if (num.levels.size === 0 && num.starts.size === 0) num = target;
    }
    if (!abstract) return null;
    if (ilvl === null && linkedStyle !== null)
      for (const [l, def] of abstract.levels) if (def.style === linkedStyle) ilvl = l;
    ilvl = Math.min(8, Math.max(0, ilvl ?? 0));
    return { abstractId, abstract, num, numId, ilvl };
  }
}

function readStyles(bytes: Uint8Array, definitions: NumberingDefinitions, file: SourceFile): void {
  let style: Style | null = null;
  let inPPr = false;
  parseXml(bytes, 'word/styles.xml', file, {
    open: (tag) => {
      switch (wordName(tag)) {
        case 'style': {
          const id = attr(tag, 'styleId');
          style = { basedOn: null, numId: null, ilvl: null };
          if (id !== undefined) definitions.styles.set(id, style);
          if (attr(tag, 'type') === 'paragraph' && attr(tag, 'default') !== undefined && isOn(tag, 'default'))
            definitions.defaultStyle = id ?? null;
          break;
        }
        case 'basedOn':
          if (style) style.basedOn = attr(tag, 'val') ?? null;
          break;
        case 'pPr':
          inPPr = style !== null;
          break;
        case 'numId':
          if (style && inPPr) style.numId = intAttr(tag, 'val', 0);
          break;
        case 'ilvl':
          if (style && inPPr) style.ilvl = intAttr(tag, 'val', 0);
          break;
      }
    },
    close: (tag) => {
      const name = wordName(tag);
      if (name === 'style') style = null;
      else if (name === 'pPr') inPPr = false;
    },
    text: () => {},
  });
}

function readNumbering(bytes: Uint8Array, definitions: NumberingDefinitions, file: SourceFile): void {
  let abstract: AbstractNum | null = null;
  let num: Num | null = null;
  let level: Level | null = null;
  let overrideLevel = -1;
  // Inside mc:Choice (e.g. a w14 custom numFmt) nothing is read: its mc:Fallback says the same.
  let choiceDepth = 0;
  let depth = 0;
  parseXml(bytes, 'word/numbering.xml', file, {
    open: (tag) => {
      depth++;
      if (choiceDepth > 0) return;
      if (tag.uri === MC && tag.local === 'Choice') {
        choiceDepth = depth;
        return;
      }
      switch (wordName(tag)) {
        case 'abstractNum':
          abstract = { levels: new Map(), styleLink: null };
          definitions.abstracts.set(attr(tag, 'abstractNumId') ?? '', abstract);
          break;
        case 'numStyleLink':
          if (abstract) abstract.styleLink = attr(tag, 'val') ?? null;
          break;
        case 'num':
          num = { abstractId: '', starts: new Map(), levels: new Map() };
          definitions.nums.set(intAttr(tag, 'numId', -1), num);
          break;
        case 'abstractNumId':
          if (num) num.abstractId = attr(tag, 'val') ?? '';
          break;
        case 'lvlOverride':
          overrideLevel = intAttr(tag, 'ilvl', 0);
          break;
        case 'startOverride':
          if (num && overrideLevel >= 0) num.starts.set(overrideLevel, intAttr(tag, 'val', 0));
          break;
        case 'lvl': {
          level = newLevel();
          const ilvl = intAttr(tag, 'ilvl', 0);
          if (num && overrideLevel >= 0) num.levels.set(overrideLevel, level);
          else if (abstract) abstract.levels.set(ilvl, level);
          break;
        }
        case 'start':
          if (level) level.start = intAttr(tag, 'val', 0);
          break;
        case 'numFmt':
          if (level) level.numFmt = attr(tag, 'val') ?? 'decimal';
          break;
        case 'lvlText':
          if (level) level.lvlText = attr(tag, 'val') ?? '';
          break;
        case 'lvlRestart':
          if (level) level.restart = intAttr(tag, 'val', 0);
          break;
        case 'isLgl':
          if (level) level.legal = isOn(tag);
          break;
        case 'suff': {
          const v = attr(tag, 'val');
          if (level) level.suffix = v === 'space' || v === 'nothing' ? v : 'tab';
          break;
        }
        case 'pStyle':
          if (level) level.style = attr(tag, 'val') ?? null;
          break;
      }
    },
    close: (tag: Tag) => {
      if (choiceDepth === depth) choiceDepth = 0;
      depth--;
      if (choiceDepth > 0) return;
      switch (wordName(tag)) {
        case 'abstractNum':
          abstract = null;
          break;
        case 'num':
          num = null;
          break;
        case 'lvlOverride':
          overrideLevel = -1;
          break;
        case 'lvl':
          level = null;
          break;
      }
    },
    text: () => {},
  });
}
