/**
 * A page's content stream interpreted for its text items and ruling lines: the text and graphics
 * state operators, Form XObjects, and path operators as far as rules.ts needs them. The grouping of
 * glyphs into items follows PDF.js' `getTextContent` step by step (its thresholds, its spaces, its
 * line ends), so that the items are the ones PDF.js gives; anything it would read differently
 * (unknown operators, odd arguments, inline images, fonts set by ExtGState, right-to-left text)
 * is `Unsupported`.
 */
import type { RuleCollector } from '../rules.js';
import type { PdfDocument } from './document.js';
import { type Glyph, loadFont, type NativeFont } from './fonts.js';
import {
  Cmd,
  contentOperators,
  type Dict,
  isDict,
  Lexer,
  Name,
  nameOf,
  type PdfObj,
  PdfString,
  Ref,
  Stream,
  Unsupported,
  unsupported,
} from './objects.js';

export type Matrix = number[];

/** A text item as PDF.js gives it (the members the reader uses). */
export interface RawItem {
  str: string;
  width: number;
  transform: Matrix;
  /**
   * The spaces PDF.js would put into the string for a gap between glyphs (a gap of a tenth of an
   * em to 0.6 em: see `addFakeSpaces`), as triples: the space's index in `str`, and where the text
   * before it ends and the text after it starts, along the item from its start (in the units of
   * `width`). The string keeps only a space for a gap of any width: a table's cells set closer
   * than 0.6 em (a label filling its cell, the figure after it) become one item. Undefined where
   * there is none, or the string's characters were changed (`normalizeUnicode`).
   */
  gaps: number[] | undefined;
}

const transform = (m1: Matrix, m2: Matrix): Matrix => [
  (m1[0] as number) * (m2[0] as number) + (m1[2] as number) * (m2[1] as number),
  (m1[1] as number) * (m2[0] as number) + (m1[3] as number) * (m2[1] as number),
  (m1[0] as number) * (m2[2] as number) + (m1[2] as number) * (m2[3] as number),
  (m1[1] as number) * (m2[2] as number) + (m1[3] as number) * (m2[3] as number),
  (m1[0] as number) * (m2[4] as number) + (m1[2] as number) * (m2[5] as number) + (m1[4] as number),
  (m1[1] as number) * (m2[4] as number) + (m1[3] as number) * (m2[5] as number) + (m1[5] as number),
];

const identity = (): Matrix => [1, 0, 0, 1, 0, 0];

class TextState {
  ctm: Matrix;
  fontName: string | null;
  fontSize: number;
  font: NativeFont | null;
  fontMatrix: readonly number[];
  textMatrix: Matrix;
  textLineMatrix: Matrix;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  textHScale: number;
  textRise: number;
  constructor(from?: TextState) {
    this.ctm = from ? from.ctm : identity();
    this.fontName = from ? from.fontName : null;
    this.fontSize = from ? from.fontSize : 0;
    this.font = from ? from.font : null;
    this.fontMatrix = from ? from.fontMatrix : [0.001, 0, 0, 0.001, 0, 0];
    this.textMatrix = from ? from.textMatrix.slice() : identity();
    this.textLineMatrix = from ? from.textLineMatrix.slice() : identity();
    this.charSpacing = from ? from.charSpacing : 0;
    this.wordSpacing = from ? from.wordSpacing : 0;
    this.leading = from ? from.leading : 0;
    this.textHScale = from ? from.textHScale : 1;
    this.textRise = from ? from.textRise : 0;
  }
  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix as [number, number, number, number, number, number];
    m[4] = m[0] * x + m[2] * y + m[4];
    m[5] = m[1] * x + m[3] * y + m[5];
  }
  translateTextLineMatrix(x: number, y: number): void {
    const m = this.textLineMatrix as [number, number, number, number, number, number];
    m[4] = m[0] * x + m[2] * y + m[4];
    m[5] = m[1] * x + m[3] * y + m[5];
  }
  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = this.textLineMatrix.slice();
  }
  clone(): TextState {
    return new TextState(this);
  }
}

