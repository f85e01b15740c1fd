import type { CellValue } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import { cellsOf } from '../spec/registry.js';
import type { FormatSpec } from '../spec/types.js';
import { describe, place, rowName, type Settled } from './solver.js';

const clauses = (text: string) => text.split(/[,，。;；:：、()（）\n]/);
const stated = /(\d+(?:\.\d+)?)\s*(?:件|个|部|项|条|份)/g;

/**
 * For rows whose run-together digits stayed ambiguous, says (as information only) which splits
 * the prose supports where it states one of the row's figures (「1件予以废止」). The cells stay
 * blank: prose is not the table.
 */
export function proseHints(settled: Settled, prose: string, spec: FormatSpec, file: SourceFile): void {
  if (settled.unsettled.length === 0) return;
  const parts = clauses(prose);
  const cells = cellsOf(spec);
  for (const { reading, candidates } of settled.unsettled) {
    const evidence: string[] = [];
    let supported = candidates;
    reading.keys.forEach((key, k) => {
      const words = cells.get(key)?.cell.prose;
      if (!words || new Set(candidates.map((c) => c[k])).size < 2) return;
      const values = new Set<number>();
      const sources: string[] = [];
      for (const clause of parts) {
        if (!words.some((w) => clause.includes(w))) continue;
        for (const m of clause.matchAll(stated)) {
          values.add(Number(m[1]));
          sources.push(clause.trim());
        }
      }
      if (![...values].some((v) => candidates.some((c) => c[k] === v))) return;
      supported = supported.filter((c) => values.has(c[k] as number));
      evidence.push(...sources.filter((s) => candidates.some((c) => s.includes(String(c[k])))));
    });
    if (evidence.length === 0 || supported.length === 0 || supported.length === candidates.length) continue;
    file.info(
      'assemble.split-prose',
      `正文「${[...new Set(evidence)].slice(0, 2).join('」「')}」与「${rowName(reading)}」的 ${supported.length} 种拆分相符：${supported
        .slice(0, 6)
        .map((c: CellValue[]) => describe(c))
        .join('、')}${supported.length > 6 ? ' 等' : ''}；表格本身无法确定，请核对原件`,
      { place: place(reading), keys: reading.keys },
    );
  }
}
