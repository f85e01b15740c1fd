/**
 * What a user may see and do, as one pure function of the role: the API's rights table
 * (src/auth/roles.ts) plus the web's own capabilities.
 */
import { hasRight, type Right } from '../../../src/auth/roles.js';
import type { Role } from '../../../src/store/schema.js';

/**
 * A right of the API, `oversee` (the oversight pages: supervisors, evaluators, admins) or `inspect`
 * (报告检查: every role; the API reads the file sent and keeps nothing).
 */
export type Capability = Right | 'oversee' | 'inspect';

export function can(role: Role | undefined, capability: Capability): boolean {
  if (!role) return false;
  if (capability === 'inspect') return true;
  if (capability === 'oversee') return role !== 'clerk' && role !== 'reviewer';
  return hasRight(role, capability);
}
