/**
 * Damage to rendered reports never crashes the parser, never goes unnoticed when it breaks an
 * identity or a table's shape, and never yields a silently wrong cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateReport } from '../../src/generate/random-report.js';
import { renderText, seedLayouts, type TextLayout } from '../../src/render/text/index.js';
import type { FormatId } from '../../src/spec/types.js';
import { applyDamage, type Damage, figures } from '../support/damage.js';
import { describeFindings, fcParams, toBytes } from '../support/parse.js';
import { outcome, violations } from '../support/verdict.js';

interface Case {
  seed: number;
  format: FormatId;
  layout: TextLayout;
  damage: Damage;
}

const base = {
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  format: fc.constantFrom<FormatId>('2019', '2021'),
  layout: fc.constantFrom<TextLayout>(...seedLayouts, 'word-text'),
};

const damages: Record<Damage['kind'], fc.Arbitrary<Damage>> = {
  'delete-row': fc.record({ kind: fc.constant('delete-row' as const), pick: fc.nat() }),
  'delete-cell': fc.record({ kind: fc.constant('delete-cell' as const), pick: fc.nat() }),
  'blank-cell': fc.record({ kind: fc.constant('blank-cell' as const), pick: fc.nat() }),
  'change-digit': fc.record({
    kind: fc.constant('change-digit' as const),
    pick: fc.nat(),
    digit: fc.nat(),
    position: fc.nat(),
  }),
  swap: fc.record({ kind: fc.constant('swap' as const), pick: fc.nat(), other: fc.nat() }),
  truncate: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
};

async function check({ seed, format, layout, damage }: Case): Promise<void> {
  const report = generateReport(seed, format);
  const damaged = applyDamage(report, renderText(report, layout), damage);
  if (!damaged) return;
  const result = await outcome(damaged.bytes ?? toBytes(damaged.text), `damaged-${layout}.txt`);
  const problems = violations(report, result, damaged);
  if (problems.length > 0) {
    const findings = result === 'unreadable' ? '' : describeFindings(result.report.findings);
    throw new Error(
      `generateReport(${seed}, '${format}') in ${layout}, ${damaged.description}:\n  ${problems.join('\n  ')}\nfindings:\n${findings}`,
    );
  }
}

describe('damaged reports', () => {
  for (const [kind, damage] of Object.entries(damages)) {
    it(`${kind}: no crash, no unnoticed break, no silently wrong cell`, async () => {
      await fc.assert(fc.asyncProperty(fc.record({ ...base, damage }), check), fcParams(300, 20260101));
    });
  }

  it('binary garbage is refused or reported', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), async (bytes) => {
        const result = await outcome(bytes, 'garbage.bin');
        if (result !== 'unreadable')
          expect(result.report.findings.some((f) => f.severity === 'error')).toBe(true);
      }),
      fcParams(200, 20260102),
    );
  });

  it('binary garbage spliced into a report yields no silently wrong cell', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ ...base, at: fc.nat(), garbage: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
        async ({ seed, format, layout, at, garbage }) => {
          const report = generateReport(seed, format);
          const bytes = toBytes(renderText(report, layout));
          const cut = at % (bytes.length + 1);
          const damaged = new Uint8Array(bytes.length + garbage.length);
          damaged.set(bytes.subarray(0, cut), 0);
          damaged.set(garbage, cut);
          damaged.set(bytes.subarray(cut), cut + garbage.length);
          // Garbage inside a figure of table 二 changes it the way a changed digit does: nothing can tell.
          const text = renderText(report, layout);
          const byteAt = (i: number) => toBytes(text.slice(0, i)).length;
          const exempt = figures(report, text)
            .filter((f) => f.key.startsWith('p.') && byteAt(f.start) <= cut && cut <= byteAt(f.end))
            .map((f) => f.key);
          const problems = violations(report, await outcome(damaged, 'spliced.txt'), {
            breaks: false,
            exempt,
          });
          expect(
            problems,
            `generateReport(${seed}, '${format}') in ${layout}, garbage at byte ${cut}`,
          ).toEqual([]);
        },
      ),
      fcParams(150, 20260103),
    );
  });

  it('an empty file is refused or reported', async () => {
    for (const bytes of [new Uint8Array(0), toBytes('\n\n  \t\n'), new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const result = await outcome(bytes, 'empty.txt');
      if (result !== 'unreadable')
        expect(result.report.findings.some((f) => f.severity === 'error')).toBe(true);
    }
  });

  it('a 50 MB file made of one report repeated is read or refused, never crashes', async () => {
    const report = generateReport(7, '2021');
    const one = toBytes(renderText(report, 'tab-indented'));
    const size = 50 * 1024 * 1024;
    const big = new Uint8Array(size);
    for (let at = 0; at < size; at += one.length)
      big.set(one.subarray(0, Math.min(one.length, size - at)), at);
    const result = await outcome(big, 'big.txt');
    expect(violations(report, result, { breaks: false })).toEqual([]);
  });
});

describe('flattened layout (figures run together)', () => {
  it('never yields a silently wrong cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ seed: base.seed, format: base.format }), async ({ seed, format }) => {
        const report = generateReport(seed, format);
        const result = await outcome(toBytes(renderText(report, 'flattened')), 'flattened.txt');
        expect(violations(report, result, { breaks: false }), `generateReport(${seed}, '${format}')`).toEqual(
          [],
        );
      }),
      fcParams(100, 20260104),
    );
  });
});
