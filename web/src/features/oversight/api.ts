/** The oversight page's queries on the corpus routes, and the links (export, source) it offers. */

import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  corpusEndpoints,
  type corpusFilterQuery,
  type publicationQuery,
  type UploadEvent,
} from '../../../../src/api/corpus-contract.js';
import type { CorrectionStatus } from '../../../../src/corpus/correction-status.js';
import type { StatsDimension } from '../../../../src/corpus/stats-dimensions.js';
import { ApiError, call, callLines, pathOf, searchOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import type { Summary } from './summary.js';

export type CorpusFilter = z.input<typeof corpusFilterQuery>;
export type PublicationFilter = z.input<typeof publicationQuery>;
export type BodiesQuery = {
  q?: string | undefined;
  kind?: 'government' | 'department' | undefined;
  offset?: number;
  limit?: number;
};

export const corpusListQuery = (query: CorpusFilter & { after?: string; limit?: number }) =>
  queryOptions({
    queryKey: ['corpus', 'list', query],
    queryFn: () => call(api.corpusList, { query }),
    placeholderData: keepPreviousData,
  });

export const corpusReportQuery = (reportId: number) =>
  queryOptions({
    queryKey: ['corpus', 'report', reportId],
    queryFn: () => call(api.corpusReport, { params: { reportId } }),
  });

export const corpusStatsQuery = (
  query: CorpusFilter & {
    by?: StatsDimension;
    sort?: string;
    order?: 'asc' | 'desc';
    offset?: number;
    limit?: number;
  },
) =>
  queryOptions({
    queryKey: ['corpus', 'stats', query],
    queryFn: () => call(api.corpusStats, { query }),
    placeholderData: keepPreviousData,
  });

/** The cross-report checks over the reports the filter chooses (computed by the server on each call). */
export const corpusChecksQuery = (query: Pick<CorpusFilter, 'region' | 'kind' | 'year' | 'agency'>) =>
  queryOptions({
    queryKey: ['corpus', 'checks', query],
    queryFn: () => call(api.corpusChecks, { query }),
    placeholderData: keepPreviousData,
  });

/** 整改情况 of the bodies and year the filter chooses. */
export const corpusCorrectionsQuery = (
  query: Pick<CorpusFilter, 'region' | 'kind' | 'year' | 'agency'> & {
    status?: CorrectionStatus;
    offset?: number;
    limit?: number;
  },
) =>
  queryOptions({
    queryKey: ['corpus', 'corrections', query],
    queryFn: () => call(api.corpusCorrections, { query }),
    placeholderData: keepPreviousData,
  });

/** 整改情况 as a file. */
export const correctionsExportUrl = (
  filter: Pick<CorpusFilter, 'region' | 'kind' | 'year' | 'agency'>,
  to: 'csv' | 'xlsx',
): string => corpusEndpoints.correctionsExport.url + searchOf({ ...filter, to });

/** 发布情况 of a year (the API's default year when none is given) over the bodies the filter chooses. */
export const corpusPublicationQuery = (query: PublicationFilter) =>
  queryOptions({
    queryKey: ['corpus', 'publication', query],
    queryFn: () => call(api.corpusPublication, { query }),
    placeholderData: keepPreviousData,
  });

/**
 * The standing bodies the query chooses (text in the name or region, a kind), a page of them when it
 * gives `offset` or `limit`, with how many it chooses.
 */
export const corpusBodiesQuery = (query: BodiesQuery) =>
  queryOptions({
    queryKey: ['corpus', 'bodies', query],
    queryFn: () => call(api.corpusBodies, { query }),
    placeholderData: keepPreviousData,
  });

/** One body's two years (the API picks the last two when the years are not given). */
export const corpusCompareQuery = (query: { body: string; from?: number; to?: number }) =>
  queryOptions({
    queryKey: ['corpus', 'compare', query],
    queryFn: () => call(api.corpusCompare, { query }),
  });

/**
 * 机关档案: a body's years (status, newest version, versions) and the names its reports signed with.
 * A merged body's id answers the body it was merged into (the answer's `body.id`).
 */
export const corpusBodyHistoryQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['corpus', 'body', bodyId],
    queryFn: () => call(api.corpusBodyHistory, { params: { bodyId } }),
  });

/** The export of the current view (same filters) as CSV or XLSX. */
export const exportUrl = (filter: CorpusFilter, to: 'csv' | 'xlsx'): string =>
  corpusEndpoints.export.url + searchOf({ ...filter, to });

/** The cross-report findings of a scope as a file. */
export const checksExportUrl = (
  filter: Pick<CorpusFilter, 'region' | 'kind' | 'year' | 'agency'>,
  to: 'csv' | 'xlsx',
): string => corpusEndpoints.checksExport.url + searchOf({ ...filter, to });

/** 发布情况 of a year and scope as a file. */
/** 发布情况 as a file: CSV or XLSX, or the draft notice (发布情况通报) as DOCX or Markdown. */
export const publicationExportUrl = (filter: PublicationFilter, to: 'csv' | 'xlsx' | 'docx' | 'md'): string =>
  corpusEndpoints.publicationExport.url + searchOf({ ...filter, to });

/**
 * The statistics of a scope as a file, grouped as on the page: `by` always sent (the server sums the
 * whole scope into one row without it), first, so that the link reads as what it is.
 */
export const statsExportUrl = (
  { by, ...filter }: CorpusFilter & { by: StatsDimension; sort?: string; order?: 'asc' | 'desc' },
  to: 'csv' | 'xlsx',
): string => corpusEndpoints.statsExport.url + searchOf({ by, ...filter, to });

/** The draft 核查意见 (letter to the body) of one report, as DOCX. */
export const letterUrl = (reportId: number): string => pathOf(corpusEndpoints.letter.url, { reportId });

/** The stored source file of a report. */
export const sourceUrl = (reportId: number): string => pathOf(corpusEndpoints.source.url, { reportId });

export const uploadUrl = corpusEndpoints.upload.url;

/**
 * Uploads a file (a report, or a .zip of many) to the corpus, telling `onProgress` how many of its
 * reports are ingested as each is; answers the summary.
 */
export async function uploadWithProgress(
  file: File,
  onProgress: (done: number, total: number) => void,
): Promise<Summary> {
  const form = new FormData();
  form.append('files', file, file.name);
  let total = 0;
  let done = 0;
  let summary: Summary | undefined;
  await callLines(uploadUrl, { method: 'POST', body: form }, (raw) => {
    const line = raw as UploadEvent;
    if (line.type === 'error') throw new ApiError(0, line.code, line.message);
    if (line.type === 'files') total += line.count;
    else if (line.type === 'file') done++;
    else summary = line.summary;
    onProgress(done, total);
  });
  if (!summary) throw new ApiError(0, 'network', '导入未完成：连接中断');
  return summary;
}
