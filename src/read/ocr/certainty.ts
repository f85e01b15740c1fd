/**
 * What the reader can't vouch for. A figure read with low confidence is not taken: once the
 * assembler has placed the figures, each doubtful one's cell is set to null with an error naming
 * it. A figure that alone breaks identities the other figures keep is treated the same way, so a
 * 0 read as 8 never passes as a figure.
 */
import type { Evidence } from '../../assemble/evidence.js';
import type { Report } from '../../core/report.js';
import type { SourceFile } from '../../core/source-file.js';
import type { FormatSpec } from '../../spec/types.js';
import type { CellRead } from './to-blocks.js';

/**
 * A figure whose least sure word is below this (0–100: tesseract's confidence, or PaddleOCR's least
 * sure character or step) is not taken.
 */
export const figureConfidence = 80;

const readFigures = new WeakMap<SourceFile, CellRead[]>();

/** Remembers the figures read from a file, for `settleOcr` after assembly. */
export function recordFigures(file: SourceFile, figures: readonly CellRead[]): void {
  readFigures.set(file, [...(readFigures.get(file) ?? []), ...figures]);
}

const doubted = new WeakMap<SourceFile, Map<string, CellRead>>();

/** Marks a cell's figure as not taken (set to null with an error), with the reading it came from. */
function doubt(file: SourceFile, key: string, read: CellRead): void {
  let map = doubted.get(file);
  if (!map) {
    map = new Map();
    doubted.set(file, map);
  }
  map.set(key, read);
}

/**
 * The cells whose figures `settleOcr` did not take, each with the figure's reading (its page and
 * where on the page it stands): for a person to read them off the page (ocr/crops.ts).
 */
export const ocrDoubts = (file: SourceFile): ReadonlyMap<string, CellRead> => doubted.get(file) ?? new Map();

/** Whether the file was read by OCR (some figure came from an image). */
export const readByOcr = (file: SourceFile): boolean => readFigures.has(file);

const samePlace = (a: { page?: number; line: number; column: number }, b: CellRead) =>
  a.page === b.page && a.line === b.line && a.column === b.column;

/**
 * After assembly, before the checks: nulls the cells whose figures the OCR was unsure of, and the
 * one cell that breaks the identities that the others keep, each with an error naming it.
 */
export function settleOcr(report: Report, evidence: Evidence, spec: FormatSpec, file: SourceFile): void {
  const figures = readFigures.get(file);
  if (!figures) return;
  // The assembler places a row's cells at the row's first figure: the row's figures, in column
  // order from there, are its cells in order when there are as many.
  const rows = new Map<string, { place: { page?: number; line: number; column: number }; keys: string[] }>();
  for (const [key, place] of evidence.cellPlaces) {
    const id = `${place.page}:${place.line}:${place.column}`;
    const row = rows.get(id);
    if (row) row.keys.push(key);
    else rows.set(id, { place, keys: [key] });
  }
  const byKey = new Map<string, CellRead>();
  /** Rows whose figures can't be matched one by one to their cells, with the least sure figure. */
  const unmatched: { keys: string[]; read: CellRead }[] = [];
  for (const { place, keys } of rows.values()) {
    const first = figures.find((f) => samePlace(place, f));
    if (!first) continue;
    const line = figures
      .filter((f) => f.page === first.page && f.line === first.line && f.column >= first.column)
      .sort((a, b) => a.column - b.column);
    if (line.length === keys.length)
      keys.forEach((key, i) => {
        byKey.set(key, line[i] as CellRead);
      });
    else if (keys.length === 1) byKey.set(keys[0] as string, first);
    else {
      // Fewer figures than cells (blanks placed by their columns, in a table without rules):
      // which cell a doubtful figure went to is not known, so none of the row's figures is taken.
      const least = line.reduce((a, b) => (b.confidence < a.confidence ? b : a));
      if (least.confidence < figureConfidence) unmatched.push({ keys, read: least });
    }
  }
  for (const { keys, read } of unmatched) {
    const taken = keys.filter((k) => report.cells[k] !== null && report.cells[k] !== undefined);
    if (taken.length === 0) continue;
    for (const key of taken) {
      report.cells[key] = null;
      doubt(file, key, read);
    }
    file.error(
      'read.ocr-doubt',
      `第 ${read.page} 页的数字「${read.text}」识别把握不足（置信度 ${Math.round(read.confidence)}%），且无法确定它属于本行的哪一格，本行读出的 ${taken.length} 个单元格记为空值，请对照原件核实`,
      { place: { line: read.line, column: read.column, page: read.page }, keys: taken, actual: read.text },
    );
  }
  for (const [key, read] of byKey) {
    if (read.confidence >= figureConfidence || report.cells[key] === null || report.cells[key] === undefined)
      continue;
    report.cells[key] = null;
    doubt(file, key, read);
    file.error(
      'read.ocr-doubt',
      `第 ${read.page} 页的数字「${read.text}」识别把握不足（置信度 ${Math.round(read.confidence)}%），该单元格记为空值，请对照原件核实`,
      { place: { line: read.line, column: read.column, page: read.page }, keys: [key], actual: read.text },
    );
  }
  settleIdentities(report, spec, byKey, file);
}

const known = (report: Report, keys: readonly string[]) =>
  keys.every((k) => typeof report.cells[k] === 'number');
const total = (report: Report, keys: readonly string[]) =>
  keys.reduce((s, k) => s + (report.cells[k] as number), 0);

/**
 * Identities broken by a single misread: the cell found in every broken identity and in none that
 * holds. Where the broken identities share no such cell, the checker reports them as they are.
 */
function settleIdentities(report: Report, spec: FormatSpec, byKey: Map<string, CellRead>, file: SourceFile) {
  const checked = spec.identities.filter((i) => !i.derived && known(report, [...i.left, ...i.right]));
  const broken = checked.filter((i) => Math.abs(total(report, i.left) - total(report, i.right)) > 1e-9);
  if (broken.length === 0) return;
  const kept = new Set(checked.filter((i) => !broken.includes(i)).flatMap((i) => [...i.left, ...i.right]));
  const nulled = new Set<string>();
  for (const identity of broken) {
    const suspects = [...identity.left, ...identity.right].filter((k) => byKey.has(k) && !kept.has(k));
    if (suspects.length !== 1 || nulled.has(suspects[0] as string)) continue;
    const key = suspects[0] as string;
    nulled.add(key);
    const read = byKey.get(key) as CellRead;
    const against = broken.filter((i) => i.left.includes(key) || i.right.includes(key));
    report.cells[key] = null;
    doubt(file, key, read);
    file.error(
      'read.ocr-identity',
      `第 ${read.page} 页的数字「${read.text}」与其他数字的勾稽关系不符（${against.map((i) => i.description).join('；')}），可能识别有误，该单元格记为空值，请对照原件核实`,
      { place: { line: read.line, column: read.column, page: read.page }, keys: [key], actual: read.text },
    );
  }
}
