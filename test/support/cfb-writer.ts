/**
 * Writes a Compound File Binary file (version 3, 512-byte sectors) holding the given streams in
 * its root storage: streams under 4096 bytes in the mini stream, as [MS-CFB] asks. For tests of
 * the .doc reader's container, whole or damaged (`damage` edits the bytes written).
 */
const sectorSize = 512;
const endOfChain = 0xfffffffe;
const free = 0xffffffff;
const fatSector = 0xfffffffd;

export function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const names = Object.keys(streams);
  const sectors: Uint8Array[] = [];
  const fat: number[] = [];
  /** Appends data as a chain of sectors; returns its first sector. */
  const chain = (data: Uint8Array): number => {
    if (data.length === 0) return endOfChain;
    const first = sectors.length;
    const count = Math.ceil(data.length / sectorSize);
    for (let i = 0; i < count; i++) {
      const s = new Uint8Array(sectorSize);
      s.set(data.subarray(i * sectorSize, (i + 1) * sectorSize));
      sectors.push(s);
      fat.push(i === count - 1 ? endOfChain : first + i + 1);
    }
    return first;
  };

  // Small streams in the mini stream (64-byte sectors), chained by the mini FAT.
  const mini: number[] = [];
  const miniParts: Uint8Array[] = [];
  const starts = new Map<string, number>();
  for (const name of names) {
    const data = streams[name] as Uint8Array;
    if (data.length >= 4096) continue;
    const count = Math.ceil(data.length / 64);
    const first = mini.length;
    for (let i = 0; i < count; i++) {
      const s = new Uint8Array(64);
      s.set(data.subarray(i * 64, (i + 1) * 64));
      miniParts.push(s);
      mini.push(i === count - 1 ? endOfChain : first + i + 1);
    }
    starts.set(name, count === 0 ? endOfChain : first);
  }
  const miniStream = new Uint8Array(miniParts.length * 64);
  miniParts.forEach((s, i) => {
    miniStream.set(s, i * 64);
  });
  for (const name of names) {
    const data = streams[name] as Uint8Array;
    if (data.length >= 4096) starts.set(name, chain(data));
  }
  const miniStart = chain(miniStream);
  const miniFat = new Uint8Array(Math.ceil((mini.length * 4) / sectorSize) * sectorSize).fill(0xff);
  const mv = new DataView(miniFat.buffer);
  mini.forEach((n, i) => {
    mv.setUint32(i * 4, n, true);
  });
  const miniFatStart = mini.length > 0 ? chain(miniFat) : endOfChain;

  // The directory: the root, then the streams as a chain of right siblings.
  const entries = [{ name: 'Root Entry', type: 5, start: miniStart, size: miniStream.length }];
  for (const name of names)
    entries.push({
      name,
      type: 2,
      start: starts.get(name) as number,
      size: (streams[name] as Uint8Array).length,
    });
  const directory = new Uint8Array(Math.ceil((entries.length * 128) / sectorSize) * sectorSize);
  const dv = new DataView(directory.buffer);
  entries.forEach((e, i) => {
    const at = i * 128;
    for (let k = 0; k < e.name.length; k++) dv.setUint16(at + k * 2, e.name.charCodeAt(k), true);
    dv.setUint16(at + 0x40, (e.name.length + 1) * 2, true);
    dv.setUint8(at + 0x42, e.type);
    dv.setUint8(at + 0x43, 1);
    dv.setUint32(at + 0x44, free, true);
    dv.setUint32(at + 0x48, i > 0 && i + 1 < entries.length ? i + 1 : free, true);
    dv.setUint32(at + 0x4c, i === 0 && entries.length > 1 ? 1 : free, true);
    dv.setUint32(at + 0x74, e.start, true);
    dv.setUint32(at + 0x78, e.size, true);
  });
  for (let i = entries.length; i < directory.length / 128; i++) {
    dv.setUint32(i * 128 + 0x44, free, true);
    dv.setUint32(i * 128 + 0x48, free, true);
    dv.setUint32(i * 128 + 0x4c, free, true);
  }
  const directoryStart = chain(directory);

  // The FAT itself, in sectors marked as FAT sectors (enough for itself too).
  let fatCount = 1;
  while ((sectors.length + fatCount) * 4 > fatCount * sectorSize) fatCount++;
  const fatStart = sectors.length;
  for (let i = 0; i < fatCount; i++) fat.push(fatSector);
  const fatBytes = new Uint8Array(fatCount * sectorSize).fill(0xff);
  const fv = new DataView(fatBytes.buffer);
  fat.forEach((n, i) => {
    fv.setUint32(i * 4, n, true);
  });
  for (let i = 0; i < fatCount; i++) sectors.push(fatBytes.subarray(i * sectorSize, (i + 1) * sectorSize));

  const header = new Uint8Array(sectorSize);
  const hv = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  hv.setUint16(0x18, 0x3e, true);
  hv.setUint16(0x1a, 3, true);
  hv.setUint16(0x1c, 0xfffe, true);
  hv.setUint16(0x1e, 9, true);
  hv.setUint16(0x20, 6, true);
  hv.setUint32(0x2c, fatCount, true);
  hv.setUint32(0x30, directoryStart, true);
  hv.setUint32(0x38, 4096, true);
  hv.setUint32(0x3c, miniFatStart, true);
  hv.setUint32(0x40, miniFat.length / sectorSize, true);
  hv.setUint32(0x44, endOfChain, true);
  for (let i = 0; i < 109; i++) hv.setUint32(0x4c + i * 4, i < fatCount ? fatStart + i : free, true);
  if (fatCount > 109) throw new Error('compoundFile: too large for a test file');

  const out = new Uint8Array(sectorSize * (1 + sectors.length));
  out.set(header);
  sectors.forEach((s, i) => {
    out.set(s, (i + 1) * sectorSize);
  });
  return out;
}
