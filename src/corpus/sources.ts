/**
 * What `gongkai ingest PATH…` reads: files, folders (recursive; a directory loop through a symbolic
 * link is reported once and not followed) and .zip archives (bounded: an archive that would unpack
 * to more than the limits is refused with its name, unpacked not at all). Every problem is a
 * source with a reason in Chinese; nothing here throws for bad input.
 */
import type { Dirent } from 'node:fs';
import { opendir, readFile, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';

export type Source =
  | { path: string; bytes: Uint8Array; error?: undefined }
  | { path: string; error: string; bytes?: undefined };

export interface ZipLimits {
  /** Largest total of a zip's unpacked entries (bytes). */
  maxTotal: number;
  /** Largest unpacked entry (bytes). */
  maxEntry: number;
  /** Largest ratio of unpacked to packed size of one entry (deflate of real reports stays far below). */
  maxRatio: number;
  /** Most entries in one archive. */
  maxEntries: number;
}

export const defaultZipLimits: ZipLimits = {
  maxTotal: 512 * 1024 * 1024,
  maxEntry: 64 * 1024 * 1024,
  maxRatio: 200,
  maxEntries: 100_000,
};

/** File types a folder walk takes (a file named on the command line is always tried). */
export const reportExtensions = new Set([
  '.txt',
  '.text',
  '.htm',
  '.html',
  '.shtml',
  '.xhtml',
  '.mht',
  '.mhtml',
  '.md',
  '.docx',
  '.doc',
  '.wps',
  '.pdf',
  '.ofd',
  '.zip',
]);

const isZip = (path: string) => extname(path).toLowerCase() === '.zip';
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A file system error as a reason (a file that vanished mid-ingest included). */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return '文件不存在（可能在导入过程中被删除或移动）';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'ELOOP') return '符号链接循环';
  return `无法读取（${code ?? (error instanceof Error ? error.message : String(error))}）`;
}

/** The entries of a zip, or the reason it is refused. Unpacks nothing when the limits are exceeded. */
export function unzipBounded(
  path: string,
  bytes: Uint8Array,
  limits: ZipLimits = defaultZipLimits,
): Source[] | string {
  let total = 0;
  let entries = 0;
  let refused: string | null = null;
  try {
    // A first pass over the central directory only (the filter refuses every entry).
    unzipSync(bytes, {
      filter(file) {
        if (file.name.endsWith('/')) return false;
        entries++;
        total += file.originalSize;
        const ratio = file.size > 0 ? file.originalSize / file.size : file.originalSize > 0 ? Infinity : 0;
        if (file.originalSize > limits.maxEntry)
          refused ??= `「${file.name}」解压后 ${mb(file.originalSize)}，超过单个文件上限 ${mb(limits.maxEntry)}`;
        else if (ratio > limits.maxRatio && file.originalSize > 1024 * 1024)
          refused ??= `「${file.name}」压缩比 ${Math.round(ratio)}:1，超过上限 ${limits.maxRatio}:1`;
        return false;
      },
    });
  } catch (error) {
    return `不是有效的 ZIP 压缩包（${error instanceof Error ? error.message : String(error)}）`;
  }
  if (refused === null && total > limits.maxTotal)
    refused = `解压后共 ${mb(total)}，超过上限 ${mb(limits.maxTotal)}`;
  if (refused === null && entries > limits.maxEntries)
    refused = `共 ${entries} 个文件，超过上限 ${limits.maxEntries} 个`;
  if (refused !== null) return `疑似压缩炸弹，已拒绝，未解压：${refused}`;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) =>
        !file.name.endsWith('/') && !file.name.startsWith('__MACOSX/') && !/(^|\/)\./.test(file.name),
    });
  } catch (error) {
    return `ZIP 压缩包损坏，无法解压（${error instanceof Error ? error.message : String(error)}）`;
  }
  const out: Source[] = [];
  for (const [name, data] of Object.entries(files)) {
    const entryPath = `${path}!${name}`;
    if (data.length > limits.maxEntry) return `疑似压缩炸弹，已拒绝：「${name}」解压后超过上限`;
    if (isZip(name)) out.push({ path: entryPath, error: '压缩包中的压缩包不展开，请先解压' });
    else if (reportExtensions.has(extname(name).toLowerCase())) out.push({ path: entryPath, bytes: data });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The files under the arguments, in order (folders sorted by name), without reading them. */
export async function* listFiles(paths: readonly string[]): AsyncGenerator<{ path: string; error?: string }> {
  for (const path of paths) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      yield { path, error: describeFsError(error) };
      continue;
    }
    if (!info.isDirectory()) {
      yield { path };
      continue;
    }
    yield* walk(path, new Set());
  }
}

async function* walk(dir: string, ancestors: Set<string>): AsyncGenerator<{ path: string; error?: string }> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (error) {
    yield { path: dir, error: describeFsError(error) };
    return;
  }
  if (ancestors.has(real)) {
    yield { path: dir, error: '目录循环（符号链接指向其上级目录），已跳过' };
    return;
  }
  const entries: Dirent[] = [];
  try {
    for await (const entry of await opendir(dir)) if (!entry.name.startsWith('.')) entries.push(entry);
  } catch (error) {
    yield { path: dir, error: describeFsError(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const inner = new Set(ancestors).add(real);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // The directory listing tells files and directories apart; a link (or an entry of a file
    // system that doesn't say) is looked at: a stat for each of thousands of files costs a
    // round trip through the thread pool each.
    let info: { isDirectory(): boolean; isFile(): boolean } = entry;
    if (!entry.isFile() && !entry.isDirectory())
      try {
        info = await stat(path);
      } catch (error) {
        yield { path, error: describeFsError(error) };
        continue;
      }
    if (info.isDirectory()) yield* walk(path, inner);
    else if (info.isFile() && reportExtensions.has(extname(entry.name).toLowerCase())) yield { path };
  }
}

/** Reads one listed file: its bytes, or a zip's entries, or the reason. */
export async function readSource(path: string, limits: ZipLimits = defaultZipLimits): Promise<Source[]> {
  let bytes: Uint8Array;
  try {
    // No stat first (listFiles did one): a directory is refused by the read itself.
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'EISDIR')
      return [{ path, error: '这是一个目录，不是文件' }];
    return [{ path, error: describeFsError(error) }];
  }
  if (bytes.length === 0) return [{ path, error: '文件为空' }];
  if (isZip(path) || (bytes[0] === 0x50 && bytes[1] === 0x4b && isZip(path))) {
    const entries = unzipBounded(path, bytes, limits);
    return typeof entries === 'string' ? [{ path, error: entries }] : entries;
  }
  return [{ path, bytes }];
}
