/** fast-check arbitraries over the deterministic report generator. */
import fc from 'fast-check';
import type { Report } from '../../src/core/report.js';
import { type GenerateOptions, generateReport } from '../../src/generate/random-report.js';
import type { FormatId } from '../../src/spec/types.js';

/** A random valid report (of the given format, or of either). The seed is what shrinks. */
export function arbitraryReport(format?: FormatId, options?: GenerateOptions): fc.Arbitrary<Report> {
  const formats: fc.Arbitrary<FormatId> = format ? fc.constant(format) : fc.constantFrom('2019', '2021');
  return fc
    .tuple(fc.integer({ min: 0, max: 0x7fffffff }), formats)
    .map(([seed, f]) => generateReport(seed, f, options));
}

/** Like arbitraryReport, but keeps the seed so a failure can be reproduced with generateReport. */
export function arbitrarySeededReport(
  format?: FormatId,
  options?: GenerateOptions,
): fc.Arbitrary<{ seed: number; report: Report }> {
  const formats: fc.Arbitrary<FormatId> = format ? fc.constant(format) : fc.constantFrom('2019', '2021');
  return fc
    .tuple(fc.integer({ min: 0, max: 0x7fffffff }), formats)
    .map(([seed, f]) => ({ seed, report: generateReport(seed, f, options) }));
}
