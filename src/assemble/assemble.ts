import type { Report } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import type { Block, Paragraph } from '../read/blocks.js';
import type { FormatSpec } from '../spec/types.js';
import { readCells } from './cells.js';
import { transposeColumnRuns } from './column-runs.js';
import { commaTables } from './comma-rows.js';
import { type Evidence, emptyEvidence } from './evidence.js';
import { detectFormat, formatScores } from './format-detect.js';
import { extractMeta } from './meta.js';
import { outline } from './outline.js';
import { sectionsAndProse } from './prose.js';
import { proseHints } from './prose-hints.js';
import { TokenStream } from './stream.js';
import { locateTables } from './tables.js';
import { pointOf, tokenize } from './tokens.js';

export interface Assembled {
  report: Report;
  evidence: Evidence;
  spec: FormatSpec;
}

/**
 * Aligns the blocks of a report to its format spec, phase by phase: the outline (parts and their
 * headings), the metadata, the format, the tables and their rows, the cells (settling figures that
 * ran together), then the parts' prose. Everything it can't read with certainty becomes a finding
 * on `file`.
 */
export function assemble(read: readonly Block[], file: SourceFile): Assembled {
  // Rows of comma-separated values read as the tables they are.
  const blocks = commaTables(read);
  // Rows that plain `pdftotext` gave column by column, put back row by row.
  const stream = new TokenStream(transposeColumnRuns(tokenize(blocks)), blocks);
  const evidence = emptyEvidence();

  // Both formats share the part headings, so the outline comes before the format is known.
  const scores = formatScores(stream.text);
  const parts = outline(stream, blocks, detectFormat(stream.text, null, scores).spec.sections);
  evidence.headings = parts.all.map((h) => ({
    number: h.section.number,
    title: h.title,
    place: pointOf(stream.tokens[stream.tokenAt(h.start)]),
  }));
  evidence.announcedParts = parts.announced;

  const paragraphs = blocks.filter((b): b is Paragraph => b.type === 'paragraph');
  const meta = extractMeta(paragraphs, Math.max(0, paragraphs.indexOf(blocks[parts.bodyBlock] as Paragraph)));
  evidence.publishedPlace = meta.publishedPlace;
  evidence.signedPlace = meta.signedPlace;

  const decision = detectFormat(stream.text, meta.year, scores);
  const spec = decision.spec;
  if (decision.basis !== 'labels')
    file.info(
      'assemble.format-guessed',
      decision.basis === 'year'
        ? `表格标签不足以判断格式，按年度 ${meta.year} 采用 ${spec.document} 格式`
        : `无法判断表格格式，默认按 ${spec.document} 读取`,
    );

  const tables = locateTables(stream, spec, parts, evidence, file);
  const { cells, settled } = readCells(stream, spec, tables, evidence, file, parts.ordered);
  const { sections, prose } = sectionsAndProse(stream, blocks, parts, tables, meta.signatureLine, file);
  evidence.prose = prose;
  for (const [key, value] of proseHints(settled, prose, spec, file)) cells[key] = value;

  const report: Report = {
    format: spec.id,
    agency: meta.agency,
    year: meta.year,
    publishedOn: meta.publishedOn,
    signedOn: meta.signedOn,
    cells,
    sections,
  };
  return { report, evidence, spec };
}
