/**
 * Real reports written another way that means the same: other line endings (CRLF, a carriage
 * return alone), spaces or a tab at the ends of lines, no-break or ideographic spaces, full-width
 * digits (in the page numbers too), a byte-order mark, zero-width spaces after sentences, page
 * numbers printed another way (one way at a time: the last chosen), CJK radicals for the
 * characters of the same shape (as some PDFs give them), and the bytes in UTF-16 with
 * or without a byte-order mark (「Unicode」 text as editors save it). Any combination reads the same
 * cells as the report as published, with the same cells named by errors.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processBytes } from '../../src/pipeline.js';
import { errors, fcParams } from '../support/parse.js';
import { readReal as read, real, realTexts } from '../support/real-spots.js';

/**
 * Characters as PDFs made on some systems give them: the CJK radical of the same shape (a font's
 * cmap lists it first), Kangxi ones (U+2F00…) and those of the supplement (U+2E80…).
 */
const radicalOf: Record<string, string> = {
  一: '\u2f00',
  人: '\u2f08',
  工: '\u2f2f',
  方: '\u2f45',
  日: '\u2f47',
  月: '\u2f49',
  生: '\u2f63',
  行: '\u2f8f',
  言: '\u2f94',
  民: '\u2ea0',
  门: '\u2ed4',
  长: '\u2ed3',
  见: '\u2ec5',
  车: '\u2ecb',
  页: '\u2eda',
};
const radicals = (text: string) =>
  text.replace(/[一人工方日月生行言民门长见车页]/g, (c) => radicalOf[c] ?? c);

const fullWidth = (text: string) =>
  text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0x30 + 0xff10));

/** Each rewriting, by name (in the order they are applied: line endings last). */
const rewritings: Record<string, (text: string) => string> = {
  trailingSpaces: (t) => t.replace(/\n/g, '  \n'),
  trailingTab: (t) => t.replace(/\n/g, '\t\n'),
  noBreakSpaces: (t) => t.replace(/ /g, '\u00a0'),
  ideographicSpaces: (t) => t.replace(/ /g, '\u3000'),
  fullWidthDigits: fullWidth,
  zeroWidthSpaces: (t) => t.replace(/。/g, '。\u200b'),
  // Page numbers as other PDFs print them: 「― 4 ―」 (a horizontal bar), 「─4─」, 「第 4 页」, 「4 / 6」.
  barPageNumbers: (t) => t.replace(/^(\s*)-(\d+)-\s*$/gm, '$1― $2 ―'),
  boxPageNumbers: (t) => t.replace(/^(\s*)-(\d+)-\s*$/gm, '$1─$2─'),
  pagePageNumbers: (t) => t.replace(/^(\s*)-(\d+)-\s*$/gm, '$1第 $2 页'),
  ofPageNumbers: (t) => t.replace(/^(\s*)-(\d+)-\s*$/gm, '$1$2 / 6'),
  radicals,
  byteOrderMark: (t) => `\ufeff${t}`,
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  carriageReturns: (t) => t.replace(/\n/g, '\r'),
};
const names = Object.keys(rewritings);

/** The bytes of the rewritten text, in each encoding a text report comes in. */
const encodings: Record<string, (text: string) => Uint8Array> = {
  'utf-8': (t) => Buffer.from(t, 'utf8'),
  'utf-16le with a BOM': (t) => Buffer.from(`\ufeff${t.replace(/^\ufeff/, '')}`, 'utf16le'),
  'utf-16le': (t) => Buffer.from(t.replace(/^\ufeff/, ''), 'utf16le'),
  'utf-16be': (t) => Buffer.from(t.replace(/^\ufeff/, ''), 'utf16le').swap16(),
};

describe('real reports written another way that means the same', () => {
  for (const [name, runs] of realTexts(12, 12, 12))
    it(`${name}: the same cells, the same cells named by errors`, async () => {
      const text = readFileSync(real(name), 'utf8');
      const { report: published } = await read(text, name);
      const namedIn = (findings: typeof published.findings) =>
        [...new Set(errors(findings).flatMap((f) => f.keys))].sort();
      await fc.assert(
        fc.asyncProperty(
          fc.subarray(names, { minLength: 1 }),
          fc.constantFrom(...Object.keys(encodings)),
          async (chosen, encoding) => {
            // Line endings last, and one kind of them.
            const order = names.filter((n) => chosen.includes(n));
            const isEnding = (n: string) => n === 'crlf' || n === 'carriageReturns';
            const isPages = (n: string) => n.endsWith('PageNumbers');
            const applied = [
              ...order.filter(isPages).slice(-1),
              ...order.filter((n) => !isEnding(n) && !isPages(n)),
              ...order.filter(isEnding).slice(0, 1),
            ];
            const rewritten = applied.reduce((t, n) => (rewritings[n] as (t: string) => string)(t), text);
            const bytes = (encodings[encoding] as (t: string) => Uint8Array)(rewritten);
            const { report } = await processBytes(bytes, name);
            const what = `${applied.join(' + ')} in ${encoding}`;
            expect(report.cells, what).toEqual(published.cells);
            expect(namedIn(report.findings), what).toEqual(namedIn(published.findings));
          },
        ),
        fcParams(runs, 20261208),
      );
    }, 120_000);
});
