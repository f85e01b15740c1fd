/** The PNGs of seed 000 for people (docs/pdf-seed000-*.png): made by pdftoppm, small. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasPdftoppm, writeSeedPngs } from './seed-pngs.js';

const docs = join(import.meta.dirname, '../../../docs');

describe.skipIf(!hasPdftoppm())('PNGs of seed 000', () => {
  it('shows page 1 and the page of table 三, each under 200 KB', async () => {
    const intoDocs = process.env.GONGKAI_PDF_PNGS === 'docs';
    const dir = intoDocs ? docs : mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
    try {
      const { page1, table, tablePage } = await writeSeedPngs(dir);
      expect(tablePage).toBeGreaterThan(1);
      for (const file of [page1, table]) {
        const png = readFileSync(file);
        expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        // 60 dpi A4: 497 × 702 pixels (IHDR width and height).
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([497, 702]);
        expect(png.length).toBeLessThan(200_000);
      }
    } finally {
      if (!intoDocs) rmSync(dir, { recursive: true, force: true });
    }
  });
});
