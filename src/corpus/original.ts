/**
 * A corpus report's original file. The corpus keeps its bytes when asked (`ingest --keep-source`;
 * the web's import always does); otherwise it keeps the path it was read from and the file's SHA-256.
 * Where that path still holds the same bytes — the file was not moved or changed, and the command
 * or server runs where the ingest did (a relative path is taken from the current directory) — the
 * original is read from there: a file inside a ZIP (`报告.zip!2023/甲.pdf`) from the archive. So a
 * PDF ingested without `--keep-source` can still be read again, downloaded and inspected.
 */
import { stat } from 'node:fs/promises';
import { readFileBounded } from '../read/bounded-input.js';
import { sha256 } from './ingest.js';
import { unzipBounded } from './sources.js';

export interface StoredOriginal {
  /** The bytes kept in the corpus, if any. */
  source: Uint8Array | null;
  /** The path the report was ingested from. */
  file: string;
  /** SHA-256 of the ingested bytes (hex). */
  sha256: string;
}

/** The archive of a path inside a ZIP (`a.zip!b/c.pdf`: `a.zip`, whose entries have such paths), or null. */
function archiveOf(file: string): string | null {
  const at = file.toLowerCase().indexOf('.zip!');
  return at === -1 ? null : file.slice(0, at + 4);
}

/** The bytes at the ingested path (or in its archive), whatever they are now; null if unreadable. */
async function bytesAt(file: string): Promise<Uint8Array | null> {
  try {
    const archive = archiveOf(file);
    if (!archive) return await readFileBounded(file);
    const entries = unzipBounded(archive, await readFileBounded(archive));
    if (typeof entries === 'string') return null;
    return entries.find((e) => e.path === file)?.bytes ?? null;
  } catch {
    return null;
  }
}

/**
 * The report's original bytes: those the corpus kept, else the file at its ingested path when its
 * SHA-256 is still the one recorded; null when neither is there.
 */
export async function originalBytes(row: StoredOriginal): Promise<Uint8Array | null> {
  if (row.source) return row.source;
  const bytes = await bytesAt(row.file);
  return bytes && sha256(bytes) === row.sha256 ? bytes : null;
}

/** What was last found at an ingested path: the file's size and time of change, and whether it held the bytes. */
const checked = new Map<string, { size: number; mtimeMs: number; held: boolean }>();
/** At most this many paths are remembered (the oldest go first). */
const checkedLimit = 10_000;

/**
 * Whether the report's original is at hand (`originalBytes` would find it), without reading and
 * hashing the file again while its size and time of change are those of the last check: the
 * report page asks this each time a report is opened.
 */
export async function hasOriginal(row: StoredOriginal): Promise<boolean> {
  if (row.source) return true;
  const path = archiveOf(row.file) ?? row.file;
  let now: { size: number; mtimeMs: number };
  try {
    now = await stat(path);
  } catch {
    return false;
  }
  const key = `${row.sha256}\0${row.file}`;
  const last = checked.get(key);
  if (last && last.size === now.size && last.mtimeMs === now.mtimeMs) return last.held;
  const held = (await originalBytes(row)) !== null;
  checked.delete(key);
  checked.set(key, { size: now.size, mtimeMs: now.mtimeMs, held });
  if (checked.size > checkedLimit) checked.delete(checked.keys().next().value as string);
  return held;
}
