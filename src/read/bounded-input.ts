/**
 * Reading an input with its size capped while reading, not after: an endless stream (standard
 * input fed from /dev/zero, a device file, a pipe that never closes its data) stops at the cap
 * with a clear error instead of exhausting memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { formatBytes, limits } from '../core/limits.js';

/** The most bytes any input may have (the largest of the per-type limits). */
export const inputBytes = Math.max(limits.textBytes, limits.docxBytes, limits.pdfBytes);

/** Thrown when an input passes `inputBytes`; its message is for the user. */
export class InputTooLargeError extends Error {
  constructor(cap: number = inputBytes) {
    super(`输入过大，超过 ${formatBytes(cap)} 的上限，未读取`);
    this.name = 'InputTooLargeError';
  }
}

/** Reads a whole stream, stopping with `InputTooLargeError` once it passes `cap` bytes. */
export async function readAllBounded(
  stream: AsyncIterable<Uint8Array | string>,
  cap: number = inputBytes,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    total += buffer.length;
    if (total > cap) {
      // Stop the source: a stream that is not destroyed keeps reading (and, from stdin, blocks exit).
      (stream as { destroy?: () => void }).destroy?.();
      throw new InputTooLargeError(cap);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads a file, at most `cap` bytes: a larger file, or a device that never ends, is refused. */
export async function readFileBounded(path: string, cap: number = inputBytes): Promise<Uint8Array> {
  const regular = readRegularFile(path, cap);
  if (regular) return regular;
  const handle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isFile() && stat.size > cap) throw new InputTooLargeError(cap);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(1 << 20);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) throw new InputTooLargeError(cap);
      chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * A regular file read at once, synchronously: its size is known, so one buffer and one read (two
 * when it grew meanwhile) do, without the thread-pool round trips of the asynchronous path, which
 * cost more than reading a small report. Undefined for anything else (a device, a pipe), which
 * the bounded streaming path reads.
 */
function readRegularFile(path: string, cap: number): Uint8Array | undefined {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > cap) throw new InputTooLargeError(cap);
    // One byte more than the size: a file that grew since fstat is seen and read on.
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > cap) throw new InputTooLargeError(cap);
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, cap + 1));
        buffer.copy(larger, 0, 0, total);
        buffer = larger;
      }
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > cap) throw new InputTooLargeError(cap);
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}
