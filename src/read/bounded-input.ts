/**
 * Reading an input with its size capped while reading, not after: an endless stream (standard
 * input fed from /dev/zero, a device file, a pipe that never closes its data) stops at the cap
 * with a clear error instead of exhausting memory.
 */
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
