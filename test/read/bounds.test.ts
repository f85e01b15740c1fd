/**
 * Input is bounded while it is read: an endless stream or device stops at the cap with a
 * Chinese error, and nothing is read past it.
 */
import { describe, expect, it } from 'vitest';
import { InputTooLargeError, readAllBounded, readFileBounded } from '../../src/read/bounded-input.js';

async function* endless(chunk: Uint8Array): AsyncGenerator<Uint8Array> {
  for (;;) yield chunk;
}

describe('bounded input', () => {
  it('an endless stream stops at the cap with a Chinese error', async () => {
    await expect(readAllBounded(endless(new Uint8Array(4096)), 1 << 20)).rejects.toThrow(InputTooLargeError);
    await expect(readAllBounded(endless(new Uint8Array(4096)), 1 << 20)).rejects.toThrow(
      /输入过大，超过 1\.0 MB/,
    );
  });

  it('a stream under the cap is read whole', async () => {
    async function* two() {
      yield new Uint8Array([1, 2]);
      yield '三';
    }
    expect([...(await readAllBounded(two(), 100))]).toEqual([1, 2, 0xe4, 0xb8, 0x89]);
  });

  it.runIf(process.platform === 'linux')(
    'a device that never ends (/dev/zero) stops at the cap',
    async () => {
      await expect(readFileBounded('/dev/zero', 1 << 20)).rejects.toThrow(InputTooLargeError);
    },
  );

  it('a regular file over the cap is refused before it is read', async () => {
    await expect(readFileBounded(new URL(import.meta.url).pathname, 10)).rejects.toThrow(/输入过大/);
  });
});
