/**
 * Short rows placed by their table part's column header (see columns.ts headerColumnsOf): the
 * header on the row's own page, since text extraction spaces each page's lines afresh; or, on a
 * page without one (a table broken across pages, its header not repeated), the latest header on
 * an earlier page whose rows stand where this page's do (`carriedOver`).
 */
import type { TablePartSpec } from '../spec/types.js';
import {
  carriedOver,
  type HeaderColumns,
  type HeaderRegion,
  headerColumnsOf,
  placeUnderHeaderColumns,
} from './columns.js';
import type { Figure, RowFigures } from './figures.js';
import type { RowLocation, TableLocation } from './rows.js';
import type { TokenStream } from './stream.js';

/**
 * A function placing a short row under its part's header columns (null where none places it).
 * The regions and the columns are worked out for the first row that needs them.
 */
export function headerPlacer(
  stream: TokenStream,
  tables: readonly TableLocation[],
  rows: readonly RowFigures[],
): (r: RowFigures) => (Figure | null)[] | null {
  const pageOf = (r: RowFigures) => stream.pageOf((r.figures[0] as Figure).index);
  let regions: HeaderRegion[] | undefined;
  let headers: Map<HeaderRegion, HeaderColumns> | undefined;
  /** The columns carried onto each page without a header of its own, by part. */
  const carried = new Map<TablePartSpec, Map<number, HeaderColumns | null>>();
  const onPage = (part: TablePartSpec, page: number) =>
    rows.filter((f) => f.location.part === part && f.figures.length > 0 && pageOf(f) === page);
  const carriedTo = (part: TablePartSpec, page: number, known: Map<HeaderRegion, HeaderColumns>) => {
    let byPage = carried.get(part);
    if (!byPage) {
      byPage = new Map();
      carried.set(part, byPage);
    }
    let columns = byPage.get(page);
    if (columns === undefined) {
      const before = regions?.filter((h) => h.part === part && h.page < page && known.has(h)).at(-1);
      const header = before && known.get(before);
      columns =
        before && header && carriedOver(header, onPage(part, before.page), onPage(part, page))
          ? header
          : null;
      byPage.set(page, columns);
    }
    return columns;
  };
  return (r) => {
    if (!r.figures[0]) return null;
    regions ??= headerRegions(stream, tables, rows);
    const page = pageOf(r);
    const part = r.location.part;
    const region = regions.find((h) => h.part === part && h.page === page);
    // No header of the part on this page or before: nothing to place by (and none worked out).
    if (!region && !regions.some((h) => h.part === part && h.page < page)) return null;
    headers ??= headerColumnsOf(stream, regions, rows);
    const columns = (region && headers.get(region)) ?? carriedTo(part, page, headers);
    return columns ? placeUnderHeaderColumns(r, columns) : null;
  };
}

/**
 * The tokens of each table part's column header: from the end of the rows before it (the table's
 * start for its first part) to the start of its first row; and, where the part's rows go on onto
 * another page, from the last figure of the page before to its first row there (a header repeated
 * on each page). Each on the page where it ends (a table's heading may stand on the page before).
 */
function headerRegions(
  stream: TokenStream,
  tables: readonly TableLocation[],
  rows: readonly RowFigures[],
): HeaderRegion[] {
  const figuresOf = new Map(rows.map((r) => [r.location, r.figures]));
  const regions: HeaderRegion[] = [];
  for (const t of tables) {
    let end = stream.tokenAt(t.start);
    let previous: RowLocation | undefined;
    for (const row of t.rows) {
      const start = row.label?.firstToken ?? row.from;
      const page = stream.pageOf(start);
      if (
        start > end &&
        (previous?.part !== row.part
          ? !regions.some((h) => h.part === row.part)
          : stream.pageOf(end - 1) !== page)
      )
        regions.push({ part: row.part, from: end, to: start, page: stream.pageOf(start - 1) });
      // A row's tokens run on to the next row's label, over the header of a part that starts
      // there: the next part's header begins after the row's last figure.
      const last = figuresOf.get(row)?.at(-1);
      end = Math.max(end, last ? last.index + 1 : row.from);
      previous = row;
    }
  }
  return regions;
}
