/**
 * The Word 97–2003 binary format ([MS-DOC]) as far as reading a report needs it: the characters
 * of the main document and of the text boxes (from the piece table, `Clx`), and for each
 * character the file offset (`fc`) that its paragraph and character properties are found by, in
 * the formatted disk pages (`FKP`) of paragraphs (PAPX: in a table, a row's end, the row's cells)
 * and of characters (CHPX: hidden, deleted in a tracked change, an inline picture).
 */
import { type CompoundFile, CompoundFileError } from './cfb.js';

/** Why a Word document can't be read (its message is for the user). */
export class WordBinaryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WordBinaryError';
  }
}

export interface WordText {
  /**
   * The document's characters: the main document's (`mainLength` of them), then footnotes,
   * headers, comments, endnotes and the text boxes' stories.
   */
  text: string;
  /** How many characters of `text` are the main document's. */
  mainLength: number;
  /** For each character, its offset in the WordDocument stream (its properties are found by it). */
  fcs: Float64Array;
  /**
   * The text boxes, by the main document's character that anchors each (a drawn object, 0x08):
   * the range of `text` its story covers.
   */
  textBoxes: Map<number, { from: number; to: number }>;
  /**
   * The properties of the paragraph ending at a character (its mark): its style (an index into
   * the style sheet) and its property modifiers; null when none are recorded.
   */
  paragraphAt(fc: number): { istd: number; grpprl: Uint8Array } | null;
  /** A structure of the table stream by its index among the FIB's fc/lcb pairs (empty when absent). */
  tableStructure(index: number): Uint8Array;
  /** The table stream's bytes from a structure's end on (what some structures are followed by). */
  tableAfter(index: number): Uint8Array;
  /** Why the character at `fc` is not read: hidden, or deleted in a tracked change; else null. */
  droppedAt(fc: number): 'hidden' | 'deleted' | null;
  /**
   * The picture an inline picture's character (0x01) at `fc` stands for: its bytes in the Data
   * stream (`sprmCPicLocation`), header and drawing records included; null when none.
   */
  pictureAt(fc: number): Uint8Array | null;
}

const cp1252 = new TextDecoder('windows-1252');
/** Keeps a BOM-like first character: a piece may start with U+FEFF. */
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });

export function readWordText(cfb: CompoundFile): WordText {
  const word = cfb.stream('WordDocument');
  if (!word) throw new CompoundFileError('不是 Word 文档');
  if (word.length < 0x200) throw new WordBinaryError('Word 文档已损坏：文件信息块不完整');
  const view = new DataView(word.buffer, word.byteOffset, word.byteLength);
  if (view.getUint16(0, true) !== 0xa5ec) throw new WordBinaryError('Word 文档已损坏：文件信息块无效');
  const nFib = view.getUint16(2, true);
  const flags = view.getUint16(0x0a, true);
  if (flags & 0x0100) throw new WordBinaryError('Word 文档已加密，需要密码，无法读取');
  if (nFib < 0xc0) throw new WordBinaryError('Word 6.0/95 格式的文档无法读取，请另存为 DOCX 后再试');

  // FibRgW97, FibRgLw97 (ccpText is its fourth word), then FibRgFcLcb: fc/lcb pairs.
  const incomplete = () => new WordBinaryError('Word 文档已损坏：文件信息块不完整');
  const lwAt = 32 + 2 + view.getUint16(32, true) * 2;
  if (lwAt + 2 + 4 * 4 > word.length) throw incomplete();
  const cslw = view.getUint16(lwAt, true);
  const ccpText = view.getInt32(lwAt + 2 + 3 * 4, true);
  const pairsAt = lwAt + 2 + cslw * 4;
  if (pairsAt + 2 > word.length) throw incomplete();
  const pairCount = view.getUint16(pairsAt, true);
  if (pairCount < 34 || pairsAt + 2 + pairCount * 8 > word.length) throw incomplete();
  const pair = (i: number): [number, number] => [
    view.getUint32(pairsAt + 2 + i * 8, true),
    view.getUint32(pairsAt + 6 + i * 8, true),
  ];

  const table = cfb.stream(flags & 0x0200 ? '1Table' : '0Table');
  if (!table) throw new WordBinaryError('Word 文档已损坏：缺少表格流');
  const slice = (stream: Uint8Array, [fc, lcb]: [number, number]): Uint8Array => {
    if (fc + lcb > stream.length) throw new WordBinaryError('Word 文档已损坏：结构超出数据流');
    return stream.subarray(fc, fc + lcb);
  };

  // The stories after the main document's, in order (a reserved count between headers and
  // comments is 0); the text boxes' story comes last of those read.
  const count = (k: number) => Math.max(0, view.getInt32(lwAt + 2 + k * 4, true));
  const boxesFrom = ccpText + count(4) + count(5) + count(6) + count(7) + count(8);
  const boxesLength = cslw > 9 ? count(9) : 0;
  const { text, fcs } = pieceText(word, slice(table, pair(33)), ccpText, boxesFrom + boxesLength);
  const textBoxes =
    text.length === boxesFrom + boxesLength && boxesLength > 0 && pairCount > 56
      ? boxesOf(slice(table, pair(40)), slice(table, pair(56)), boxesFrom)
      : new Map<number, { from: number; to: number }>();
  const data = cfb.stream('Data');
  const papx = fkpRuns(word, slice(table, pair(13)), 'paragraph');
  const chpx = fkpRuns(word, slice(table, pair(12)), 'character');
  // Only the runs that drop their characters are kept: most documents have none.
  const dropped: { from: number; to: number; why: 'hidden' | 'deleted' }[] = [];
  for (const run of chpx) {
    let hidden = false;
    let deleted = false;
    forEachSprm(run.grpprl, (sprm, operand) => {
      if (sprm === 0x083c) hidden = (operand[0] ?? 0) !== 0 && operand[0] !== 0x80;
      else if (sprm === 0x0800) deleted = (operand[0] ?? 0) !== 0 && operand[0] !== 0x80;
    });
    if (hidden || deleted) dropped.push({ from: run.from, to: run.to, why: deleted ? 'deleted' : 'hidden' });
  }
  return {
    text,
    mainLength: ccpText,
    fcs,
    textBoxes,
    paragraphAt: (fc) => {
      const run = runAt(papx, fc);
      return run ? { istd: run.istd, grpprl: hugePapx(run.grpprl, data) } : null;
    },
    tableStructure: (index) => (index < pairCount ? slice(table, pair(index)) : new Uint8Array(0)),
    tableAfter: (index) => {
      if (index >= pairCount) return new Uint8Array(0);
      const [fc, lcb] = pair(index);
      return table.subarray(Math.min(table.length, fc + lcb));
    },
    droppedAt: (fc) => (dropped.length > 0 ? (runAt(dropped, fc)?.why ?? null) : null),
    pictureAt: (fc) => {
      const run = runAt(chpx, fc);
      if (!run || !data) return null;
      let at = -1;
      forEachSprm(run.grpprl, (sprm, operand) => {
        if (sprm === 0x6a03 && operand.length === 4)
          at = new DataView(operand.buffer, operand.byteOffset, 4).getUint32(0, true);
      });
      // PICF: the whole size (4 bytes) first.
      if (at < 0 || at + 4 > data.length) return null;
      const size = new DataView(data.buffer, data.byteOffset + at, 4).getUint32(0, true);
      return size >= 4 && at + size <= data.length ? data.subarray(at, at + size) : null;
    },
  };
}

/**
 * A paragraph's properties too large for its formatted disk page (a table row's end with many
 * cells) stand in the Data stream, where `sprmPHugePapx` points: its size (2 bytes), then the
 * property modifiers.
 */
function hugePapx(grpprl: Uint8Array, data: Uint8Array | null): Uint8Array {
  let huge: Uint8Array | null = null;
  forEachSprm(grpprl, (sprm, operand) => {
    if ((sprm !== 0x6646 && sprm !== 0x6645) || !data || operand.length < 4) return;
    const at = new DataView(operand.buffer, operand.byteOffset, 4).getUint32(0, true);
    if (at + 2 > data.length) throw new WordBinaryError('Word 文档已损坏：段落格式超出数据流');
    const size = (data[at] as number) | ((data[at + 1] as number) << 8);
    if (at + 2 + size > data.length) throw new WordBinaryError('Word 文档已损坏：段落格式超出数据流');
    huge = data.subarray(at + 2, at + 2 + size);
  });
  return huge ?? grpprl;
}