/** Arguments each operator takes (-1: a variable number, which PDF.js does not check). */
const argCounts: Record<string, number> = {
  w: 1, J: 1, j: 1, M: 1, d: 2, ri: 1, i: 1, gs: 1, q: 0, Q: 0, cm: 6, m: 2, l: 2, c: 6, v: 4, y: 4,
  h: 0, re: 4, S: 0, s: 0, f: 0, F: 0, 'f*': 0, B: 0, 'B*': 0, b: 0, 'b*': 0, n: 0, W: 0, 'W*': 0,
  BT: 0, ET: 0, Tc: 1, Tw: 1, Tz: 1, TL: 1, Tf: 2, Tr: 1, Ts: 1, Td: 2, TD: 2, Tm: 6, 'T*': 0,
  Tj: 1, TJ: 1, "'": 1, '"': 3, d0: 2, d1: 6, CS: 1, cs: 1, SC: -1, SCN: -1, sc: -1, scn: -1,
  G: 1, g: 1, RG: 3, rg: 3, K: 4, k: 4, sh: 1, Do: 1, MP: 1, DP: 2, BMC: 1, BDC: 2, EMC: 0,
  BX: 0, EX: 0,
}; // biome-ignore format: a table

const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** Most operators interpreted on one page (rules.ts stops looking at 200,000). */
const maxOperators = 150_000;
/** Deepest nesting of Form XObjects. */
const maxForms = 16;

const normalizeRegex =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
const normalizeUnicode = (s: string): string =>
  s.replace(normalizeRegex, (_, p1: string | undefined) => (p1 ? p1.normalize('NFKC') : 'ſt'));
/** Right-to-left scripts, which PDF.js reorders: not read here. */
const rightToLeft = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** The text items and rules of one page. */
export class PageInterpreter {
  readonly items: RawItem[] = [];
  private operators = 0;
  private readonly fonts = new Map<Dict, NativeFont>();

  constructor(
    private readonly doc: PdfDocument,
    /** The page's view box (cropped media box): glyphs outside it are left out, as PDF.js does. */
    private readonly viewBox: readonly number[],
    private readonly rules: RuleCollector,
  ) {}

  run(content: Uint8Array, resources: Dict): void {
    new StreamRun(this, content, resources, new TextState(), new Set(), 0).run();
  }

  /** @internal */
  font(resources: Dict, name: string): NativeFont {
    const fonts = this.doc.get(resources.get('Font'));
    const ref = isDict(fonts) ? fonts.get(name) : undefined;
    const dict = this.doc.get(ref);
    if (!isDict(dict)) throw new Unsupported(`font ${name} not found`);
    if (nameOf(dict.get('Type')) !== 'Font' && dict.has('Type')) unsupported('font of wrong type');
    let font = this.fonts.get(dict);
    if (!font) {
      font = fontCache.get(this.doc)?.get(dict) ?? loadFont(this.doc, dict);
      this.fonts.set(dict, font);
      let docFonts = fontCache.get(this.doc);
      if (!docFonts) {
        docFonts = new Map();
        fontCache.set(this.doc, docFonts);
      }
      docFonts.set(dict, font);
    }
    return font;
  }

  /** @internal */
  count(): void {
    if (++this.operators > maxOperators) unsupported('too many operators');
  }

  /** @internal */
  get document(): PdfDocument {
    return this.doc;
  }
  /** @internal */
  get box(): readonly number[] {
    return this.viewBox;
  }
  /** @internal */
  get ruleCollector(): RuleCollector {
    return this.rules;
  }
}

const fontCache = new WeakMap<PdfDocument, Map<Dict, NativeFont>>();

