import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceFile, UnreadableInputError } from '../../../src/core/source-file.js';
import { processBytes } from '../../../src/pipeline.js';
import { unwrapMhtml } from '../../../src/read/mhtml/index.js';
import { mimeParts } from '../../../src/read/mhtml/mime.js';
import { sniffMhtml } from '../../../src/read/mhtml/sniff.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { arbitrarySeededReport } from '../../support/arbitraries.js';
import { writeMhtml } from '../../support/mhtml.js';
import { describeFindings, differingKeys, errors, fcParams } from '../../support/parse.js';

const fixture = (name: string) => new URL(`../../fixtures/html/${name}`, import.meta.url);
const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('web page archives (MHTML)', () => {
  it('a page saved by chromium (「网页，单个文件」) reads as the page itself', async () => {
    const archive = readFileSync(fixture('001-portal.mhtml'));
    expect(sniffMhtml(archive)).toBe(true);
    const fromArchive = await processBytes(archive, '001-portal.mhtml');
    const fromPage = await processBytes(readFileSync(fixture('001-portal.html')), '001-portal.html');
    expect(fromArchive.sourceType).toBe('html');
    expect(fromArchive.report.cells).toEqual(fromPage.report.cells);
    expect(fromArchive.report.agency).toBe('湟源县人民政府办公室');
    expect(fromArchive.report.sections.map((s) => s.text)).toEqual(
      fromPage.report.sections.map((s) => s.text),
    );
    expect(errors(fromArchive.report.findings)).toEqual([]);
  });

  it('archives written the ways browsers and Word write them: every cell back, no error', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySeededReport(),
        fc.record({
          encoding: fc.constantFrom('quoted-printable' as const, 'base64' as const, '8bit' as const),
          charset: fc.constantFrom('utf-8' as const, 'gb2312' as const, 'none' as const),
          crlf: fc.boolean(),
          preamble: fc.boolean(),
          quotedBoundary: fc.boolean(),
          resourcesFirst: fc.boolean(),
        }),
        async ({ seed, report }, options) => {
          const html = renderHtml(report);
          const { report: back } = await processBytes(writeMhtml(html, options), 'report.mht');
          const context = `generateReport(${seed}, '${report.format}') in ${JSON.stringify(options)}\n${describeFindings(back.findings)}`;
          expect(differingKeys(report.cells, back.cells), context).toEqual([]);
          expect(errors(back.findings), context).toEqual([]);
        },
      ),
      fcParams(24, 20261210),
    );
  }, 120_000);

  it('finds the page by the start parameter, and its resources by relative address or Content-ID', () => {
    const archive = writeMhtml('<html><body><p>一、总体情况</p></body></html>', {
      encoding: 'quoted-printable',
      charset: 'utf-8',
      crlf: true,
      preamble: true,
      quotedBoundary: true,
      resourcesFirst: true,
    });
    const page = unwrapMhtml(archive, new SourceFile('a.mht'));
    expect(new TextDecoder().decode(page.html)).toBe('<html><body><p>一、总体情况</p></body></html>');
    expect([...(page.resource('report.files/image001.png') ?? [])].slice(0, 4)).toEqual([
      0x89, 0x50, 0x4e, 0x47,
    ]);
    expect(page.resource('file:///C:/D7F1A23B/report.files/image001.png')).not.toBeNull();
    expect(page.resource('cid:page@mhtml.test')).not.toBeNull();
    expect(page.resource('report.files/image002.png')).toBeNull();
  });

  it('decodes quoted-printable soft breaks and escapes, base64, and a truncated last part', () => {
    const message = mimeParts(
      latin1(
        'Content-Type: multipart/related; boundary=b\n\n--b\nContent-Transfer-Encoding: quoted-printable\n\n' +
          'a=3Db=\nc =E4=B8=80\n--b\nContent-Transfer-Encoding: base64\n\n5LiA\n--b\n\nno end',
      ),
    );
    expect(message?.parts.map((p) => new TextDecoder().decode(p.body()))).toEqual([
      'a=bc 一',
      '一',
      'no end',
    ]);
  });

  it('is not taken for a text report, and says what is wrong with a broken archive', async () => {
    expect(sniffMhtml(latin1('标题: 2021年报告\nContent-Type: text/plain\n\n一、总体情况'))).toBe(false);
    expect(sniffMhtml(Buffer.from('一、总体情况\nContent-Type: multipart/related; boundary=b'))).toBe(false);
    const noBoundary = latin1('MIME-Version: 1.0\nContent-Type: multipart/related\n\n<html></html>');
    expect(sniffMhtml(noBoundary)).toBe(true);
    await expect(processBytes(noBoundary, 'a.mht')).rejects.toThrow(
      new UnreadableInputError('网页存档（MHTML）文件已损坏：缺少各部分之间的分隔符，无法读取'),
    );
    const noPage = latin1(
      'Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nx\n--b--\n',
    );
    await expect(processBytes(noPage, 'a.mht')).rejects.toThrow('网页存档（MHTML）中没有网页');
  });
});
