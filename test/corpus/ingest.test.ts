import { symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/corpus/ingest.js';
import { findingOfRow } from '../../src/corpus/report-rows.js';
import { processBytes } from '../../src/pipeline.js';
import type { Store } from '../../src/store/index.js';
import { makeReport, renderAs, sqliteStore, tempDir, writeFile } from './helpers.js';
import { renderForm } from './series.js';

let tmp: ReturnType<typeof tempDir>;
let store: Store;

beforeEach(async () => {
  tmp = tempDir();
  store = await sqliteStore(tmp.dir);
});
afterEach(async () => {
  await store.close();
  tmp.dispose();
});

const encoder = new TextEncoder();

describe('ingest', () => {
  it('stores reports from a folder once; the second run finds nothing new', async () => {
    const dir = join(tmp.dir, 'reports');
    writeFile(
      join(dir, 'a.txt'),
      renderAs(makeReport({ agency: '嘉祥县工业和信息化局', year: 2021 }), 'txt'),
    );
    writeFile(
      join(dir, 'sub/b.html'),
      renderAs(makeReport({ agency: '嘉祥县工业和信息化局', year: 2022 }), 'html'),
    );
    writeFile(join(dir, 'sub/c.txt'), renderAs(makeReport({ agency: '湟源县人民政府', year: 2020 }), 'tab'));
    writeFile(join(dir, 'notes.png'), 'ignored by extension');
    const first = await ingestPaths(store, [dir]);
    expect(first).toMatchObject({ read: 3, added: 3, known: 0, versions: 0, unreadable: [] });
    const second = await ingestPaths(store, [dir]);
    expect(second).toMatchObject({ read: 3, added: 0, known: 3, versions: 0, unreadable: [] });
    const rows = await store.db
      .selectFrom('corpus_reports')
      .innerJoin('corpus_bodies', 'corpus_bodies.id', 'corpus_reports.body_id')
      .select(['corpus_bodies.name', 'year', 'version', 'format', 'late', 'deadline'])
      .orderBy('year')
      .execute();
    expect(rows).toEqual([
      { name: '湟源县人民政府', year: 2020, version: 1, format: '2019', late: 0, deadline: '2021-03-31' },
      {
        name: '嘉祥县工业和信息化局',
        year: 2021,
        version: 1,
        format: '2021',
        late: 0,
        deadline: '2022-01-31',
      },
      {
        name: '嘉祥县工业和信息化局',
        year: 2022,
        version: 1,
        format: '2021',
        late: 0,
        deadline: '2023-01-31',
      },
    ]);
    const cells = await store.db
      .selectFrom('corpus_cells')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(cells?.n)).toBeGreaterThan(500);
  });

  it('keeps a changed file of the same body and year as a new version', async () => {
    const a = writeFile(
      join(tmp.dir, 'v1.txt'),
      renderAs(makeReport({ agency: '洛江区工信局', year: 2023 }), 'txt'),
    );
    const b = writeFile(
      join(tmp.dir, 'v2.txt'),
      renderAs(makeReport({ agency: '泉州市洛江区工业和信息化局', year: 2023, seed: 99 }), 'txt'),
    );
    await ingestPaths(store, [a]);
    const second = await ingestPaths(store, [b]);
    expect(second).toMatchObject({ added: 0, versions: 1 });
    const rows = await store.db
      .selectFrom('corpus_reports')
      .select(['body_id', 'version'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
    expect(rows[0]?.body_id).toBe(rows[1]?.body_id);
  });

  it('reads zips, refuses a zip bomb by name, reports unreadable and vanished files, and skips a directory loop', async () => {
    const dir = join(tmp.dir, 'in');
    const report = (year: number) =>
      encoder.encode(renderAs(makeReport({ agency: '宿迁市宿城区财政局', year }), 'txt'));
    writeFile(join(dir, '1-reports.zip'), zipSync({ '2021.txt': report(2021), 'x/2022.txt': report(2022) }));
    writeFile(join(dir, '2-bomb.zip'), zipSync({ 'big.txt': new Uint8Array(4 * 1024 * 1024) }));
    writeFile(join(dir, '3-empty.txt'), '');
    writeFile(join(dir, '4-garbage.pdf'), '%PDF-1.4 garbage');
    writeFile(join(dir, '5-later.txt'), report(2023));
    writeFile(join(dir, '6-vanishes.txt'), report(2024));
    symlinkSync(dir, join(dir, 'loop'));
    const summary = await ingestPaths(store, [dir], {
      inFlight: 1,
      zipLimits: { maxTotal: 1024 * 1024, maxEntry: 1024 * 1024, maxRatio: 200, maxEntries: 10 },
      onProgress: (done) => {
        if (done === 1) unlinkSync(join(dir, '6-vanishes.txt'));
      },
    });
    expect(summary.added).toBe(3);
    const reasons = Object.fromEntries(
      summary.unreadable.map((u) => [u.path.slice(dir.length + 1), u.reason]),
    );
    expect(Object.keys(reasons).sort()).toEqual([
      '2-bomb.zip',
      '3-empty.txt',
      '4-garbage.pdf',
      '6-vanishes.txt',
      'loop',
    ]);
    expect(reasons['2-bomb.zip']).toMatch(/^疑似压缩炸弹，已拒绝，未解压：「big.txt」/);
    expect(reasons['6-vanishes.txt']).toMatch(/文件不存在/);
    expect(reasons.loop).toMatch(/目录循环/);
    const files = await store.db.selectFrom('corpus_reports').select('file').orderBy('file').execute();
    expect(files.map((f) => f.file.slice(dir.length + 1))).toEqual([
      '1-reports.zip!2021.txt',
      '1-reports.zip!x/2022.txt',
      '5-later.txt',
    ]);
    expect(await store.integrityCheck()).toEqual([]);
  });

  it('the same bytes twice in one run are one report', async () => {
    const text = renderAs(makeReport({ agency: '宿迁市宿城区财政局', year: 2022 }), 'txt');
    writeFileSync(join(tmp.dir, 'a.txt'), text);
    writeFileSync(join(tmp.dir, 'b.txt'), text);
    const summary = await ingestPaths(store, [join(tmp.dir, 'a.txt'), join(tmp.dir, 'b.txt')]);
    expect(summary).toMatchObject({ read: 2, added: 1, known: 1 });
  });

  it('keeps the page of a PDF report’s findings, as the reader gave them', async () => {
    const report = makeReport({ agency: '宿迁市宿城区财政局', year: 2022 });
    // A total one more than its parts: a check.row-sum error at its place in the PDF.
    report.cells['a.total.np'] = (report.cells['a.total.np'] ?? 0) + 1;
    const bytes = (await renderForm(report, 'pdf')) as Uint8Array;
    const read = (await processBytes(bytes, 'r.pdf')).report.findings.filter((f) => f.page !== undefined);
    expect(read.map((f) => f.code)).toContain('check.row-sum');
    writeFile(join(tmp.dir, 'in', 'r.pdf'), bytes);
    await ingestPaths(store, [join(tmp.dir, 'in')]);
    const stored = (await store.db.selectFrom('corpus_findings').selectAll().orderBy('ordinal').execute())
      .map(findingOfRow)
      .filter((f) => f.page !== undefined);
    expect(stored.map((f) => [f.code, f.line, f.page])).toEqual(read.map((f) => [f.code, f.line, f.page]));
  });
});