interface ContentItem {
  initialized: boolean;
  str: string[];
  /** The fake spaces so far (see `RawItem.gaps`). */
  gaps: number[];
  totalWidth: number;
  width: number;
  height: number;
  prevTransform: Matrix | null;
  prevTextRise: number;
  textAdvanceScale: number;
  spaceInFlowMin: number;
  spaceInFlowMax: number;
  trackingSpaceMin: number;
  negativeSpaceMax: number;
  notASpace: number;
  transform: Matrix | null;
}

/** One content stream (the page's, or a form's) read as PDF.js' `getTextContent` reads it. */
class StreamRun {
  private stack: TextState[] = [];
  private textState: TextState;
  private currentTextState: TextState | null = null;
  private readonly item: ContentItem = {
    initialized: false,
    str: [],
    gaps: [],
    totalWidth: 0,
    width: 0,
    height: 0,
    prevTransform: null,
    prevTextRise: 0,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Number.POSITIVE_INFINITY,
    negativeSpaceMax: Number.NEGATIVE_INFINITY,
    notASpace: Number.NEGATIVE_INFINITY,
    transform: null,
  };
  private readonly twoLastChars = [' ', ' '];
  private twoLastCharsPos = 0;
  private readonly items: RawItem[];
  /** The path being built (PDF.js' path buffer) and its current point. */
  private path: number[] = [];

  constructor(
    private readonly page: PageInterpreter,
    private readonly content: Uint8Array,
    private readonly resources: Dict,
    state: TextState,
    private readonly forms: Set<Stream>,
    private readonly depth: number,
  ) {
    this.textState = state;
    this.items = page.items;
  }

  run(): void {
    const lexer = new Lexer(this.content, 0, this.content.length, contentOperators);
    const args: PdfObj[] = [];
    let argc = 0;
    for (;;) {
      const o = lexer.object();
      if (o === undefined) break;
      if (!(o instanceof Cmd)) {
        if (argc >= 33) unsupported('too many arguments');
        args[argc++] = o;
        continue;
      }
      const cmd = o.cmd;
      if (cmd === 'BI') unsupported('inline image');
      const count = argCounts[cmd];
      if (count === undefined) unsupported(`operator ${cmd}`);
      if (count !== -1 && argc !== count) unsupported(`operator ${cmd} with ${argc} arguments`);
      this.page.count();
      this.op(cmd, args, argc);
      argc = 0;
    }
    if (argc > 0) unsupported('arguments without operator');
    this.flush();
  }

