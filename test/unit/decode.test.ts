import { describe, expect, it } from 'vitest';
import { decode, garbageRatio } from '../../src/decode/decode.js';

const sample = '嘉祥县工业和信息化局2021年政府信息公开工作年度报告';

describe('decode', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decode(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8', replacements: 0 });
  });

  it('drops a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
    expect(decode(bytes).text).toBe(sample);
  });

  it('reads GB18030 / GBK bytes', () => {
    // 「你好，年度报告」 in GBK.
    const gbk = Buffer.from([
      0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xac, 0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6,
    ]);
    expect(decode(gbk)).toEqual({ text: '你好，年度报告', encoding: 'gb18030', replacements: 0 });
  });

  it('reads UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('报告2021', 'utf16le')]);
    expect(decode(bytes)).toEqual({ text: '报告2021', encoding: 'utf-16le', replacements: 0 });
  });

  it('reads UTF-16 without a BOM in either byte order, told by which order reads as report text', () => {
    const text = `一、总体情况\n公开 2021 件　第一页\n`;
    const little = Buffer.from(text, 'utf16le');
    expect(decode(little)).toEqual({ text, encoding: 'utf-16le', replacements: 0 });
    expect(decode(Buffer.from(little).swap16())).toEqual({ text, encoding: 'utf-16be', replacements: 0 });
  });

  it('does not take binary data with zero bytes for UTF-16', () => {
    const binary = Uint8Array.from({ length: 512 }, (_, i) => (i * 37) % 256);
    expect(decode(binary).encoding).toBe('gb18030');
  });

  it('measures how much of a text is binary garbage', () => {
    expect(garbageRatio(sample)).toBe(0);
    expect(garbageRatio('\u0000\u0001ab')).toBe(0.5);
  });
});
