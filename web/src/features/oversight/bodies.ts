/**
 * 机关's pure parts: the table's page as the server is asked for it, the last page of a count, how a
 * body reads in a select (its region and reports tell apart two spellings), and the count above the
 * table. Unit-tested in test/web/bodies.test.ts.
 */
import type { z } from 'zod';
import type { corpusListedBody } from '../../../../src/api/corpus-contract.js';

export type ListedBody = z.output<typeof corpusListedBody>;

/** Bodies a table page: the server answers one page at a time. */
export const bodiesPageSize = 50;

/** The slice of the bodies chosen that page `page` (from 1; the first when absent) asks the API for. */
export const bodiesPage = (page: number | undefined): { offset: number; limit: number } => ({
  offset: ((page ?? 1) - 1) * bodiesPageSize,
  limit: bodiesPageSize,
});

/** The last page of `total` bodies (1 when there are none). */
export const lastBodiesPage = (total: number): number => Math.max(1, Math.ceil(total / bodiesPageSize));

/** A body as a select offers it: its name, region and reports; the name alone when that is all known. */
export const bodyOptionText = (body: Pick<ListedBody, 'name'> & Partial<ListedBody>): string =>
  body.reports === undefined ? body.name : `${body.name}（${body.region || '地区未知'}，${body.reports} 份）`;

/** How many bodies the table lists: of all of them when it is looked through (`all` known). */
export const bodiesCount = (found: number, all: number | undefined): string =>
  all === undefined || all === found ? `共 ${found} 个机关` : `${found} / ${all} 个机关`;
