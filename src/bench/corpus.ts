/**
 * The corpus, measured: ingest throughput (reports/s) of generated reports in mixed forms, against a
 * bare `parse` of the same bytes on one thread; and the time of each stats query on many report rows
 * in SQLite (and PostgreSQL when GONGKAI_BENCH_DATABASE_URL names one), against the goal of 1 s
 * each. Defaults: 400 reports ingested, 200,000 report rows for the stats (the size); the
 * issue's ingest size is a flag: --reports 10000; --stats-only skips the ingest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusStats, statsDimensions } from '../corpus/aggregate.js';
import { bodyHistory } from '../corpus/bodies/history.js';
import { countBodies, listBodies } from '../corpus/bodies/store.js';
import { correctionsOf } from '../corpus/corrections.js';
import { publicationNotice } from '../corpus/export/publication-notice.js';
import { ingestPaths } from '../corpus/ingest.js';
import { lettersZip } from '../corpus/letters/files.js';
import { overdueBodies, remindersZip } from '../corpus/letters/reminder.js';
import { letterSubjects } from '../corpus/letters/subjects.js';
import { createPool } from '../corpus/pool.js';
import { publicationOf } from '../corpus/publication.js';
import { generateReport } from '../generate/random-report.js';
import { processBytes } from '../pipeline.js';
import { renderPlainDocx } from '../render/docx/plain.js';
import { renderHtml } from '../render/html/index.js';
import { renderText, seedLayouts } from '../render/text/index.js';
import { openStore } from '../store/index.js';
import { fillStatsRows } from './corpus-rows.js';

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
/** The machine's load average over 1, 5 and 15 minutes (as `uptime` prints it): wall times depend on it. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

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

async function benchStats(name: string, options: Parameters<typeof openStore>[0]): Promise<void> {
  const store = await openStore(options);
  try {
    const start = performance.now();
    await fillStatsRows(store, rows);
    console.log(
      `统计查询（${name}，${rows} 份报告，写入 ${seconds(start).toFixed(1)} 秒；目标：每项 1 秒以内；机器负载 ${load()}）`,
    );
    let slowest = 0;
    for (const by of [null, ...statsDimensions]) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const stats = await corpusStats(store.db, {}, by);
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      slowest = Math.max(slowest, ms);
      // SQLite runs in this process: its CPU time is the query's cost however busy the machine is.
      console.log(
        `  ${(by ?? '全部').padEnd(6)} ${ms.toFixed(0).padStart(6)} ms（本进程 CPU ${((used.user + used.system) / 1000).toFixed(0)} ms；${stats.rows.length} 组；报告与指标 ${stats.timings.reports} ms，问题 ${stats.timings.findings} ms）${ms < 1000 ? '' : '  超过 1 秒'}`,
      );
    }
    /** One more query of the oversight pages, timed, with what it answered. */
    const step = async (label: string, work: () => Promise<string>) => {
      const t = performance.now();
      const said = await work();
      const ms = performance.now() - t;
      slowest = Math.max(slowest, ms);
      console.log(`  ${label} ${ms.toFixed(0).padStart(6)} ms（${said}）${ms < 1000 ? '' : '  超过 1 秒'}`);
    };
    // 发布情况 of the last year of the rows (2025), as of a day both deadlines have passed.
    const today = '2026-12-05';
    await step('发布情况', async () => {
      const publication = await publicationOf(store.db, {}, 2025, today);
      return `${publication.counts.expected} 个应发布的机关，逾期未发布 ${publication.counts.overdue} 个`;
    });
    // Its notice: the same 发布情况 with the year's statistics, as a DOCX (what the download does).
    await step('发布情况通报', async () => {
      const p = await publicationOf(store.db, {}, 2025, today);
      const stats = await corpusStats(store.db, { year: 2025 }, null);
      const bytes = renderPlainDocx(publicationNotice(p, stats, ''));
      return `DOCX ${(bytes.length / 1024).toFixed(0)} KB，列出 ${p.regions.length} 个地区`;
    });
    // 催报提醒 to the bodies of one region overdue for 2026 (no row has a report of it) once both
    // deadlines have passed: what 发布情况's button writes.
    await step('催报提醒（一个地区）', async () => {
      const p = await publicationOf(store.db, { region: '市1县1' }, 2026, '2027-04-01');
      const zip = remindersZip(p, 'docx');
      return `${overdueBodies(p).length} 份，ZIP ${(zip.length / 1024).toFixed(0)} KB`;
    });
    // 核查意见 of one region's 2025 reports, all of them (the cross-report checks over its bodies first).
    await step('核查意见（一个地区）', async () => {
      const filter = { region: '市1县1', year: 2025 };
      const { subjects } = await letterSubjects(store.db, filter, true);
      const zip = lettersZip(subjects, today, 'docx', { comparedWithOthers: true });
      return `${subjects.length} 份，ZIP ${(zip.length / 1024).toFixed(0)} KB`;
    });
    // 整改情况 of the whole country for a year, and over every year (each body-year's versions).
    await step('整改情况（全国，2025 年度）', async () => {
      const c = await correctionsOf(store.db, { year: 2025 });
      return `${c.rows.length} 份首版有问题`;
    });
    await step('整改情况（全国，全部年度）', async () => {
      const c = await correctionsOf(store.db, {});
      return `${c.rows.length} 份首版有问题`;
    });
    // The bodies' list a page at a time (机关), its last page, and a search.
    const total = await countBodies(store.db);
    await step(
      '机关列表第一页',
      async () => `${(await listBodies(store.db, { limit: 50 })).length} / ${total} 个`,
    );
    await step('机关列表最后一页', async () => {
      const page = await listBodies(store.db, { offset: Math.max(0, total - 50), limit: 50 });
      return `${page.length} 个`;
    });
    await step('机关列表查找「县7」', async () => {
      const q = { q: '县7' };
      return `${(await listBodies(store.db, { ...q, limit: 50 })).length} / ${await countBodies(store.db, q)} 个`;
    });
    // One body's profile (机关档案): the body with the most reports.
    const [first] = await listBodies(store.db, { limit: 1 });
    if (first)
      await step('机关档案', async () => {
        const history = await bodyHistory(store.db, first.id, today);
        return `${history?.years.length ?? 0} 个年度`;
      });
    console.log(
      `  最慢 ${slowest.toFixed(0)} ms：${slowest < 1000 ? '达到' : '未达到'} 1 秒目标（测完时机器负载 ${load()}）`,
    );
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
