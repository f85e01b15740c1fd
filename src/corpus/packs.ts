/** Loading evaluator rule packs (./pack-schema.ts): from a file, or the packs shipped in spec/packs. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Pack, packSchema } from './pack-schema.js';

export { type Pack, type PackRule, packSchema } from './pack-schema.js';

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

/** The folder of the packs shipped with Gongkai (spec/packs, beside src/ and dist/). */
const shippedDir = new URL('../../spec/packs/', import.meta.url);

let shipped: readonly Pack[] | undefined;

/** The packs shipped with Gongkai, by id (read once). */
export function shippedPacks(): readonly Pack[] {
  shipped ??= readdirSync(shippedDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => loadPack(fileURLToPath(new URL(f, shippedDir))));
  return shipped;
}