  private op(cmd: string, args: PdfObj[], argc: number): void {
    const rules = this.page.ruleCollector;
    // Graphics state (PDF.js' preprocessor, before the operator is handled).
    switch (cmd) {
      case 'q':
        this.stack.push(this.textState);
        this.textState = this.textState.clone();
        rules.save();
        return;
      case 'Q': {
        const prev = this.stack.pop();
        if (prev) this.textState = prev;
        rules.restore();
        return;
      }
      case 'cm': {
        const m = numbers(args, argc);
        this.textState.ctm = transform(this.textState.ctm, m);
        rules.transform(m);
        return;
      }
    }
    this.currentTextState ??= this.textState.clone();
    const ts = this.textState;
    switch (cmd) {
      case 'Tf': {
        const name = args[0];
        const size = args[1];
        if (!(name instanceof Name) || typeof size !== 'number') throw new Unsupported('bad Tf');
        if (ts.font && name.name === ts.fontName && size === ts.fontSize) return;
        ts.fontName = name.name;
        ts.fontSize = size;
        ts.font = this.page.font(this.resources, name.name);
        ts.fontMatrix = ts.font.fontMatrix;
        return;
      }
      case 'Ts':
        ts.textRise = num(args[0]);
        return;
      case 'Tz':
        ts.textHScale = num(args[0]) / 100;
        return;
      case 'TL':
        ts.leading = num(args[0]);
        return;
      case 'Td':
        ts.translateTextLineMatrix(num(args[0]), num(args[1]));
        ts.textMatrix = ts.textLineMatrix.slice();
        return;
      case 'TD':
        ts.leading = -num(args[1]);
        ts.translateTextLineMatrix(num(args[0]), num(args[1]));
        ts.textMatrix = ts.textLineMatrix.slice();
        return;
      case 'T*':
        ts.carriageReturn();
        return;
      case 'Tm': {
        const m = numbers(args, argc);
        ts.textMatrix = m.slice();
        ts.textLineMatrix = m.slice();
        this.updateAdvanceScale();
        return;
      }
      case 'Tc':
        ts.charSpacing = num(args[0]);
        return;
      case 'Tw':
        ts.wordSpacing = num(args[0]);
        return;
      case 'BT':
        ts.textMatrix = identity();
        ts.textLineMatrix = identity();
        return;
      case 'TJ': {
        this.needFont();
        const elements = args[0];
        if (!Array.isArray(elements)) throw new Unsupported('bad TJ');
        const spaceFactor = -ts.fontSize / 1000;
        let buffer = '';
        let pending = false;
        for (const e of elements) {
          if (e instanceof PdfString) {
            buffer += e.bytes;
            pending = true;
          } else if (typeof e === 'number') {
            if (e !== 0) {
              this.build(buffer, e * spaceFactor);
              buffer = '';
              pending = false;
            }
          } else unsupported('bad TJ element');
        }
        if (pending && buffer.length > 0) this.build(buffer, 0);
        else if (pending) this.build('', 0);
        return;
      }
      case 'Tj':
        this.needFont();
        this.build(str(args[0]), 0);
        return;
      case "'":
        this.needFont();
        ts.carriageReturn();
        this.build(str(args[0]), 0);
        return;
      case '"':
        this.needFont();
        ts.wordSpacing = num(args[0]);
        ts.charSpacing = num(args[1]);
        ts.carriageReturn();
        this.build(str(args[2]), 0);
        return;
      case 'Do':
        this.flush();
        this.xobject(args[0]);
        return;
      case 'gs':
        this.extGState(args[0]);
        return;
      case 'BMC':
      case 'BDC':
      case 'EMC':
        this.flush();
        return;
      case 'Tr':
      case 'd0':
      case 'd1':
        if (cmd !== 'Tr') unsupported('Type3 glyph operators');
        return;
    }
    this.pathOp(cmd, args, argc);
  }

  private needFont(): void {
    if (!this.textState.font) unsupported('text without a font');
  }

  // --- paths (for rules.ts) ---

  private pathOp(cmd: string, args: PdfObj[], argc: number): void {
    const p = this.path;
    switch (cmd) {
      case 'm':
        p.push(0, num(args[0]), num(args[1]));
        return;
      case 'l':
        p.push(1, num(args[0]), num(args[1]));
        return;
      case 'c':
        p.push(2, ...numbers(args, argc));
        return;
      case 'v':
      case 'y':
        numbers(args, argc);
        p.push(2, 0, 0, 0, 0, 0, 0);
        return;
      case 'h':
        p.push(4);
        return;
      case 're': {
        const [x, y, w, h] = numbers(args, argc) as [number, number, number, number];
        const xw = x + w;
        const yh = y + h;
        if (w === 0 || h === 0) p.push(0, x, y, 1, xw, yh, 4);
        else p.push(0, x, y, 1, xw, y, 1, xw, yh, 1, x, yh, 4);
        return;
      }
      case 'S':
      case 's':
      case 'f':
      case 'F':
      case 'f*':
      case 'B':
      case 'B*':
      case 'b':
      case 'b*':
      case 'n': {
        if (cmd === 's' || cmd === 'b' || cmd === 'b*') p.push(4);
        const stroked = cmd === 'S' || cmd === 's' || cmd.startsWith('B') || cmd.startsWith('b');
        const filled = cmd === 'f' || cmd === 'F' || cmd === 'f*';
        if (p.length > 0 && (stroked || filled)) this.page.ruleCollector.path(new Float32Array(p), stroked);
        this.path = [];
        return;
      }
    }
    // Colours, line styles, clipping, marked points, compatibility sections: nothing to read.
    for (let i = 0; i < argc; i++)
      if (isDict(args[i]) && cmd !== 'DP' && cmd !== 'MP') unsupported('dictionary argument');
  }

