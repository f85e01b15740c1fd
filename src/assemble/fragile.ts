/**
 * Cuts of run-together digits that the identities settled, announced: a report may break its own
 * identities (a total printed wrong), and then the cut that satisfies all of them need not be the
 * one printed. A cut is fragile when another cut fits too with the identities of any one cell
 * relaxed (that figure printed wrong) or any one identity relaxed (with the derived identities that
 * share a cell with it); the cut of a report that breaks one identity, or whose one figure is
 * wrong, is among those. A fragile cut is kept (it is the one that satisfies every identity, the
 * right one whenever the report is consistent), with an error `assemble.split-fragile` naming each
 * cell another cut reads differently, and the other cuts: an error, not a warning, because a wrong
 * cut that keeps every identity leaves the checker nothing to find, and a report whose only sign
 * of a wrong number is a warning is silently wrong (as shared/tools/score-fixtures and the
 * properties' verdict count). A cut no relaxation changes gets the info finding
 * `assemble.split-settled`.
 */
import type { SourceFile } from '../core/source-file.js';
import { otherCuts, sameCut } from './other-cuts.js';
import { relaxations } from './relaxations.js';
import {
  Budget,
  describe,
  type Kept,
  place,
  rowName,
  type Settled,
  settleBudget,
  solve,
  type Values,
} from './solver.js';

/**
 * The share of the settling budget that deciding fragility may take at most (its steps, cutting
 * rows together again, cost more than settling's: the slowest report stays within its time).
 */
const fragilityShare = 1 / 3;

/**
 * Announces the rows `settle` settled by identities, with what is left of its budget (`settle`
 * spent `settled.steps` of `budgetSteps`), up to `fragilityShare` of it. When that runs out
 * before a group of rows is decided, the error names every cell of its rows.
 */
export function announceSettled(settled: Settled, file: SourceFile, budgetSteps = settleBudget): void {
  const allowed = Math.min(budgetSteps - settled.steps, Math.floor(budgetSteps * fragilityShare));
  const budget = new Budget(allowed);
  for (const group of settled.kept) announce(group, settled.values, budget, file);
  settled.steps += allowed - Math.max(budget.left, 0);
}

/**
 * How fragility is decided: `exhaustive` cuts every row again under each relaxation, as the
 * definition says (slow: for tests, which compare it with the quick way).
 */
export const fragility = { exhaustive: false };

/** Announces one group of rows settled together (see the top of this file). */
function announce(group: Kept, known: Values, budget: Budget, file: SourceFile): void {
  const { rows, cuts } = group;
  if (cuts.every((c) => c === null)) return;
  const others = fragility.exhaustive ? everyOtherCut(group, known, budget) : otherCuts(group, known, budget);
  rows.forEach((r, i) => {
    const cut = cuts[i];
    if (!cut) return;
    const values = cut.map((v) => (Number.isNaN(v) ? null : v));
    if (others === null) {
      file.error(
        'assemble.split-fragile',
        `「${rowName(r)}」的数字「${r.printed}」连在一起，按表内勾稽关系拆分为${describe(values)}；表内若有一个数字填错，可能另有拆分，因可能的拆分方式过多未能逐一核对，本行各单元格的读数都可能有误，请对照原件核实`,
        { place: place(r), keys: r.keys, actual: r.printed },
      );
      return;
    }
    // (In the order of their figures, cell by cell: whatever order they were found in.)
    const alternatives = (others[i] ?? [])
      .map((c) => c.map((v) => (Number.isNaN(v) ? null : v)))
      .sort(byFigures);
    if (alternatives.length === 0) {
      file.info(
        'assemble.split-settled',
        `「${rowName(r)}」的数字「${r.printed}」连在一起，按表内勾稽关系唯一拆分为${describe(values)}`,
        { place: place(r), keys: r.keys },
      );
      return;
    }
    const differs = r.keys.map((_, k) => alternatives.some((c) => c[k] !== values[k]));
    const listed =
      alternatives.slice(0, 12).map(describe).join('、') + (alternatives.length > 12 ? ' 等' : '');
    file.error(
      'assemble.split-fragile',
      `「${rowName(r)}」的数字「${r.printed}」连在一起，按表内勾稽关系拆分为${describe(values)}；表内若有一个数字填错或一处勾稽关系本不成立，也可拆分为${listed}，第 ${differs.flatMap((d, k) => (d ? [k + 1] : [])).join('、')} 个单元格的读数可能有误，请对照原件核实`,
      { place: place(r), keys: r.keys.filter((_, k) => differs[k]), actual: r.printed },
    );
  });
}

/**
 * The other cuts of each settled row (see `announce`) by the definition: every row cut again
 * under each relaxation. Null when the budget runs out.
 */
function everyOtherCut(group: Kept, known: Values, budget: Budget): number[][][] | null {
  const { rows, identities, cuts } = group;
  const found = rows.map(() => new Map<string, number[]>());
  for (const relaxed of relaxations(identities)) {
    const outcome = solve(rows, identities, known, budget, relaxed);
    if (outcome.kind === 'budget' || budget.out) return null;
    if (outcome.kind !== 'solved') continue;
    outcome.used.forEach((candidates, i) => {
      const cut = cuts[i];
      if (cut) for (const c of candidates) if (!sameCut(c, cut)) found[i]?.set(c.join(','), c);
    });
  }
  return found.map((m) => [...m.values()]);
}

/** Cuts in the order of their figures, cell by cell (a blank cell first). */
function byFigures(a: readonly (number | null)[], b: readonly (number | null)[]): number {
  for (let k = 0; k < a.length; k++) {
    const x = a[k] ?? Number.NEGATIVE_INFINITY;
    const y = b[k] ?? Number.NEGATIVE_INFINITY;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
