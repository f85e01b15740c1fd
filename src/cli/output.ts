/**
 * Where `render` and `convert` put what they produce: standard output (no `-o`, or `-o -`) or a
 * file. Which renderer a `--to` names, and why it can't be used, in Chinese.
 */
import { writeFile } from 'node:fs/promises';
import type { Report } from '../core/report.js';
import {
  defaultTextLayout,
  getRenderer,
  knownTargets,
  plannedTargets,
  type Renderer,
  type RenderOptions,
} from '../render/index.js';
import { type TextLayout, textRenderers } from '../render/text/index.js';
import { STDIN } from './input.js';
import type { CliIO } from './io.js';

export interface OutputOptions {
  to: string;
  output?: string;
  layout?: string;
}

/** A usable renderer and its options, or the reason (a usage error) why not. */
export type Resolved =
  | { ok: true; renderer: Renderer; options: RenderOptions }
  | { ok: false; reason: string };

export const textLayouts = Object.keys(textRenderers) as TextLayout[];

/** `lookup` finds the renderer of a target (the registry; tests pass their own). */
export function resolveOutput(
  options: OutputOptions,
  io: CliIO,
  lookup: (target: string) => Renderer | undefined = getRenderer,
): Resolved {
  const target = options.to.toLowerCase().replace(/^\./, '');
  const renderer = lookup(target);
  if (!renderer) {
    const available = knownTargets()
      .filter((t) => lookup(t) !== undefined)
      .join('、');
    if (plannedTargets.includes(target))
      return { ok: false, reason: `暂不支持输出 ${target.toUpperCase()}（可用：${available}）` };
    return { ok: false, reason: `未知的输出格式「${options.to}」（可用：${available}）` };
  }
  if (options.layout !== undefined && target !== 'txt')
    return { ok: false, reason: '--layout 只用于 --to txt' };
  if (options.layout !== undefined && !textLayouts.includes(options.layout as TextLayout))
    return { ok: false, reason: `未知的文本版式「${options.layout}」（可用：${textLayouts.join('、')}）` };
  const toStdout = options.output === undefined || options.output === STDIN;
  if (renderer.binary && toStdout && io.stdout.isTTY === true)
    return {
      ok: false,
      reason: `${target.toUpperCase()} 是二进制格式，不能输出到终端，请用 -o 指定输出文件`,
    };
  return {
    ok: true,
    renderer,
    options: { layout: (options.layout as TextLayout | undefined) ?? defaultTextLayout },
  };
}

/** A file system error on writing, as a reason for the user. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return '无法写入文件：所在目录不存在';
    case 'EISDIR':
      return '无法写入文件：这是一个目录';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return '无法写入文件：没有写入权限';
    default:
      return `无法写入文件（${code ?? (error instanceof Error ? error.message : String(error))}）`;
  }
}

/**
 * Renders and writes the report; resolves to null, or the reason the output file can't be
 * written.
 */
export async function writeRendered(
  report: Report,
  resolved: Extract<Resolved, { ok: true }>,
  output: string | undefined,
  io: CliIO,
): Promise<string | null> {
  const rendered = await resolved.renderer.render(report, resolved.options);
  if (output === undefined || output === STDIN) {
    io.stdout.write(rendered as string);
    return null;
  }
  try {
    await writeFile(output, rendered);
    return null;
  } catch (error) {
    return describeWriteError(error);
  }
}
