/**
 * Opening a .doc: the size limit, the compound file, a Word document inside it, its text and
 * properties, walked into blocks and inline pictures. Each way it can't be read is refused with
 * its reason (an encrypted file, another Office file, a damaged one).
 */
import { formatBytes, limits } from '../../core/limits.js';
import type { SourceFile } from '../../core/source-file.js';
import type { Block } from '../blocks.js';
import { CompoundFileError, openCompoundFile } from './cfb.js';
import { type DocPicture, readDocDocument } from './document.js';
import { readWordText, WordBinaryError } from './word-binary.js';

/** A .doc's blocks and inline pictures; refused, with the reason, when it can't be read. */
export function readDocBody(
  bytes: Uint8Array,
  file: SourceFile,
): { blocks: Block[]; pictures: DocPicture[] } {
  if (bytes.length > limits.docxBytes)
    file.fail(
      `文件过大（${formatBytes(bytes.length)}），超过 Word 报告 ${formatBytes(limits.docxBytes)} 的上限`,
    );
  try {
    const cfb = openCompoundFile(bytes);
    // Office 2007 and later keep a password-protected DOCX (or XLSX) in a compound file.
    if (cfb.has('EncryptedPackage')) file.fail('文件已加密（受密码保护的 Office 文档），需要密码，无法读取');
    if (!cfb.has('WordDocument'))
      file.fail(
        '复合文档（OLE）中没有 Word 文档（可能是 Excel、PowerPoint 或 WPS 旧格式文件），请另存为 DOCX 后再试',
      );
    return readDocDocument(readWordText(cfb), file);
  } catch (error) {
    if (error instanceof CompoundFileError || error instanceof WordBinaryError)
      file.fail(`Word 97–2003（.doc）文件无法读取：${error.message}`);
    throw error;
  }
}
