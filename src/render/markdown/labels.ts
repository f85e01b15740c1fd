/**
 * Label paths flattened to one string, as the codebooks write them: the labels below the part's
 * common top-level group joined with 「/」 (「法人或其他组织/商业企业」 under 「申请人情况」).
 */
import type { LabelSpec, TablePartSpec } from '../../spec/types.js';

export const pathSeparator = '/';

/** The label every path starts with, when all of them share one and it has labels below it. */
function commonRoot(paths: readonly (readonly LabelSpec[])[]): string | null {
  const root = paths[0]?.[0]?.official;
  if (root === undefined) return null;
  return paths.every((p) => p.length > 1 && p[0]?.official === root) ? root : null;
}

const join = (path: readonly LabelSpec[], skip: number): string =>
  path
    .slice(skip)
    .map((l) => l.official)
    .join(pathSeparator);

/** Each column's header: its label path below the top-level group all columns share. */
export function columnLabels(part: TablePartSpec): string[] {
  const paths = part.columns.map((c) => c.path);
  const skip = commonRoot(paths) === null ? 0 : 1;
  return paths.map((p) => join(p, skip));
}

/** Each row's label: its whole label path (rows have no common group). */
export function rowLabels(part: TablePartSpec): string[] {
  return part.rows.map((r) => join(r.path, 0));
}
