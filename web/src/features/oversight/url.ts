/**
 * The oversight pages' state in their URLs: the corpus filters, the keyset page stack and the open
 * report; the comparison's body and years; a body's open report; the publication year, status and
 * page shown; what the statistics are grouped by; the bodies looked for and their page.
 */
import { z } from 'zod';
import { statsSortColumn } from '../../../../src/api/corpus-contract.js';
import { correctionStatuses } from '../../../../src/corpus/correction-status.js';
import { problemKinds } from '../../../../src/corpus/problem-kinds.js';
import { publicationStatuses } from '../../../../src/corpus/publication-status.js';
import { regionLevels } from '../../../../src/corpus/region-level.js';
import { statsDimensions } from '../../../../src/corpus/stats-dimensions.js';
import { encode } from '../../lib/url-codec.js';
import type { CorpusFilter } from './api.js';

const flag = z.enum(['true', 'false']).optional();

export const oversightUrl = z.object({
  region: z.string().max(100).optional(),
  kind: z.enum(['government', 'department']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  format: z.enum(['2019', '2021']).optional(),
  late: flag,
  hasErrors: flag,
  /** Only reports with errors of the report itself, or with figures not read (problem-kinds.ts). */
  problem: z.enum(problemKinds).optional(),
  agency: z.string().max(200).optional(),
  /** Only each body's newest version of a year (as the statistics count). */
  latest: flag,
  /** The `after` cursors of the pages seen so far: the last one is the current page's. */
  after: z.union([z.string().transform((s) => [s]), z.array(z.string())]).default([]),
  /** The report open in the drawer. */
  report: z.coerce.number().int().min(1).optional(),
  /** The level the chart of applications by region sums regions up at (发布情况's when absent). */
  level: z.enum(regionLevels).optional(),
});
export type OversightState = z.output<typeof oversightUrl>;

/** A report opened in 监督概览's drawer (from 发布情况, 跨报告核查, 整改情况, 评分). */
export const reportInOversight = (report: number) => ({
  pathname: '/oversight',
  search: encode(oversightUrl, { after: [], report }).toString(),
});

/** The API filter of a page state (without paging and the open report). */
export function filterOf(s: OversightState): CorpusFilter {
  const f: CorpusFilter = {};
  if (s.region) f.region = s.region;
  if (s.kind) f.kind = s.kind;
  if (s.year) f.year = s.year;
  if (s.format) f.format = s.format;
  if (s.late) f.late = s.late;
  if (s.hasErrors) f.hasErrors = s.hasErrors;
  if (s.problem) f.problem = s.problem;
  if (s.agency) f.agency = s.agency;
  if (s.latest) f.latest = s.latest;
  return f;
}

const year = z.coerce.number().int().min(2000).max(2100).optional();

/**
 * The comparison's state: the body and two years (the API's default: its last two), or with `other`
 * two bodies (甲 the body, 乙 the other) and a year of each (the API's default: the last both have).
 */
export const compareUrl = z.object({
  body: z.string().max(200).optional(),
  other: z.string().max(200).optional(),
  from: year,
  to: year,
});

/** 机关档案's state (the body is the path's): the report open in the drawer. */
export const bodyUrl = z.object({ report: z.coerce.number().int().min(1).optional() });

/** 跨报告核查's state: the corpus filters it shares with 监督概览, and the finding code shown. */
export const checksUrl = z.object({
  region: z.string().max(100).optional(),
  kind: z.enum(['government', 'department']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  agency: z.string().max(200).optional(),
  code: z.string().max(60).optional(),
});
export type ChecksState = z.output<typeof checksUrl>;

/** 整改情况's state: the filters and the status shown. */
export const correctionsUrl = z.object({
  region: z.string().max(100).optional(),
  kind: z.enum(['government', 'department']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  agency: z.string().max(200).optional(),
  status: z.enum(correctionStatuses).optional(),
  /** The page of the list shown (from 1; the first when absent). */
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});
export type CorrectionsState = z.output<typeof correctionsUrl>;

/** 评分's state: the shipped pack chosen (a pack read from a file stays in the page) and the filters. */
export const scoreUrl = z.object({
  pack: z.string().max(100).optional(),
  region: z.string().max(100).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  agency: z.string().max(200).optional(),
});
export type ScoreState = z.output<typeof scoreUrl>;

/**
 * 发布情况's state: the year (the API's default, the year before today's, when absent), the body
 * filters, the status shown (filtered by the server: the counts stay those of the whole scope) and
 * the table's page (the first when absent).
 */
export const publicationUrl = z.object({
  region: z.string().max(100).optional(),
  kind: z.enum(['government', 'department']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  agency: z.string().max(200).optional(),
  status: z.enum(publicationStatuses).optional(),
  page: z.coerce.number().int().min(1).optional(),
  /** The level the regions are summed up at (the server's choice when absent). */
  level: z.enum(regionLevels).optional(),
});
export type PublicationState = z.output<typeof publicationUrl>;

/**
 * 统计对比's state: what the rows are grouped by and the body filters. By county-level region when
 * absent: by body would be tens of thousands of rows on a national corpus, by province a single row
 * on a county's.
 */
export const statsUrl = z.object({
  by: z.enum(statsDimensions).default('region'),
  /** The column the groups are sorted by (a column of the stats export) and which way. */
  sort: statsSortColumn.default('reports'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).optional(),
  region: z.string().max(100).optional(),
  kind: z.enum(['government', 'department']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  agency: z.string().max(200).optional(),
  /** Only reports with errors of one kind (problem-kinds.ts): the groups count those alone. */
  problem: z.enum(problemKinds).optional(),
});

/**
 * 机关's state: the text looked for in the bodies' names and regions, the kind and the table's page
 * (the first when absent), all three answered by the server.
 */
export const bodiesUrl = z.object({
  q: z.string().max(200).optional(),
  kind: z.enum(['government', 'department']).optional(),
  page: z.coerce.number().int().min(1).optional(),
});
export type BodiesState = z.output<typeof bodiesUrl>;
