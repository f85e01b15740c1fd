/** The office's own text of parts of its annual report for a year: a draft kept between visits. */
import type { Store } from '../../store/index.js';
import { type Principal, requireRight, requireVisible } from './principal.js';

export interface ReportProse {
  agencyId: string;
  year: number;
  /** Text by part number (「1」 … 「6」); parts not saved are absent. */
  prose: Record<string, string>;
}

export async function getReportProse(
  store: Store,
  p: Principal,
  agencyId: string,
  year: number,
): Promise<ReportProse> {
  await requireVisible(store, p, agencyId, '机关', agencyId);
  requireRight(p, 'read');
  return { agencyId, year, prose: await store.reportProse.get(agencyId, year) };
}

export async function setReportProse(
  store: Store,
  p: Principal,
  agencyId: string,
  year: number,
  prose: Readonly<Record<string, string | null | undefined>>,
): Promise<ReportProse> {
  await requireVisible(store, p, agencyId, '机关', agencyId);
  requireRight(p, 'enter');
  const change: Record<string, string | null> = {};
  for (const [part, text] of Object.entries(prose)) if (text !== undefined) change[part] = text;
  return { agencyId, year, prose: await store.reportProse.set(p.actor, agencyId, year, change) };
}
