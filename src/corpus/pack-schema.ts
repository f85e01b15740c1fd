/**
 * Evaluator rule packs: third-party indicators as data (JSON), mapping findings and figures of a
 * report to points, each with the citation of its source. `gongkai corpus score --pack FILE`, and
 * 评分 in the web app (its schema is shared with the API contract, so it imports nothing of Node).
 *
 * A rule counts one of:
 * - `finding`: reports (per "report") or findings (per "finding") with that code, optionally only
 *   those whose fields equal `where`;
 * - `figures`: the sum of the report's cells of those codebook keys (per "each");
 * - `data`: a figure published reports don't contain (e.g. replies past the deadline, from a
 *   register): reported as not assessable, never guessed.
 */
import { z } from 'zod';

export const ruleSchema = z
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
