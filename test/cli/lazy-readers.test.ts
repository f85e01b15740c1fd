/**
 * The registry's readers load their modules on first use, so their sniffers are the registry's
 * own: they must tell the same files as the readers' modules do.
 */
import { describe, expect, it } from 'vitest';
import { docxReader } from '../../src/read/docx/index.js';
import { htmlReader } from '../../src/read/html/index.js';
import { mhtmlReader } from '../../src/read/mhtml/index.js';
import { imageReader } from '../../src/read/ocr/index.js';
import { ofdReader } from '../../src/read/ofd/index.js';
import { readers } from '../../src/read/registry.js';
import { placedText, writeOfd } from '../support/ofd.js';

const bytes = (...values: number[]) => new Uint8Array([...values, 0, 0, 0, 0, 0, 0, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);

const samples: Uint8Array[] = [
  bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a),
  bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a),
  bytes(0xff, 0xd8, 0xff, 0xe0),
  bytes(0xff, 0xd8),
  bytes(0x49, 0x49, 0x2a, 0x00),
  bytes(0x4d, 0x4d, 0x00, 0x2a),
  bytes(0x4d, 0x4d, 0x2a, 0x00),
  bytes(0x50, 0x4b, 0x03, 0x04),
  bytes(0x50, 0x4b, 0x05, 0x06),
  bytes(0x50, 0x4b, 0x07, 0x08),
  bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
  text('%PDF-1.7'),
  text('<!DOCTYPE html><html>'),
  text('\ufeff<div>报告</div>'),
  text('<?xml version="1.0"?><html>'),
  text('一、总体情况'),
  new Uint8Array(),
  text('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b'),
  text('Subject: 报告\r\n\r\n一、总体情况'),
];

const typeOf = (b: Uint8Array) => readers.find((r) => r.sniff(b))?.type;

describe('the registry’s sniffers', () => {
  it('tell images, DOCX, HTML and web page archives as the readers’ modules do', () => {
    for (const sample of samples) {
      for (const [modules, type] of [
        [[imageReader], 'image'],
        [[docxReader], 'docx'],
        [[mhtmlReader, htmlReader], 'html'],
      ] as const) {
        const own = readers.filter((r) => r.type === type).map((r) => r.sniff(sample));
        const theirs = modules.map((r) => r.sniff(sample));
        expect(own, `${type} ${[...sample.subarray(0, 8)]}`).toEqual(theirs);
      }
    }
  });

  it('put each sample with its reader, the text reader last', () => {
    expect(samples.map(typeOf)).toEqual([
      'image',
      'text',
      'image',
      'text',
      'image',
      'image',
      'text',
      'docx',
      'docx',
      'text',
      'doc',
      'pdf',
      'html',
      'html',
      'html',
      'text',
      'text',
      'html',
      'text',
    ]);
  });

  it('tell an OFD package (a ZIP with OFD.xml) as the OFD module does, ahead of the DOCX reader', () => {
    const ofd = writeOfd({ pages: [{ layers: [placedText(1, '一、总体情况', 25, 40, 5)] }] });
    for (const sample of [...samples, ofd]) {
      const own = readers.find((r) => r.sniff(sample));
      expect(own?.sniff === ofdReader.sniff || !ofdReader.sniff(sample)).toBe(true);
    }
    expect(typeOf(ofd)).toBe('pdf');
  });

  it('read through the module loaded on first use', async () => {
    const { SourceFile } = await import('../../src/core/source-file.js');
    const docx = readers.find((r) => r.type === 'docx') as (typeof readers)[number];
    await expect(docx.read(bytes(0x50, 0x4b, 0x05, 0x06), new SourceFile('x.docx'))).rejects.toThrow(/DOCX/);
  });
});
