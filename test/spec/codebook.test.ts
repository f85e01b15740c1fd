import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellsOf, formats } from '../../src/spec/registry.js';

function readCodebook(id: string) {
  const text = readFileSync(new URL(`../../spec/codebook-${id}.tsv`, import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [key, table, row, column, type] = line.split('\t');
      return { key, table, row, column, type };
    });
}

describe('format specs against the codebooks', () => {
  for (const spec of formats) {
    it(`${spec.id} enumerates exactly the codebook's keys, in order, with their types`, () => {
      const codebook = readCodebook(spec.id);
      const cells = cellsOf(spec);
      expect([...cells.keys()]).toEqual(codebook.map((c) => c.key));
      for (const entry of codebook) expect(cells.get(entry.key as string)?.cell.type).toBe(entry.type);
    });

    it(`${spec.id} labels each cell with the codebook's row and column wording`, () => {
      const fold = (s: string) => s.replace(/[（）()“”\s]/g, '');
      for (const entry of readCodebook(spec.id)) {
        const location = cellsOf(spec).get(entry.key as string);
        const rowLabel = fold(location?.row.path.at(-1)?.official ?? '');
        const codebookRow = fold((entry.row as string).split('/').at(-1) as string);
        if (location?.row.path.length)
          expect(codebookRow).toContain(rowLabel.replace(/^[一二三四五六七\d.、]+/, ''));
        const columnPath = location?.part.columns[location.column]?.path.map((l) => fold(l.official)) ?? [];
        expect(columnPath.join('/')).toContain(fold((entry.column as string).split('/').at(-1) as string));
      }
    });
  }
});
