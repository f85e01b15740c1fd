/** Delimited text into rows (src/text/csv.ts): RFC 4180 quoting, CRLF or LF, tabs from Excel. */
import { describe, expect, it } from 'vitest';
import { parseDelimited } from '../../src/text/csv.js';

describe('parseDelimited', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and empty fields', () => {
    expect(parseDelimited('\ufeffa,b,c\r\n"1,2","say ""hi""","two\r\nlines"\r\n,,\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1,2', 'say "hi"', 'two\r\nlines'],
      ['', '', ''],
    ]);
  });

  it('takes tabs when the header has tabs and no commas, and a last line without a break', () => {
    expect(parseDelimited('编号\t申请内容\n2024-001\t甲,乙')).toEqual([
      ['编号', '申请内容'],
      ['2024-001', '甲,乙'],
    ]);
  });
});
