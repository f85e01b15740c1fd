import { formatBytes, limits } from '../core/limits.js';
import type { SourceFile } from '../core/source-file.js';
import { decode, garbageRatio } from '../decode/decode.js';
import { normalization } from '../spec/normalization.js';
import type { Block, Paragraph } from './blocks.js';

/** Lines that are page furniture, not report text: page numbers as PDF extraction leaves them. */
const pageNumberLine =
  /^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

/** Replaces converter residue (「[image: …]」) with spaces of the same length, keeping columns. */
function blankResidue(line: string): string {
  if (line.indexOf('[') === -1) return line;
  let out = line;
  for (const pattern of normalization.residue) out = out.replace(pattern, (m) => ' '.repeat(m.length));
  return out;
}

/** Splits decoded text into one paragraph per non-blank line (blank lines show as gaps in `line`). */
export function textToBlocks(text: string): Block[] {
  const blocks: Paragraph[] = [];
  let start = 0;
  let line = 1;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let raw = text.slice(start, end);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const cleaned = blankResidue(raw);
    if (cleaned.trim() !== '' && !pageNumberLine.test(cleaned)) {
      blocks.push({ type: 'paragraph', text: cleaned, line, column: 1 });
    }
    if (end === n) break;
    start = end + 1;
    line++;
  }
  return blocks;
}

/** The plain-text reader: decodes the bytes and refuses what is not text. */
export function readText(bytes: Uint8Array, file: SourceFile): Block[] {
  if (bytes.length > limits.textBytes)
    file.fail(
      `文件过大（${formatBytes(bytes.length)}），超过文本报告 ${formatBytes(limits.textBytes)} 的上限`,
    );
  const decoded = decode(bytes);
  if (decoded.text.trim() === '') file.fail('文件为空，没有可读取的内容');
  if (garbageRatio(decoded.text) > 0.05) file.fail('文件不是可识别的文本（可能是二进制文件或编码无法识别）');
  if (decoded.replacements > 0)
    file.warn(
      'read.decode',
      `有 ${decoded.replacements} 个字符无法按 ${decoded.encoding} 解码，已替换为「�」`,
    );
  file.text = decoded.text;
  return textToBlocks(decoded.text);
}
