#!/usr/bin/env node
/**
 * The web app's bundle sizes from the Vite manifest of dist/web: the JavaScript (gzipped) that the
 * login page loads, the signed-in shell, and each page; and which pages load ECharts. Prints a table
 * (npm run bench); exits 1 when the login page loads more than 300 KB of gzipped JavaScript or a
 * page without charts loads ECharts. `bundleSizes(dir)` is what test/web/bundle.test.ts checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const loginBudgetBytes = 300 * 1024;
/** Pages that draw charts (the only ones that may load ECharts). */
export const chartPages = [
  'src/features/oversight/oversight-page.tsx',
  'src/features/oversight/body-page.tsx',
];

export function bundleSizes(dir = resolve('dist/web')) {
  const manifestPath = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`没有找到 ${manifestPath}：请先运行 npm run build`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const gz = new Map();
  const sizeOf = (file) => {
    if (!gz.has(file)) {
      const bytes = readFileSync(join(dir, file));
      gz.set(file, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    }
    return gz.get(file);
  };
  const closure = (keys) => {
    const files = new Set();
    const visit = (key) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const k of chunk.imports ?? []) visit(k);
    };
    for (const k of keys) visit(k);
    return files;
  };
  const measure = (keys) => {
    const files = [...closure(keys)].filter((f) => f.endsWith('.js'));
    const total = files.reduce((sum, f) => sum + sizeOf(f).gzip, 0);
    const raw = files.reduce((sum, f) => sum + sizeOf(f).raw, 0);
    return {
      files: files.length,
      gzip: total,
      raw,
      echarts: files.some((f) => /(^|\/)echarts-[^/]*\.js$/.test(f)),
    };
  };
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const pages = Object.keys(manifest).filter(
    (k) => manifest[k].isDynamicEntry && k.startsWith('src/features/'),
  );
  const shell = [entry, 'src/app/layout.tsx'];
  return {
    login: measure([entry, 'src/features/auth/login-page.tsx']),
    shell: measure(shell),
    pages: Object.fromEntries(
      pages.filter((p) => !p.includes('/auth/')).map((p) => [p, measure([...shell, p])]),
    ),
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = bundleSizes();
  const rows = [
    ['登录页', sizes.login],
    ['登录后框架', sizes.shell],
    ...Object.entries(sizes.pages).map(([p, s]) => [p.replace('src/features/', ''), s]),
  ];
  console.log('网页端 JavaScript 体积（gzip，含所依赖的全部分块）：');
  for (const [name, s] of rows)
    console.log(
      `  ${name.padEnd(36)} ${kb(s.gzip).padStart(10)}（原始 ${kb(s.raw)}，${s.files} 个文件）${s.echarts ? '  含 ECharts' : ''}`,
    );
  const problems = [];
  if (sizes.login.gzip > loginBudgetBytes) problems.push(`登录页超过 ${kb(loginBudgetBytes)}`);
  if (sizes.login.echarts || sizes.shell.echarts) problems.push('登录页或框架加载了 ECharts');
  for (const [p, s] of Object.entries(sizes.pages))
    if (s.echarts && !chartPages.includes(p)) problems.push(`${p} 不画图却加载了 ECharts`);
  if (problems.length) {
    console.error(`体积检查未通过：${problems.join('；')}`);
    process.exit(1);
  }
}
