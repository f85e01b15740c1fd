/**
 * A Word 97–2003 document's automatic numbering: its lists (`PlfLst`, each followed in the table
 * stream by its levels, `LVL`), the list instances paragraphs point at (`PlfLfo`, with their
 * start-at and level overrides) and the paragraph styles that carry a list (the style sheet,
 * `STSH`), turned into the definitions the DOCX reader counts (../docx/numbering.ts): headings
 * then read 「一、总体情况」 as Word prints them.
 *
 * Ids: a list is its `lsid`, a list instance its 1-based index (as `sprmPIlfo` gives it), a
 * style `s` and its index (`istd`).
 */
import {
  type AbstractNum,
  type Level,
  type Num,
  type NumberingDefinitions,
  newLevel,
  type Style,
} from '../docx/numbering.js';
import { forEachSprm, WordBinaryError } from './word-binary.js';

/** Indexes of the FIB's fc/lcb pairs: the style sheet, the lists and the list instances. */
const stshPair = 1;
const listPair = 73;
const instancePair = 74;

/** The paragraph style id of a style index. */
export const styleId = (istd: number): string => `s${istd}`;

/** Number formats by `nfc` ([MS-DOC] MSONFC, in the order of ECMA-376's ST_NumberFormat). */
const formats = [
  'decimal',
  'upperRoman',
  'lowerRoman',
  'upperLetter',
  'lowerLetter',
  'ordinal',
  'cardinalText',
  'ordinalText',
  'hex',
  'chicago',
  'ideographDigital',
  'japaneseCounting',
  'aiueo',
  'iroha',
  'decimalFullWidth',
  'decimalHalfWidth',
  'japaneseLegal',
  'japaneseDigitalTenThousand',
  'decimalEnclosedCircle',
  'decimalFullWidth2',
  'aiueoFullWidth',
  'irohaFullWidth',
  'decimalZero',
  'bullet',
  'ganada',
  'chosung',
  'decimalEnclosedFullstop',
  'decimalEnclosedParen',
  'decimalEnclosedCircleChinese',
  'ideographEnclosedCircle',
  'ideographTraditional',
  'ideographZodiac',
  'ideographZodiacTraditional',
  'taiwaneseCounting',
  'ideographLegalTraditional',
  'taiwaneseCountingThousand',
  'taiwaneseDigital',
  'chineseCounting',
  'chineseLegalSimplified',
  'chineseCountingThousand',
];
const numFmt = (nfc: number): string => (nfc === 0xff || nfc === 0x2f ? 'none' : (formats[nfc] ?? 'decimal'));

/** A bounds-checked reader of little-endian values (a structure cut short is a damaged file). */
class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, size: number): void {
    if (at < 0 || at + size > this.bytes.length)
      throw new WordBinaryError('Word 文档已损坏：编号或样式表不完整');
  }
  u8(at: number): number {
    this.check(at, 1);
    return this.view.getUint8(at);
  }
  u16(at: number): number {
    this.check(at, 2);
    return this.view.getUint16(at, true);
  }
  i32(at: number): number {
    this.check(at, 4);
    return this.view.getInt32(at, true);
  }
  u32(at: number): number {
    this.check(at, 4);
    return this.view.getUint32(at, true);
  }
}

/** One level (`LVL`) at `at`; returns it and where the next begins. */
function readLevel(r: Reader, at: number): { level: Level; end: number } {
  const level = newLevel();
  level.start = r.i32(at);
  level.numFmt = numFmt(r.u8(at + 4));
  const flags = r.u8(at + 5);
  level.legal = (flags & 0x04) !== 0;
  // fNoRestart: restart only after the level ilvlRestartLim names (0: never).
  level.restart = flags & 0x08 ? r.u8(at + 26) : null;
  const follow = r.u8(at + 15);
  level.suffix = follow === 1 ? 'space' : follow === 2 ? 'nothing' : 'tab';
  let next = at + 28 + r.u8(at + 25) + r.u8(at + 24);
  const count = r.u16(next);
  let text = '';
  for (let k = 0; k < count; k++) {
    const c = r.u16(next + 2 + k * 2);
    // Characters 0–8 stand for the numbers of levels 1–9.
    text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
  }
  next += 2 + count * 2;
  level.lvlText = text;
  return { level, end: next };
}

/**
 * The numbering definitions of the document: empty when it has no lists. `tables(index)` and
 * `after(index)` give the table stream's structure of a FIB pair and the bytes after it.
 */
