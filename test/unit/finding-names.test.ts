/** Every finding code the engine can raise has a Chinese name, and the names tell codes apart. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingName, findingNames } from '../../src/core/finding-names.js';

const src = resolve(import.meta.dirname, '../../src');

/** The `stage.rule` codes written as string literals anywhere in src/ (file names aside). */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    if (file.endsWith('finding-names.ts')) continue;
    const text = readFileSync(join(src, file), 'utf8');
    for (const m of text.matchAll(/'((?:read|assemble|check|corpus)\.[a-z0-9]+(?:-[a-z0-9]+)*)'/g)) {
      const code = m[1] as string;
      if (!/\.(txt|html|docx|pdf|json|csv|xlsx|zip)$/.test(code)) codes.add(code);
    }
  }
  return codes;
}

describe('finding names', () => {
  it('names every code raised in the source', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThan(50);
    expect([...codes].filter((c) => !(c in findingNames)).sort()).toEqual([]);
  });

  it('names no code the source no longer raises, and no two codes alike', () => {
    const codes = codesInSource();
    expect(Object.keys(findingNames).filter((c) => !codes.has(c))).toEqual([]);
    const names = Object.values(findingNames);
    expect(new Set(names).size).toBe(names.length);
  });

  it('falls back to the code itself', () => {
    expect(findingName('check.row-sum')).toBe('合计与各项之和不符');
    expect(findingName('vendor.something')).toBe('vendor.something');
  });
});
