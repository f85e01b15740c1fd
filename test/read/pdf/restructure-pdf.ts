/**
 * A classic PDF (objects one after another, a cross-reference table: pdfkit's output) written the
 * other ways a PDF may be: its objects packed into an object stream behind a cross-reference
 * stream, or followed by an incremental update that rewrites some of them.
 */
import { deflateSync } from 'node:zlib';

interface PdfObjectText {
  num: number;
  /** `<< … >>` or other object text, without `N 0 obj` / `endobj`. */
  body: string;
  stream: boolean;
}

function objectsOf(pdf: Uint8Array): { objects: PdfObjectText[]; trailer: string } {
  const text = Buffer.from(pdf).toString('latin1');
  const objects: PdfObjectText[] = [];
  const head = /(\d+) 0 obj\n/g;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const end = text.indexOf('\nendobj', head.lastIndex);
    const body = text.slice(head.lastIndex, end);
    objects.push({ num: Number(m[1]), body, stream: body.includes('\nstream\n') });
    head.lastIndex = end;
  }
  const trailer = /trailer\s*(<<[\s\S]*?>>)\s*startxref/.exec(text)?.[1] ?? '';
  return { objects, trailer };
}

/** The trailer's members other than /Size and /Prev. */
const trailerRest = (trailer: string): string =>
  trailer
    .replace(/^<<|>>$/g, '')
    .replace(/\/Size \d+/, '')
    .replace(/\/Prev \d+/, '');

/** Every object that is no stream packed into one object stream, behind a cross-reference stream. */
export function packObjects(pdf: Uint8Array): Uint8Array {
  const { objects, trailer } = objectsOf(pdf);
  const packed = objects.filter((o) => !o.stream && !/\/Length \d+ 0 R/.test(o.body));
  const direct = objects.filter((o) => !packed.includes(o));
  const size = Math.max(...objects.map((o) => o.num)) + 3;
  const objStm = size - 2;
  const xrefNum = size - 1;
  let header = '';
  let body = '';
  for (const o of packed) {
    header += `${o.num} ${body.length} `;
    body += `${o.body}\n`;
  }
  const data = deflateSync(Buffer.from(header + body, 'latin1'));
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]?.length ?? 0;
  const offsets = new Map<number, number>();
  const add = (chunk: Buffer) => {
    parts.push(chunk);
    offset += chunk.length;
  };
  for (const o of direct) {
    offsets.set(o.num, offset);
    add(Buffer.from(`${o.num} 0 obj\n${o.body}\nendobj\n`, 'latin1'));
  }
  offsets.set(objStm, offset);
  add(
    Buffer.concat([
      Buffer.from(
        `${objStm} 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
        'latin1',
      ),
      data,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]),
  );
  const xrefAt = offset;
  const rows = Buffer.alloc(size * 7);
  for (let n = 0; n < size; n++) {
    const at = packed.findIndex((o) => o.num === n);
    const row = rows.subarray(n * 7, n * 7 + 7);
    if (n === xrefNum) {
      row[0] = 1;
      row.writeUInt32BE(xrefAt, 1);
    } else if (at >= 0) {
      row[0] = 2;
      row.writeUInt32BE(objStm, 1);
      row.writeUInt16BE(at, 5);
    } else if (offsets.has(n)) {
      row[0] = 1;
      row.writeUInt32BE(offsets.get(n) as number, 1);
    }
  }
  add(
    Buffer.concat([
      Buffer.from(
        `${xrefNum} 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] ${trailerRest(trailer)} /Length ${rows.length} >>\nstream\n`,
        'latin1',
      ),
      rows,
      Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
    ]),
  );
  return new Uint8Array(Buffer.concat(parts));
}

/**
 * An incremental update appended: object `num` written again with `replace` applied to its text
 * (a new cross-reference section whose /Prev is the old one).
 */
export function appendUpdate(pdf: Uint8Array, num: number, replace: (body: string) => string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const { objects, trailer } = objectsOf(pdf);
  const object = objects.find((o) => o.num === num);
  if (!object) throw new Error(`no object ${num}`);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const at = pdf.length;
  const update = `${num} 0 obj\n${replace(object.body)}\nendobj\n`;
  const xrefAt = at + Buffer.byteLength(update, 'latin1');
  const xref = `xref\n0 1\n0000000000 65535 f \n${num} 1\n${String(at).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size} /Prev ${prev} ${trailerRest(trailer)} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(update + xref, 'latin1')]));
}
