/**
 * The audit log, read: an admin sees what concerns their own agency (its users' doings, changes to
 * its users, to the agency and to its records), the local system everything. Newest first, a page
 * at a time.
 */
import { auditActionName, auditEntityName, auditRecordLabel } from '../../store/audit-names.js';
import type { Store } from '../../store/index.js';
import type { AuditQuery } from '../schemas.js';
import { type Principal, requireRight } from './principal.js';

/** The instant a day starts in China (UTC+8), as the log's timestamps are written (UTC, ISO). */
const startOf = (date: string, days = 0): string =>
  new Date(Date.parse(`${date}T00:00:00+08:00`) + days * 86_400_000).toISOString();

export async function listAudit(store: Store, p: Principal, query: AuditQuery) {
  requireRight(p, 'manage');
  const agencyId = p.user === null ? undefined : (p.user.agencyId ?? '');
  const page = await store.audit.page({
    ...(agencyId !== undefined ? { agencyId } : {}),
    ...(query.entity !== undefined ? { entity: query.entity } : {}),
    ...(query.action !== undefined ? { action: query.action } : {}),
    ...(query.user !== undefined ? { userId: query.user } : {}),
    // Days in China: from the start of the first to the start of the day after the last.
    ...(query.from !== undefined ? { from: startOf(query.from) } : {}),
    ...(query.to !== undefined ? { until: startOf(query.to, 1) } : {}),
    ...(query.before !== undefined ? { beforeId: query.before } : {}),
    limit: query.limit,
  });
  // A user's entries whose record names no one (a login's session) are labelled by the user.
  const userLabels = new Map<string, string>();
  for (const e of page.entries)
    if (e.entity === 'user' && !userLabels.has(e.entityId)) {
      const user = await store.users.get(e.entityId);
      if (user) userLabels.set(e.entityId, auditRecordLabel(e.entityId, user, null));
    }
  return {
    next: page.next,
    entries: page.entries.map((e) => {
      const label = auditRecordLabel(e.entityId, e.before, e.after);
      return {
        ...e,
        actionName: auditActionName(e.action),
        entityName: auditEntityName(e.entity),
        label: label === e.entityId ? (userLabels.get(e.entityId) ?? label) : label,
      };
    }),
  };
}
