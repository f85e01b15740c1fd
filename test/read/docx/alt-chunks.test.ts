/**
 * A DOCX whose body imports its content as a web page (`w:altChunk`), as web applications'
 * 「导出 Word」 (html-docx-js and the like) write it: an MHT or HTML part that Word converts on
 * opening. Such a document reads as that page; a chunk in another format, or one beside the
 * document's own text, is left unread with a warning.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../../src/pipeline.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { arbitrarySeededReport } from '../../support/arbitraries.js';
import { writeMhtml } from '../../support/mhtml.js';
import { describeFindings, differingKeys, errors, fcParams } from '../../support/parse.js';
import { docx, p } from './build.js';

const chunkRels = (targets: Record<string, string>) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${Object.entries(
    targets,
  )
    .map(
      ([id, target]) =>
        `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}"/>`,
    )
    .join('')}</Relationships>`;

describe('a DOCX of imported web pages (altChunk)', () => {
  it('reads as the page, whether an MHT part or an HTML one: every cell back, no error', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySeededReport(),
        fc.boolean(),
        fc.constantFrom('quoted-printable' as const, 'base64' as const, '8bit' as const),
        fc.constantFrom('utf-8' as const, 'gb2312' as const),
        async ({ seed, report }, mht, encoding, charset) => {
          const html = renderHtml(report);
          const chunk = mht
            ? writeMhtml(html, {
                encoding,
                charset,
                crlf: true,
                preamble: false,
                quotedBoundary: true,
                resourcesFirst: false,
              })
            : Buffer.from(html, 'utf8');
          const name = mht ? 'afchunk.mht' : 'chunk.htm';
          const bytes = docx('<w:altChunk r:id="htmlChunk"/>', {
            extra: {
              'word/_rels/document.xml.rels': chunkRels({ htmlChunk: `/word/${name}` }),
              [`word/${name}`]: chunk,
            },
          });
          const { report: back, sourceType } = await processBytes(bytes, 'report.docx');
          const context = `generateReport(${seed}, '${report.format}') as ${name} ${encoding} ${charset}\n${describeFindings(back.findings)}`;
          expect(sourceType).toBe('docx');
          expect(differingKeys(report.cells, back.cells), context).toEqual([]);
          expect(errors(back.findings), context).toEqual([]);
          expect(
            back.findings.some((f) => f.code === 'read.docx-altchunk'),
            context,
          ).toBe(false);
        },
      ),
      fcParams(12, 20261211),
    );
  }, 120_000);

  it('reads several pages in order; a chunk that is no page is named in a warning', async () => {
    const bytes = docx('<w:altChunk r:id="a"/><w:altChunk r:id="b"/><w:altChunk r:id="c"/>', {
      extra: {
        'word/_rels/document.xml.rels': chunkRels({ a: 'a.htm', b: 'b.rtf', c: '/word/c.htm' }),
        'word/a.htm': '<html><body><p>一、总体情况</p><p>甲</p></body></html>',
        'word/b.rtf': '{\\rtf1 乙}',
        'word/c.htm': '<html><body><p>二、主动公开政府信息情况</p><p>丙</p></body></html>',
      },
    });
    const { report } = await processBytes(bytes, 'report.docx');
    expect(report.sections.map((s) => [s.number, s.text])).toEqual([
      [1, '甲'],
      [2, '丙'],
    ]);
    expect(report.findings.filter((f) => f.code === 'read.docx-altchunk').map((f) => f.message)).toEqual([
      '文档中有 1 处以其他格式嵌入的内容（altChunk），未能读取；请用 Word 打开后另存为 DOCX 再试',
    ]);
  });

  it('beside the document’s own text, a chunk is left unread with a warning', async () => {
    const bytes = docx(`${p('一、总体情况')}<w:altChunk r:id="a"/>`, {
      extra: {
        'word/_rels/document.xml.rels': chunkRels({ a: 'a.htm' }),
        'word/a.htm': '<html><body><p>二、主动公开政府信息情况</p></body></html>',
      },
    });
    const { report } = await processBytes(bytes, 'report.docx');
    expect(report.sections.map((s) => s.number)).toEqual([1]);
    expect(report.findings.some((f) => f.code === 'read.docx-altchunk')).toBe(true);
  });
});
