/** Centres of values that lie within `tolerance` of their neighbours, in order (rule positions of a grid). */
export function cluster(values: readonly number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const v of sorted) {
    const group = groups.at(-1);
    if (group && v - (group.at(-1) as number) <= tolerance) group.push(v);
    else groups.push([v]);
  }
  return groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}
