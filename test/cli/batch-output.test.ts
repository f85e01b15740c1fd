/**
 * Standard output off a terminal is written in large pieces: the same text as one write a line,
 * in fewer writes, and in order with standard error when both go to one file (`2>&1`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO, Output } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { fakeProcessor, tempFiles } from './helpers.js';

/** One file that both standard streams write to, counting the writes of each. */
class SharedFile {
  text = '';
  writes = { out: 0, err: 0 };
  /** The length of each write to standard output. */
  pieces: number[] = [];
  stream(name: 'out' | 'err', isTTY = false): Output {
    return {
      isTTY,
      write: (chunk: string | Uint8Array) => {
        this.writes[name]++;
        if (name === 'out') this.pieces.push(String(chunk).length);
        this.text += String(chunk);
        return true;
      },
    };
  }
}

async function runShared(args: string[], stdoutIsTTY = false): Promise<SharedFile> {
  const dir = tempFiles(Object.fromEntries(['a', 'b', 'c', 'd'].map((n) => [`${n}.txt`, n])));
  const file = new SharedFile();
  const io: CliIO = {
    stdout: file.stream('out', stdoutIsTTY),
    stderr: file.stream('err'),
    stdin: (async function* () {})(),
    process: fakeProcessor({ [join(dir, 'c.txt')]: new Error('坏了') }),
  };
  const paths = args.map((a) => (a.endsWith('.txt') ? join(dir, a) : a));
  await main(['node', 'gongkai', ...paths], io);
  file.text = file.text.replaceAll(`${dir}/`, '');
  return file;
}

describe('batch output', () => {
  it('keeps standard output and standard error in order in one file, in fewer writes', async () => {
    const file = await runShared(['parse', '--json', 'a.txt', 'b.txt', 'missing.txt', 'c.txt', 'd.txt']);
    const lines = file.text.split('\n');
    expect(lines.map((line) => (line.startsWith('{') ? JSON.parse(line).file : line))).toEqual([
      'a.txt',
      'b.txt',
      'missing.txt: 错误：文件不存在',
      'c.txt: 内部错误：坏了',
      'd.txt',
      '',
    ]);
    // a and b in one write before the first error, d in one at the end.
    expect(file.writes).toEqual({ out: 2, err: 2 });
  });

  it('writes each line at once to a terminal', async () => {
    const file = await runShared(['parse', '--json', 'a.txt', 'b.txt', 'd.txt'], true);
    expect(file.text.split('\n').length).toBe(4);
    expect(file.writes).toEqual({ out: 3, err: 0 });
  });

  it('writes a long run in pieces of at least 64 KiB', async () => {
    const names = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 'a.txt' : 'b.txt'));
    const file = await runShared(['parse', '--json', ...names]);
    const lines = file.text.split('\n').slice(0, -1);
    expect(lines.length).toBe(400);
    expect(file.pieces.length).toBeGreaterThan(1);
    expect(file.pieces.slice(0, -1).every((n) => n >= 1 << 16)).toBe(true);
  });
});
