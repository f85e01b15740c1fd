/** The web app served by the API: files, the SPA fallback outside /api, no way out of the folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebStatic } from '../../src/api/web-static.js';

describe('web static', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-static-'));
  const app = Fastify();
  beforeAll(async () => {
    mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>应用</title>');
    writeFileSync(join(dir, 'web', 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    registerWebStatic(app, join(dir, 'web'));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app routes, assets with long caching', async () => {
    for (const url of ['/', '/applications/2024-001', '/inspect?cell=a.new.np'])
      expect((await app.inject(url)).body, url).toContain('<title>应用</title>');
    const asset = await app.inject('/assets/app-1234.js');
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject('/')).headers['cache-control']).toBe('no-cache');
  });

  it('answers 404 for a missing asset and a JSON 404 under /api, never a file outside the folder', async () => {
    expect((await app.inject('/assets/gone.js')).statusCode).toBe(404);
    const api = await app.inject('/api/nothing');
    expect(api.statusCode).toBe(404);
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt'])
      expect((await app.inject(url)).body, url).not.toContain('secret');
  });

  it('says how to build the app when it is not built', async () => {
    const bare = Fastify();
    registerWebStatic(bare, join(dir, 'nothing'));
    const res = await bare.inject('/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    await bare.close();
  });
});
