import type { CellValue } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import { cellsOf } from '../spec/registry.js';
import type { FormatSpec } from '../spec/types.js';
import type { ProseEvidence } from './evidence.js';
import { describe, place, rowName, type Settled } from './solver.js';

const sentences = (text: string) => text.split(/[。;；!！?？\n]/);
const clauses = (text: string) => text.split(/[,，:：、()（）]/);
const stated = /(\d+(?:\.\d+)?)\s*(?:件|个|部|项|条|份)/g;

/** A sentence of the prose that states one figure for a cell, with where the prose stands. */
interface Statement {
  value: number;
  sentence: string;
  prose: ProseEvidence;
}

/**
 * Figures the prose states for a cell: in a sentence that names the cell's row (「规范性文件」), a
 * clause with one of the cell's words (「废止」) and a count (「2件」), naming no other row of its
 * table part.
 */
function statements(
  prose: readonly ProseEvidence[],
  words: readonly string[],
  rowWords: readonly string[],
  otherRows: readonly string[],
): Statement[] {
  const out: Statement[] = [];
  for (const piece of prose)
    for (const sentence of sentences(piece.text)) {
      if (!rowWords.some((w) => sentence.includes(w))) continue;
      for (const clause of clauses(sentence)) {
        if (!words.some((w) => clause.includes(w))) continue;
        if (otherRows.some((w) => clause.includes(w) && !rowWords.some((r) => r.includes(w)))) continue;
        const figures = [...clause.matchAll(stated)];
        if (figures.length !== 1) continue;
        out.push({ value: Number(figures[0]?.[1]), sentence: sentence.trim(), prose: piece });
      }
    }
  return out;
}

/**
 * For rows whose run-together digits stayed ambiguous, the prose may state one of the row's
 * figures (「全年制发规范性文件3件、废止2件」). Where each such cell has one stated figure and the
 * splits that agree with it all agree on a cell, that cell is settled, with an info finding
 * citing the sentence and its place; a row settled whole loses its ambiguity error. Returns the
 * cells settled.
 */
export function proseHints(
  settled: Settled,
  prose: readonly ProseEvidence[],
  spec: FormatSpec,
  file: SourceFile,
): Map<string, number> {
  const out = new Map<string, number>();
  if (settled.unsettled.length === 0) return out;
  const cells = cellsOf(spec);
  for (const { reading, candidates, finding } of settled.unsettled) {
    if (candidates.length < 2) continue;
    const row = reading.location.row;
    const rowWords = (row.path.at(-1)?.keys ?? [row.path.at(-1)?.official ?? '']).filter((w) => w !== '');
    const otherRows = reading.location.part.rows
      .filter((r) => r !== row)
      .flatMap((r) => r.path.at(-1)?.keys ?? [r.path.at(-1)?.official ?? ''])
      .filter((w) => w !== '');
    let supported = candidates;
    const cited: Statement[] = [];
    reading.keys.forEach((key, k) => {
      const words = cells.get(key)?.cell.prose;
      if (!words || rowWords.length === 0 || new Set(candidates.map((c) => c[k])).size < 2) return;
      const found = statements(prose, words, rowWords, otherRows);
      const values = new Set(found.map((s) => s.value));
      // Two different figures stated for one cell: the prose settles nothing.
      if (values.size !== 1) return;
      const value = found[0]?.value as number;
      const kept = supported.filter((c) => c[k] === value);
      if (kept.length === 0) return;
      supported = kept;
      cited.push(found[0] as Statement);
    });
    if (cited.length === 0 || supported.length === candidates.length) continue;
    const settledKeys: string[] = [];
    reading.keys.forEach((key, k) => {
      const first = supported[0]?.[k] ?? null;
      const differs = candidates.some((c) => c[k] !== first);
      if (first !== null && differs && supported.every((c) => c[k] === first)) {
        out.set(key, first);
        settledKeys.push(key);
      }
    });
    if (settledKeys.length === 0) continue;
    const whole = supported.length === 1;
    if (whole && finding) {
      const at = file.findings.indexOf(finding);
      if (at >= 0) file.findings.splice(at, 1);
    }
    const first = cited[0] as Statement;
    file.info(
      'assemble.split-prose',
      `「${rowName(reading)}」的数字「${reading.printed}」连在一起，有 ${candidates.length} 种拆分；正文「${[
        ...new Set(cited.map((s) => s.sentence)),
      ]
        .slice(0, 2)
        .join(
          '」「',
        )}」${first.prose.place ? `（第 ${first.prose.place.line} 行）` : ''}写明的数字与其中 ${supported.length} 种相符：${supported
        .slice(0, 6)
        .map((c: CellValue[]) => describe(c))
        .join(
          '、',
        )}${supported.length > 6 ? ' 等' : ''}，据此确定${whole ? '本行' : ` ${settledKeys.length} 个单元格`}`,
      { place: first.prose.place ?? place(reading), keys: settledKeys },
    );
  }
  return out;
}
