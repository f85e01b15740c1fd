/**
 * The statuses of a body's report of a year (发布情况, src/corpus/publication.ts) and their names.
 * Pure data: the API contract and the web app import it.
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
