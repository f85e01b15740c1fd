/**
 * A hand-written PDF whose text is set in simple TrueType fonts (one byte a code, `/Widths`, the
 * WinAnsi encoding with `/Differences`), as word processors write Latin text and figures: one
 * font not embedded (Arial), one with an embedded TrueType program, one with a `/ToUnicode` map.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** Widths (thousandths of an em) of codes 32–255: Arial-like, enough to place the text. */
const widths = Array.from({ length: 224 }, (_, i) => (i === 0 ? 278 : 400 + ((i * 37) % 300)));

export function simpleFontPdf(): Uint8Array {
  const ttf = readFileSync(
    require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  );
  const toUnicode = Buffer.from(
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n' +
      '2 beginbfchar <41> <0042> <42> <0041> endbfchar\n1 beginbfrange <61> <63> <0078> endbfrange\n' +
      'endcmap CMapName currentdict /CMap defineresource pop end end\n',
    'latin1',
  );
  const content = Buffer.from(
    [
      'BT /F1 12 Tf 72 760 Td (Annual report 2023: 1,234.56 yuan) Tj ET',
      'BT /F1 12 Tf 72 740 Td [(Caf) 20 (\\351 na\\357ve) -250 (\\225 item) -3000 (\\226 last)] TJ ET',
      'BT /F1 10 Tf 2 Tc 3 Tw 72 720 Td (spaced  words here) Tj 0 Tc 0 Tw ET',
      'BT /F2 11 Tf 72 700 Td (Embedded font: 42 cases) Tj 0 -14 Td (second line) Tj ET',
      'BT /F3 12 Tf 72 670 Td (ABabc and more) Tj ET',
      'q 1 0 0 1 0 0 cm 72 650 m 500 650 l S Q',
      'BT /F1 12 Tf 72 630 Td (\\200 42 \\205 \\215x) Tj ET',
    ].join('\n'),
    'latin1',
  );
  const differences = '/Differences [128 /Euro 133 /ellipsis 141 /bullet]';
  const font = (name: string, descriptor: number, extra = '') =>
    `<< /Type /Font /Subtype /TrueType /BaseFont /${name} /FirstChar 32 /LastChar 255 /Widths [${widths.join(' ')}] /FontDescriptor ${descriptor} 0 R /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding ${differences} >> ${extra}>>`;
  const objects: (string | { dict: string; data: Buffer })[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 7 0 R /F3 10 0 R >> >> /Contents 4 0 R >>',
    { dict: '/Filter /FlateDecode', data: deflateSync(content) },
    font('Arial', 6),
    '<< /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [-665 -325 2000 1006] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 /MissingWidth 250 >>',
    font('ABCDEF+NotoSerifSC', 8),
    '<< /Type /FontDescriptor /FontName /ABCDEF+NotoSerifSC /Flags 32 /FontBBox [-1000 -300 2000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 /FontFile2 9 0 R >>',
    { dict: `/Filter /FlateDecode /Length1 ${ttf.length}`, data: deflateSync(ttf) },
    font('Verdana', 11, '/ToUnicode 12 0 R '),
    '<< /Type /FontDescriptor /FontName /Verdana /Flags 32 /FontBBox [-550 -210 1450 1000] /ItalicAngle 0 /Ascent 1005 /Descent -210 /CapHeight 727 /StemV 80 >>',
    { dict: '', data: toUnicode },
  ];
  return writePdf(objects);
}

type PdfObjectSource = string | { dict: string; data: Buffer };

/** Objects 1, 2, … (a string: the object's text; else a stream) with a cross-reference table. */
function writePdf(objects: readonly PdfObjectSource[]): Uint8Array {
  const out: Buffer[] = [Buffer.from('%PDF-1.7\n', 'latin1')];
  let offset = out[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const piece =
      typeof o === 'string'
        ? Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, 'latin1')
        : Buffer.concat([
            Buffer.from(`${i + 1} 0 obj\n<< ${o.dict} /Length ${o.data.length} >>\nstream\n`, 'latin1'),
            o.data,
            Buffer.from('\nendstream\nendobj\n', 'latin1'),
          ]);
    out.push(piece);
    offset += piece.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  ].join('');
  out.push(Buffer.from(xref, 'latin1'));
  return new Uint8Array(Buffer.concat(out));
}

/**
 * Pages that exercise the interpreter: marked content around text (tagged PDFs), a Form XObject
 * with its own matrix, text and borders drawn twice, nested saves, a rotated page with a crop box,
 * rise, horizontal scaling, leading with T* and the quote operators.
 */
export function formsPdf(): Uint8Array {
  const page1 = Buffer.from(
    [
      '/P <</MCID 0>> BDC BT /F1 12 Tf 72 760 Td (Tagged text) Tj ET EMC',
      '/Span <</ActualText (x)>> BDC BT /F1 12 Tf 160 760 Td (continues) Tj ET EMC',
      'q 1 0 0 1 50 -100 cm /Fm1 Do Q',
      'q 0.5 0 0 0.5 300 300 cm /Fm1 Do Q',
      'BT /F1 10 Tf 14 TL 72 500 Td (first) Tj T* (second) Tj (third) \' 2 1 (fourth) " ET',
      'BT /F1 10 Tf 3 Ts 150 Tz 72 440 Td (risen and wide) Tj 0 Ts 100 Tz ET',
      'q q 0 0 1 rg 72 400 200 0.5 re f Q 72 380 m 272 380 l 272 360 l 72 360 l h S Q',
    ].join('\n'),
    'latin1',
  );
  const form = Buffer.from(
    'q BT /F1 11 Tf 20 600 Td (In a form: 1,024) Tj ET Q 20 590 m 220 590 l S 20 590 m 20 560 l S 220 590 m 220 560 l S 20 560 m 220 560 l S',
    'latin1',
  );
  const page2 = Buffer.from(
    'BT /F1 12 Tf 100 700 Td (Rotated page) Tj 0 -20 Td (with a crop box) Tj ET 90 650 m 400 650 l S',
    'latin1',
  );
  const font = `<< /Type /Font /Subtype /TrueType /BaseFont /Arial /FirstChar 32 /LastChar 255 /Widths [${widths.join(' ')}] /FontDescriptor 8 0 R /Encoding /WinAnsiEncoding >>`;
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 /MediaBox [0 0 595 842] /Resources << /Font << /F1 7 0 R >> /XObject << /Fm1 6 0 R >> >> >>',
    '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
    { dict: '/Filter /FlateDecode', data: deflateSync(page1) },
    '<< >>',
    { dict: '/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Matrix [1 0 0 1 10 20]', data: form },
    font,
    '<< /Type /FontDescriptor /FontName /Arial /Flags 32 /FontBBox [-665 -325 2000 1006] /ItalicAngle 0 /Ascent 905 /Descent -212 /CapHeight 716 /StemV 80 >>',
    '<< /Type /Page /Parent 2 0 R /Rotate 90 /CropBox [50 50 545 792] /Contents 10 0 R >>',
    { dict: '', data: page2 },
  ]);
}
