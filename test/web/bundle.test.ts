/** Code splitting (after `npm run build`): the login page within 300 KB gzipped, ECharts only where charts are. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSizes, chartPages, loginBudgetBytes } from '../../scripts/web-bundle-sizes.mjs';

const dir = resolve(import.meta.dirname, '../../dist/web');
const built = existsSync(resolve(dir, '.vite/manifest.json'));
if (!built) console.warn('跳过体积检查：dist/web 尚未构建（npm run build）');

describe.skipIf(!built)('web bundle', () => {
  it('loads at most 300 KB of gzipped JavaScript on the login page, and ECharts only on chart pages', () => {
    const sizes = bundleSizes(dir);
    expect(sizes.login.gzip).toBeLessThanOrEqual(loginBudgetBytes);
    expect(sizes.login.echarts).toBe(false);
    expect(sizes.shell.echarts).toBe(false);
    for (const [page, s] of Object.entries(sizes.pages))
      expect(s.echarts, page).toBe(chartPages.includes(page) && s.echarts);
    expect(Object.keys(sizes.pages)).toContain('src/features/register/applications-page.tsx');
  });
});
