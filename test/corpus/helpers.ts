/** Generated reports written as files, and a fresh store, for the corpus tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { parseBodyName } from '../../src/corpus/bodies/names.js';
import { generateReport } from '../../src/generate/random-report.js';
import { renderHtml } from '../../src/render/html/index.js';
import { renderText } from '../../src/render/text/index.js';
import type { FormatId } from '../../src/spec/types.js';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';
import type { Database } from '../../src/store/schema.js';

export interface ReportSpec {
  agency: string;
  year: number;
  seed?: number;
  publishedOn?: string | null;
  edit?: (report: Report) => void;
}

/** A valid generated report of the body and year (format by year). */
export function makeReport(spec: ReportSpec): Report {
  const format: FormatId = spec.year >= 2021 ? '2021' : '2019';
  const report = generateReport(spec.seed ?? spec.year * 7919 + spec.agency.length, format, {
    year: spec.year,
    datedShare: 0,
  });
  report.agency = spec.agency;
  report.publishedOn = spec.publishedOn === undefined ? `${spec.year + 1}-01-20` : spec.publishedOn;
  spec.edit?.(report);
  return report;
}

export const renderAs = (report: Report, form: 'txt' | 'html' | 'tab'): string =>
  form === 'html'
    ? renderHtml(report)
    : renderText(report, form === 'tab' ? 'tab-indented' : 'cell-per-line');

export function tempDir(prefix = 'gongkai-corpus-'): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeFile(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

export async function sqliteStore(dir: string, extra: StoreOptions = {}): Promise<Store> {
  return openStore({ dataDir: join(dir, 'data'), env: {}, ...extra });
}

/** A sheet of an exported workbook as rows of values (exceljs counts rows and columns from 1). */
export const sheetRows = (workbook: ExcelJS.Workbook, name: string): unknown[][] =>
  (workbook.getWorksheet(name)?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));

type NewCorpusReport = Insertable<Database['corpus_reports']>;

/** A stored report with the given identity and dates; the rest as a clean 2021 text report. */
export async function storeReport(
  store: Store,
  report: Pick<
    NewCorpusReport,
    'sha256' | 'body_id' | 'agency_name' | 'year' | 'version' | 'file' | 'published_on' | 'signed_on'
  >,
): Promise<void> {
  await store.db
    .insertInto('corpus_reports')
    .values({
      ...report,
      format: '2021',
      source_type: 'text',
      size: 1,
      deadline: null,
      late: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
      sections: '[]',
      text: '',
      source: null,
      ingested_at: '2024-03-01T00:00:00.000Z',
    })
    .execute();
}

type NewCorpusBody = Insertable<Database['corpus_bodies']>;

/**
 * A stored body: `id` and `name` given (its match key the name's, as ingest would make it), no places,
 * a department, standing — unless said otherwise.
 */
export async function storeBody(
  store: Store,
  body: Pick<NewCorpusBody, 'id' | 'name'> & Partial<NewCorpusBody>,
): Promise<void> {
  await store.db
    .insertInto('corpus_bodies')
    .values({
      match_key: parseBodyName(body.name).matchKey,
      province: null,
      city: null,
      county: null,
      region: '',
      kind: 'department',
      merged_into: null,
      created_at: '2024-03-01T00:00:00.000Z',
      ...body,
    })
    .execute();
}

/**
 * Stores drawn reports of bodies `b0`, `b1`, … in order, each the next version of its body and year
 * (the last one stored of a body and year is its newest), as the property tests of 发布情况 draw them.
 */
export async function storeVersions(
  store: Store,
  reports: readonly { body: number; year: number; publishedOn: string | null; signedOn: string | null }[],
): Promise<void> {
  const versions = new Map<string, number>();
  for (const [i, r] of reports.entries()) {
    const key = `b${r.body}:${r.year}`;
    versions.set(key, (versions.get(key) ?? 0) + 1);
    await storeReport(store, {
      sha256: `p${i}`,
      body_id: `b${r.body}`,
      agency_name: null,
      year: r.year,
      version: versions.get(key) as number,
      file: `${i}.txt`,
      published_on: r.publishedOn,
      signed_on: r.signedOn,
    });
  }
}

/**
 * A SQLite store in a temporary folder for the tests of the describe block it is called in: opened
 * before them, closed and removed after.
 */
export function tempStore(): { readonly store: Store } {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    tmp = tempDir();
    store = await openStore({ dataDir: join(tmp.dir, 'data'), env: {} });
  });
  afterAll(async () => {
    await store?.close();
    tmp?.dispose();
  });
  return {
    get store() {
      if (!store) throw new Error('tempStore: used outside the tests');
      return store;
    },
  };
}

/**
 * The CLI's corpus for the tests of the describe block it is called in: a store in a temporary folder,
 * filled by `fill`, named by GONGKAI_DATA while they run (restored after). `value` is what `fill` gave.
 */
export function cliCorpus<T>(fill: (store: Store) => Promise<T>): {
  readonly value: T;
  readonly dir: string;
} {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let value: T | undefined;
  const saved = process.env.GONGKAI_DATA;
  beforeAll(async () => {
    tmp = tempDir();
    const store = await openStore({ dataDir: join(tmp.dir, 'data'), env: {} });
    value = await fill(store);
    await store.close();
    process.env.GONGKAI_DATA = join(tmp.dir, 'data');
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.GONGKAI_DATA;
    else process.env.GONGKAI_DATA = saved;
    tmp?.dispose();
  });
  return {
    get value() {
      return value as T;
    },
    get dir() {
      if (!tmp) throw new Error('cliCorpus: used outside the tests');
      return tmp.dir;
    },
  };
}
