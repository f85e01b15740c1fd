/**
 * The statuses of a body's report of a year (发布情况, src/corpus/publication.ts) and their names,
 * and what the summary by region (按地区汇总) lists. Pure data: the API contract and the web app
 * import it.
 */
export const publicationStatuses = ['overdue', 'pending', 'late', 'undated', 'onTime'] as const;
export type PublicationStatus = (typeof publicationStatuses)[number];

/** The statuses' names, as users read them. */
export const publicationStatusNames: Record<PublicationStatus, string> = {
  overdue: '逾期未发布',
  pending: '尚未到期',
  late: '逾期发布',
  undated: '未注日期',
  onTime: '按时发布',
};

/**
 * Most regions an answer of 发布情况 lists, those with the most bodies overdue: a supervisor reads the
 * districts that lag, not a national corpus's thousands of counties.
 */
export const publicationRegionsListed = 20;

/** The years a body's 撤销年份 may take (the API, the CLI and the web form check the same). */
export const dissolvedYears = { min: 2000, max: 2100 } as const;
/** Why another year is refused. */
export const dissolvedYearsText = `撤销年份应为 ${dissolvedYears.min}–${dissolvedYears.max} 年之间的年份`;
/** Why another year is refused as the year a body owes reports from (应发布名录). */
export const expectedYearsText = `应发布起始年度应为 ${dissolvedYears.min}–${dissolvedYears.max} 年之间的年份`;

/** A region as users read it: bodies whose place is unknown have the region ''. */
export const regionName = (region: string): string => region || '地区未知';
