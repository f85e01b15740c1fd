/**
 * The cross-report checks on a generated five-year series in every form with seeded defects: every
 * seeded defect found, no warning or error on the clean reports. 20 bodies here (every defect
 * twice); GONGKAI_SERIES_BODIES=200 runs the 200-body series.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpusChecks } from '../../src/corpus/checks/index.js';
import { ingestPaths } from '../../src/corpus/ingest.js';
import { letterFindings } from '../../src/corpus/letters/review-letter.js';
import { letterSubjects } from '../../src/corpus/letters/subjects.js';
import type { Store } from '../../src/store/index.js';
import { sqliteStore, tempDir, writeFile } from './helpers.js';
import { buildSeries, renderForm } from './series.js';

const bodies = Number(process.env.GONGKAI_SERIES_BODIES ?? 20);
let tmp: ReturnType<typeof tempDir>;
let store: Store;
const series = buildSeries(bodies);

beforeAll(
  async () => {
    tmp = tempDir();
    store = await sqliteStore(tmp.dir);
    for (const file of series.files)
      writeFile(join(tmp.dir, 'in', file.name), await renderForm(file.report, file.form));
    const summary = await ingestPaths(store, [join(tmp.dir, 'in')]);
    expect(summary.unreadable).toEqual([]);
    // Rendering and ingesting five years in every form: about 6 s a body on a busy 2-core machine.
  },
  Math.max(120_000, bodies * 6_000),
);
afterAll(async () => {
  await store.close();
  tmp.dispose();
});

const key = (s: { code: string; agency: string | null; year: number | null }) =>
  `${s.code} ${s.agency} ${s.year}`;

describe(`a five-year series of ${bodies} bodies in every form`, () => {
  it('reads every report with its body, year and format', async () => {
    const rows = await store.db
      .selectFrom('corpus_reports')
      .innerJoin('corpus_bodies', 'corpus_bodies.id', 'corpus_reports.body_id')
      .select(['corpus_bodies.name', 'year', 'format'])
      .execute();
    expect(rows).toHaveLength(series.files.length);
    expect(new Set(rows.map((r) => `${r.name} ${r.year} ${r.format}`))).toEqual(
      new Set(series.files.map((f) => `${f.agency} ${f.year} ${f.year < 2021 ? '2019' : '2021'}`)),
    );
  });

  it('finds every seeded defect and raises nothing on the clean reports', async () => {
    const findings = await runCorpusChecks(store.db);
    const alarms = new Set(findings.filter((f) => f.severity !== 'info').map(key));
    expect([...alarms].sort()).toEqual([...new Set(series.expected.map(key))].sort());
  });

  it('holds each report to the deadline of its kind of body', async () => {
    const late = await store.db
      .selectFrom('corpus_reports')
      .innerJoin('corpus_bodies', 'corpus_bodies.id', 'corpus_reports.body_id')
      .select(['corpus_bodies.name', 'year'])
      .where('late', '=', 1)
      .execute();
    expect(late.map((r) => `${r.name} ${r.year}`).sort()).toEqual(
      series.late.map((l) => `${l.agency} ${l.year}`).sort(),
    );
  });

  it('names the keys of both reports for a carry-over and passages for copied text', async () => {
    const findings = await runCorpusChecks(store.db);
    const carry = findings.find((f) => f.code === 'corpus.carry-over');
    expect(carry).toMatchObject({
      severity: 'error',
      keys: ['a.prev.np', 'a.next.np'],
      actual: '3',
      expected: '0',
    });
    const copied = findings.find((f) => f.code === 'corpus.copied-text' && f.expected === '≤ 50%');
    expect(copied?.note?.split('\n').length).toBeGreaterThan(1);
  });

  it('writes a letter (核查意见) for each report late or with a seeded defect, naming the defect, and none for the rest', async () => {
    const { subjects, clean, unaddressed } = await letterSubjects(store.db, {});
    const named = new Set(
      subjects.flatMap((s) => {
        const { errors, toVerify } = letterFindings(s);
        return [...errors, ...toVerify].map((f) => `${f.code} ${s.report.agency} ${s.report.year}`);
      }),
    );
    const inLetters = ['corpus.carry-over', 'corpus.stock', 'corpus.copied-text'];
    for (const seeded of series.expected.filter((e) => inLetters.includes(e.code)))
      expect(named).toContain(key(seeded));
    const owed = new Set([
      ...series.expected.filter((e) => inLetters.includes(e.code)).map((e) => `${e.agency} ${e.year}`),
      ...series.late.map((l) => `${l.agency} ${l.year}`),
    ]);
    const letters = new Set(subjects.map((s) => `${s.report.agency} ${s.report.year}`));
    for (const report of owed) expect(letters).toContain(report);
    // The other letters name only what the generated corpus still raises: a government's report
    // without 第五十条's words, and a big change from one year to the next (to verify, not errors).
    for (const s of subjects.filter((x) => !owed.has(`${x.report.agency} ${x.report.year}`))) {
      const { errors, toVerify, unread } = letterFindings(s);
      expect([errors, unread]).toEqual([[], []]);
      expect(
        toVerify.map((f) => f.code).filter((c) => c !== 'check.article-50' && c !== 'corpus.jump'),
      ).toEqual([]);
    }
    // One letter or none for each body's year (the newest version; years seeded missing have none).
    const reports = new Set(series.files.map((f) => `${f.agency} ${f.year}`));
    expect([clean + subjects.length, unaddressed]).toEqual([reports.size, 0]);
  });
});
