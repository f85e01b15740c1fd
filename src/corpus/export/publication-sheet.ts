/**
 * 发布情况 (src/corpus/publication.ts) as a spreadsheet: one row per body expected to publish the
 * year's report, its status's Chinese name beside the code. XLSX adds a sheet of the regions (every
 * one, those that lag first: the table a supervisor sends upward, 各地区发布情况) and one of the counts
 * and the deadlines.
 */
import type { Writable } from 'node:stream';
import { bodyKindNames } from '../bodies/names.js';
import {
  type BodyPublication,
  type Publication,
  publicationStatuses,
  publicationStatusNames,
  regionName,
} from '../publication.js';
import { regionLevelNames } from '../region-level.js';
import type { ExportValue } from './columns.js';
import { csvLine } from './csv.js';
import { type Sink, writeTo } from './sink.js';
import { streamingWorkbook, writeSheet } from './workbook.js';

export const publicationColumns = [
  'agency',
  'region',
  'kind',
  'year',
  'status',
  'statusName',
  'deadline',
  'publishedOn',
  'signedOn',
  'daysLate',
  'daysLeft',
  'lastYear',
  'bodyId',
  'reportId',
] as const;

const values = (year: number, b: BodyPublication): ExportValue[] => [
  b.name,
  b.region,
  bodyKindNames[b.kind],
  year,
  b.status,
  publicationStatusNames[b.status],
  b.deadline,
  b.publishedOn,
  b.signedOn,
  b.daysLate,
  b.daysLeft,
  b.lastYear,
  b.bodyId,
  b.reportId,
];

/** The bodies as CSV (UTF-8 with a BOM, like the corpus export); answers their number. */
export async function exportPublicationCsv(publication: Publication, sink: Sink): Promise<number> {
  let text = `\ufeff${csvLine([...publicationColumns])}`;
  for (const b of publication.bodies) text += csvLine(values(publication.year, b));
  await writeTo(sink, text);
  return publication.bodies.length;
}

/** The bodies, the regions and the counts as an XLSX workbook; answers the number of bodies. */
export async function exportPublicationXlsx(publication: Publication, stream: Writable): Promise<number> {
  const workbook = streamingWorkbook(stream);
  writeSheet(
    workbook,
    '发布情况',
    publicationColumns,
    publication.bodies.map((b) => values(publication.year, b)),
  );
  writeSheet(
    workbook,
    '按地区',
    ['region', 'expected', ...publicationStatuses],
    publication.regions.map((r): ExportValue[] => [
      regionName(r.region),
      r.expected,
      ...publicationStatuses.map((s) => r[s]),
    ]),
  );
  const { counts, deadlines } = publication;
  writeSheet(
    workbook,
    '汇总',
    ['item', 'value'],
    [
      ['年度', publication.year],
      ['截至', publication.today],
      ['部门发布期限', deadlines.department],
      ['人民政府发布期限', deadlines.government],
      ['按地区汇总的层级', regionLevelNames[publication.level]],
      ['应发布机关', counts.expected],
      ...publicationStatuses.map((s): ExportValue[] => [publicationStatusNames[s], counts[s]]),
    ],
  );
  await workbook.commit();
  return publication.bodies.length;
}