/**
 * The text boxes: the main document's anchors (`PlcSpaMom`: each drawn object's character with its
 * shape id) matched to the text boxes' stories (`PlcftxbxTxt`: each story's range, relative to the
 * stories' start, with the id of its shape), by shape id.
 */
function boxesOf(
  anchors: Uint8Array,
  stories: Uint8Array,
  start: number,
): Map<number, { from: number; to: number }> {
  const boxes = new Map<number, { from: number; to: number }>();
  // A PLC: n + 1 positions, then n records of a fixed size (26 bytes for anchors, 22 for stories).
  const entries = (plc: Uint8Array, size: number) =>
    plc.length >= 4 ? Math.floor((plc.length - 4) / (4 + size)) : 0;
  const av = new DataView(anchors.buffer, anchors.byteOffset, anchors.byteLength);
  const sv = new DataView(stories.buffer, stories.byteOffset, stories.byteLength);
  const shapes = entries(stories, 22);
  const storyOf = new Map<number, { from: number; to: number }>();
  // The last story is a placeholder the format requires.
  for (let i = 0; i < shapes - 1; i++) {
    const id = sv.getInt32((shapes + 1) * 4 + i * 22 + 14, true);
    const from = sv.getUint32(i * 4, true);
    const to = sv.getUint32((i + 1) * 4, true);
    if (to > from) storyOf.set(id, { from: start + from, to: start + to });
  }
  const count = entries(anchors, 26);
  for (let i = 0; i < count; i++) {
    const story = storyOf.get(av.getInt32((count + 1) * 4 + i * 26, true));
    if (story) boxes.set(av.getUint32(i * 4, true), story);
  }
  return boxes;
}

/**
 * The document's text from the piece table (the last structure of the `Clx`): its first `length`
 * characters, of which the main document's `ccpText` must be there; the later stories are read as
 * far as the table holds them.
 */
function pieceText(
  word: Uint8Array,
  clx: Uint8Array,
  ccpText: number,
  wanted: number,
): { text: string; fcs: Float64Array } {
  const view = new DataView(clx.buffer, clx.byteOffset, clx.byteLength);
  let at = 0;
  // Property modifiers (Prc) come first: skipped.
  while (at < clx.length && clx[at] === 0x01) at += 3 + Math.max(0, view.getInt16(at + 1, true));
  if (at + 5 > clx.length || clx[at] !== 0x02) throw new WordBinaryError('Word 文档已损坏：缺少文字索引');
  const lcb = view.getUint32(at + 1, true);
  const plc = at + 5;
  if (plc + lcb > clx.length || lcb < 16 || (lcb - 4) % 12 !== 0)
    throw new WordBinaryError('Word 文档已损坏：文字索引无效');
  const n = (lcb - 4) / 12;
  const cp = (i: number) => view.getUint32(plc + i * 4, true);
  if (ccpText < 0 || ccpText > cp(n)) throw new WordBinaryError('Word 文档已损坏：文字长度无效');
  const total = Math.max(ccpText, Math.min(wanted, cp(n)));
  const parts: string[] = [];
  const fcs = new Float64Array(total);
  let length = 0;
  for (let i = 0; i < n && length < total; i++) {
    const from = cp(i);
    const to = Math.min(cp(i + 1), total);
    if (from !== length || to < from) throw new WordBinaryError('Word 文档已损坏：文字索引无效');
    const raw = view.getUint32(plc + (n + 1) * 4 + i * 8 + 2, true);
    const compressed = (raw & 0x40000000) !== 0;
    const count = to - from;
    if (compressed) {
      const offset = (raw & 0x3fffffff) / 2;
      if (offset + count > word.length) throw new WordBinaryError('Word 文档已损坏：文字超出数据流');
      parts.push(cp1252.decode(word.subarray(offset, offset + count)));
      for (let k = 0; k < count; k++) fcs[length + k] = offset + k;
    } else {
      const offset = raw & 0x3fffffff;
      if (offset + count * 2 > word.length) throw new WordBinaryError('Word 文档已损坏：文字超出数据流');
      parts.push(utf16.decode(word.subarray(offset, offset + count * 2)));
      for (let k = 0; k < count; k++) fcs[length + k] = offset + k * 2;
    }
    length = to;
  }
  if (length !== total) throw new WordBinaryError('Word 文档已损坏：文字索引不完整');
  return { text: parts.join(''), fcs };
}

