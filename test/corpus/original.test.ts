/**
 * A corpus report's original file (src/corpus/original.ts): the bytes kept, else the file at its
 * ingested path while it holds the same bytes (also inside a ZIP), else none; 重新读取 reads a
 * DOCX ingested without --keep-source from its file while the file is unchanged.
 */
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestPaths, sha256 } from '../../src/corpus/ingest.js';
import { hasOriginal, originalBytes } from '../../src/corpus/original.js';
import { rereadReport } from '../../src/corpus/reread.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { makeReport, tempDir, tempStore, writeFile } from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.dispose());

describe('originalBytes', () => {
  const bytes = new TextEncoder().encode('甲机关2023年政府信息公开工作年度报告');
  const hash = sha256(bytes);
  const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('hex') : null);

  it('gives the kept bytes without looking at the path', async () => {
    expect(await originalBytes({ source: bytes, file: join(tmp.dir, 'nowhere.txt'), sha256: 'x' })).toBe(
      bytes,
    );
  });

  it('reads the file at the ingested path while its SHA-256 is the one recorded', async () => {
    const file = writeFile(join(tmp.dir, 'a.txt'), bytes);
    expect(hex(await originalBytes({ source: null, file, sha256: hash }))).toBe(hex(bytes));
    writeFile(file, `${new TextDecoder().decode(bytes)}（修订）`);
    expect(await originalBytes({ source: null, file, sha256: hash })).toBeNull();
    expect(await originalBytes({ source: null, file: join(tmp.dir, 'gone.txt'), sha256: hash })).toBeNull();
    expect(await originalBytes({ source: null, file: tmp.dir, sha256: hash })).toBeNull();
  });

  it('reads an entry of a ZIP from the archive', async () => {
    const archive = writeFile(
      join(tmp.dir, '报告.zip'),
      zipSync({ '2023/甲.txt': bytes, 'b.txt': new Uint8Array([1]) }),
    );
    expect(hex(await originalBytes({ source: null, file: `${archive}!2023/甲.txt`, sha256: hash }))).toBe(
      hex(bytes),
    );
    expect(await originalBytes({ source: null, file: `${archive}!b.txt`, sha256: hash })).toBeNull();
    expect(await originalBytes({ source: null, file: `${archive}!c.txt`, sha256: hash })).toBeNull();
  });
});

describe('hasOriginal', () => {
  const bytes = new TextEncoder().encode('乙机关2023年政府信息公开工作年度报告');
  const hash = sha256(bytes);

  it('says whether the original is at hand, reading the file again only once it changed', async () => {
    const file = writeFile(join(tmp.dir, 'has.txt'), bytes);
    const row = { source: null, file, sha256: hash };
    // A time of change in whole seconds, so that it can be set back exactly.
    const when = 1_700_000_000;
    utimesSync(file, when, when);
    expect(await hasOriginal(row)).toBe(true);
    // The same size and time of change: taken as the same file, not read again.
    writeFile(file, new Uint8Array(bytes.length));
    utimesSync(file, when, when);
    expect(await hasOriginal(row)).toBe(true);
    // Changed: read again, and the bytes differ.
    writeFile(file, new Uint8Array(bytes.length + 1));
    expect(await hasOriginal(row)).toBe(false);
    writeFile(file, bytes);
    expect(await hasOriginal(row)).toBe(true);
    expect(await hasOriginal({ ...row, file: join(tmp.dir, 'gone.txt') })).toBe(false);
    expect(await hasOriginal({ source: bytes, file: join(tmp.dir, 'gone.txt'), sha256: 'x' })).toBe(true);
  });
});

describe('重新读取 a DOCX ingested without --keep-source', () => {
  const temp = tempStore();

  it('reads it from its file while the file is unchanged, and lists it once the file changed', async () => {
    const file = writeFile(
      join(tmp.dir, 'in', '鲤城区水利局-2022.docx'),
      await renderDocx(makeReport({ agency: '泉州市鲤城区水利局', year: 2022 })),
    );
    await ingestPaths(temp.store, [file]);
    const row = await temp.store.db
      .selectFrom('corpus_reports')
      .select(['id', 'source'])
      .where('file', '=', file)
      .executeTakeFirstOrThrow();
    expect(row.source).toBeNull();
    const id = Number(row.id);
    expect(await rereadReport(temp.store, id)).toMatchObject({ id, status: 'same' });
    writeFile(file, await renderDocx(makeReport({ agency: '泉州市鲤城区水利局', year: 2023 })));
    expect(await rereadReport(temp.store, id)).toMatchObject({
      id,
      status: 'no-source',
      reason:
        '报告库没有保存原文件（docx），导入时的文件也已不在原处或已改动，无法重新读取；导入时加 --keep-source 才保存',
    });
  });
});
