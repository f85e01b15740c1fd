/**
 * Which bodies of the corpus a user sees: the local system and an evaluator (评估) all of them; a
 * supervisor the bodies of the agencies they supervise — the agency itself (by its normalised name)
 * and, for a people's government, every body of its region; anyone else the body of their own agency.
 */
import type { Kysely } from 'kysely';
import type { Tx } from '../store/context.js';
import type { Database, Store, User } from '../store/index.js';
import { parseBodyName } from './bodies/names.js';

/**
 * What a user sees, as a rule on bodies: their match keys (the agencies' own bodies) and places (the
 * regions of supervised governments, at their own level); null for the whole corpus.
 */
export interface ScopeRule {
  keys: readonly string[];
  places: readonly { level: 'county' | 'city' | 'province'; name: string }[];
}

export async function scopeRuleOf(store: Store, user: User | null): Promise<ScopeRule | null> {
  if (user === null || user.role === 'evaluator') return null;
  const agencyIds =
    user.role === 'supervisor'
      ? await store.users.supervisedAgencies(user.id)
      : user.agencyId === null
        ? []
        : [user.agencyId];
  if (agencyIds.length === 0) return { keys: [], places: [] };
  const agencies = await store.db
    .selectFrom('agencies')
    .select(['name'])
    .where('id', 'in', agencyIds)
    .execute();
  const keys = new Set<string>();
  const places: { level: 'county' | 'city' | 'province'; name: string }[] = [];
  for (const agency of agencies) {
    const parsed = parseBodyName(agency.name);
    keys.add(parsed.matchKey);
    if (user.role !== 'supervisor' || parsed.kind !== 'government') continue;
    if (parsed.county) places.push({ level: 'county', name: parsed.county });
    else if (parsed.city) places.push({ level: 'city', name: parsed.city });
    else if (parsed.province) places.push({ level: 'province', name: parsed.province });
  }
  return { keys: [...keys], places };
}

/** The ids of `ids` (all bodies when absent) that a rule lets one see, on any handle (a transaction too). */
export async function bodiesInScope(
  db: Kysely<Database> | Tx,
  rule: ScopeRule,
  ids?: readonly string[],
): Promise<string[]> {
  if ((rule.keys.length === 0 && rule.places.length === 0) || ids?.length === 0) return [];
  let q = db
    .selectFrom('corpus_bodies')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(rule.keys.length > 0 ? [eb('match_key', 'in', [...rule.keys])] : []),
        ...rule.places.map((p) => eb(p.level, '=', p.name)),
      ]),
    );
  if (ids) q = q.where('id', 'in', [...ids]);
  return (await q.execute()).map((r) => r.id);
}

/** Body ids, or null for the whole corpus. */
export async function visibleBodyIds(store: Store, user: User | null): Promise<string[] | null> {
  const rule = await scopeRuleOf(store, user);
  return rule === null ? null : bodiesInScope(store.db, rule);
}
