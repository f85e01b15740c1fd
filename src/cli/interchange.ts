/**
 * The interchange JSON of a report (spec/INTERCHANGE.md): members in a fixed order, and every
 * cell key of the report's format in codebook order, `null` where no value was read.
 */
import type { Finding } from '../core/finding.js';
import type { Cells, ReportResult, Section } from '../core/report.js';
import { cellKeys, getFormat } from '../spec/registry.js';
import type { FormatId } from '../spec/types.js';

export interface InterchangeFinding {
  code: string;
  severity: Finding['severity'];
  message: string;
  line: number | null;
  column: number | null;
  keys: string[];
  page?: number;
  actual?: string;
  expected?: string;
  note?: string;
}

export interface InterchangeSection {
  number: number;
  title: string;
  text: string;
  line: number | null;
}

export interface InterchangeReport {
  file: string;
  format: FormatId;
  agency: string | null;
  year: number | null;
  publishedOn: string | null;
  signedOn: string | null;
  cells: Cells;
  sections: InterchangeSection[];
  findings: InterchangeFinding[];
}

export function findingToJson(finding: Finding): InterchangeFinding {
  const json: InterchangeFinding = {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    keys: [...finding.keys],
  };
  if (finding.page !== undefined) json.page = finding.page;
  if (finding.actual !== undefined) json.actual = finding.actual;
  if (finding.expected !== undefined) json.expected = finding.expected;
  if (finding.note !== undefined) json.note = finding.note;
  return json;
}

/** Every key of the format, in codebook order. */
export function fullCells(format: FormatId, cells: Cells): Cells {
  const full: Cells = {};
  for (const key of cellKeys(getFormat(format))) full[key] = cells[key] ?? null;
  return full;
}

const cellMembers = new Map<FormatId, string[]>();

/** `"key":` of each key of the format in codebook order, each after the first led by a comma. */
function cellMembersOf(format: FormatId): string[] {
  let members = cellMembers.get(format);
  if (!members) {
    members = cellKeys(getFormat(format)).map((key, i) => `${i === 0 ? '' : ','}${JSON.stringify(key)}:`);
    cellMembers.set(format, members);
  }
  return members;
}

/** `JSON.stringify(fullCells(format, cells))`, written directly (no 200-member object built). */
export function fullCellsJson(format: FormatId, cells: Cells): string {
  const keys = cellKeys(getFormat(format));
  const members = cellMembersOf(format);
  // An assembled report's cells already hold every key in codebook order: their values are read
  // in one go (a lookup by key in a 200-member object costs more).
  const own = Object.keys(cells);
  const values =
    own.length === keys.length && own.every((key, i) => key === keys[i])
      ? Object.values(cells)
      : keys.map((key) => cells[key]);
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? null;
    out += members[i] as string;
    out += typeof value === 'number' && Number.isFinite(value) ? String(value) : JSON.stringify(value);
  }
  return `${out}}`;
}

/**
 * `JSON.stringify(toInterchange(file, report, findings))`, the same text byte for byte, built
 * without the object: one line of `parse --json`.
 */
export function interchangeJson(
  file: string,
  report: ReportResult,
  findings: readonly Finding[] = report.findings,
): string {
  const head = JSON.stringify(headOf(file, report));
  const tail = JSON.stringify({
    sections: report.sections.map(sectionToJson),
    findings: findings.map(findingToJson),
  });
  return `${head.slice(0, -1)},"cells":${fullCellsJson(report.format, report.cells)},${tail.slice(1)}`;
}

/** The members of a JSON line before its cells, in their order. */
function headOf(file: string, report: ReportResult) {
  return {
    file,
    format: report.format,
    agency: report.agency,
    year: report.year,
    publishedOn: report.publishedOn,
    signedOn: report.signedOn,
  };
}

function sectionToJson(section: Section): InterchangeSection {
  return { number: section.number, title: section.title, text: section.text, line: section.line };
}

export function toInterchange(
  file: string,
  report: ReportResult,
  findings: readonly Finding[] = report.findings,
): InterchangeReport {
  return {
    ...headOf(file, report),
    cells: fullCells(report.format, report.cells),
    sections: report.sections.map(sectionToJson),
    findings: findings.map(findingToJson),
  };
}
