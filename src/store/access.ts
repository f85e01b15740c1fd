/** Which agencies' records a user may see: their own, or for a supervisor the agencies they oversee. */
import type { StoreContext } from './context.js';
import type { User } from './repositories/users.js';

export type AccessSubject = Pick<User, 'id' | 'role' | 'agencyId'>;

export function accessScope(ctx: StoreContext) {
  const visibleAgencyIds = async (user: AccessSubject): Promise<string[]> => {
    if (user.role === 'evaluator') return [];
    if (user.role !== 'supervisor') return user.agencyId === null ? [] : [user.agencyId];
    const rows = await ctx.db
      .selectFrom('supervisor_agencies')
      .select('agency_id')
      .where('user_id', '=', user.id)
      .orderBy('agency_id')
      .execute();
    return rows.map((r) => r.agency_id);
  };
  return {
    /** The agencies whose records the user may see, by id: own agency for 录入/审核/管理员, the supervised set for 监督. */
    visibleAgencyIds,
    async canSeeAgency(user: AccessSubject, agencyId: string): Promise<boolean> {
      return (await visibleAgencyIds(user)).includes(agencyId);
    },
  };
}

export type AccessScope = ReturnType<typeof accessScope>;