export function listDefinitions(
  structure: (index: number) => Uint8Array,
  after: (index: number) => Uint8Array,
): NumberingDefinitions {
  const definitions: NumberingDefinitions = {
    abstracts: new Map(),
    nums: new Map(),
    styles: new Map(),
    defaultStyle: styleId(0),
  };
  const lists = new Reader(structure(listPair));
  if (lists.bytes.length < 2) return definitions;
  const count = lists.u16(0);
  const levels = new Reader(after(listPair));
  let at = 0;
  for (let i = 0; i < count; i++) {
    const lsid = lists.i32(2 + i * 28);
    const simple = (lists.u8(2 + i * 28 + 26) & 0x01) !== 0;
    const abstract: AbstractNum = { levels: new Map(), styleLink: null };
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const { level, end } = readLevel(levels, at);
      const istd = lists.u16(2 + i * 28 + 8 + l * 2);
      if (istd !== 0x0fff) level.style = styleId(istd);
      abstract.levels.set(l, level);
      at = end;
    }
    definitions.abstracts.set(String(lsid), abstract);
  }

  const instances = new Reader(structure(instancePair));
  if (instances.bytes.length >= 4) {
    const total = instances.u32(0);
    let data = 4 + total * 16;
    for (let i = 0; i < total; i++) {
      const num: Num = {
        abstractId: String(instances.i32(4 + i * 16)),
        starts: new Map(),
        levels: new Map(),
      };
      const overrides = instances.u8(4 + i * 16 + 12);
      // Each instance's data: a position (4 bytes), then its overrides.
      if (data < instances.bytes.length) {
        data += 4;
        for (let k = 0; k < overrides; k++) {
          const startAt = instances.i32(data);
          const flags = instances.u32(data + 4);
          const ilvl = flags & 0x0f;
          data += 8;
          if (flags & 0x10) num.starts.set(ilvl, startAt);
          if (flags & 0x20) {
            const { level, end } = readLevel(instances, data);
            num.levels.set(ilvl, level);
            data = end;
          }
        }
      }
      definitions.nums.set(i + 1, num);
    }
  }

  readStyles(new Reader(structure(stshPair)), definitions.styles);
  return definitions;
}

/** The paragraph styles' bases and lists, from the style sheet. */
function readStyles(r: Reader, styles: Map<string, Style>): void {
  if (r.bytes.length < 6) return;
  const header = r.u16(0);
  const count = r.u16(2);
  const baseSize = r.u16(4);
  let at = 2 + header;
  for (let istd = 0; istd < count && at + 2 <= r.bytes.length; istd++) {
    const size = r.u16(at);
    const std = at + 2;
    at = std + size;
    if (size < 10) continue;
    const kind = r.u16(std + 2);
    // Paragraph styles (stk 1) only: their first UPX holds the paragraph's properties.
    if ((kind & 0x0f) !== 1) continue;
    const base = kind >> 4;
    const style: Style = { basedOn: base === 0x0fff ? null : styleId(base), numId: null, ilvl: null };
    styles.set(styleId(istd), style);
    // The name (a length, the characters, a terminating 0), then the UPXs, each padded to even.
    let upx = std + baseSize;
    upx += 2 + r.u16(upx) * 2 + 2;
    if ((upx - std) % 2 === 1) upx++;
    const upxSize = r.u16(upx);
    if (upxSize < 2 || upx + 2 + upxSize > at) continue;
    const grpprl = r.bytes.subarray(upx + 4, upx + 2 + upxSize);
    const { ilfo, ilvl } = listOf(grpprl);
    style.numId = ilfo;
    style.ilvl = ilvl;
  }
}

/** The list instance (`sprmPIlfo`, 0x460B) and level (`sprmPIlvl`, 0x260A) a paragraph states. */
export function listOf(grpprl: Uint8Array): { ilfo: number | null; ilvl: number | null } {
  let ilfo: number | null = null;
  let ilvl: number | null = null;
  forEachSprm(grpprl, (sprm, operand) => {
    if (sprm === 0x460b) {
      const value = (operand[0] as number) | ((operand[1] as number) << 8);
      // 0xF801: numbering switched off (over a style's).
      ilfo = value === 0xf801 ? 0 : value;
    } else if (sprm === 0x260a) ilvl = operand[0] as number;
  });
  return { ilfo, ilvl };
}
