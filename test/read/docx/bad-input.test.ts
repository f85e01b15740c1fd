import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SourceFile, UnreadableInputError } from '../../../src/core/source-file.js';
import { processBytes } from '../../../src/pipeline.js';
import { readDocx } from '../../../src/read/docx/index.js';
import { entryLimit, listEntries, ratioFloor, readEntry, type ZipEntry } from '../../../src/read/docx/zip.js';
import { compoundFile } from '../../support/cfb-writer.js';
import { docx, p, zerosDeflated, zipOf, zipWithDeflated } from './build.js';

/** The reason a DOCX is refused (it must be refused, never crash or hang). */
async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await processBytes(bytes, 'bad.docx').then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableInputError);
  return (error as Error).message;
}

const good = docx(p('一、总体情况') + p('正文'));

describe('hostile and broken DOCX files are refused with a reason', () => {
  it('a ZIP bomb: 1 GB of zeros as word/document.xml, declared as 1 KB', async () => {
    const deflated = zerosDeflated(1024 * 1024 * 1024);
    expect(deflated.length).toBeLessThan(8 * 1024 * 1024);
    const bomb = zipWithDeflated('word/document.xml', deflated, 1024);
    expect(await refusal(bomb)).toBe('word/document.xml 解压后过大（压缩比超过 100:1），可能是压缩炸弹');
  });

  it('past the size cap even at a modest ratio, compressed or stored', () => {
    let seed = 1;
    const text = new Uint8Array(512 * 1024).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return 0x30 + ((seed >> 16) % 10);
    });
    for (const level of [6, 0] as const) {
      const zip = zipSync({ 'word/document.xml': [text, { level }] });
      const file = new SourceFile('big.docx');
      const [entry] = listEntries(zip, file);
      expect(() => readEntry(zip, entry as ZipEntry, file, 256 * 1024)).toThrow(
        'word/document.xml 解压后过大（超过 256.0 KB），可能是压缩炸弹',
      );
      const read = readEntry(zip, entry as ZipEntry, file, 1024 * 1024);
      expect(Buffer.from(read).equals(text)).toBe(true);
    }
    expect(entryLimit).toBe(64 * 1024 * 1024);
  });

  it('a document.xml just under the ratio floor is read (a deflate stream of zeros, 4 MB)', () => {
    const deflated = zerosDeflated(ratioFloor / 2);
    // Zeros are not XML: read, then refused as malformed, not as a bomb.
    expect(() =>
      readDocx(zipWithDeflated('word/document.xml', deflated, 0), new SourceFile('z.docx')),
    ).toThrow(/不是有效的 XML/);
  });

  it('a ZIP without word/document.xml', async () => {
    expect(await refusal(zipOf({ 'xl/workbook.xml': '<workbook/>' }))).toBe(
      '不是有效的 DOCX 文件：缺少 word/document.xml',
    );
  });

  it('an OpenDocument text file is named as such', async () => {
    const odt = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
    });
    expect(await refusal(odt)).toBe('OpenDocument（.odt）文件暂不支持读取，请另存为 DOCX 后再试');
  });

  it('an empty ZIP', async () => {
    const empty = zipSync({});
    expect(empty.length).toBe(22);
    expect(await refusal(empty)).toBe('不是有效的 DOCX 文件：缺少 word/document.xml');
  });

  it('a truncated DOCX (the directory at the end is lost)', async () => {
    for (const keep of [0.9, 0.5, 0.1]) {
      const cut = good.subarray(0, Math.floor(good.length * keep));
      expect(await refusal(cut)).toMatch(/^DOCX 文件已损坏（/);
    }
  });

  it('random bytes after a PK header', async () => {
    let seed = 7;
    const noise = new Uint8Array(4096).map(() => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed & 0xff;
    });
    noise.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await refusal(noise)).toMatch(/^DOCX 文件已损坏（/);
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(
      'DOCX 文件已损坏（文件过短），请重新获取或用 Word 另存后再试',
    );
  });

  it('damaged compressed data and malformed XML', async () => {
    const damaged = good.slice();
    // Overwrite the start of word/document.xml's data, leaving headers and directory intact.
    const name = Buffer.from(damaged).indexOf('word/document.xml');
    damaged.fill(0xff, name + 17, name + 17 + 40);
    expect(await refusal(damaged)).toMatch(/^DOCX 文件已损坏（/);
    const notXml = zipOf({ 'word/document.xml': '<w:document><w:body><w:p></w:body>' });
    expect(await refusal(notXml)).toMatch(/^DOCX 文件已损坏（word\/document\.xml 不是有效的 XML：/);
  });

  it('entities are not expanded (no billion laughs)', async () => {
    const laughs = zipOf({
      'word/document.xml':
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>',
    });
    expect(await refusal(laughs)).toMatch(/不是有效的 XML/);
  });

  it('an encrypted ZIP entry, an unknown compression method', async () => {
    const encrypted = good.slice();
    const view = new DataView(encrypted.buffer);
    // Flag bit 0 in every central directory record.
    for (let i = 0; i + 4 <= encrypted.length; i++)
      if (view.getUint32(i, true) === 0x02014b50)
        view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true);
    expect(await refusal(encrypted)).toBe('DOCX 文件已加密，无法读取，请解除密码保护后再试');
    const method = good.slice();
    const mview = new DataView(method.buffer);
    for (let i = 0; i + 4 <= method.length; i++)
      if (mview.getUint32(i, true) === 0x02014b50) mview.setUint16(i + 10, 12, true);
    expect(await refusal(method)).toBe('DOCX 文件使用了不支持的压缩方式（12），请用 Word 另存后再试');
  });

  it('a DOCX with no text (pictures only) says so', async () => {
    expect(await refusal(docx(p() + p('<w:r><w:drawing/></w:r>')))).toBe(
      'DOCX 文件中没有可读取的文字（可能只有图片，例如扫描件）',
    );
  });

  it('an OLE-wrapped (encrypted) DOCX is left to the .doc reader, which says it is encrypted', async () => {
    const ole = compoundFile({ EncryptionInfo: new Uint8Array(200), EncryptedPackage: new Uint8Array(5000) });
    expect(await refusal(ole)).toBe('文件已加密（受密码保护的 Office 文档），需要密码，无法读取');
  });

  it('a good DOCX is read as docx', async () => {
    const result = await processBytes(good, 'good.docx');
    expect(result.sourceType).toBe('docx');
  });
});
