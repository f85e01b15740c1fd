/**
 * 重新读取 (gongkai corpus reread): every stored report read again from the file the corpus kept, the
 * file still where it was ingested from (unchanged), or its decoded text for text and web pages; an old reading (here: stored rows changed behind the
 * reader's back) is written over exactly as a fresh ingest would write it — cells, dates, findings,
 * measures, finding counts — and the rest left alone: reports whose file isn't kept, and those whose
 * agency or year reads differently. On both backends, through the function and the CLI; and, as a
 * property, any set of spoiled cells comes back to the reader's values.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusStats } from '../../src/corpus/aggregate.js';
import { ingestBytes } from '../../src/corpus/ingest.js';
import { emptyRereadSummary, rereadReport, rereadReports } from '../../src/corpus/reread.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { run } from '../cli/helpers.js';
import { encodeGbk } from '../read/html/support/gbk.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { cliCorpus, makeReport, renderAs, storeBody, tempStore } from './helpers.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** Four reports: text, a web page, a DOCX kept (--keep-source) and a DOCX not kept. */
async function fill(store: Store): Promise<Record<'txt' | 'html' | 'kept' | 'docx', number>> {
  const ids = async (result: Promise<{ id?: number | undefined }>) => (await result).id as number;
  return {
    txt: await ids(
      ingestBytes(
        store,
        '洛江区教育局-2022.txt',
        encode(renderAs(makeReport({ agency: '泉州市洛江区教育局', year: 2022 }), 'txt')),
      ),
    ),
    html: await ids(
      ingestBytes(
        store,
        '丰泽区民政局-2022.html',
        encode(renderAs(makeReport({ agency: '泉州市丰泽区民政局', year: 2022 }), 'html')),
      ),
    ),
    kept: await ids(
      ingestBytes(
        store,
        '鲤城区财政局-2022.docx',
        await renderDocx(makeReport({ agency: '泉州市鲤城区财政局', year: 2022 })),
        {
          keepSource: true,
        },
      ),
    ),
    docx: await ids(
      ingestBytes(
        store,
        '鲤城区水利局-2022.docx',
        await renderDocx(makeReport({ agency: '泉州市鲤城区水利局', year: 2022 })),
      ),
    ),
  };
}

