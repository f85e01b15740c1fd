/**
 * The web app (built by `npm run build` into dist/web) served at `/` by the same Fastify as the API:
 * files under dist/web as they are (hashed assets cached for a year, index.html never), and
 * index.html for any other GET outside /api and /openapi.json, so the app's own routes
 * (/applications/2024-001) load it (SPA fallback). A GET under /api that no route answers keeps the
 * API's 404 in Chinese.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.js';

const mediaTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** dist/web of the package this module belongs to (from src/api in tests, dist/api when built). */
export function defaultWebRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'gongkai')
          return join(dir, 'dist', 'web');
      } catch {
        // not ours: keep looking
      }
    }
    dir = dirname(dir);
  }
  return resolve('dist', 'web');
}

const notBuilt = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>网页界面尚未构建</title></head>
<body><main><h1>网页界面尚未构建</h1><p>请在 Gongkai 目录运行 <code>npm run build</code> 后重新启动 <code>gongkai serve</code>。接口说明见 <a href="/openapi.json">/openapi.json</a>。</p></main></body></html>`;

/** A file under `root` for a URL path, or null (outside the root, a folder, or missing). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return null;
  try {
    return statSync(path).isFile() ? path : null;
  } catch {
    return null;
  }
}

export function registerWebStatic(app: FastifyInstance, root: string = defaultWebRoot()): void {
  const index = join(root, 'index.html');
  app.route({
    method: ['GET', 'HEAD'],
    url: '/*',
    handler: async (request, reply) => {
      const urlPath = request.url.split('?')[0] ?? '/';
      if (urlPath === '/api' || urlPath.startsWith('/api/'))
        throw new ApiError(404, 'no-route', `没有这个接口：${request.method} ${urlPath}`);
      reply.header('x-content-type-options', 'nosniff');
      const file = urlPath === '/' ? null : fileFor(root, urlPath);
      if (file && file !== index) {
        const immutable = urlPath.startsWith('/assets/');
        reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
        return reply.type(mediaTypes[extname(file)] ?? 'application/octet-stream').send(await readFile(file));
      }
      // A missing file with an extension (an old asset) is a 404, not the app.
      if (extname(urlPath) !== '' && !urlPath.endsWith('.html'))
        return reply.status(404).type('text/plain; charset=utf-8').send('文件不存在');
      reply.header('cache-control', 'no-cache');
      if (!existsSync(index)) return reply.status(503).type('text/html; charset=utf-8').send(notBuilt);
      return reply.type('text/html; charset=utf-8').send(await readFile(index));
    },
  });
}