  // --- resources ---

  private xobject(arg: PdfObj | undefined): void {
    if (!(arg instanceof Name)) throw new Unsupported('XObject not named');
    const doc = this.page.document;
    const xobjects = doc.get(this.resources.get('XObject'));
    const raw = isDict(xobjects) ? xobjects.get(arg.name) : undefined;
    const xobj = doc.get(raw);
    if (!(xobj instanceof Stream)) throw new Unsupported('XObject is not a stream');
    const type = nameOf(xobj.dict.get('Subtype'));
    if (type === 'Image') return;
    if (type !== 'Form') throw new Unsupported(`XObject ${type}`);
    if (this.forms.has(xobj) || this.depth >= maxForms) unsupported('circular form');
    void Ref;
    const state = this.textState.clone();
    const m = doc.get(xobj.dict.get('Matrix'));
    const matrix =
      Array.isArray(m) && m.length === 6 && m.every((x) => typeof x === 'number') ? (m as number[]) : null;
    if (matrix) state.ctm = transform(state.ctm, matrix);
    const local = doc.get(xobj.dict.get('Resources'));
    const rules = this.page.ruleCollector;
    rules.formBegin(matrix ?? [1, 0, 0, 1, 0, 0]);
    const forms = new Set(this.forms).add(xobj);
    new StreamRun(
      this.page,
      doc.decodeStream(xobj),
      isDict(local) ? local : this.resources,
      state,
      forms,
      this.depth + 1,
    ).run();
    rules.formEnd();
  }

  private extGState(arg: PdfObj | undefined): void {
    if (!(arg instanceof Name)) throw new Unsupported('ExtGState not named');
    const doc = this.page.document;
    const states = doc.get(this.resources.get('ExtGState'));
    if (!isDict(states)) throw new Unsupported('no ExtGState dictionary');
    const gs = doc.get(states.get(arg.name));
    if (!isDict(gs)) throw new Unsupported('ExtGState not found');
    if (gs.has('Font')) unsupported('font set by ExtGState');
  }

  // --- text (PDF.js' getTextContent, evaluator.js) ---

  private saveLastChar(char: string): boolean {
    const t = this.twoLastChars;
    const nextPos = (this.twoLastCharsPos + 1) % 2;
    const ret = t[this.twoLastCharsPos] !== ' ' && t[nextPos] === ' ';
    t[this.twoLastCharsPos] = char;
    this.twoLastCharsPos = nextPos;
    return ret;
  }

  private shouldAddWhitespace(): boolean {
    const t = this.twoLastChars;
    return t[this.twoLastCharsPos] !== ' ' && t[(this.twoLastCharsPos + 1) % 2] === ' ';
  }

  private resetLastChars(): void {
    this.twoLastChars[0] = this.twoLastChars[1] = ' ';
    this.twoLastCharsPos = 0;
  }

  private pushWhitespace(width: number, transformOf: Matrix | null): void {
    this.items.push({ str: ' ', width, transform: transformOf as Matrix, gaps: undefined });
  }

