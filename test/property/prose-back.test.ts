/**
 * Every sentence of a report's prose comes back in its part, as the source writes it (〔2021〕
 * stays 〔2021〕, full-width punctuation stays), in every renderer's output and every text layout,
 * a flattened page included: generated prose with figures followed by text, document numbers and
 * several paragraphs per part.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { afterSignature, flattenPage, sentencesOf, withHardProse } from '../../src/generate/hard-prose.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes } from '../../src/pipeline.js';
import { getRenderer } from '../../src/render/index.js';
import { renderText, type TextLayout } from '../../src/render/text/index.js';
import type { FormatId } from '../../src/spec/types.js';
import { compact } from '../../src/text/fold.js';
import { describeFindings, fcParams, toBytes } from '../support/parse.js';

const seeded = () =>
  fc
    .tuple(fc.integer({ min: 0, max: 0x7fffffff }), fc.constantFrom<FormatId>('2019', '2021'))
    .map(([seed, format]) => ({ seed, format }));

const build = (seed: number, format: FormatId): Report => withHardProse(generateReport(seed, format), seed);

/**
 * Sentences of the source's parts that do not come back in the same part, and lines of the parts
 * read back that the source does not write as they are (whitespace aside). A text layout may
 * write the prose with ASCII punctuation: then that is the source, and what must come back.
 */
function lost(report: Report, read: Report, source: string | Uint8Array): string[] {
  const written = typeof source === 'string' ? source.replace(/\s+/g, '') : null;
  const out: string[] = [];
  for (const section of report.sections) {
    const back = read.sections.find((s) => s.number === section.number)?.text ?? '';
    const text = back.replace(/\s+/g, '');
    const folded = compact(back);
    for (const s of sentencesOf(section.text))
      if (written === null ? !text.includes(s) : !folded.includes(compact(s)))
        out.push(`part ${section.number} lost: ${s}`);
    if (written !== null)
      for (const line of back.split('\n'))
        if (!written.includes(line.replace(/\s+/g, '')))
          out.push(`part ${section.number} not as written: ${line}`);
  }
  return out;
}

type Target = {
  name: string;
  runs: number;
  bytes: (r: Report) => Promise<string | Uint8Array>;
  path: string;
};

const layout = (l: TextLayout, runs: number): Target => ({
  name: l,
  runs,
  path: 'report.txt',
  bytes: async (r) => renderText(r, l),
});
const renderer = (ext: string, runs: number): Target => ({
  name: ext,
  runs,
  path: `report.${ext}`,
  bytes: async (r) => (await getRenderer(ext)?.render(r, {})) as string | Uint8Array,
});

const targets: Target[] = [
  renderer('html', 15),
  renderer('md', 15),
  renderer('docx', 8),
  renderer('pdf', 4),
  layout('cell-per-line', 10),
  layout('web-cell-per-line', 10),
  layout('tab-indented', 10),
  layout('tab-split-labels', 10),
  layout('tab-rows', 10),
  layout('flattened', 15),
  {
    name: 'flattened page, no separators',
    runs: 15,
    path: 'report.txt',
    bytes: async (r) => flattenPage(renderText(r, 'flattened')),
  },
];

describe('every sentence of the prose comes back in its part, as written', () => {
  for (const target of targets)
    it(target.name, async () => {
      await fc.assert(
        fc.asyncProperty(seeded(), async ({ seed, format }) => {
          const report = build(seed, format);
          const out = await target.bytes(report);
          const read = (await processBytes(typeof out === 'string' ? toBytes(out) : out, target.path)).report;
          const context = `withHardProse(generateReport(${seed}, '${format}'), ${seed}) as ${target.name}\n${describeFindings(read.findings)}`;
          expect(lost(report, read, out), context).toEqual([]);
        }),
        fcParams(target.runs, 20261202),
      );
    });
});

/** Without a signature the lines are simply the last part's text. */
describe('lines under the signature (附件, notes) come back in the last part, with a warning', () => {
  for (const [name, path, render] of [
    ['cell-per-line', 'report.txt', async (r: Report) => renderText(r, 'cell-per-line')],
    ['tab-rows', 'report.txt', async (r: Report) => renderText(r, 'tab-rows')],
    ['md', 'report.md', async (r: Report) => (await getRenderer('md')?.render(r, {})) as string],
  ] as const)
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(seeded(), async ({ seed, format }) => {
          const report = build(seed, format);
          const lines = afterSignature(seed);
          const out = `${(await render(report)).trimEnd()}\n\n${lines.join('\n')}\n`;
          const read = (await processBytes(toBytes(out), path)).report;
          const context = `afterSignature(${seed}) under withHardProse(generateReport(${seed}, '${format}'), ${seed}) as ${name}\n${describeFindings(read.findings)}`;
          const last = read.sections.at(-1)?.text.split('\n') ?? [];
          expect(
            lines.filter((l) => !last.includes(l)),
            context,
          ).toEqual([]);
          expect(lost(report, read, out), context).toEqual([]);
          expect(read.findings.filter((f) => f.code === 'assemble.after-signature').length, context).toBe(
            report.signedOn === null ? 0 : lines.length,
          );
          expect(read.cells, context).toEqual(report.cells);
          expect(read.signedOn, context).toBe(report.signedOn);
        }),
        fcParams(10, 20261205),
      );
    });
});
