/**
 * The corpus, measured: ingest throughput (reports/s) of generated reports in mixed forms, against a
 * bare `parse` of the same bytes on one thread; and the time of each stats query on many report rows
 * in SQLite (and PostgreSQL when GONGKAI_BENCH_DATABASE_URL names one), against the goal of 1 s
 * each. Defaults: 400 reports ingested, 200,000 report rows for the stats (the size); the
 * issue's ingest size is a flag: --reports 10000; --stats-only skips the ingest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import { corpusStats, type StatsDimension } from '../corpus/aggregate.js';
import { ingestPaths } from '../corpus/ingest.js';
import { statsMeasures } from '../corpus/measures.js';
import { createPool } from '../corpus/pool.js';
import { generateReport } from '../generate/random-report.js';
import { processBytes } from '../pipeline.js';
import { renderHtml } from '../render/html/index.js';
import { renderText, seedLayouts } from '../render/text/index.js';
import { openStore, type Store } from '../store/index.js';
import type { CorpusReportTable } from '../store/schema.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const reports = option('reports', 400);
const rows = option('rows', 200_000);
const encoder = new TextEncoder();

function corpusFiles(n: number): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) {
    const format = i % 3 === 0 ? '2019' : '2021';
    const report = generateReport(10_000 + i, format);
    const form = i % 6;
    const text = form === 5 ? renderHtml(report) : renderText(report, seedLayouts[form] ?? 'cell-per-line');
    out.push({
      name: `${String(i).padStart(6, '0')}.${form === 5 ? 'html' : 'txt'}`,
      bytes: encoder.encode(text),
    });
  }
  return out;
}

const seconds = (start: number) => (performance.now() - start) / 1000;

async function benchIngest(): Promise<void> {
  const files = corpusFiles(reports);
  let start = performance.now();
  for (const f of files) await processBytes(f.bytes, f.name);
  const parse = seconds(start);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-corpus-'));
  try {
    for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
    const store = await openStore({ dataDir: join(dir, 'data'), env: {} });
    const pool = createPool();
    start = performance.now();
    const summary = await ingestPaths(store, [dir], { pool });
    const ingest = seconds(start);
    await pool.close();
    await store.close();
    console.log(`导入（${reports} 份，文本与网页混合，${pool.threads} 个工作线程，SQLite）`);
    console.log(`  仅解析（单线程）：${(reports / parse).toFixed(1)} 份/秒`);
    console.log(
      `  导入（解析、去重、写库）：${(reports / ingest).toFixed(1)} 份/秒，新增 ${summary.added} 份；耗时为仅解析的 ${(ingest / parse).toFixed(2)} 倍（目标 ≤ 2）`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Report rows with their measures and one finding each, written straight to the tables (no parsing,
 * no cells: the statistics read only reports, measures and findings).
 */
async function fill(store: Store, n: number): Promise<void> {
  const bodies = 2000;
  const now = new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    for (let b = 0; b < bodies; b += 500)
      await trx
        .insertInto('corpus_bodies')
        .values(
          Array.from({ length: Math.min(500, bodies - b) }, (_, k) => {
            const i = b + k;
            return {
              id: `b${i}`,
              name: `测试${i}局`,
              match_key: `测试${i}局`,
              province: null,
              city: `市${i % 13}`,
              county: `县${i % 97}`,
              region: `市${i % 13}县${i % 97}`,
              kind: i % 5 === 0 ? ('government' as const) : ('department' as const),
              merged_into: null,
              created_at: now,
            };
          }),
        )
        .execute();
  });
  const batch = 1000;
  for (let start = 0; start < n; start += batch) {
    await store.db.transaction().execute(async (trx) => {
      const values: Insertable<CorpusReportTable>[] = [];
      for (let i = start; i < Math.min(n, start + batch); i++) {
        const year = 2019 + (Math.floor(i / bodies) % 7);
        values.push({
          sha256: `h${i}`,
          body_id: `b${i % bodies}`,
          agency_name: `测试${i % bodies}局`,
          year,
          version: 1 + Math.floor(i / (bodies * 7)),
          format: (year < 2021 ? '2019' : '2021') as '2019' | '2021',
          source_type: 'text',
          file: `f${i}.txt`,
          size: 1000,
          published_on: `${year + 1}-01-20`,
          signed_on: null,
          deadline: `${year + 1}-01-31`,
          late: i % 9 === 0 ? 1 : 0,
          errors: i % 7 === 0 ? 1 : 0,
          warnings: i % 3,
          infos: 0,
          sections: '[]',
          text: '',
          source: null,
          ingested_at: now,
        });
      }
      const ids = (await trx.insertInto('corpus_reports').values(values).returning('id').execute()).map((r) =>
        Number(r.id),
      );
      const measures = ids.map((id, k) => {
        const r = values[k] as Insertable<CorpusReportTable>;
        const i = start + k;
        return {
          report_id: id,
          body_id: r.body_id ?? null,
          year: r.year ?? null,
          format: r.format,
          late: r.late,
          dated: 1,
          errors: r.errors,
          warnings: r.warnings,
          // The newest version of its body and year: no row a whole round of bodies and years later.
          latest: i + bodies * 7 >= n ? 1 : 0,
          ...Object.fromEntries(statsMeasures.map((m, c) => [m.column, (id * 31 + c) % 17])),
        };
      });
      for (let c = 0; c < measures.length; c += 500)
        await trx
          .insertInto('corpus_measures')
          .values(measures.slice(c, c + 500))
          .execute();
      const findings = ids.map((id) => ({
        report_id: id,
        ordinal: 0,
        code: id % 2 ? 'check.late' : 'check.balance',
        severity: 'warning' as const,
        message: '',
        line: null,
        col: null,
        keys: '[]',
        actual: null,
        expected: null,
        note: null,
      }));
      for (let c = 0; c < findings.length; c += 500)
        await trx
          .insertInto('corpus_findings')
          .values(findings.slice(c, c + 500))
          .execute();
    });
  }
}

async function benchStats(name: string, options: Parameters<typeof openStore>[0]): Promise<void> {
  const store = await openStore(options);
  try {
    const start = performance.now();
    await fill(store, rows);
    console.log(
      `统计查询（${name}，${rows} 份报告，写入 ${seconds(start).toFixed(1)} 秒；目标：每项 1 秒以内）`,
    );
    let slowest = 0;
    for (const by of [null, 'region', 'agency', 'year', 'kind'] as (StatsDimension | null)[]) {
      const t = performance.now();
      const stats = await corpusStats(store.db, {}, by);
      const ms = performance.now() - t;
      slowest = Math.max(slowest, ms);
      console.log(
        `  ${(by ?? '全部').padEnd(6)} ${ms.toFixed(0).padStart(6)} ms（${stats.rows.length} 组；报告与指标 ${stats.timings.reports} ms，问题 ${stats.timings.findings} ms）${ms < 1000 ? '' : '  超过 1 秒'}`,
      );
    }
    console.log(`  最慢 ${slowest.toFixed(0)} ms：${slowest < 1000 ? '达到' : '未达到'} 1 秒目标`);
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--stats-only')) await benchIngest();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-stats-'));
  try {
    await benchStats('SQLite', { dataDir: dir, env: {} });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.GONGKAI_BENCH_DATABASE_URL;
  if (url) await benchStats('PostgreSQL', { databaseUrl: url, env: {} });
  else console.log('（设置 GONGKAI_BENCH_DATABASE_URL 为一个空的 PostgreSQL 数据库时，同样测量 PostgreSQL）');
}

await main();
