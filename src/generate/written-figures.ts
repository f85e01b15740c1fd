/**
 * Figures as people write them, applied to a text rendering where each figure stands alone (one
 * cell per line, or tab-separated cells): thousands separators (「3,001」), full-width digits
 * (「３００１」), and money written with its unit in the cell (「120000元」「1.2万元」) where the
 * format's cell is in 万元. The report is unchanged: reading the text back must give its cells.
 */
import type { Report } from '../core/report.js';
import { createRandom } from './prng.js';

export interface WrittenOptions {
  /** Thousands separators in figures of four digits or more (default true). */
  separators?: boolean;
  /** Full-width digits in some figures (default true). */
  fullWidth?: boolean;
  /** The 万元 cell written with a unit (default true). */
  money?: boolean;
}

const fullWidth = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const grouped = (s: string) => s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The report with some table 三 figures of four digits or more (so separators show). */
export function withLargeFigures(report: Report, seed: number): Report {
  const random = createRandom(seed ^ 0x68e31da4);
  const cells = { ...report.cells };
  const add = random.int(1000, 25_000);
  // 一 and （七）总计 of 自然人 grow together (and the row totals): every identity still holds.
  for (const key of ['a.new.np', 'a.new.total', 'a.open.np', 'a.open.total', 'a.total.np', 'a.total.total'])
    cells[key] = (cells[key] ?? 0) + add;
  return { ...report, cells };
}

/**
 * Rewrites the figures of a cell-per-line or tab-rows rendering. `amount` is the 万元 cell's
 * value, written as 元 or 万元 where it stands alone on its line or in its cell.
 */
export function writeFigures(
  text: string,
  seed: number,
  amount: number | null,
  options: WrittenOptions = {},
): string {
  const figure = figureWriter(seed, amount, options);
  return text
    .split('\n')
    .map((line) => line.split('\t').map(figure).join('\t'))
    .join('\n');
}

/**
 * The same for a rendering with table cells: an HTML page's `<td>` cells or a Markdown pipe
 * table's cells.
 */
export function writeFiguresInCells(
  output: string,
  kind: 'html' | 'md',
  seed: number,
  amount: number | null,
  options: WrittenOptions = {},
): string {
  const figure = figureWriter(seed, amount, options);
  if (kind === 'html')
    return output.replace(/(<td[^>]*>)([^<]*)(<\/td>)/g, (_, a, b, c) => `${a}${figure(b)}${c}`);
  return output
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('|')
        ? line.replace(/\|([^|\n]*)(?=\|)/g, (_, cell: string) => {
            const t = cell.trim();
            const w = figure(t);
            return w === t ? `|${cell}` : `| ${w} `;
          })
        : line,
    )
    .join('\n');
}

/** Writes one figure as people do (a non-figure stays as it is). */
function figureWriter(seed: number, amount: number | null, options: WrittenOptions): (s: string) => string {
  const random = createRandom(seed ^ 0x1b873593);
  let moneyDone = false;
  const figure = (s: string): string => {
    if (!/^-?\d+(?:\.\d+)?$/.test(s)) return s;
    let out = s;
    if (
      (options.money ?? true) &&
      !moneyDone &&
      amount !== null &&
      amount > 0 &&
      Number(s) === amount &&
      s.includes('.')
    ) {
      moneyDone = true;
      return random.chance(0.5) ? `${Math.round(amount * 10000)}元` : `${s}万元`;
    }
    if ((options.separators ?? true) && /^\d{4,}$/.test(out) && random.chance(0.8)) out = grouped(out);
    if ((options.fullWidth ?? true) && random.chance(0.15)) out = fullWidth(out);
    return out;
  };
  return figure;
}
