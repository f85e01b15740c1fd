/** 整改情况's statuses and their names: pure, so that the API contract and the web app share them. */
export const correctionStatuses = ['unchanged', 'notImproved', 'improved', 'corrected'] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];

export const correctionStatusNames: Record<CorrectionStatus, string> = {
  unchanged: '未更正',
  notImproved: '新版本未改善',
  improved: '部分更正',
  corrected: '已更正',
};
