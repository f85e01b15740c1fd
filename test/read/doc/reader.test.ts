/**
 * The Word 97–2003 (.doc) reader: reports saved as .doc read cell for cell (test/fixtures/doc),
 * the Word features it reads or drops, and every damaged or foreign compound file refused with a
 * reason (never a crash, a hang or a silently wrong cell).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceFile, UnreadableInputError } from '../../../src/core/source-file.js';
import { processBytes } from '../../../src/pipeline.js';
import { openCompoundFile } from '../../../src/read/doc/cfb.js';
import { readDoc } from '../../../src/read/doc/index.js';
import { forEachSprm } from '../../../src/read/doc/word-binary.js';
import { compoundFile } from '../../support/cfb-writer.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/doc/${name}`, import.meta.url)));
const truthOf = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/doc/${name}.truth.json`, import.meta.url), 'utf8'));

/** The reason a file is refused (it must be refused, with a message for the user). */
async function refusal(bytes: Uint8Array): Promise<string> {
  const error = await processBytes(bytes, 'bad.doc').then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnreadableInputError);
  return (error as Error).message;
}

describe('a report saved as Word 97–2003 (.doc)', () => {
  it.each(['blanks-9000', 'blanks-9001'])('%s: every cell exact, blanks included', async (name) => {
    const truth = truthOf(name);
    const { report, sourceType } = await processBytes(fixture(`${name}.doc`), `${name}.doc`);
    expect(sourceType).toBe('doc');
    expect([report.format, report.agency, report.year, report.signedOn]).toEqual([
      truth.format,
      truth.agency,
      truth.year,
      truth.signedOn,
    ]);
    expect(report.cells).toEqual(truth.cells);
    expect(report.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('places a cell at its paragraph: the line of the source text, one paragraph a line', async () => {
    const file = new SourceFile('blanks-9000.doc');
    readDoc(fixture('blanks-9000.doc'), file);
    const { report } = await processBytes(fixture('blanks-9000.doc'), 'blanks-9000.doc');
    const blank = report.findings.find((f) => f.code === 'assemble.blank-cell');
    const line = (file.text ?? '').split('\n')[(blank?.line ?? 0) - 1];
    expect(line).toBe('行政强制');
  });
});

describe('what the .doc reader reads of Word', () => {
  it('reads fields, hidden text, tracked changes, line breaks and merged cells as the DOCX reader', () => {
    const file = new SourceFile('features.doc');
    const blocks = readDoc(fixture('features.doc'), file);
    expect(blocks).toEqual([
      // The table of contents' two paragraphs (lines 1 and 2) are left out with its result.
      { type: 'paragraph', text: '一、总体情况', line: 3, column: 1 },
      // Hidden 「隐藏文字」 and the deleted 「99」 are dropped, the inserted 「12」 kept.
      { type: 'paragraph', text: '本年度共收到申请12件。', line: 4, column: 1 },
      // The PAGE field's result, not its instruction.
      { type: 'paragraph', text: '第1页', line: 5, column: 1 },
      // A line break: two segments of one paragraph; a tab; a non-breaking hyphen.
      { type: 'paragraph', text: '第一行', line: 6, column: 1 },
      { type: 'paragraph', text: '第二行\tA-B', line: 6, column: 5 },
      {
        type: 'table',
        line: 7,
        column: 1,
        rows: [
          [
            { text: '标签', line: 7, column: 1 },
            { text: '合并两列', line: 8, column: 1 },
            { text: '', line: 8, column: 1, spanned: true },
          ],
          [
            { text: '', line: 9, column: 1, spanned: true },
            { text: '1', line: 10, column: 1 },
            { text: '', line: 11, column: 1 },
          ],
          [
            { text: '第二行', line: 12, column: 1 },
            { text: '2', line: 13, column: 1 },
            { text: '3', line: 14, column: 1 },
          ],
        ],
      },
      { type: 'paragraph', text: '表后段落。', line: 15, column: 1 },
    ]);
    expect(file.text?.split('\n')).toEqual([
      '',
      '',
      '一、总体情况',
      '本年度共收到申请12件。',
      '第1页',
      '第一行 第二行\tA-B',
      '标签',
      '合并两列',
      '',
      '1',
      '',
      '第二行',
      '2',
      '3',
      '表后段落。',
    ]);
    expect(file.findings.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['read.doc-revisions', 'info', 4],
    ]);
  });

  it('prints automatic numbers as Word counts them: through a heading style, a list, a start-at', () => {
    const file = new SourceFile('numbered.doc');
    const blocks = readDoc(fixture('numbered.doc'), file);
    expect(blocks.map((b) => (b.type === 'paragraph' ? b.text : ''))).toEqual([
      '一、总体情况',
      '（一）主动公开',
      '正文。',
      '（二）依申请公开',
      '1.第一项',
      '2.第二项',
      '二、主动公开政府信息情况',
      '③圈一',
      // LibreOffice put the second item in a list instance of its own that starts at 1 (see the README).
      '①圈二',
    ]);
    expect(file.findings).toEqual([]);
  });

  it('keeps a table nested in a cell as its own table after the one around it, as the DOCX reader does', () => {
    const blocks = readDoc(fixture('nested.doc'), new SourceFile('nested.doc'));
    const shape = blocks.map((b) =>
      b.type === 'paragraph' ? b.text : b.rows.map((row) => row.map((cell) => cell.text)),
    );
    expect(shape).toEqual([
      '开头',
      [
        ['外标签', '外右'],
        // The cell's own paragraphs; the nested table is not in its text.
        ['前后', '3'],
      ],
      [
        ['内甲', '1'],
        ['内乙', '2'],
      ],
      '结尾',
    ]);
    // The nested rows' end marks are no lines: the cell 「3」 is the tenth paragraph, as in the DOCX.
    const outer = blocks[1] as { rows: { line: number }[][] };
    expect(outer.rows[1]?.[1]?.line).toBe(10);
  });

  it('reads a text box after the paragraph that anchors it, as the DOCX reader does', () => {
    const file = new SourceFile('textbox.doc');
    const blocks = readDoc(fixture('textbox.doc'), file);
    expect(blocks.map((b) => (b.type === 'paragraph' ? [b.text, b.line] : null))).toEqual([
      ['开头', 1],
      ['框前', 2],
      // The box's story, from the text boxes' subdocument (LibreOffice wrote two more, empty, paragraphs).
      ['某县财政局2022年政府信息公开工作年度报告', 3],
      ['结尾', 6],
    ]);
    expect(file.text?.split('\n')[2]).toBe('某县财政局2022年政府信息公开工作年度报告');
  });

  it('sizes each property modifier by its top bits, its length byte, or its own length', () => {
    const seen: [number, number][] = [];
    const grpprl = new Uint8Array([
      // sprmPFInTable (1 byte), sprmPItap (4 bytes), sprmTDefTable (cb = 5: 2 + 4 bytes), a
      // variable one (length byte 2), then a cut-off one (ignored).
      0x16, 0x24, 1, 0x49, 0x66, 1, 0, 0, 0, 0x08, 0xd6, 5, 0, 1, 0, 0, 0x10, 0x2b, 0xd6, 2, 0, 1, 0x03, 0x6c,
    ]);
    forEachSprm(grpprl, (sprm, operand) => {
      seen.push([sprm, operand.length]);
    });
    expect(seen).toEqual([
      [0x2416, 1],
      [0x6649, 4],
      [0xd608, 6],
      [0xd62b, 3],
    ]);
  });
});

describe('compound files that are not a readable Word document', () => {
  it('a compound file is read by the names in its root storage', () => {
    const cfb = openCompoundFile(
      compoundFile({ Small: new Uint8Array([1, 2, 3]), Large: new Uint8Array(5000).fill(7) }),
    );
    expect([...cfb.names].sort()).toEqual(['Large', 'Small']);
    expect([...(cfb.stream('small') ?? [])]).toEqual([1, 2, 3]);
    expect(cfb.stream('Large')?.length).toBe(5000);
    expect(cfb.stream('Large')?.every((b) => b === 7)).toBe(true);
    expect(cfb.stream('Missing')).toBeNull();
  });

  it('refuses, saying why: another Office file, an encrypted one, a damaged one', async () => {
    expect(await refusal(compoundFile({ Workbook: new Uint8Array(100) }))).toBe(
      '复合文档（OLE）中没有 Word 文档（可能是 Excel、PowerPoint 或 WPS 旧格式文件），请另存为 DOCX 后再试',
    );
    expect(
      await refusal(
        compoundFile({ EncryptionInfo: new Uint8Array(10), EncryptedPackage: new Uint8Array(10) }),
      ),
    ).toBe('文件已加密（受密码保护的 Office 文档），需要密码，无法读取');
    expect(await refusal(compoundFile({ WordDocument: new Uint8Array(100) }))).toBe(
      'Word 97–2003（.doc）文件无法读取：Word 文档已损坏：文件信息块不完整',
    );
    const header = new Uint8Array(512);
    header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await refusal(header)).toBe('Word 97–2003（.doc）文件无法读取：复合文档的文件头无效');
  });

  it('refuses an encrypted .doc and a Word 6.0/95 one', async () => {
    const doc = fixture('features.doc');
    // The WordDocument stream starts at a sector boundary with its identifier 0xA5EC.
    let at = 512;
    while (at < doc.length && !(doc[at] === 0xec && doc[at + 1] === 0xa5)) at += 512;
    const encrypted = doc.slice();
    encrypted[at + 0x0b] = (encrypted[at + 0x0b] as number) | 0x01;
    expect(await refusal(encrypted)).toBe(
      'Word 97–2003（.doc）文件无法读取：Word 文档已加密，需要密码，无法读取',
    );
    const old = doc.slice();
    old[at + 2] = 0x65;
    old[at + 3] = 0x00;
    expect(await refusal(old)).toBe(
      'Word 97–2003（.doc）文件无法读取：Word 6.0/95 格式的文档无法读取，请另存为 DOCX 后再试',
    );
  });

  it('refuses a chain of sectors that loops, and a directory that does', async () => {
    const bytes = compoundFile({ Large: new Uint8Array(5000) });
    const view = new DataView(bytes.buffer);
    // The FAT's first sector: the Large stream's first sector (0) points back at itself.
    const fatSector = view.getUint32(0x4c, true);
    const loop = bytes.slice();
    new DataView(loop.buffer).setUint32((fatSector + 1) * 512, 0, true);
    expect(() => openCompoundFile(loop).stream('Large')).toThrow('复合文档已损坏：扇区链无效');
    const directory = view.getUint32(0x30, true);
    const cycle = bytes.slice();
    // The stream's right sibling is the stream itself.
    new DataView(cycle.buffer).setUint32((directory + 1) * 512 + 128 + 0x48, 1, true);
    expect(() => openCompoundFile(cycle)).toThrow('复合文档已损坏：目录无效');
  });

  it.each(['blanks-9000.doc', 'numbered.doc', 'nested.doc', 'textbox.doc'])(
    'any damage to %s is read or refused with a reason, never a crash',
    async (name) => {
      const base = fixture(name);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), {
            minLength: 1,
            maxLength: 8,
          }),
          fc.option(fc.nat(base.length), { nil: undefined }),
          async (edits, cut) => {
            const bytes = base.slice(0, cut ?? base.length);
            for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
            const outcome = await processBytes(bytes, 'damaged.doc').then(
              () => null,
              (e: unknown) => e,
            );
            if (outcome !== null) expect(outcome).toBeInstanceOf(UnreadableInputError);
          },
        ),
        { numRuns: 300, seed: 20261205 },
      );
    },
  );
});
