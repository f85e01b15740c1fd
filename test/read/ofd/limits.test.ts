/**
 * The OFD reader's bounds (src/core/limits.ts, made small here): the file's size, the XML its parts
 * inflate to in all, and the pages read; and graphics that multiply themselves (composites of
 * composites) are cut off, never followed without end.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { SourceFile, UnreadableInputError } from '../../../src/core/source-file.js';
import { readOfd } from '../../../src/read/ofd/index.js';
import { placedText, writeOfd } from '../../support/ofd.js';

vi.mock('../../../src/core/limits.js', async (original) => {
  const actual = await original<typeof import('../../../src/core/limits.js')>();
  return { ...actual, limits: { ...actual.limits, pdfPages: 2, ofdBytes: 10_000, ofdXmlBytes: 30_000 } };
});

const heading = (i: number) => placedText(i, `${'一二三四'[i]}、第 ${i + 1} 部分`, 25, 40, 5);

async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await readOfd(bytes, new SourceFile('big.ofd')).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableInputError);
  return (error as Error).message;
}

describe('OFD bounds', () => {
  it('reads the first pages up to the page limit, and says so', async () => {
    const file = new SourceFile('long.ofd');
    const blocks = await readOfd(writeOfd({ pages: [0, 1, 2].map((i) => ({ layers: [heading(i)] })) }), file);
    expect(blocks.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual([
      '一、第 1 部分',
      '二、第 2 部分',
    ]);
    expect(file.findings.map((f) => [f.code, f.message])).toEqual([
      ['read.ofd-pages', 'OFD 共 3 页，超过 2 页的上限，只读取了前 2 页'],
    ]);
  });

  it('refuses a file past the size limit, and XML that inflates past its budget', async () => {
    // A picture (random bytes do not compress).
    const big = writeOfd({
      pages: [{ layers: [heading(0)] }],
      parts: { 'Doc_0/Res/scan.jpg': randomBytes(20_000) },
    });
    expect(await refusal(big)).toMatch(/^文件过大（[\d.]+ KB），超过 OFD 报告 9\.8 KB 的上限$/);
    // One object repeated 200 times: small compressed, past the budget inflated.
    const wordy = writeOfd({ pages: [{ layers: [heading(0).repeat(200)] }] });
    expect(await refusal(wordy)).toMatch(
      /^Doc_0\/Pages\/Page_0\/Content\.xml 解压后过大（超过 [\d.]+ KB），可能是压缩炸弹$/,
    );
  });

  it('cuts off composite graphics that draw each other without end', async () => {
    // C0 draws C1 ten times, C1 draws C2 ten times, …: 10⁶ units; C5 draws C0 again (a cycle).
    const composites = [0, 1, 2, 3, 4, 5].map((k) => ({
      id: `C${k}`,
      width: 10,
      height: 10,
      content: Array.from(
        { length: 10 },
        (_, j) =>
          `<ofd:CompositeObject ID="${k * 10 + j + 1}" ResourceID="C${(k + 1) % 6}" Boundary="0 0 10 10"/>`,
      ).join(''),
    }));
    const bytes = writeOfd({
      composites,
      pages: [
        { layers: [`${heading(0)}<ofd:CompositeObject ID="99" ResourceID="C0" Boundary="0 0 10 10"/>`] },
      ],
    });
    expect(await refusal(bytes)).toBe('OFD 第 1 页的图元过多（超过 200000 个），不像是一份年度报告，未读取');
  });
});
