import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { it } from 'vitest';
import { withBlankCells } from '../../src/generate/blanks.js';
import { generateReport } from '../../src/generate/random-report.js';
import { processBytes, read } from '../../src/pipeline.js';
import { SourceFile } from '../../src/core/source-file.js';
import { cellKeys, getFormat } from '../../src/spec/registry.js';
import type { FormatId } from '../../src/spec/types.js';
import { errors } from '../support/parse.js';
import { arbitraryWordPdfStyle, wordPdf } from '../support/word-pdf.js';

const cases = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  format: fc.constantFrom<FormatId>('2019', '2021'),
  blanks: fc.boolean(),
  style: arbitraryWordPdfStyle,
});

it('sample', async () => {
  const S = Number(process.env.S ?? 2);
  const N = Number(process.env.N ?? 400);
  const only = process.env.ONLY ? Number(process.env.ONLY) : -1;
  const list = fc.sample(cases, { seed: S, numRuns: N });
  const out: unknown[] = [];
  let exactReports = 0;
  let silent = 0;
  for (let i = 0; i < list.length; i++) {
    if (only >= 0 && i !== only) continue;
    const c = list[i];
    const r0 = generateReport(c.seed, c.format);
    const report = c.blanks ? withBlankCells(r0, c.seed) : r0;
    const pdf = await wordPdf(report, c.style);
    if (only >= 0) writeFileSync('/tmp/one.pdf', pdf);
    const M = process.env.M ?? 'own';
    let input: Uint8Array = pdf;
    let name = 'x.pdf';
    if (M !== 'own') {
      writeFileSync(`/tmp/scr-${process.pid}.pdf`, pdf);
      execFileSync('pdftotext', [...(M === 'plain' ? [] : [M]), '-enc', 'UTF-8', `/tmp/scr-${process.pid}.pdf`, `/tmp/scr-${process.pid}.txt`]);
      input = readFileSync(`/tmp/scr-${process.pid}.txt`);
      name = 'x.txt';
      if (only >= 0) writeFileSync('/tmp/one-in.txt', input);
    }
    const { report: back, file } = await processBytes(input, name);
    if (only >= 0) {
      const { blocks } = await read(input, new SourceFile('x.pdf'));
      const lines: string[] = [];
      for (const b of blocks as any[]) {
        if (b.type === 'paragraph') lines.push(`${b.page}:${b.line}:${b.column} P ${b.text}`);
        else for (const row of b.rows ?? []) lines.push(`T ${row.map((c: any) => (c.spanned ? '^' : c.text)).join(' | ')}`);
      }
      writeFileSync('/tmp/one.txt', lines.join('\n'));
    }
    const errs = errors(back.findings);
    const named = new Set(errs.flatMap((f) => f.keys));
    const keys = cellKeys(getFormat(report.format));
    const wrong: string[] = [];
    let exact = 0;
    for (const key of keys) {
      const a = back.cells[key] ?? null;
      const e = report.cells[key] ?? null;
      if (a === e) exact++;
      else if (!named.has(key)) wrong.push(`${key}: ${e} read as ${a}`);
    }
    if (exact === keys.length) exactReports++;
    if (wrong.length) silent++;
    const codes: Record<string, number> = {};
    for (const f of errs) codes[f.code] = (codes[f.code] ?? 0) + 1;
    out.push({ i, c, exact, total: keys.length, wrong, codes });
    if (only >= 0) writeFileSync('/tmp/one.json', JSON.stringify({ c, findings: back.findings, truth: report.cells, cells: back.cells }, null, 1));
  }
  writeFileSync(`${process.env.P ?? '/tmp'}/sample-${process.env.M ?? 'own'}-${S}.json`, JSON.stringify(out));
  console.log(`seed ${S}: exact ${exactReports}/${out.length}, silent ${silent}`);
});
