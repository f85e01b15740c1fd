/**
 * corpus.changed compares folded prose: a text and a PDF copy of one report (lines joined
 * differently, page numbers, spacing, punctuation width) are one report, not a change; a real
 * change is still found, with its passages.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCorpusChecks } from '../../src/corpus/checks/index.js';
import { foldedSentences, foldProse } from '../../src/corpus/checks/sentences.js';
import { ingestPaths } from '../../src/corpus/ingest.js';
import type { Store } from '../../src/store/index.js';
import { makeReport, sqliteStore, tempDir, writeFile } from './helpers.js';
import { renderForm } from './series.js';

const section = (text: string) => [{ number: 1, title: '一、总体情况', text, line: 1 }];

describe('folded prose', () => {
  it('ignores line joins, page numbers, spacing and punctuation width, and keeps digits', () => {
    const text =
      '本机关共收到申请 12 件，全部按时答复。\n依法公开\n- 2 -\n政府信息；\n第 3 页 共 5 页\n（一）办理情况：“公开”！';
    const pdfLike = '本机关共收到申请12件,全部按时答复。依法公开政府信息;(一)办理情况:"公开"!';
    expect(foldProse(text)).toBe(foldProse(pdfLike));
    expect(foldedSentences(section(text)).map((s) => s.key)).toEqual([
      '本机关共收到申请12件,全部按时答复',
      '依法公开政府信息',
      '(一)办理情况:"公开"',
    ]);
    expect(foldProse('收到申请 12 件')).not.toBe(foldProse('收到申请 13 件'));
  });
});

describe('corpus.changed between copies of one report', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  const agency = '泉州市洛江区财政局';

  beforeAll(async () => {
    tmp = tempDir();
    store = await sqliteStore(tmp.dir);
    const report = makeReport({ agency, year: 2022 });
    const changed = structuredClone(report);
    const first = changed.sections[0] as (typeof changed.sections)[number];
    first.text = `${first.text}\n本年度新增政务公开专栏一个，并对栏目进行了全面梳理。`;
    writeFile(join(tmp.dir, 'in', 'a.txt'), await renderForm(report, 'cell-per-line'));
    writeFile(join(tmp.dir, 'in', 'b.pdf'), await renderForm(report, 'pdf'));
    writeFile(join(tmp.dir, 'in', 'c.html'), await renderForm(changed, 'html'));
  });
  afterAll(async () => {
    await store.close();
    tmp.dispose();
  });

  it('reports no change between a text and a PDF copy, and the added sentence of a changed version', async () => {
    for (const name of ['a.txt', 'b.pdf', 'c.html']) {
      const summary = await ingestPaths(store, [join(tmp.dir, 'in', name)]);
      expect(summary.unreadable).toEqual([]);
    }
    const versions = await store.db
      .selectFrom('corpus_reports')
      .select(['file', 'version', 'source_type'])
      .orderBy('id')
      .execute();
    expect(versions.map((v) => [v.file.slice(tmp.dir.length + 4), v.version])).toEqual([
      ['a.txt', 1],
      ['b.pdf', 2],
      ['c.html', 3],
    ]);
    const changed = (await runCorpusChecks(store.db)).filter((f) => f.code === 'corpus.changed');
    expect(changed.map((f) => [f.message.replace(`${tmp.dir}/in/`, ''), f.note])).toEqual([
      [
        '2022 年度报告有第 3 版，与第 2 版（b.pdf）不同：正文增加 1 句、删去 0 句',
        '＋本年度新增政务公开专栏一个,并对栏目进行了全面梳理。',
      ],
    ]);
  });
});