/** What the corpus holds of a report's reading: its row's dates and counts, cells, findings, measures. */
async function stored(store: Store, id: number) {
  const report = await store.db
    .selectFrom('corpus_reports')
    .select(['published_on', 'signed_on', 'deadline', 'late', 'errors', 'warnings', 'infos', 'sections'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const cells = await store.db
    .selectFrom('corpus_cells')
    .select(['key', 'value'])
    .where('report_id', '=', id)
    .orderBy('key')
    .execute();
  const findings = await store.db
    .selectFrom('corpus_findings')
    .select(['ordinal', 'code', 'message'])
    .where('report_id', '=', id)
    .orderBy('ordinal')
    .execute();
  const measures = await store.db
    .selectFrom('corpus_measures')
    .selectAll()
    .where('report_id', '=', id)
    .execute();
  const counts = await store.db
    .selectFrom('corpus_finding_counts')
    .selectAll()
    .where('report_id', '=', id)
    .orderBy('code')
    .execute();
  return {
    report,
    cells: cells.map((c) => [c.key, c.value === null ? null : Number(c.value)]),
    findings,
    measures,
    counts,
  };
}

/** An old reading: a cell, the publication date and a finding changed behind the reader's back. */
async function spoil(store: Store, id: number, keys: readonly string[]): Promise<void> {
  for (const key of keys)
    await store.db
      .updateTable('corpus_cells')
      .set({ value: 999_999 })
      .where('report_id', '=', id)
      .where('key', '=', key)
      .execute();
  await store.db
    .updateTable('corpus_reports')
    .set({ published_on: '2030-01-01' })
    .where('id', '=', id)
    .execute();
  await store.db
    .insertInto('corpus_findings')
    .values({
      report_id: id,
      ordinal: 999,
      code: 'check.row-sum',
      severity: 'error',
      message: '旧版本的误报',
      line: null,
      col: null,
      keys: '[]',
      actual: null,
      expected: null,
      note: null,
    })
    .execute();
}

describeEachBackend('重新读取 (rereadReport)', (backend) => {
  let target: Target;
  let store: Store;
  let ids: Awaited<ReturnType<typeof fill>>;

  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
    ids = await fill(store);
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  it('finds nothing to change in a corpus read by this version, and says which files it doesn’t hold', async () => {
    const results = [];
    for await (const r of rereadReports(store, {})) results.push(r);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      [ids.txt, 'same'],
      [ids.html, 'same'],
      [ids.kept, 'same'],
      [ids.docx, 'no-source'],
    ]);
    expect(results[3]?.reason).toBe(
      '报告库没有保存原文件（docx），导入时的文件也已不在原处或已改动，无法重新读取；导入时加 --keep-source 才保存',
    );
  });

  it('writes the reader’s reading over an old one, exactly as ingest wrote it, and leaves the rest', async () => {
    for (const id of [ids.txt, ids.html, ids.kept]) {
      const fresh = await stored(store, id);
      const statsBefore = await corpusStats(store.db, {}, 'year');
      await spoil(store, id, ['a.new.np', 'a.new.total']);
      expect((await stored(store, id)).cells).not.toEqual(fresh.cells);
      const result = await rereadReport(store, id);
      expect(result).toMatchObject({ id, status: 'changed', cells: 2 });
      expect(result.findings.before).toBe(fresh.findings.length + 1);
      expect(result.findings.after).toBe(fresh.findings.length);
      expect(await stored(store, id)).toEqual(fresh);
      expect((await corpusStats(store.db, {}, 'year')).rows).toEqual(statsBefore.rows);
      expect((await rereadReport(store, id)).status).toBe('same');
    }
  });

  it('leaves a report whose agency or year now reads differently, and says why', async () => {
    await store.db
      .updateTable('corpus_reports')
      .set({ agency_name: '泉州市洛江区教委' })
      .where('id', '=', ids.txt)
      .execute();
    const before = await stored(store, ids.txt);
    await spoil(store, ids.txt, ['a.new.np']);
    const spoiled = await stored(store, ids.txt);
    expect(await rereadReport(store, ids.txt)).toEqual({
      id: ids.txt,
      file: '洛江区教育局-2022.txt',
      status: 'identity',
      cells: 0,
      findings: { before: 0, after: 0 },
      reason:
        '机关或年度的读法变了（原为「泉州市洛江区教委」2022，现为「泉州市洛江区教育局」2022），未更新；加 --move 移到新读出的机关和年度',
    });
    expect(await stored(store, ids.txt)).toEqual(spoiled);
    expect(spoiled).not.toEqual(before);
    await store.db
      .updateTable('corpus_reports')
      .set({ agency_name: '泉州市洛江区教育局' })
      .where('id', '=', ids.txt)
      .execute();
    expect((await rereadReport(store, ids.txt)).status).toBe('changed');
  });

  it('reads stored text as the file it was: a GBK web page that says so, GBK text with a bad byte; not report JSON', async () => {
    const report = makeReport({ agency: '泉州市泉港区教育局', year: 2022 });
    const html = renderAs(report, 'html').replace('<head>', '<head><meta charset="gbk">');
    expect(html).toContain('charset="gbk"');
    // A byte GB18030 can't decode: its character comes back as 「�」 with a warning.
    const gbkText = new Uint8Array([
      ...encodeGbk(renderAs({ ...report, agency: '泉州市泉港区财政局' }, 'txt')),
      0x81,
    ]);
    const json = JSON.stringify({ ...report, agency: '泉州市泉港区民政局' });
    const added = [
      await ingestBytes(store, '泉港区教育局.html', encodeGbk(html)),
      await ingestBytes(store, '泉港区财政局.txt', gbkText),
      await ingestBytes(store, '泉港区民政局.json', encode(json)),
    ];
    expect(added.map((a) => a.status)).toEqual(['new', 'new', 'new']);
    const warnings = await store.db
      .selectFrom('corpus_findings')
      .select('code')
      .where('report_id', '=', added[1]?.id as number)
      .where('code', '=', 'read.decode')
      .execute();
    expect(warnings).toHaveLength(1);
    const statuses = [];
    for (const a of added) statuses.push((await rereadReport(store, a.id as number)).status);
    // (A report given as JSON keeps no text: only its kept file could be read again.)
    expect(statuses).toEqual(['same', 'same', 'no-source']);
  });

  it('moves a report read as another body’s (--move) to that body, the next version there, its id kept', async () => {
    const fresh = await stored(store, ids.txt);
    const [row] = await store.db
      .selectFrom('corpus_reports')
      .select(['body_id', 'version'])
      .where('id', '=', ids.txt)
      .execute();
    const body = row?.body_id as string;
    // As an older reader had it: signed 「洛江区教委」, a body of its own.
    await storeBody(store, {
      id: 'jw',
      name: '泉州市洛江区教委',
      province: '福建省',
      city: '泉州市',
      county: '洛江区',
      region: '福建省泉州市洛江区',
    });
    await store.db
      .updateTable('corpus_reports')
      .set({ agency_name: '泉州市洛江区教委', body_id: 'jw' })
      .where('id', '=', ids.txt)
      .execute();
    await store.db
      .updateTable('corpus_measures')
      .set({ body_id: 'jw' })
      .where('report_id', '=', ids.txt)
      .execute();
    expect(await rereadReport(store, ids.txt, { move: true })).toEqual({
      id: ids.txt,
      file: '洛江区教育局-2022.txt',
      status: 'moved',
      cells: 0,
      findings: { before: fresh.findings.length, after: fresh.findings.length },
      reason: '已从「泉州市洛江区教委」2022移到「泉州市洛江区教育局」2022（第 1 版）',
    });
    expect(
      await store.db
        .selectFrom('corpus_reports')
        .select(['body_id', 'version'])
        .where('id', '=', ids.txt)
        .execute(),
    ).toEqual([{ body_id: body, version: 1 }]);
    expect(await stored(store, ids.txt)).toEqual(fresh);
    expect(
      await store.db.selectFrom('corpus_reports').select('id').where('body_id', '=', 'jw').execute(),
    ).toEqual([]);
    expect((await rereadReport(store, ids.txt, { move: true })).status).toBe('same');
  });

  it('refuses a report that doesn’t exist', async () => {
    await expect(rereadReport(store, 999_999)).rejects.toThrow('报告 999999 不存在');
  });
});

