/**
 * The CLI's `--no-ocr` (scans refused as before) and, on a terminal, a progress line while the
 * pages of a scan are read.
 */
import type { Command } from 'commander';
import { type CliIO, processorOf } from '../../cli/io.js';

export function addOcrOption(program: Command, io: CliIO): void {
  program.option('--no-ocr', '不做文字识别：扫描件和图片照旧拒绝读取');
  program.hook('preAction', () => {
    const { ocr } = program.opts<{ ocr: boolean }>();
    const base = processorOf(io);
    const tty = io.stderr.isTTY === true;
    io.process = (bytes, path, options = {}) =>
      base(bytes, path, {
        ...options,
        ocr: ocr && options.ocr !== false,
        ...(tty
          ? {
              progress: (done: number, total: number) => {
                if (total < 3) return;
                io.stderr.write(`\r文字识别：${path} 第 ${done}/${total} 页${done === total ? '\n' : ''}`);
              },
            }
          : {}),
      });
  });
}