interface PropertyRun {
  from: number;
  to: number;
  /** A paragraph's style (0, the normal style, for characters). */
  istd: number;
  grpprl: Uint8Array;
}

/**
 * The runs of paragraph or character properties, in file order, from the bin table's formatted
 * disk pages (each 512 bytes of the WordDocument stream).
 */
function fkpRuns(word: Uint8Array, plcBte: Uint8Array, kind: 'paragraph' | 'character'): PropertyRun[] {
  const runs: PropertyRun[] = [];
  if (plcBte.length < 8) return runs;
  const view = new DataView(plcBte.buffer, plcBte.byteOffset, plcBte.byteLength);
  const pages = (plcBte.length - 4) / 8;
  for (let i = 0; i < pages; i++) {
    const pn = view.getUint32((pages + 1) * 4 + i * 4, true) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > word.length) throw new WordBinaryError('Word 文档已损坏：格式页超出数据流');
    const fkp = word.subarray(page, page + 512);
    const fv = new DataView(fkp.buffer, fkp.byteOffset, 512);
    const crun = fkp[511] as number;
    const entry = kind === 'paragraph' ? 13 : 1;
    if ((crun + 1) * 4 + crun * entry > 511) throw new WordBinaryError('Word 文档已损坏：格式页无效');
    for (let r = 0; r < crun; r++) {
      const from = fv.getUint32(r * 4, true);
      const to = fv.getUint32((r + 1) * 4, true);
      const offset = (fkp[(crun + 1) * 4 + r * entry] as number) * 2;
      let grpprl: Uint8Array = new Uint8Array(0);
      let istd = 0;
      if (offset > 0) {
        if (kind === 'character') {
          const cb = fkp[offset] as number;
          grpprl = fkp.subarray(offset + 1, Math.min(511, offset + 1 + cb));
        } else {
          // PapxInFkp: a size in words (0: the next byte is), then the style (2 bytes) and the sprms.
          let cb = fkp[offset] as number;
          let start = offset + 1;
          let size = cb * 2 - 1;
          if (cb === 0) {
            cb = fkp[offset + 1] as number;
            start = offset + 2;
            size = cb * 2;
          }
          istd = fv.getUint16(Math.min(509, start), true);
          grpprl = fkp.subarray(Math.min(511, start + 2), Math.min(511, start + size));
        }
      }
      if (to > from) runs.push({ from, to, istd, grpprl });
    }
  }
  return runs;
}

/** The run that holds `fc` (runs in file order, not overlapping), by binary search. */
function runAt<T extends { from: number; to: number }>(runs: readonly T[], fc: number): T | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid] as T;
    if (fc < run.from) hi = mid - 1;
    else if (fc >= run.to) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/**
 * Calls `visit` with each property modifier (sprm) of a list and its operand. The operand's size
 * is told by the sprm's top three bits, or by a length before it; two sprms have lengths of
 * their own (a table's cells, `sprmTDefTable`, and tab stops, `sprmPChgTabs`).
 */
export function forEachSprm(grpprl: Uint8Array, visit: (sprm: number, operand: Uint8Array) => void): void {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = (grpprl[at] as number) | ((grpprl[at + 1] as number) << 8);
    at += 2;
    let size: number;
    switch (sprm >> 13) {
      case 0:
      case 1:
        size = 1;
        break;
      case 2:
      case 4:
      case 5:
        size = 2;
        break;
      case 3:
        size = 4;
        break;
      case 7:
        size = 3;
        break;
      default:
        if (sprm === 0xd608 || sprm === 0xd606) {
          // cb (2 bytes) counts the bytes after it, plus one.
          size = (grpprl[at] ?? 0) | ((grpprl[at + 1] ?? 0) << 8);
          size += 1;
        } else if (sprm === 0xc615 && grpprl[at] === 255) {
          const deleted = grpprl[at + 1] ?? 0;
          const added = grpprl[at + 2 + deleted * 4] ?? 0;
          size = 1 + 1 + deleted * 4 + 1 + added * 3;
        } else size = (grpprl[at] ?? 0) + 1;
    }
    if (at + size > grpprl.length) return;
    visit(sprm, grpprl.subarray(at, at + size));
    at += size;
  }
}
