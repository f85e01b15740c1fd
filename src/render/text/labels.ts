/** How layouts bend the official wording of labels, as converters and typists do. */
import type { GridCell } from '../grid.js';

/**
 * Header labels that narrow columns break over two lines: a column's own four-character label
 * (「结果纠正」→「结果」「纠正」), except in the first column, which is wide enough.
 */
export function splitHeader(cell: GridCell): string[] {
  const text = cell.text;
  if (cell.kind !== 'header' || !cell.leaf || cell.column === 0 || [...text].length !== 4) return [text];
  return [text.slice(0, 2), text.slice(2)];
}

/** Half-width punctuation, as web pages that went through NFKC print it. */
export const halfWidth = (text: string): string => text.normalize('NFKC');

/** 「（一）予以公开」→「(一) 予以公开」, 「1.属于国家秘密」→「1. 属于国家秘密」 (PDF-like spacing). */
export function spacedNumbering(text: string): string {
  return text.replace(/^[（(]([一二三四五六七八九十]+)[）)]/, '($1) ').replace(/^(\d+)\.(?=\S)/, '$1. ');
}
