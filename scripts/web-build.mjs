#!/usr/bin/env node
/**
 * Builds the web app (web/ → dist/web) with Vite in production mode, unless dist/web is newer than
 * every file it is built from (web/, src/, the lock file): `npm run build` runs this each time, and
 * a build already up to date is neither redone nor, for a moment, deleted under a running server.
 * `--force` builds anyway.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const manifest = join(root, 'dist/web/.vite/manifest.json');

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === 'dist') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const sources = ['web', 'src', 'package-lock.json', 'package.json'].map((p) => join(root, p));
const upToDate =
  !process.argv.includes('--force') &&
  existsSync(manifest) &&
  statSync(manifest).mtimeMs > Math.max(...sources.filter(existsSync).map(newest));

if (upToDate) {
  console.log('网页界面已是最新（dist/web），跳过构建');
} else {
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web/vite.config.ts'), mode: 'production', logLevel: 'warn' });
}
