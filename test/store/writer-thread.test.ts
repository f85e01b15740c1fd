/**
 * SQLite's writes on a thread of their own (StoreOptions.writerThread): the store behaves as with the
 * writes on the main thread — constraint failures are the write's own, the others of a batch are kept,
 * and what a write committed is read on the main thread's connection at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { wantsWriterThread } from '../../src/store/config.js';
import { openStore, StoreError, systemActor } from '../../src/store/index.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-writer-thread-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

it('is asked for by the option, or by GONGKAI_SQLITE_WRITER=thread', () => {
  expect(wantsWriterThread({ env: {} })).toBe(false);
  expect(wantsWriterThread({ env: { GONGKAI_SQLITE_WRITER: 'thread' } })).toBe(true);
  expect(wantsWriterThread({ env: { GONGKAI_SQLITE_WRITER: 'thread' }, writerThread: false })).toBe(false);
  expect(wantsWriterThread({ env: {}, writerThread: true })).toBe(true);
});

it('keeps the writes of a batch but the one that fails, and reads them on the main thread', async () => {
  const store = await openStore({ dataDir: dir, env: {}, writerThread: true });
  try {
    const results = await Promise.allSettled([
      store.agencies.create(systemActor, { id: 'a1', name: '甲机关' }),
      store.agencies.create(systemActor, { id: 'a1', name: '甲机关（重复）' }),
      store.agencies.create(systemActor, { id: 'a2', name: '乙机关' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (results[1] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('store.conflict');
    // Listed by name.
    expect((await store.agencies.list()).map((a) => [a.id, a.name])).toEqual([
      ['a2', '乙机关'],
      ['a1', '甲机关'],
    ]);
  } finally {
    await store.close();
  }
  // Closed cleanly: the database opens again with everything committed.
  const again = await openStore({ dataDir: dir, env: {} });
  try {
    expect((await again.agencies.list()).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(await again.integrityCheck()).toEqual([]);
  } finally {
    await again.close();
  }
});
