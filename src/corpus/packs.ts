/**
 * Evaluator rule packs: third-party indicators as data (JSON), mapping findings and figures of a
 * report to points, each with the citation of its source. `gongkai corpus score --pack FILE`.
 *
 * A rule counts one of:
 * - `finding`: reports (per "report") or findings (per "finding") with that code, optionally only
 *   those whose fields equal `where`;
 * - `figures`: the sum of the report's cells of those codebook keys (per "each");
 * - `data`: a figure published reports don't contain (e.g. replies past the deadline, from a
 *   register): reported as not assessable, never guessed.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ruleSchema = z
  .strictObject({
    id: z.string().min(1),
    label: z.string().min(1),
    finding: z.string().optional(),
    where: z.record(z.string(), z.string()).optional(),
    figures: z.array(z.string()).min(1).optional(),
    data: z.string().optional(),
    points: z.number(),
    per: z.enum(['report', 'finding', 'each']),
    citation: z.string().min(1),
  })
  .refine((r) => [r.finding, r.figures, r.data].filter((x) => x !== undefined).length === 1, {
    message: '每条规则须恰好有 finding、figures、data 之一',
  });

export const packSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  source: z.string().min(1),
  appliesTo: z
    .strictObject({
      kind: z.enum(['government', 'department']).optional(),
      year: z.number().int().optional(),
    })
    .default({}),
  base: z.number().default(0),
  rules: z.array(ruleSchema).min(1),
});

export type Pack = z.output<typeof packSchema>;
export type PackRule = Pack['rules'][number];

export class PackError extends Error {
  override name = 'PackError';
}

export function parsePack(json: unknown, where = '评估规则包'): Pack {
  const result = packSchema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '（顶层）'}：${i.message}`);
  throw new PackError(`${where}无效：${issues.join('；')}`);
}

export function loadPack(path: string): Pack {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PackError(
      `无法读取评估规则包「${path}」（${code === 'ENOENT' ? '文件不存在' : String(code)}）`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PackError(`评估规则包「${path}」不是有效的 JSON`);
  }
  return parsePack(json, `评估规则包「${path}」`);
}
