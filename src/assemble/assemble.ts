import type { Cells, Report, Section } from '../core/report.js';
import type { SourceFile } from '../core/source-file.js';
import type { Block, Paragraph } from '../read/blocks.js';
import { cellKeys } from '../spec/registry.js';
import type { FormatSpec, TablePartSpec } from '../spec/types.js';

import { foldedOf } from '../text/fold.js';
import { type Evidence, emptyEvidence } from './evidence.js';
import { collectFigures, figuresRunTogether, learnSpacing, type RowReading, readRow } from './figures.js';
import { detectFormat } from './format-detect.js';
import { extractMeta } from './meta.js';
import { proseHints } from './prose-hints.js';
import { locateTable, type TableLocation } from './rows.js';
import { chooseHeadings, findHeadings, type HeadingMatch } from './sections.js';
import { settle } from './solver.js';
import { TokenStream } from './stream.js';
import { pointOf, type Token, tokenize } from './tokens.js';

export interface Assembled {
  report: Report;
  evidence: Evidence;
  spec: FormatSpec;
}

const announced = /(?:共|等|计)\s*([一二三四五六七八九十]|\d{1,2})\s*(?:个)?\s*部分/;

/**
 * Aligns the blocks of a report to its format spec: finds the parts and their headings, the
 * tables and each row's figures, settles figures that ran together, and reads the metadata.
 * Everything it can't read with certainty becomes a finding on `file`.
 */
