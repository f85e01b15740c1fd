/**
 * The columns of the corpus export: one row per report version, its facts, then the union of both
 * codebooks' keys (2021 in codebook order, then the 2019 keys 2021 lacks); a key the report's format
 * lacks stays empty.
 */
import { cellKeys, getFormat } from '../../spec/registry.js';
import type { CorpusRow } from '../query.js';

export const factColumns = [
  'agency',
  'region',
  'kind',
  'year',
  'version',
  'format',
  'publishedOn',
  'signedOn',
  'file',
  'sha256',
  'errors',
  'warnings',
  'unread',
] as const;

let keys: readonly string[] | undefined;

/** Every codebook key of both formats, once. */
export function unionKeys(): readonly string[] {
  if (!keys) {
    const seen = new Set<string>(cellKeys(getFormat('2021')));
    for (const key of cellKeys(getFormat('2019'))) seen.add(key);
    keys = Object.freeze([...seen]);
  }
  return keys;
}

export const exportHeader = (): string[] => [...factColumns, ...unionKeys()];

export type ExportValue = string | number | null;

/** One row's values in header order (cells of keys the format lacks are null). */
export function exportValues(row: CorpusRow, cells: Readonly<Record<string, number | null>>): ExportValue[] {
  const own = new Set(cellKeys(getFormat(row.format)));
  return [
    row.agency,
    row.region,
    row.kind,
    row.year,
    row.version,
    row.format,
    row.publishedOn,
    row.signedOn,
    row.file,
    row.sha256,
    row.errors,
    row.warnings,
    row.unread,
    ...unionKeys().map((key) => (own.has(key) ? (cells[key] ?? null) : null)),
  ];
}
