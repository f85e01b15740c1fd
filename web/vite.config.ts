/**
 * The web app's build: `web/` is the Vite root, the output goes to `dist/web`, which `gongkai serve`
 * serves at `/` (src/api/web-static.ts). Modules of `../src` imported here are the API's pure
 * contract modules (zod schemas, names, the rights table); test/web/contract.test.ts keeps it so.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const apiSrc = fileURLToPath(new URL('../src/', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    manifest: true,
    rolldownOptions: {
      // The API's modules the app imports (src/) are pure: what the app doesn't use of them is dropped.
      treeshake: { moduleSideEffects: (id: string) => !id.startsWith(apiSrc) },
      output: {
        // ECharts in a chunk of its own, so the bundle check (scripts/web-bundle-sizes.mjs) can see
        // that only the chart pages load it.
        codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
