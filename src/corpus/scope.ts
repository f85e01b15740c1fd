/**
 * Which bodies of the corpus a user sees: the local system and an evaluator (评估) all of them; a
 * supervisor the bodies of the agencies they supervise — the agency itself (by its normalised name)
 * and, for a people's government, every body of its region; anyone else the body of their own agency.
 */
import type { Store, User } from '../store/index.js';
import { parseBodyName } from './bodies/names.js';

/** Body ids, or null for the whole corpus. */
export async function visibleBodyIds(store: Store, user: User | null): Promise<string[] | null> {
  if (user === null || user.role === 'evaluator') return null;
  const agencyIds =
    user.role === 'supervisor'
      ? await store.users.supervisedAgencies(user.id)
      : user.agencyId === null
        ? []
        : [user.agencyId];
  if (agencyIds.length === 0) return [];
  const agencies = await store.db
    .selectFrom('agencies')
    .select(['name'])
    .where('id', 'in', agencyIds)
    .execute();
  const keys = new Set<string>();
  /** The places of supervised governments, at their own level: county, city or province. */
  const places: { level: 'county' | 'city' | 'province'; name: string }[] = [];
  for (const agency of agencies) {
    const parsed = parseBodyName(agency.name);
    keys.add(parsed.matchKey);
    if (user.role !== 'supervisor' || parsed.kind !== 'government') continue;
    if (parsed.county) places.push({ level: 'county', name: parsed.county });
    else if (parsed.city) places.push({ level: 'city', name: parsed.city });
    else if (parsed.province) places.push({ level: 'province', name: parsed.province });
  }
  const rows = await store.db
    .selectFrom('corpus_bodies')
    .select('id')
    .where((eb) => eb.or([eb('match_key', 'in', [...keys]), ...places.map((p) => eb(p.level, '=', p.name))]))
    .execute();
  return rows.map((r) => r.id);
}
