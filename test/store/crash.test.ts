/**
 * Processes against one store: several opening an empty database at once (the migration lock), and
 * a writer killed with SIGKILL in the middle of its writes (every commit it reported must be there,
 * and the database must be sound).
 */
import { beforeAll, expect, it } from 'vitest';
import { migrations, openStore, systemActor } from '../../src/store/index.js';
import { describeEachBackend } from './backends.js';
import { bundleWriter, runWriter } from './child.js';

let writer: string;
beforeAll(async () => {
  writer = await bundleWriter();
});

describeEachBackend('store processes', (backend) => {
  it('lets four processes open an empty database at once: the migrations run once', async () => {
    const target = await backend.fresh();
    try {
      const children = Array.from({ length: 4 }, () => runWriter(writer, 'open', target.options));
      const exits = await Promise.all(children.map((c) => c.exited));
      expect(
        exits.map((e) => e.code),
        children.map((c) => c.stderr()).join('\n'),
      ).toEqual([0, 0, 0, 0]);
      const known = Object.keys(migrations);
      expect(children.map((c) => c.lines)).toEqual(Array(4).fill([`opened ${known.join(',')}`]));
      const store = await openStore(target.options);
      try {
        expect(await store.migrations()).toEqual(known);
        expect(await store.integrityCheck()).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      await target.dispose();
    }
  });

  it('keeps every commit a writer reported when it is killed with SIGKILL mid-write', async () => {
    const target = await backend.fresh();
    try {
      const setup = await openStore(target.options);
      await setup.agencies.create(systemActor, { id: 'crash', name: '崩溃测试机关' });
      await setup.close();

      const child = runWriter(writer, 'loop', target.options);
      await child.waitForLines(60);
      child.process.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal).toBe('SIGKILL');
      const reported = child.lines.map((line) => {
        const m = /^committed (\S+)$/.exec(line);
        if (!m?.[1]) throw new Error(`unexpected line from the writer: ${line}`);
        return m[1];
      });
      expect(reported.length).toBeGreaterThanOrEqual(60);

      const store = await openStore(target.options);
      try {
        expect(await store.integrityCheck()).toEqual([]);
        const stored = await store.applications.list({ agencyIds: ['crash'] });
        const ids = new Set(stored.map((a) => a.id));
        expect(reported.filter((id) => !ids.has(id))).toEqual([]);
        // At most the one write in flight when it died got committed without being reported.
        expect(stored.length - reported.length).toBeGreaterThanOrEqual(0);
        expect(stored.length - reported.length).toBeLessThanOrEqual(1);
        // Each committed application is whole: its three events and its audit row came with it.
        expect(stored.filter((a) => a.events.length !== 3).map((a) => a.id)).toEqual([]);
        const audited = new Set((await store.audit.list({ entity: 'application' })).map((a) => a.entityId));
        expect(stored.filter((a) => !audited.has(a.id)).map((a) => a.id)).toEqual([]);
        // And the store still takes writes.
        await store.agencies.create(systemActor, { id: 'after', name: '恢复后' });
        expect((await store.agencies.get('after'))?.name).toBe('恢复后');
      } finally {
        await store.close();
      }
    } finally {
      await target.dispose();
    }
  });
});
