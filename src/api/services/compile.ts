/**
 * The year's report of an agency, compiled from its records (`compileReport`), dated and signed as
 * asked, rendered through the renderer registry, and checked the way `gongkai check` checks a file:
 * the rendered bytes are read back and checked, so the findings are those of the output itself
 * (a blank figure the office has not given, a 【待补充】 the office has not written, a figure a PDF
 * cannot place, a late date). The office's prose for a part replaces the drafted text.
 */
import type { Finding } from '../../core/finding.js';
import type { Report } from '../../core/report.js';
import { processBytes } from '../../pipeline.js';
import { getRenderer, type RenderOutput } from '../../render/index.js';
import type { Store } from '../../store/index.js';
import { carryOverOf, compileReport, type Prose } from '../../workflow/index.js';
import { badRequest } from '../errors.js';
import { holidayCalendar } from './holidays.js';
import { type Principal, requireRight, resolveAgency } from './principal.js';

/** A rendered form of the report. */
export interface Rendered {
  body: RenderOutput;
  mediaType: string;
  binary: boolean;
}

export interface Compiled {
  agencyId: string;
  report: Report;
  /** What checking the rendered output (`checkedAs`) finds, as `gongkai check` would report it. */
  findings: Finding[];
  /** The form that was read back and checked: the target asked for; Markdown for JSON. */
  checkedAs: string;
  /** The report rendered as asked; null when JSON was asked for. */
  output: Rendered | null;
}

export interface CompileRequest {
  agencyId?: string | undefined;
  year: number;
  /** 成文日期 of the signature block (落款); no signature when absent. */
  signedOn?: string | undefined;
  /** 发布日期. */
  publishedOn?: string | undefined;
  /**
   * The office's text of parts by number (「1」 to 「6」), in place of the drafted text; a part not
   * given here takes the text the office saved for the year (`store.reportProse`), if any.
   */
  prose?: Readonly<Record<string, string | undefined>> | undefined;
  /** Whether parts `prose` does not give take the office's saved text (default) or the drafted text. */
  savedProse?: boolean | undefined;
}

/** The form JSON output is checked in: the report model has no reading of its own to check. */
export const jsonCheckedAs = 'md';

export async function compileYear(
  store: Store,
  p: Principal,
  input: CompileRequest,
  to = 'json',
): Promise<Compiled> {
  const agency = await resolveAgency(store, p, input.agencyId);
  requireRight(p, 'read');
  const { year } = input;
  const checkedAs = to === 'json' ? jsonCheckedAs : to;
  // Refuse an unknown target before any work.
  if (!getRenderer(checkedAs)) throw badRequest('invalid-input', `输入有误：不支持的输出格式「${to}」`);
  const [applications, cases, proactive, previous, saved, calendar] = await Promise.all([
    store.applications.forYear(agency.id, year),
    store.cases.list({ agencyIds: [agency.id], year }),
    store.proactive.get(agency.id, year),
    store.reports.latest(agency.id, year - 1, 'compiled'),
    input.savedProse === false ? {} : store.reportProse.get(agency.id, year),
    holidayCalendar(store),
  ]);
  // The office's saved text of a part, unless the request gives the part's text itself.
  const prose = proseByNumber(saved, input.prose ?? {});
  const report: Report = {
    ...compileReport({
      agency: agency.name,
      year,
      applications,
      cases,
      proactive,
      calendar,
      ...(previous ? { previousCarryOver: carryOverOf(previous.report) } : {}),
      ...(Object.keys(prose).length > 0 ? { prose } : {}),
    }),
    signedOn: input.signedOn ?? null,
    publishedOn: input.publishedOn ?? null,
  };
  const rendered = await renderCompiled(report, checkedAs);
  const bytes = typeof rendered.body === 'string' ? new TextEncoder().encode(rendered.body) : rendered.body;
  const read = await processBytes(bytes, `${agency.name}-${year}.${checkedAs}`);
  return {
    agencyId: agency.id,
    report,
    findings: read.report.findings,
    checkedAs,
    output: to === 'json' ? null : rendered,
  };
}

/**
 * Prose keyed 「1」 … 「6」 as the API takes it, keyed by part number as the workflow takes it; a
 * later layer's text of a part replaces an earlier one's.
 */
function proseByNumber(...layers: Readonly<Record<string, string | undefined>>[]): Prose {
  const out: Record<number, string> = {};
  for (const layer of layers)
    for (const [key, text] of Object.entries(layer)) if (text !== undefined) out[Number(key)] = text;
  return out;
}

/** The report in a published form. */
export async function renderCompiled(report: Report, target: string): Promise<Rendered> {
  const renderer = getRenderer(target);
  if (!renderer) throw badRequest('invalid-input', `输入有误：不支持的输出格式「${target}」`);
  return { body: await renderer.render(report, {}), mediaType: renderer.mediaType, binary: renderer.binary };
}
