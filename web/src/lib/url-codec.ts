/**
 * Page state in the URL, one zod schema per page: `decode` reads the search params through the
 * schema (a bad or unknown value falls back to its default instead of breaking the page), `encode`
 * writes only what differs from the defaults, in a stable order, so every view is a short link.
 * Pure: unit-tested in test/web/url-codec.test.ts.
 */
import type { z } from 'zod';

type Shape = z.ZodObject<Record<string, z.ZodType>>;

export function decode<S extends Shape>(schema: S, search: URLSearchParams): z.output<S> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const all = search.getAll(key);
    if (all.length > 0) raw[key] = all.length === 1 ? all[0] : all;
  }
  const whole = schema.safeParse(raw);
  if (whole.success) return whole.data;
  // Drop the fields that failed, keep the rest.
  const bad = new Set(whole.error.issues.map((i) => String(i.path[0])));
  for (const key of bad) delete raw[key];
  const rest = schema.safeParse(raw);
  return rest.success ? rest.data : schema.parse({});
}

export function encode<S extends Shape>(schema: S, state: Partial<z.output<S>>): URLSearchParams {
  const defaults = schema.parse({}) as Record<string, unknown>;
  const out = new URLSearchParams();
  for (const key of Object.keys(schema.shape).sort()) {
    const value = (state as Record<string, unknown>)[key];
    if (value === undefined || value === null || value === '') continue;
    if (JSON.stringify(value) === JSON.stringify(defaults[key])) continue;
    if (Array.isArray(value)) for (const v of value) out.append(key, String(v));
    else out.set(key, String(value));
  }
  return out;
}
