/**
 * The web app's contract with the API: web/ imports nothing from src/ but pure modules (zod schemas,
 * names, the rights table: no Node built-in, no package but zod, however deep), every endpoint it
 * calls is a route of the API with the route's own response schema (the same object, from the pure
 * src/api/contract/responses.ts or a route's contract module), and every field it reads from a
 * response is in that schema with the same type.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routes } from '../../src/api/routes.js';
import * as endpoints from '../../web/src/lib/endpoints.js';

const root = resolve(import.meta.dirname, '../..');
const webSrc = join(root, 'web/src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Value imports of a module (type-only imports are erased and don't count). */
function valueImports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) if (!m[2]) out.push(m[4] as string);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1] as string);
  return out;
}

const tsOf = (from: string, spec: string): string => resolve(dirname(from), spec).replace(/\.js$/, '.ts');

describe('web contract', () => {
  it('imports from src/ only pure modules (no Node built-ins, no package but zod, transitively)', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    const visit = (file: string, via: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of valueImports(file)) {
        if (spec.startsWith('.')) visit(tsOf(file, spec), via);
        else if (spec !== 'zod') problems.push(`${relative(root, file)} (from ${via}) imports ${spec}`);
      }
    };
    let count = 0;
    for (const file of files(webSrc))
      for (const spec of valueImports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = tsOf(file, spec);
        if (!target.startsWith(join(root, 'src'))) continue;
        count++;
        visit(target, relative(root, file));
      }
    expect(count).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  const known = new Map(routes.map((r) => [`${r.method} ${r.url}`, r]));
  const list = Object.entries(endpoints) as [string, { method: string; url: string; response: z.ZodType }][];

  it('calls only routes the API has', () => {
    for (const [name, e] of list) expect(known.has(`${e.method} ${e.url}`), name).toBe(true);
  });

  it("declares each response with the route's own schema object, not a copy", () => {
    const copies = list.filter(([, e]) => {
      const route = known.get(`${e.method} ${e.url}`);
      return route?.response !== undefined && route.response !== e.response;
    });
    expect(copies.map(([name]) => name)).toEqual([]);
  });

  type Json = Record<string, unknown>;
  const jsonOf = (s: z.ZodType): { schema: Json; defs: Json } => {
    const json = z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }) as Json;
    return { schema: json, defs: (json.$defs ?? {}) as Json };
  };
  const deref = (s: Json, defs: Json): Json => {
    const ref = s.$ref as string | undefined;
    return ref ? deref(defs[ref.replace('#/$defs/', '')] as Json, defs) : s;
  };
  const strip = (s: unknown, defs: Json): unknown => {
    if (Array.isArray(s)) return s.map((x) => strip(x, defs));
    if (s === null || typeof s !== 'object') return s;
    const d = deref(s as Json, defs);
    const out: Json = {};
    for (const [k, v] of Object.entries(d))
      if (
        ![
          'description',
          'title',
          'examples',
          'id',
          '$schema',
          '$defs',
          'additionalProperties',
          'required',
        ].includes(k)
      )
        out[k] = strip(v, defs);
    return out;
  };
  /** Paths where `mine` says more than, or other than, `theirs`. */
  const differences = (mine: Json, md: Json, theirs: Json, td: Json, path: string): string[] => {
    const m = deref(mine, md);
    const t = deref(theirs, td);
    if (m.properties) {
      const tp = (t.properties ?? {}) as Json;
      return Object.entries(m.properties as Json).flatMap(([k, v]) =>
        k in tp ? differences(v as Json, md, tp[k] as Json, td, `${path}.${k}`) : [`${path}.${k} missing`],
      );
    }
    if (m.items && t.items) return differences(m.items as Json, md, t.items as Json, td, `${path}[]`);
    return JSON.stringify(strip(m, md)) === JSON.stringify(strip(t, td))
      ? []
      : [`${path}: ${JSON.stringify(strip(m, md))} ≠ ${JSON.stringify(strip(t, td))}`];
  };

  it("reads from each response only fields of the route's own response schema", () => {
    for (const [name, e] of list) {
      const route = known.get(`${e.method} ${e.url}`);
      if (!route?.response) continue;
      const mine = jsonOf(e.response);
      const theirs = jsonOf(route.response);
      expect(differences(mine.schema, mine.defs, theirs.schema, theirs.defs, name)).toEqual([]);
    }
  });
});
