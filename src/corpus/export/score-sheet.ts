/**
 * The scores of a rule pack as a spreadsheet, the table an evaluator hands on: one row per report,
 * ranked within its year (the highest score first; equal scores share a rank, 1, 2, 2, 4), each
 * row's items in words with their points. CSV holds the ranking; XLSX adds a sheet of the items one
 * per row with their citations, and one of the pack itself, so the file says what it was scored by.
 */
import type { Writable } from 'node:stream';
import type { Pack } from '../packs.js';
import type { ReportScore, ScoreItem } from '../score.js';
import type { ExportValue } from './columns.js';
import { csvLine } from './csv.js';
import { type Sink, writeTo } from './sink.js';
import { streamingWorkbook, writeSheet } from './workbook.js';

export const scoreColumns = [
  'rank',
  'agency',
  'region',
  'kind',
  'year',
  'score',
  'items',
  'notAssessed',
  'file',
  'reportId',
] as const;

const itemColumns = ['agency', 'region', 'year', 'rule', 'label', 'count', 'points', 'citation', 'reportId'];

export interface RankedScore extends ReportScore {
  /** Place within the report's year: 1 for the highest score; equal scores share a place. */
  rank: number;
}

const collator = new Intl.Collator('zh-CN');

/**
 * The scores by year (earliest first, reports without a year last), then by score (highest first),
 * then by body name and report, each with its rank within its year.
 */
export function rankScores(scores: readonly ReportScore[]): RankedScore[] {
  const sorted = [...scores].sort(
    (a, b) =>
      (a.year ?? Number.POSITIVE_INFINITY) - (b.year ?? Number.POSITIVE_INFINITY) ||
      b.score - a.score ||
      collator.compare(a.agency ?? '', b.agency ?? '') ||
      a.reportId - b.reportId,
  );
  const ranked: RankedScore[] = [];
  let inYear = 0;
  for (const s of sorted) {
    const previous = ranked.at(-1);
    const sameYear = previous !== undefined && previous.year === s.year;
    inYear = sameYear ? inYear + 1 : 1;
    // Competition ranking: a tie shares the place, the next score takes its place in the year.
    ranked.push({ ...s, rank: sameYear && previous.score === s.score ? previous.rank : inYear });
  }
  return ranked;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** An item in words, as the web page shows it: 「label × count：points 分」. */
export const itemText = (i: ScoreItem): string =>
  `${i.label}${i.count !== null && i.count > 1 ? ` × ${i.count}` : ''}：${signed(i.points)} 分`;

const kindName = { government: '人民政府', department: '部门' } as const;

export function scoreValues(s: RankedScore): ExportValue[] {
  return [
    s.rank,
    s.agency,
    s.region,
    s.kind === null ? null : kindName[s.kind],
    s.year,
    s.score,
    s.items.map(itemText).join('；'),
    s.notAssessed.join('；'),
    s.file,
    s.reportId,
  ];
}

/** The ranking as CSV (UTF-8 with a BOM, like the corpus export); answers the number of reports. */
export async function exportScoresCsv(scores: readonly ReportScore[], sink: Sink): Promise<number> {
  const ranked = rankScores(scores);
  let text = `\ufeff${csvLine([...scoreColumns])}`;
  for (const s of ranked) text += csvLine(scoreValues(s));
  await writeTo(sink, text);
  return ranked.length;
}

/** The ranking, the items and the pack as an XLSX workbook; answers the number of reports. */
export async function exportScoresXlsx(
  scores: readonly ReportScore[],
  pack: Pack,
  stream: Writable,
): Promise<number> {
  const ranked = rankScores(scores);
  const workbook = streamingWorkbook(stream);
  writeSheet(workbook, '得分', scoreColumns, ranked.map(scoreValues));
  writeSheet(
    workbook,
    '扣分项',
    itemColumns,
    ranked.flatMap((s) =>
      s.items.map((i) => [
        s.agency,
        s.region,
        s.year,
        i.rule,
        i.label,
        i.count,
        i.points,
        i.citation,
        s.reportId,
      ]),
    ),
  );
  writeSheet(
    workbook,
    '规则包',
    ['id', pack.id],
    [
      ['name', pack.name],
      ['source', pack.source],
      ['base', pack.base],
      [],
      ['rule', 'label', 'points', 'per', 'finding', 'where', 'figures', 'data', 'citation'],
      ...pack.rules.map((r) => [
        r.id,
        r.label,
        r.points,
        r.per,
        r.finding ?? null,
        r.where ? JSON.stringify(r.where) : null,
        r.figures?.join(' ') ?? null,
        r.data ?? null,
        r.citation,
      ]),
    ],
  );
  await workbook.commit();
  return ranked.length;
}
