import { formatBytes, limits } from '../core/limits.js';
import type { SourceFile } from '../core/source-file.js';
import { decode, garbageRatio } from '../decode/decode.js';
import { normalization } from '../spec/normalization.js';
import type { Block, TableBlock, TableCell } from './blocks.js';

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

const pipeRow = /^\s*\|.*\|\s*$/;
const pipeRule = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;

/** A Markdown pipe table's rows as a grid: its empty cells then read as blank cells. */
function pipeTable(lines: { text: string; line: number }[]): TableBlock {
  const rows = lines
    .filter((l) => !pipeRule.test(l.text))
    .map(({ text, line }) => {
      const cells: TableCell[] = [];
      let at = text.indexOf('|') + 1;
      for (;;) {
        const next = text.indexOf('|', at);
        if (next === -1) break;
        const raw = text.slice(at, next);
        const lead = raw.length - raw.trimStart().length;
        cells.push({ text: raw.trim(), line, column: at + lead + 1 });
        at = next + 1;
      }
      return cells;
    });
  const first = lines[0] as { line: number };
  return { type: 'table', rows, line: first.line, column: 1 };
}

/**
 * Splits decoded text into one paragraph per non-blank line (blank lines show as gaps in `line`);
 * runs of Markdown pipe-table rows become a table.
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let table: { text: string; line: number }[] = [];
  const flush = () => {
    if (table.length >= 2) blocks.push(pipeTable(table));
    else
      for (const row of table) blocks.push({ type: 'paragraph', text: row.text, line: row.line, column: 1 });
    table = [];
  };
  let start = 0;
  let line = 1;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let raw = text.slice(start, end);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    const cleaned = blankResidue(raw);
    const trimmed = cleaned.trim();
    if (trimmed.charCodeAt(0) === 0x7c && pipeRow.test(cleaned)) table.push({ text: cleaned, line });
    else if (trimmed !== '' && !(trimmed.length <= 24 && pageNumberLine.test(cleaned))) {
      flush();
      blocks.push({ type: 'paragraph', text: cleaned, line, column: 1 });
    }
    if (end === n) break;
    start = end + 1;
    line++;
  }
  flush();
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