export function assemble(blocks: readonly Block[], file: SourceFile): Assembled {
  const tokens = tokenize(blocks);
  const stream = new TokenStream(tokens);
  const paragraphs = blocks.filter((b): b is Paragraph => b.type === 'paragraph');
  const evidence = emptyEvidence();

  const allHeadings = findHeadings(stream, detectFormat(stream.text, null).spec.sections);
  const headings = chooseHeadings(allHeadings);
  const firstHeading = [...headings.values()].sort((a, b) => a.start - b.start)[0];
  const bodyStartBlock = firstHeading ? (tokens[stream.tokenAt(firstHeading.start)]?.block ?? 0) : 0;
  const bodyStartIndex = Math.max(0, paragraphs.indexOf(blocks[bodyStartBlock] as Paragraph));
  const meta = extractMeta(paragraphs, bodyStartIndex);
  const decision = detectFormat(stream.text, meta.year);
  const spec = decision.spec;
  if (decision.basis !== 'labels')
    file.info(
      'assemble.format-guessed',
      decision.basis === 'year'
        ? `表格标签不足以判断格式，按年度 ${meta.year} 采用 ${spec.document} 格式`
        : `无法判断表格格式，默认按 ${spec.document} 读取`,
    );

  evidence.headings = allHeadings.map((h) => ({
    number: h.section.number,
    title: h.title,
    place: pointOf(tokens[stream.tokenAt(h.start)]),
  }));
  evidence.publishedPlace = meta.publishedPlace;
  evidence.signedPlace = meta.signedPlace;

  const prefaceBlocks = firstHeading
    ? (tokens[stream.tokenAt(firstHeading.start)]?.block ?? 0)
    : Math.min(blocks.length, 8);
  const preface = blocks
    .slice(0, prefaceBlocks + 1)
    .filter((b): b is Paragraph => b.type === 'paragraph')
    .map((p) => foldedOf(p).text)
    .join('\n')
    .slice(0, 4000);
  const announcement = announced.exec(preface);
  if (announcement) {
    const numeral = announcement[1] as string;
    const count = /\d/.test(numeral) ? Number(numeral) : '一二三四五六七八九十'.indexOf(numeral) + 1;
    const paragraph = paragraphs.find((p) => foldedOf(p).text.includes(announcement[0]));
    evidence.announcedParts = {
      count,
      place: paragraph ? { line: paragraph.line, column: paragraph.column } : null,
    };
  }

  // Tables: each in the part that holds it, up to the next heading.
  const sortedHeadings = [...headings.values()].sort((a, b) => a.start - b.start);
  const tableLocations: TableLocation[] = [];
  let previousEnd = firstHeading?.end ?? 0;
  for (const table of spec.tables) {
    const heading = headings.get(table.section);
    const start = heading?.end ?? previousEnd;
    const next = sortedHeadings.find((h) => h.start >= start && h.section.number > table.section);
    const end = next?.start ?? stream.text.length;
    const location = locateTable(stream, table, start, end);
    tableLocations.push(location);
    previousEnd = Math.max(previousEnd, location.rows.at(-1)?.label?.end ?? start);
    for (const v of location.variants) {
      const row = location.rows.find((r) => r.label === v);
      evidence.labelVariants.push({
        official: row?.row.path.at(-1)?.official ?? v.matched,
        found: v.matched,
        place: pointOf(tokens[v.firstToken]),
        keys: row?.row.cells.map((c) => c.key) ?? [],
      });
    }
    collectHeaderVariants(stream, location, evidence);
    if (table.parts.some((p) => p.note)) {
      const note = table.parts.find((p) => p.note)?.note;
      evidence.balanceNote = note && location.rows.length > 0 ? stream.find(note, start, end) !== null : null;
    }
    const labelled = location.rows.filter((r) => r.label);
    const headerFound = table.parts.some((p) => headerFoundIn(stream, p, start, end));
    const unlabelledEmpty = location.rows.every((r) => r.label || r.from >= r.to);
    if (!heading && labelled.length === 0 && (unlabelledEmpty || !headerFound)) {
      file.error('assemble.table-missing', `未找到「${table.title}」表格，其单元格记为空值`, {
        keys: table.parts.flatMap((p) => p.rows.flatMap((r) => r.cells.map((c) => c.key))),
      });
      location.rows = [];
      location.missing = [];
    }
    for (const m of location.missing) {
      const heading = headings.get(table.section);
      file.error('assemble.row-missing', `未找到「${m.row.path.at(-1)?.official}」行，该行各单元格记为空值`, {
        place: pointOf(tokens[stream.tokenAt(heading?.start ?? start)]),
        keys: m.row.cells.map((c) => c.key),
      });
    }
  }

  // Figures → readings → settled values.
  const rowFigures = tableLocations.flatMap((t) =>
    t.rows.map((r, i) => collectFigures(stream, r, t.rows[i + 1])),
  );
  const spacing = learnSpacing(rowFigures);
  // A document that stops inside a table, in the middle of its figures, was cut off: the last
  // figure read may itself be cut.
  const lastToken = tokens.length - 1;
  const cut = rowFigures.find((r) => r.figures.some((f) => f.index === lastToken));
  const lastTable = [...tableLocations].reverse().find((t) => t.rows.length > 0);
  const lastRow = rowFigures.find((r) => r.location === lastTable?.rows.at(-1));
  const shortAtEnd =
    lastTable &&
    lastRow &&
    lastTable.end === stream.text.length &&
    lastRow.figures.length < lastRow.location.row.cells.length;
  const truncated = cut ?? (shortAtEnd ? lastRow : undefined);
  if (truncated)
    file.error('assemble.truncated', '文档在统计表格中结束，表格不完整，文件可能被截断', {
      place: pointOf(tokens.at(-1)),
      keys: truncated.location.row.cells.map((c) => c.key),
    });
  const readingsOf = truncated ? rowFigures.filter((r) => r !== truncated) : rowFigures;
  const glued = figuresRunTogether(rowFigures);
  const readings = readingsOf.map((r) => readRow(r, spacing, glued, file));
  reportUniqueSplits(readings, file);
  const settled = settle(readings, spec.identities, file);
  const values = settled.values;
  const cells: Cells = {};
  for (const key of cellKeys(spec)) cells[key] = values.get(key) ?? null;
  for (const r of readings) {
    r.keys.forEach((key) => {
      const place = pointOf(r.token ?? undefined);
      if (place) evidence.cellPlaces[key] = place;
    });
  }

  // Sections and prose (tables left out).
  const tableRanges = tableLocations
    .filter((t) => t.rows.length > 0)
    .map((t) => {
      const first = t.rows[0];
      const from = first?.label ? first.label.firstToken : (first?.from ?? 0);
      const to = Math.max(...t.rows.map((r) => r.to));
      return [headerStart(stream, t, from), to] as const;
    });
  const inTable = (i: number) => tableRanges.some(([a, b]) => i >= a && i < b);
  const sections: Section[] = [];
  sortedHeadings.forEach((h, index) => {
    const from = stream.tokenAt(h.end);
    const to = stream.tokenAt(sortedHeadings[index + 1]?.start ?? stream.text.length);
    sections.push({
      number: h.section.number,
      title: titleText(h),
      text: joinTokens(tokens, from, to, inTable),
      line: tokens[stream.tokenAt(h.start)]?.line ?? null,
    });
  });
  evidence.prose = proseOf(tokens, sortedHeadings, stream, inTable);
  proseHints(settled, evidence.prose.map((p) => p.text).join('\n'), spec, file);

  if (tokens.length > 0 && tableLocations.every((t) => t.rows.every((r) => r.from >= r.to)))
    file.error('assemble.no-tables', '未找到年度报告的统计表格，无法读取数字');

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

/** Whether most of a part's column labels stand in [from, to). */
function headerFoundIn(stream: TokenStream, part: TablePartSpec, from: number, to: number): boolean {
  const leaves = [...new Set(part.columns.map((c) => c.path.at(-1)).filter((l) => l !== undefined))];
  const found = leaves.filter((l) => stream.find(l, from, to) !== null).length;
  return found * 2 >= leaves.length && found > 0;
}

/** One note per table whose figures ran together but cut only one way. */
function reportUniqueSplits(readings: readonly RowReading[], file: SourceFile): void {
  const byTable = new Map<string, RowReading[]>();
  for (const r of readings)
    if (r.splitUnique) byTable.set(r.location.part.id, [...(byTable.get(r.location.part.id) ?? []), r]);
  for (const rows of byTable.values()) {
    file.info(
      'assemble.split',
      `${rows.length} 行的数字连在一起（如「${rows[0]?.printed}」），按「多位数不以 0 开头」各只有一种拆分`,
      { place: pointOf(rows[0]?.token), keys: rows.flatMap((r) => r.keys) },
    );
  }
}

/** The table's header starts where its first caption, note or column label is, before the first row. */
function headerStart(stream: TokenStream, t: TableLocation, firstRowToken: number): number {
  const limit = stream.offsetOf(firstRowToken);
  let earliest = limit;
  for (const part of t.table.parts) {
    for (const label of [part.caption, part.corner, part.note, ...part.columns.flatMap((c) => c.path)]) {
      if (!label) continue;
      const m = stream.find(label, t.start, limit);
      if (m && m.start < earliest) earliest = m.start;
    }
  }
  return stream.tokenAt(earliest);
}

/** Column labels written in a non-standard wording (「社会组织」, 「本年发件数」). */
function collectHeaderVariants(stream: TokenStream, t: TableLocation, evidence: Evidence): void {
  let from = t.start;
  for (const part of t.table.parts) {
    const firstRow = t.rows.find((r) => r.part === part && r.label);
    const to = firstRow?.label?.start ?? t.end;
    const seen = new Set<string>();
    for (const [index, column] of part.columns.entries()) {
      const own = column.path.at(-1);
      if (!own?.variants || seen.has(own.official)) continue;
      seen.add(own.official);
      const m = stream.find(own, from, to);
      if (m?.variant)
        evidence.labelVariants.push({
          official: own.official,
          found: m.matched,
          place: pointOf(stream.tokens[m.firstToken]),
          keys: part.rows.map((r) => r.cells[index]?.key).filter((k): k is string => !!k),
        });
    }
    const last = [...t.rows].reverse().find((r) => r.part === part);
    from = last ? stream.offsetOf(last.to) : from;
  }
}

function titleText(h: HeadingMatch): string {
  return h.title;
}

function joinTokens(
  tokens: readonly Token[],
  from: number,
  to: number,
  skip: (i: number) => boolean,
): string {
  let out = '';
  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    const t = tokens[i] as Token;
    if (out && (t.first || t.spaced) && !/\s$/.test(out)) out += t.first ? '\n' : ' ';
    out += t.text;
  }
  return out.trim();
}

function proseOf(
  tokens: readonly Token[],
  headings: readonly HeadingMatch[],
  stream: TokenStream,
  skip: (i: number) => boolean,
): Evidence['prose'] {
  const prose: Evidence['prose'] = [];
  const starts = headings.map((h) => ({ at: stream.tokenAt(h.start), number: h.section.number }));
  let current: { text: string; place: ReturnType<typeof pointOf>; section: number; block: number } | null =
    null;
  let section = 0;
  let nextHeading = 0;
  for (let i = 0; i < tokens.length; i++) {
    while (nextHeading < starts.length && (starts[nextHeading]?.at ?? Infinity) <= i) {
      section = starts[nextHeading]?.number ?? section;
      nextHeading++;
      if (current) prose.push(current);
      current = null;
    }
    const t = tokens[i] as Token;
    if (skip(i)) {
      if (current) prose.push(current);
      current = null;
      continue;
    }
    if (!current || current.block !== t.block) {
      if (current) prose.push(current);
      current = { text: t.text, place: pointOf(t), section, block: t.block };
      continue;
    }
    current.text += (t.spaced ? ' ' : '') + t.text;
  }
  if (current) prose.push(current);
  return prose.map(({ text, place, section }) => ({ text, place, section }));
}
