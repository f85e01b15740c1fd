/**
 * The year's report of an agency, compiled from its records (`compileReport`), checked with every
 * check of the checker, and rendered through the renderer registry when asked.
 */
import { runChecks } from '../../check/index.js';
import type { Finding } from '../../core/finding.js';
import type { Report } from '../../core/report.js';
import { SourceFile } from '../../core/source-file.js';
import { getRenderer, type RenderOutput } from '../../render/index.js';
import { getFormat } from '../../spec/registry.js';
import type { Store } from '../../store/index.js';
import { carryOverOf, compileReport } from '../../workflow/index.js';
import { badRequest } from '../errors.js';
import { type Principal, requireRight, resolveAgency } from './principal.js';

export interface Compiled {
  agencyId: string;
  report: Report;
  /** What the checker finds in it (none of severity error, by construction). */
  findings: Finding[];
}

export async function compileYear(
  store: Store,
  p: Principal,
  input: { agencyId?: string | undefined; year: number },
): Promise<Compiled> {
  const agency = await resolveAgency(store, p, input.agencyId);
  requireRight(p, 'read');
  const { year } = input;
  const [applications, cases, proactive, previous] = await Promise.all([
    store.applications.forYear(agency.id, year),
    store.cases.list({ agencyIds: [agency.id], year }),
    store.proactive.get(agency.id, year),
    store.reports.latest(agency.id, year - 1, 'compiled'),
  ]);
  const report = compileReport({
    agency: agency.name,
    year,
    applications,
    cases,
    proactive,
    ...(previous ? { previousCarryOver: carryOverOf(previous.report) } : {}),
  });
  const file = new SourceFile(`${agency.name}-${year}`);
  runChecks({ report, spec: getFormat(report.format) }, file);
  return { agencyId: agency.id, report, findings: file.findings };
}

/** The report in a published form. */
export async function renderCompiled(
  report: Report,
  target: string,
): Promise<{ body: RenderOutput; mediaType: string; binary: boolean }> {
  const renderer = getRenderer(target);
  if (!renderer) throw badRequest('invalid-input', `输入有误：不支持的输出格式「${target}」`);
  return { body: await renderer.render(report, {}), mediaType: renderer.mediaType, binary: renderer.binary };
}
