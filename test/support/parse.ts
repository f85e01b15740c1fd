/** Helpers shared by the property tests: render → bytes → the real pipeline. */
import type { Finding } from '../../src/core/finding.js';
import type { Cells, Report } from '../../src/core/report.js';
import { type ProcessResult, processBytes } from '../../src/pipeline.js';
import { renderText, type TextLayout } from '../../src/render/text/index.js';

const encoder = new TextEncoder();

export const toBytes = (text: string): Uint8Array => encoder.encode(text);

export function parseText(text: string, path = 'report.txt'): Promise<ProcessResult> {
  return processBytes(toBytes(text), path);
}

export function parseReport(report: Report, layout: TextLayout): Promise<ProcessResult> {
  return parseText(renderText(report, layout), `generated-${layout}.txt`);
}

export const errors = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.severity === 'error');

/** Keys whose value differs between two cell maps (a missing key counts as null). */
export function differingKeys(expected: Cells, actual: Cells): string[] {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...keys].filter((k) => (expected[k] ?? null) !== (actual[k] ?? null));
}

/** A short description of findings for failure messages. */
export const describeFindings = (findings: readonly Finding[]): string =>
  findings.map((f) => `${f.severity} ${f.code} [${f.keys.join(',')}] ${f.message}`).join('\n');

/**
 * fast-check settings: a fixed seed so runs are reproducible; GONGKAI_FC_RUNS (a multiplier) and
 * GONGKAI_FC_SEED allow deeper, different sweeps by hand.
 */
export function fcParams(numRuns: number, seed: number): { numRuns: number; seed: number } {
  const factor = Number(process.env.GONGKAI_FC_RUNS ?? 1);
  const override = process.env.GONGKAI_FC_SEED;
  return {
    numRuns: Math.max(1, Math.round(numRuns * (Number.isFinite(factor) ? factor : 1))),
    seed: override ? Number(override) + seed : seed,
  };
}

/**
 * fast-check settings with counterexamples kept from earlier sweeps, which run first. fast-check
 * counts examples within numRuns (past numRuns examples, the later ones and every random case
 * would not run): the random runs come on top of them.
 */
export function withExamples<P extends { numRuns: number; examples: unknown[] }>(params: P): P {
  return { ...params, numRuns: params.numRuns + params.examples.length };
}

/** A part's prose as readers give it back: as written, each paragraph trimmed, whitespace runs as one space. */
export const foldedProse = (text: string): string =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
