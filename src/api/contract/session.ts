/**
 * Signing in: the login body and what login and /api/me answer (the user, the agencies). Pure and
 * small (zod and this): the login page loads only these schemas, not the whole API's
 * (responses.ts and ../schemas.ts re-export them for the server and the other pages).
 */
import { z } from 'zod';
import { roles } from '../../store/schema.js';
import { line } from './strings.js';

export const loginBody = z.strictObject({
  username: line(64).min(1),
  password: line(200).min(1),
});

export const roleSchema = z.enum(roles).meta({
  description: 'clerk 录入、reviewer 审核、admin 管理员、supervisor 监督、evaluator 评估（只看报告库）',
});

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    agencyId: z.string().nullable(),
    createdAt: z.string(),
    disabled: z.boolean().meta({ description: '账号已停用' }),
  })
  .meta({ id: 'User', title: '用户' });

export const agencySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    region: z.string().nullable(),
    code: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Agency', title: '机关' });

export const loginResponse = z.object({ token: z.string(), expiresAt: z.string(), user: userSchema });
export const meResponse = z.object({ user: userSchema, agencies: z.array(agencySchema) });
export const okSchema = z.object({ ok: z.literal(true) });
