/**
 * What the API answers, as zod schemas. The requests' schemas are the API's own (src/api/schemas.ts);
 * these mirror the response schemas declared beside the handlers in src/api/routes.ts, which can't be
 * imported here (that module pulls the store in). test/web/contract.test.ts checks every field named
 * here against the route's own response schema, so a change there fails the test instead of drifting.
 */
import { z } from 'zod';
import { eventSchema, roleSchema } from '../../../src/api/schemas.js';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  agencyId: z.string().nullable(),
  createdAt: z.string(),
  disabled: z.boolean(),
});
export const managedUserSchema = userSchema.extend({ supervises: z.array(z.string()) });

export const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  code: z.string().nullable(),
  createdAt: z.string(),
});

export const stateSchema = z.object({
  asOf: z.string(),
  status: z.string().nullable(),
  statusName: z.string(),
  dueOn: z.string().nullable(),
  provisional: z.boolean(),
  closedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  answeredLate: z.boolean().nullable(),
});

export const applicationSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  number: z.string(),
  applicant: z.string(),
  channel: z.string(),
  submittedOn: z.string(),
  signedForOn: z.string().nullable(),
  confirmedOn: z.string().nullable(),
  receivedOn: z.string().nullable(),
  requestText: z.string(),
  events: z.array(eventSchema),
  state: stateSchema,
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});

export const caseSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  number: z.string(),
  kind: z.string(),
  filedOn: z.string(),
  decidedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  applicationId: z.string().nullable(),
});

export const dueItemSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  number: z.string(),
  applicant: z.string(),
  receivedOn: z.string().nullable(),
  requestText: z.string(),
  state: stateSchema,
});

export const dueSchema = z.object({
  asOf: z.string(),
  days: z.number().int(),
  overdue: z.array(dueItemSchema),
  dueSoon: z.array(dueItemSchema),
});

export const proactiveSchema = z.object({
  agencyId: z.string(),
  year: z.number().int(),
  cells: z.record(z.string(), z.number()),
});

const findingSchema = z
  .object({
    code: z.string(),
    severity: z.string(),
    message: z.string(),
  })
  .loose();

export const compiledSchema = z.object({
  agencyId: z.string(),
  report: z.object({}).loose(),
  findings: z.array(findingSchema),
});

export const feeSchema = z.object({
  method: z.string(),
  quantity: z.number().int(),
  fee: z.number(),
  monthTotal: z.number().nullable(),
});

export const okSchema = z.object({ ok: z.literal(true) });

export type User = z.infer<typeof userSchema>;
export type Agency = z.infer<typeof agencySchema>;
export type Application = z.infer<typeof applicationSchema>;
export type AppState = z.infer<typeof stateSchema>;
export type Case = z.infer<typeof caseSchema>;
export type DueItem = z.infer<typeof dueItemSchema>;
