/**
 * The Compound File Binary format ([MS-CFB]) that Word 97–2003 documents are stored in: a small
 * FAT file system of 512- or 4096-byte sectors, small streams kept in a mini stream of 64-byte
 * sectors. Only the root storage's streams are read (a Word document's `WordDocument` and
 * `0Table`/`1Table`); embedded objects live in sub-storages and are never opened.
 *
 * Every sector number, chain and size is checked against the file: a damaged or hostile file (a
 * chain that loops, a sector past the end, a stream larger than the file) is refused with a
 * reason (`CompoundFileError`), never read past its end or followed forever.
 */

export class CompoundFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompoundFileError';
  }
}

const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Special sector numbers: the end of a chain and free or reserved sectors (all ≥ this). */
const maxRegularSector = 0xfffffffa;
const endOfChain = 0xfffffffe;
const noStream = 0xffffffff;

export const isCompoundFile = (bytes: Uint8Array): boolean => signature.every((b, i) => bytes[i] === b);

export interface CompoundFile {
  /** The names of the root storage's streams. */
  readonly names: readonly string[];
  /** Whether the root storage has a stream of that name (case-insensitive, as CFB compares). */
  has(name: string): boolean;
  /** A stream of the root storage by name (case-insensitive), or null; read once. */
  stream(name: string): Uint8Array | null;
}

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < 512 || !isCompoundFile(bytes)) throw new CompoundFileError('不是复合文档（OLE）文件');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const major = view.getUint16(0x1a, true);
  const shift = view.getUint16(0x1e, true);
  if (
    view.getUint16(0x1c, true) !== 0xfffe ||
    !((major === 3 && shift === 9) || (major === 4 && shift === 12))
  )
    throw new CompoundFileError('复合文档的文件头无效');
  const sectorSize = 1 << shift;
  const miniShift = view.getUint16(0x20, true);
  if (miniShift !== 6) throw new CompoundFileError('复合文档的文件头无效');
  const miniCutoff = u32(0x38);
  /** Sectors the file holds (the last may be short: it is padded with zeros when read). */
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize);

  const sector = (n: number): Uint8Array => {
    if (n >= sectorCount) throw new CompoundFileError('复合文档已损坏：扇区超出文件范围');
    const from = (n + 1) * sectorSize;
    const end = Math.min(bytes.length, from + sectorSize);
    if (end - from === sectorSize) return bytes.subarray(from, end);
    const padded = new Uint8Array(sectorSize);
    padded.set(bytes.subarray(from, end));
    return padded;
  };
  const words = (s: Uint8Array) => new DataView(s.buffer, s.byteOffset, s.byteLength);

  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  const fatCount = u32(0x2c);
  if (fatCount > sectorCount) throw new CompoundFileError('复合文档已损坏：分配表过大');
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  const perDifat = sectorSize / 4 - 1;
  for (let hops = 0; fatSectors.length < fatCount; hops++) {
    if (difat > maxRegularSector || hops > sectorCount)
      throw new CompoundFileError('复合文档已损坏：分配表不完整');
    const d = words(sector(difat));
    for (let i = 0; i < perDifat && fatSectors.length < fatCount; i++)
      fatSectors.push(d.getUint32(i * 4, true));
    difat = d.getUint32(perDifat * 4, true);
  }
  const fat = littleEndianWords(fatSectors.map(sector));

  /** A chain's sectors from `start`, checked: no loop, nothing past the FAT. */
  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let n = start; n !== endOfChain; n = table[n] as number) {
      if (n > maxRegularSector || n >= table.length || out.length >= limit)
        throw new CompoundFileError('复合文档已损坏：扇区链无效');
      out.push(n);
    }
    return out;
  };
  /** A chain's bytes: its first `size`, or all its sectors'. */
  const readChain = (start: number, size?: number): Uint8Array => {
    const sectors = chain(start, fat, sectorCount);
    if (size !== undefined && sectors.length * sectorSize < size)
      throw new CompoundFileError('复合文档已损坏：数据流不完整');
    const out = new Uint8Array(sectors.length * sectorSize);
    sectors.forEach((n, i) => {
      out.set(sector(n), i * sectorSize);
    });
    return size === undefined ? out : out.subarray(0, size);
  };

  // The directory: 128-byte entries; entry 0 is the root storage.
  const dir = readChain(u32(0x30));
  const entries: Entry[] = [];
  const dv = words(dir);
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const nameLength = Math.min(64, dv.getUint16(at + 0x40, true));
    let name = '';
    for (let i = 0; i + 2 < nameLength; i += 2) name += String.fromCharCode(dv.getUint16(at + i, true));
    const high = major === 4 ? dv.getUint32(at + 0x7c, true) : 0;
    entries.push({
      name,
      type: dv.getUint8(at + 0x42),
      left: dv.getUint32(at + 0x44, true),
      right: dv.getUint32(at + 0x48, true),
      child: dv.getUint32(at + 0x4c, true),
      start: dv.getUint32(at + 0x74, true),
      size: high > 0 ? Number.POSITIVE_INFINITY : dv.getUint32(at + 0x78, true),
    });
  }
  const root = entries[0];
  if (root?.type !== 5) throw new CompoundFileError('复合文档已损坏：缺少根目录');

  // The root storage's children: a tree through `left` and `right` from its `child`.
  const children = new Map<string, Entry>();
  const pending = [root.child];
  const seen = new Set<number>();
  while (pending.length > 0) {
    const id = pending.pop() as number;
    if (id === noStream) continue;
    const entry = entries[id];
    if (!entry || seen.has(id)) throw new CompoundFileError('复合文档已损坏：目录无效');
    seen.add(id);
    if (entry.type === 2) children.set(entry.name.toUpperCase(), entry);
    pending.push(entry.left, entry.right);
  }

  let miniStream: Uint8Array | undefined;
  let miniFat: Uint32Array | undefined;
  const mini = (): { stream: Uint8Array; table: Uint32Array } => {
    if (!miniStream || !miniFat) {
      if (root.size > bytes.length) throw new CompoundFileError('复合文档已损坏：数据流过大');
      miniStream = root.start === endOfChain ? new Uint8Array(0) : readChain(root.start, root.size);
      const count = u32(0x40);
      if (count > sectorCount) throw new CompoundFileError('复合文档已损坏：分配表过大');
      const start = u32(0x3c);
      miniFat =
        count === 0 || start === endOfChain
          ? new Uint32Array(0)
          : littleEndianWords([readChain(start, count * sectorSize)]);
    }
    return { stream: miniStream, table: miniFat };
  };

  /** A stream's bytes: from the mini stream when it is small, else from its chain of sectors. */
  const readStream = (entry: Entry): Uint8Array => {
    if (entry.size > bytes.length) throw new CompoundFileError('复合文档已损坏：数据流过大');
    if (entry.size === 0) return new Uint8Array(0);
    if (entry.size >= miniCutoff) return readChain(entry.start, entry.size);
    const { stream, table } = mini();
    const sectors = chain(entry.start, table, table.length);
    if (sectors.length * 64 < entry.size) throw new CompoundFileError('复合文档已损坏：数据流不完整');
    const out = new Uint8Array(sectors.length * 64);
    sectors.forEach((n, i) => {
      if ((n + 1) * 64 > stream.length) throw new CompoundFileError('复合文档已损坏：扇区超出文件范围');
      out.set(stream.subarray(n * 64, (n + 1) * 64), i * 64);
    });
    return out.subarray(0, entry.size);
  };

  const read = new Map<Entry, Uint8Array>();
  return {
    names: [...children.values()].map((e) => e.name),
    has: (name) => children.has(name.toUpperCase()),
    stream(name: string): Uint8Array | null {
      const entry = children.get(name.toUpperCase());
      if (!entry) return null;
      let bytes = read.get(entry);
      if (!bytes) {
        bytes = readStream(entry);
        read.set(entry, bytes);
      }
      return bytes;
    },
  };
}

/** The 32-bit little-endian words of the pieces, in order. */
function littleEndianWords(pieces: readonly Uint8Array[]): Uint32Array {
  let length = 0;
  for (const p of pieces) length += p.length >> 2;
  const out = new Uint32Array(length);
  let k = 0;
  for (const p of pieces) {
    const view = new DataView(p.buffer, p.byteOffset, p.byteLength);
    for (let i = 0; i + 4 <= p.length; i += 4) out[k++] = view.getUint32(i, true);
  }
  return out;
}