  /**
   * ctm × textMatrix × [fontSize·hScale 0 0 fontSize 0 rise], as PDF.js multiplies them (the terms
   * with the zeros of the last matrix left out: they add nothing, and the sum is the same number).
   */
  private currentTransform(): Matrix {
    const ts = this.textState;
    const m = ts.textMatrix as [number, number, number, number, number, number];
    const c = ts.ctm as [number, number, number, number, number, number];
    const h = ts.fontSize * ts.textHScale;
    const v = ts.fontSize;
    const r = ts.textRise;
    const t0 = m[0] * h;
    const t1 = m[1] * h;
    const t2 = m[2] * v;
    const t3 = m[3] * v;
    const t4 = m[2] * r + m[4];
    const t5 = m[3] * r + m[5];
    return [
      c[0] * t0 + c[2] * t1,
      c[1] * t0 + c[3] * t1,
      c[0] * t2 + c[2] * t3,
      c[1] * t2 + c[3] * t3,
      c[0] * t4 + c[2] * t5 + c[4],
      c[1] * t4 + c[3] * t5 + c[5],
    ];
  }

  private ensureItem(): ContentItem {
    const item = this.item;
    if (item.initialized) return item;
    const ts = this.textState;
    const trm = this.currentTransform();
    item.transform = trm;
    item.width = item.totalWidth = 0;
    item.height = Math.hypot(trm[2] as number, trm[3] as number);
    const scaleLineX = Math.hypot(ts.textLineMatrix[0] as number, ts.textLineMatrix[1] as number);
    const scaleCtmX = Math.hypot(ts.ctm[0] as number, ts.ctm[1] as number);
    item.textAdvanceScale = scaleCtmX * scaleLineX;
    const { fontSize } = ts;
    item.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    item.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    item.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    item.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    item.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    item.initialized = true;
    return item;
  }

  private updateAdvanceScale(): void {
    const item = this.item;
    if (!item.initialized) return;
    const ts = this.textState;
    const scaleLineX = Math.hypot(ts.textLineMatrix[0] as number, ts.textLineMatrix[1] as number);
    const scaleCtmX = Math.hypot(ts.ctm[0] as number, ts.ctm[1] as number);
    const scaleFactor = scaleCtmX * scaleLineX;
    if (scaleFactor === item.textAdvanceScale) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    item.width = 0;
    item.textAdvanceScale = scaleFactor;
  }