describe('gongkai corpus reread', () => {
  const corpus = cliCorpus(async (store) => {
    const ids = await fill(store);
    await spoil(store, ids.html, ['a.new.np']);
    return ids;
  });

  it('says how many changed, stayed and were left, and lists those that didn’t stay', async () => {
    const findings = (await run(['corpus', 'reread', '--agency', '丰泽区', '--json'])).stdout;
    // (--json of the filtered run: the web page only; it is changed, once.)
    const [line] = findings
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(line).toMatchObject({ id: corpus.value.html, status: 'changed', cells: 1 });
    await (async () => {
      const store = await openStore({ dataDir: join(corpus.dir, 'data'), env: {} });
      await spoil(store, corpus.value.txt, ['a.new.np', 'a.new.biz']);
      await store.close();
    })();
    const result = await run(['corpus', 'reread']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const txtFindings = result.stdout.match(/问题 (\d+) → (\d+) 个/);
    expect(result.stdout).toBe(
      [
        '共重新读取 4 份报告：读法有变化并已更新 1 份，没有变化 2 份，未更新 1 份（取不到原文件 1 份，机关或年度的读法变了 0 份，无法读取 0 份）',
        '已更新：',
        `  洛江区教育局-2022.txt（编号 ${corpus.value.txt}）：单元格 2 处不同，问题 ${txtFindings?.[1]} → ${txtFindings?.[2]} 个`,
        '未更新：',
        `  鲤城区水利局-2022.docx（编号 ${corpus.value.docx}）：报告库没有保存原文件（docx），导入时的文件也已不在原处或已改动，无法重新读取；导入时加 --keep-source 才保存`,
        '',
      ].join('\n'),
    );
    expect(Number(txtFindings?.[1]) - Number(txtFindings?.[2])).toBe(1);
    expect(emptyRereadSummary()).toEqual({
      total: 0,
      changed: 0,
      moved: 0,
      same: 0,
      identity: 0,
      'no-source': 0,
      unreadable: 0,
    });
  });
});

describe('重新读取 brings back any spoiled cells (property)', () => {
  const temp = tempStore();
  let id: number;
  let fresh: Awaited<ReturnType<typeof stored>>;

  beforeAll(async () => {
    id = (await fill(temp.store)).txt;
    fresh = await stored(temp.store, id);
  });

  it('restores the cells, findings and measures the reader gives, however many cells were changed', async () => {
    const keys = fresh.cells.map(([key]) => key as string);
    await fc.assert(
      fc.asyncProperty(fc.subarray(keys, { minLength: 1, maxLength: 12 }), async (spoiled) => {
        await spoil(temp.store, id, spoiled);
        const result = await rereadReport(temp.store, id);
        expect([result.status, result.cells]).toEqual([
          'changed',
          spoiled.filter((k) => fresh.cells.find(([key]) => key === k)?.[1] !== 999_999).length,
        ]);
        expect(await stored(temp.store, id)).toEqual(fresh);
      }),
      { numRuns: 25 },
    );
  });
});
