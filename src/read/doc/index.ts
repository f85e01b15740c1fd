/**
 * The Word 97–2003 (.doc) reader: the compound file (cfb.ts), the binary document's text and
 * properties (word-binary.ts), walked into the body both Word readers share (document.ts). WPS
 * files saved in Word's binary format are read the same way; a compound file without a Word
 * document in it (an Excel or PowerPoint file, WPS's own old format) is refused with a reason.
 */
import { formatBytes, limits } from '../../core/limits.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import type { Reader } from '../registry.js';
import { CompoundFileError, isCompoundFile, openCompoundFile } from './cfb.js';
import { readDocDocument } from './document.js';
import { readWordText, WordBinaryError } from './word-binary.js';

export function readDoc(bytes: Uint8Array, file: SourceFile): Block[] {
  if (bytes.length > limits.docxBytes)
    file.fail(
      `文件过大（${formatBytes(bytes.length)}），超过 Word 报告 ${formatBytes(limits.docxBytes)} 的上限`,
    );
  let blocks: Block[];
  try {
    const cfb = openCompoundFile(bytes);
    // Office 2007 and later keep a password-protected DOCX (or XLSX) in a compound file.
    if (cfb.names.some((n) => n.toUpperCase() === 'ENCRYPTEDPACKAGE'))
      file.fail('文件已加密（受密码保护的 Office 文档），需要密码，无法读取');
    if (!cfb.stream('WordDocument'))
      file.fail(
        '复合文档（OLE）中没有 Word 文档（可能是 Excel、PowerPoint 或 WPS 旧格式文件），请另存为 DOCX 后再试',
      );
    blocks = readDocDocument(readWordText(cfb), file);
  } catch (error) {
    if (error instanceof CompoundFileError || error instanceof WordBinaryError)
      file.fail(`Word 97–2003（.doc）文件无法读取：${error.message}`);
    throw error;
  }
  if (blocks.length === 0) file.fail('Word 文档中没有可读取的文字（可能只有图片，例如扫描件）');
  return blocks;
}

export const docReader: Reader = { type: 'doc', sniff: isCompoundFile, read: readDoc };