  private compareWithLastPosition(glyphWidth: number): boolean {
    const current = this.currentTransform();
    let posX = current[4] as number;
    let posY = current[5] as number;
    const box = this.page.box;
    if (
      posX + glyphWidth < (box[0] as number) ||
      posX > (box[2] as number) ||
      posY < (box[1] as number) ||
      posY > (box[3] as number)
    )
      return false;
    const item = this.item;
    if (!this.textState.font || !item.prevTransform) return true;
    let lastPosX = item.prevTransform[4] as number;
    let lastPosY = item.prevTransform[5] as number;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (current[0] && current[1] === 0 && current[2] === 0) rotate = (current[0] as number) > 0 ? 0 : 180;
    else if (current[1] && current[0] === 0 && current[3] === 0)
      rotate = (current[1] as number) > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = inverseRotation(posX, posY, current);
        [lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, item.prevTransform);
    }
    const advanceX = (posX - lastPosX) / item.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(item.width || item.totalWidth);
    if (advanceX < textOrientation * item.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * item.height) {
        this.appendEOL();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    const ts = this.textState;
    const textRiseDelta = ts.textRise - item.prevTextRise;
    const advanceYCorrected =
      textRiseDelta === 0 ? advanceY : advanceY - ((current[3] as number) / ts.fontSize) * textRiseDelta;
    if (Math.abs(advanceYCorrected) > item.height) {
      this.appendEOL();
      return true;
    }
    if (advanceX <= textOrientation * item.notASpace) this.resetLastChars();
    if (advanceX <= textOrientation * item.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(Math.abs(advanceX), item.prevTransform);
      } else item.width += advanceX;
    } else if (!this.addFakeSpaces(advanceX, item.prevTransform, textOrientation)) {
      if (item.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(Math.abs(advanceX), item.prevTransform);
      } else item.width += advanceX;
    }
    if (Math.abs(advanceY) > item.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  private build(chars: string, extraSpacing: number): void {
    const ts = this.textState;
    const cur = this.currentTextState as TextState;
    if (
      cur !== ts &&
      (cur.fontSize !== ts.fontSize || (cur.fontName !== ts.fontName && cur.font?.name !== ts.font?.name))
    ) {
      this.flush();
      this.currentTextState = ts.clone();
    }
    const font = ts.font as NativeFont;
    const baseCharSpacing = ts.charSpacing;
    if (!chars) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
      return;
    }
    const glyphs: Glyph[] = font.glyphs(chars);
    const scale = (ts.fontMatrix[0] as number) * ts.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i] as Glyph;
      if (glyph.isInvisibleFormatMark) continue;
      let charSpacing = baseCharSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (glyph.code === 0x20) charSpacing += ts.wordSpacing;
      if (glyph.isWhitespace) {
        charSpacing += scaledDim;
        ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
        this.saveLastChar(' ');
        continue;
      }
      if (!glyph.isZeroWidthDiacritic && !this.compareWithLastPosition(scaledDim)) {
        ts.translateTextMatrix(scaledDim * ts.textHScale, 0);
        continue;
      }
      const chunk = this.ensureItem();
      if (glyph.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= ts.textHScale;
      ts.translateTextMatrix(scaledDim, 0);
      chunk.width += scaledDim;
      if (scaledDim) {
        chunk.prevTransform = this.currentTransform();
        chunk.prevTextRise = ts.textRise;
      }
      if (this.saveLastChar(glyph.unicode)) chunk.str.push(' ');
      chunk.str.push(glyph.unicode);
      if (charSpacing) ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
    }
  }

  private appendEOL(): void {
    this.resetLastChars();
    if (this.item.initialized) this.flush();
    // (Otherwise PDF.js adds an empty item, which the reader skips.)
  }

  private addFakeSpaces(width: number, transf: Matrix | null, textOrientation: number): boolean {
    const item = this.item;
    if (textOrientation * item.spaceInFlowMin <= width && width <= textOrientation * item.spaceInFlowMax) {
      if (item.initialized) {
        this.resetLastChars();
        if (textOrientation > 0) {
          let at = 0;
          for (const piece of item.str) at += piece.length;
          const end = item.totalWidth + item.width * item.textAdvanceScale;
          item.gaps.push(at, end, end + width * item.textAdvanceScale);
        }
        item.str.push(' ');
      }
      return false;
    }
    this.flush();
    this.resetLastChars();
    this.pushWhitespace(Math.abs(width), transf || this.currentTransform());
    return true;
  }

  private flush(): void {
    const item = this.item;
    if (!item.initialized) return;
    item.totalWidth += item.width * item.textAdvanceScale;
    const joined = item.str.join('');
    const text = normalizeUnicode(joined);
    if (rightToLeft.test(text)) unsupported('right-to-left text');
    const gaps = item.gaps.length > 0 && text.length === joined.length ? item.gaps : undefined;
    this.items.push({
      str: text,
      width: Math.abs(item.totalWidth),
      transform: item.transform as Matrix,
      gaps,
    });
    item.initialized = false;
    item.str.length = 0;
    if (item.gaps.length > 0) item.gaps = [];
  }
}

function inverseRotation(x: number, y: number, m: Matrix): [number, number] {
  const scale = Math.hypot(m[0] as number, m[1] as number);
  return [
    ((m[0] as number) * x + (m[1] as number) * y) / scale,
    ((m[2] as number) * x + (m[3] as number) * y) / scale,
  ];
}

const num = (o: PdfObj | undefined): number =>
  typeof o === 'number' ? o : unsupported('argument is not a number');
const numbers = (args: PdfObj[], argc: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < argc; i++) out.push(num(args[i]));
  return out;
};
const str = (o: PdfObj | undefined): string =>
  o instanceof PdfString ? o.bytes : unsupported('argument is not a string');
