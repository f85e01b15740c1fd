/** Encodes text as GBK (two-byte GB18030), for pages that declare gb2312/gbk. Node has no GBK encoder. */

let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else {
      const pair = codes.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch} (U+${c.toString(16)})`);
      out.push(...pair);
    }
  }
  return Uint8Array.from(out);
}
