/**
 * Timing that holds up on a busy machine: the workloads being compared run in turn, round after
 * round (a baseline and the work measured against it see the same load), each round long enough
 * to be stable, and each figure is the median of its rounds.
 */

export interface Workload {
  name: string;
  /** Units (reports, pages, files) one call of `run` handles. */
  units: number;
  run: () => unknown;
}

export interface Timing {
  name: string;
  /** Milliseconds per unit: the median of the rounds, and the fastest and slowest round. */
  ms: number;
  min: number;
  max: number;
  rounds: number;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Runs every workload once per round, in turn, for `rounds` rounds; within a round a workload is
 * repeated until `minMs` have passed (so that a cheap baseline is timed over many calls). One
 * untimed call of each first warms it up.
 */
export async function interleave(
  workloads: readonly Workload[],
  rounds: number,
  minMs: number,
): Promise<Timing[]> {
  for (const w of workloads) await w.run();
  const perUnit = workloads.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++)
    for (const [i, w] of workloads.entries()) {
      let units = 0;
      const start = performance.now();
      let elapsed = 0;
      do {
        await w.run();
        units += w.units;
        elapsed = performance.now() - start;
      } while (elapsed < minMs);
      perUnit[i]?.push(elapsed / units);
    }
  return workloads.map((w, i) => {
    const times = perUnit[i] as number[];
    return { name: w.name, ms: median(times), min: Math.min(...times), max: Math.max(...times), rounds };
  });
}

/** A plain text table: the first column left-aligned, the rest right-aligned. */
export function table(header: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((b) => width(b[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, (widths[i] as number) - width(c)));
        return i === 0 ? c + pad : pad + c;
      })
      .join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Display width: CJK and full-width characters take two columns. */
const width = (s: string): number => {
  let n = 0;
  for (const c of s)
    n +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c)
        ? 2
        : 1;
  return n;
};
