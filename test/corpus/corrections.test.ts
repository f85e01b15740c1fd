/**
 * 整改情况: each body-year whose first version had problems of the checks, against its newest version
 * (未更正, 新版本未改善, 部分更正, 已更正), with the problems fixed and remaining; as the CLI prints
 * and exports it, and as the API answers it in the caller's scope.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { ingestPaths } from '../../src/corpus/ingest.js';
import { run } from '../cli/helpers.js';
import { cliCorpus, makeReport, renderAs, tempDir, writeFile } from './helpers.js';

/** A total one more than its row: check.row-sum (and the identities it breaks). */
const wrongTotal = (r: Report) => {
  r.cells['a.new.total'] = (r.cells['a.new.total'] ?? 0) + 1;
};
/** A review total one more than its parts (table 四): check.litigation-sum. */
const wrongReviews = (r: Report) => {
  r.cells['l.review.total'] = (r.cells['l.review.total'] ?? 0) + 1;
};

/** Ingests the versions in order, one run each (a version's number is the order it came in). */
async function ingestVersions(store: Parameters<typeof ingestPaths>[0], dir: string, versions: Report[][]) {
  for (const [round, reports] of versions.entries()) {
    for (const [i, report] of reports.entries())
      writeFile(join(dir, `v${round}`, `${i}.txt`), renderAs(report, 'txt'));
    await ingestPaths(store, [join(dir, `v${round}`)]);
  }
}

const versions = () => {
  /** A 2024 report of a body of 洛江区: the seed tells versions apart, `edit` spoils it. */
  const of =
    (body: string) =>
    (edit?: (r: Report) => void, seed?: number): Report =>
      makeReport({
        agency: `泉州市洛江区${body}`,
        year: 2024,
        ...(seed ? { seed } : {}),
        ...(edit ? { edit } : {}),
      });
  const [edu, fin, civ, wat] = [of('教育局'), of('财政局'), of('民政局'), of('水利局')];
  return [
    // First versions: 教育局 wrong (not corrected after), 财政局 wrong in tables 三 and 四, 民政局 wrong,
    // 水利局 clean (not listed).
    [
      edu(wrongTotal),
      fin((r) => {
        wrongTotal(r);
        wrongReviews(r);
      }),
      civ(wrongTotal),
      wat(),
    ],
    // New versions: 财政局 fixes the total only (部分更正), 民政局 all (已更正), 水利局 a clean one again.
    [fin(wrongReviews, 11), civ(undefined, 12), wat(undefined, 13)],
  ];
};

interface Row {
  name: string;
  status: string;
  versions: number;
  first: { errors: number; codes: string[] };
  latest: { errors: number; warnings: number; reportId: number };
  fixed: string[];
  remaining: string[];
}

describe('整改情况 (gongkai corpus corrections)', () => {
  cliCorpus(async (store) => {
    const tmp = tempDir();
    try {
      await ingestVersions(store, tmp.dir, versions());
    } finally {
      tmp.dispose();
    }
  });

  it('tells each body-year with problems first how its newest version stands, those not corrected first', async () => {
    const result = await run(['corpus', 'corrections', '--json']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const { counts, rows } = JSON.parse(result.stdout) as { counts: unknown; rows: Row[] };
    expect(counts).toEqual({ unchanged: 1, notImproved: 0, improved: 1, corrected: 1 });
    const [edu, fin, civ] = rows as [Row, Row, Row];
    expect(rows.map((r) => [r.name, r.status, r.versions])).toEqual([
      ['泉州市洛江区教育局', 'unchanged', 1],
      ['泉州市洛江区财政局', 'improved', 2],
      ['泉州市洛江区民政局', 'corrected', 2],
    ]);
    // Not corrected: what it had, it still has.
    expect(edu.first.codes).toContain('check.row-sum');
    expect([edu.fixed, edu.remaining]).toEqual([[], edu.first.codes]);
    // The total fixed, the part still missing.
    expect(fin.first.codes).toEqual(expect.arrayContaining(['check.row-sum', 'check.litigation-sum']));
    expect(fin.remaining).toEqual(['check.litigation-sum']);
    expect(fin.fixed).toContain('check.row-sum');
    expect([civ.latest.errors, civ.latest.warnings, civ.remaining]).toEqual([0, 0, []]);
    // A year with none, and the body filter.
    expect(
      JSON.parse((await run(['corpus', 'corrections', '--year', '2023', '--json'])).stdout).rows,
    ).toEqual([]);
    const one = JSON.parse((await run(['corpus', 'corrections', '--agency', '财政局', '--json'])).stdout);
    expect(one.rows.map((r: Row) => r.status)).toEqual(['improved']);
  });

  it('prints the counts and a line each, and exports CSV', async () => {
    const text = await run(['corpus', 'corrections', '--year', '2024']);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe(
      '整改情况（2024 年度）：首个版本有问题的报告 3 份，未更正 1，新版本未改善 0，部分更正 1，已更正 1',
    );
    expect(lines.slice(3, 6).map((l) => l.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['未更正', '泉州市洛江区教育局', '2024', '1'],
      ['部分更正', '泉州市洛江区财政局', '2024', '2'],
      ['已更正', '泉州市洛江区民政局', '2024', '2'],
    ]);
    expect(lines[4]).toContain('复议诉讼合计不符');
    const csv = await run(['corpus', 'corrections', '--to', 'csv']);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toBe(
      '\ufeffagency,region,kind,year,status,statusName,versions,firstErrors,firstWarnings,latestErrors,latestWarnings,fixed,remaining,bodyId,firstReportId,latestReportId',
    );
    expect(rows.slice(1, -1).map((r) => r.split(',').slice(4, 7))).toEqual([
      ['unchanged', '未更正', '1'],
      ['improved', '部分更正', '2'],
      ['corrected', '已更正', '2'],
    ]);
  });
});
