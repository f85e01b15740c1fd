/** Builders for checker tests: valid reports from the spec, evidence from fixture text. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Evidence, HeadingEvidence, ProseEvidence } from '../../src/assemble/evidence.js';
import { emptyEvidence } from '../../src/assemble/evidence.js';
import type { Check, CheckInput } from '../../src/check/types.js';
import type { Finding } from '../../src/core/finding.js';
import type { Cells, Report } from '../../src/core/report.js';
import { SourceFile } from '../../src/core/source-file.js';
import { cellKeys, getFormat } from '../../src/spec/registry.js';
import type { FormatId, FormatSpec } from '../../src/spec/types.js';
import { foldText } from '../../src/text/fold.js';

/** A report of the format's first year with every cell 0: it satisfies every check. */
export function zeroReport(spec: FormatSpec, overrides: Partial<Report> = {}): Report {
  const cells: Cells = {};
  for (const key of cellKeys(spec)) cells[key] = 0;
  return {
    format: spec.id,
    agency: '测试机关',
    year: spec.years.from,
    publishedOn: null,
    signedOn: null,
    cells,
    sections: [],
    ...overrides,
  };
}

/** Evidence of a well-formed report: the six headings in order, nothing else. */
export function goodEvidence(spec: FormatSpec, overrides: Partial<Evidence> = {}): Evidence {
  return {
    ...emptyEvidence(),
    headings: spec.sections.map((s, i) => ({
      number: s.number,
      title: `${s.numeral}、${s.title}`,
      place: { line: 10 * (i + 1), column: 1 },
    })),
    balanceNote: true,
    ...overrides,
  };
}

/** Runs checks and returns their findings. */
export function run(input: CheckInput, ...checks: Check[]): Finding[] {
  const file = new SourceFile('test.txt');
  for (const check of checks) check(input, file);
  return file.findings;
}

/** Codes and severities only, for compact assertions. */
export const summary = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.severity} ${f.code}`);

const fixtures = new URL('../fixtures/', import.meta.url);

export interface Fixture {
  name: string;
  text: string;
  truth: Report & { notes?: string };
  spec: FormatSpec;
}

/** Every fixture with its truth file (seeds and real reports). */
export function loadFixtures(): Fixture[] {
  const list: Fixture[] = [];
  for (const dir of ['seeds', 'real'])
    for (const name of readdirSync(new URL(dir, fixtures)).filter((n) => n.endsWith('.expected.json'))) {
      const base = name.replace(/\.expected\.json$/, '');
      const truth = JSON.parse(readFileSync(new URL(`${dir}/${name}`, fixtures), 'utf8'));
      list.push({
        name: `${dir}/${base}`,
        text: readFileSync(new URL(`${dir}/${base}.txt`, fixtures), 'utf8'),
        truth: { sections: [], ...truth },
        spec: getFormat(truth.format as FormatId),
      });
    }
  return list;
}

export function loadFixture(prefix: string): Fixture {
  const fixture = loadFixtures().find((f) => f.name.startsWith(prefix));
  if (!fixture) throw new Error(`no fixture ${prefix}`);
  return fixture;
}

/**
 * A stand-in for the assembler: each non-empty line is a paragraph of prose (folded, as the
 * assembler's prose is), except the lines that open one of the six parts (a numeral and 、, then
 * a key of the section within its lead), which are headings. Table lines stay in the prose,
 * which makes the no-false-positive tests stricter.
 */
export function proseOf(
  text: string,
  spec: FormatSpec,
): { prose: ProseEvidence[]; headings: HeadingEvidence[] } {
  const prose: ProseEvidence[] = [];
  const headings: HeadingEvidence[] = [];
  let section = 0;
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const column = line.indexOf(trimmed) + 1;
    const heading = spec.sections.find((s) => {
      if (!trimmed.startsWith(`${s.numeral}、`)) return false;
      const rest = trimmed.slice(2);
      return s.keys.some((k) => {
        const at = rest.indexOf(k);
        return at >= 0 && at <= (s.lead ?? 0);
      });
    });
    if (heading) {
      section = heading.number;
      headings.push({ number: heading.number, title: trimmed, place: { line: i + 1, column } });
    } else prose.push({ text: foldText(trimmed).text, place: { line: i + 1, column }, section });
  });
  return { prose, headings };
}

/** A one-paragraph prose evidence at line 1 (folded, as the assembler gives its prose). */
export const paragraph = (text: string, line = 1): ProseEvidence => ({
  text: foldText(text).text,
  place: { line, column: 1 },
  section: 1,
});
