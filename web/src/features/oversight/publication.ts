/**
 * 发布情况's text and choices, pure: the days past or left as users read them, the deadlines as a
 * sentence, the statuses' colours, the years to offer, the slice a table page asks for, the summary
 * by region's caption and links, and 监督概览's notice.
 * Unit-tested in test/web/publication.test.ts.
 */
import type { BodyPublication, PublicationResponse } from '../../../../src/api/corpus-contract.js';
import {
  type PublicationStatus,
  publicationRegionsListed,
  publicationStatusNames,
} from '../../../../src/corpus/publication-status.js';
import { encode } from '../../lib/url-codec.js';
import { type PublicationState, publicationUrl } from './url.js';

/**
 * Each status's tag colour, dark like the app's other tags (SeverityTag, the register's badges) so that
 * the text passes WCAG AA on its tint: overdue red, pending blue, late orange, undated gold, on time
 * green.
 */
export const statusColors: Record<PublicationStatus, string> = {
  overdue: '#a8071a',
  pending: '#1d4f91',
  late: '#ad4e00',
  undated: '#7c5e00',
  onTime: '#237804',
};

/** 逾期 12 天 (late or overdue), 还有 5 天 or 今天到期 (not yet due); — otherwise. */
export function daysText(b: Pick<BodyPublication, 'status' | 'daysLate' | 'daysLeft'>): string {
  if ((b.status === 'overdue' || b.status === 'late') && b.daysLate !== null) return `逾期 ${b.daysLate} 天`;
  if (b.status === 'pending' && b.daysLeft !== null)
    return b.daysLeft === 0 ? '今天到期' : `还有 ${b.daysLeft} 天`;
  return '—';
}

/** The statutory deadlines of the year's reports, and the day they are judged on. */
export function deadlineText(p: Pick<PublicationResponse, 'year' | 'today' | 'deadlines'>): string {
  return (
    `${p.year} 年度报告的发布期限：部门 ${p.deadlines.department}，人民政府 ${p.deadlines.government}` +
    `（条例第四十九条）。截至 ${p.today}。`
  );
}

/** Bodies per page of the table: the server pages them (a national corpus lists some 28,000). */
export const publicationPageSize = 50;

/** The slice of the listed bodies that page `page` (from 1; the first when absent) asks the API for. */
export const publicationPage = (page: number | undefined): { offset: number; limit: number } => ({
  offset: ((page ?? 1) - 1) * publicationPageSize,
  limit: publicationPageSize,
});

/** The last page of `listed` bodies (1 when there are none). */
export const lastPublicationPage = (listed: number): number =>
  Math.max(1, Math.ceil(listed / publicationPageSize));

/** The years to offer: those the corpus has reports of, and the year shown, ascending. */
export const yearChoices = (corpusYears: readonly number[], shown: number | undefined): number[] =>
  [...new Set(shown === undefined ? corpusYears : [...corpusYears, shown])].sort((a, b) => a - b);

/** What the table says when it has no rows. */
export function emptyText(year: number | undefined, status: PublicationStatus | undefined): string {
  if (year === undefined) return '暂无数据';
  return status === undefined
    ? `报告库中没有应发布 ${year} 年度报告的机关`
    : `没有「${publicationStatusNames[status]}」的机关`;
}

/**
 * 监督概览's notice of a year's publication in its scope: how many bodies are past the deadline
 * without the report (a warning) and how many are not yet due, with the deadlines; nothing when no
 * body of the scope was expected to publish.
 */
export function publicationNotice(
  p: Pick<PublicationResponse, 'year' | 'deadlines' | 'counts'>,
): { type: 'warning' | 'info'; text: string } | undefined {
  const { expected, overdue, pending } = p.counts;
  if (expected === 0) return undefined;
  const deadlines = `（部门期限 ${p.deadlines.department}，人民政府 ${p.deadlines.government}）`;
  const counts =
    overdue > 0
      ? `${overdue} 个机关逾期未发布${pending > 0 ? `，${pending} 个尚未到期` : ''}`
      : pending > 0
        ? `没有机关逾期未发布，${pending} 个尚未到期`
        : `应发布的 ${expected} 个机关均已发布`;
  return { type: overdue > 0 ? 'warning' : 'info', text: `${p.year} 年度报告：${counts}${deadlines}。` };
}

/**
 * The caption of the summary by region when it lists only some regions (those that lag most); nothing
 * when it lists them all.
 */
export const regionsCaption = (regionCount: number): string | undefined =>
  regionCount > publicationRegionsListed
    ? `共 ${regionCount} 个地区，列出逾期未发布最多的 ${publicationRegionsListed} 个`
    : undefined;

/**
 * The page's URL query with `region` as its region filter: the other filters kept, the first page,
 * the level the server starts at (the region's places, a level further down).
 */
export const regionSearch = (state: PublicationState, region: string): string =>
  encode(publicationUrl, { ...state, region, page: undefined, level: undefined }).toString();
