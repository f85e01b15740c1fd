/**
 * Web page archives (MHTML) written the ways browsers and Word write them, for the MHTML reader's
 * tests: the page quoted-printable, base64 or as it is; in UTF-8 or GB2312 (named in its part's
 * header or not); CRLF or LF; with Word's preamble; the boundary quoted or not; resources before
 * the page (which the message's `start` then names) or after it.
 */
import { encodeGbk } from '../read/html/support/gbk.js';

export interface MhtmlOptions {
  encoding: 'quoted-printable' | 'base64' | '8bit';
  /** The page's bytes, and the charset its part's header names (none: the page's own meta tag). */
  charset: 'utf-8' | 'gb2312' | 'none';
  crlf: boolean;
  preamble: boolean;
  quotedBoundary: boolean;
  resourcesFirst: boolean;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Quoted-printable (RFC 2045) of bytes as Latin-1 text: lines of at most 76, soft breaks `=`. */
function quotedPrintable(bytes: Uint8Array, eol: string): string {
  const lines: string[] = [];
  let line = '';
  const push = (piece: string) => {
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += piece;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b === 0x0a) {
      lines.push(line);
      line = '';
      continue;
    }
    if (b === 0x0d && bytes[i + 1] === 0x0a) continue;
    const atEnd = bytes[i + 1] === undefined || bytes[i + 1] === 0x0a || bytes[i + 1] === 0x0d;
    const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !atEnd);
    push(plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  lines.push(line);
  return lines.join(eol);
}

const base64 = (bytes: Uint8Array, eol: string) =>
  (
    Buffer.from(bytes)
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join(eol);

/** The archive of a page (its HTML as text), as bytes. */
export function writeMhtml(html: string, o: MhtmlOptions): Uint8Array {
  const eol = o.crlf ? '\r\n' : '\n';
  const boundary = '----=_NextPart_01D7F1A2.3B4C5D60';
  const page = o.charset === 'gb2312' ? encodeGbk(html) : Buffer.from(html, 'utf8');
  const body =
    o.encoding === 'quoted-printable'
      ? quotedPrintable(page, eol)
      : o.encoding === 'base64'
        ? base64(page, eol)
        : latin1(page);
  const type = o.charset === 'none' ? 'text/html' : `text/html; charset="${o.charset}"`;
  const pagePart = [
    'Content-Location: file:///C:/D7F1A23B/report.htm',
    `Content-Transfer-Encoding: ${o.encoding}`,
    `Content-Type: ${type}`,
    ...(o.resourcesFirst ? ['Content-ID: <page@mhtml.test>'] : []),
    '',
    body,
  ].join(eol);
  const resources = [
    [
      'Content-Location: file:///C:/D7F1A23B/report.files/filelist.xml',
      'Content-Type: text/xml',
      '',
      '<xml/>',
    ],
    [
      'Content-Location: file:///C:/D7F1A23B/report.files/image001.png',
      'Content-Transfer-Encoding: base64',
      'Content-Type: image/png',
      '',
      base64(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), eol),
    ],
  ].map((lines) => lines.join(eol));
  const parts = o.resourcesFirst ? [...resources, pagePart] : [pagePart, ...resources];
  const params = [
    `boundary=${o.quotedBoundary ? `"${boundary}"` : boundary}`,
    ...(o.resourcesFirst ? ['type="text/html"', 'start="<page@mhtml.test>"'] : []),
  ];
  const head = ['MIME-Version: 1.0', `Content-Type: multipart/related; ${params.join(`;${eol}\t`)}`, '', ''];
  const preamble = o.preamble
    ? ['This document is a Single File Web Page, also known as a Web Archive file.', '']
    : [];
  const text = [
    ...head,
    ...preamble,
    ...parts.map((p) => `--${boundary}${eol}${p}`),
    `--${boundary}--${eol}`,
  ].join(eol);
  return Buffer.from(text, 'latin1');
}
