/**
 * GET /api/corpus/compare: one body's two years side by side (contract: corpus-compare-contract.ts).
 * Copied sentences are found with the corpus checks' own sentence splitter (src/corpus/checks/
 * sentences.ts): a sentence of the later report whose normalised form (spacing removed, digits
 * folded) is among the earlier report's, as the series check corpus.copied-text counts them.
 * Who sees what: as the other corpus routes (src/corpus/scope.ts).
 */
import type { Section } from '../core/report.js';
import { sentencesOf } from '../corpus/checks/sentences.js';
import { cellsOf, getReport } from '../corpus/query.js';
import { visibleBodyIds } from '../corpus/scope.js';
import { crosswalk, measureValue } from '../spec/crosswalk.js';
import * as c from './corpus-compare-contract.js';
import { badRequest, notFound, unauthenticated } from './errors.js';
import { type Route, route } from './route.js';
import { requireRight } from './services/principal.js';

const asSection = (s: Omit<Section, 'line'>): Section => ({ ...s, line: null });

const diff = (from: number | null, to: number | null): number | null =>
  from === null || to === null ? null : Math.round((to - from) * 100) / 100;

export const corpusCompareRoutes: readonly Route[] = [
  route({
    method: 'GET',
    url: c.compareEndpoints.compare.url,
    summary: '同一机关两个年度的报告对比：数值变化的格及增减、可比指标、与上一年度相同的句子',
    tag: '报告库',
    auth: true,
    query: c.compareQuery,
    response: c.compareResponse,
    async handle({ principal, query, deps }) {
      if (principal === null) throw unauthenticated();
      requireRight(principal, 'corpus');
      const db = deps.store.db;
      const scope = await visibleBodyIds(deps.store, principal.user);
      const body = await db
        .selectFrom('corpus_bodies')
        .select(['id', 'name'])
        .where('id', '=', query.body)
        .executeTakeFirst();
      if (!body || (scope !== null && !scope.includes(body.id))) throw notFound('机关', query.body);

      // The newest version of each year.
      const versions = await db
        .selectFrom('corpus_reports')
        .select(['id', 'year'])
        .where('body_id', '=', body.id)
        .where('year', 'is not', null)
        .orderBy('year')
        .orderBy('version')
        .execute();
      const newest = new Map<number, number>();
      for (const v of versions) newest.set(v.year as number, Number(v.id));
      const years = [...newest.keys()];
      const to = query.to ?? years.at(-1);
      const from = query.from ?? years.filter((y) => to !== undefined && y < to).at(-1);
      if (from === undefined || to === undefined)
        throw badRequest('invalid-input', `「${body.name}」在报告库中不足两个年度的报告，无法对比`);
      if (from >= to) throw badRequest('invalid-input', '输入有误：较早的年度应早于较晚的年度');

      const side = async (year: number) => {
        const id = newest.get(year);
        const row = id === undefined ? undefined : await getReport(db, { bodyIds: scope }, id);
        if (!row) throw notFound('报告', `${body.name} ${year}年度`);
        const stored = await db
          .selectFrom('corpus_reports')
          .select('sections')
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow();
        const sections = (JSON.parse(stored.sections) as Section[]).map((s) => ({
          number: s.number,
          title: s.title,
          text: s.text,
        }));
        const cells = (await cellsOf(db, [row.id])).get(row.id) ?? {};
        return { report: row, cells, sections, sentences: sentencesOf(sections.map(asSection)).length };
      };
      const a = await side(from);
      const b = await side(to);
      const sameFormat = a.report.format === b.report.format;

      const keys = sameFormat
        ? new Set([...Object.keys(a.cells), ...Object.keys(b.cells)])
        : new Set(Object.keys(a.cells).filter((k) => k in b.cells));
      const changes = [...keys]
        .sort()
        .map((key) => {
          const x = a.cells[key] ?? null;
          const y = b.cells[key] ?? null;
          return { key, from: x, to: y, delta: diff(x, y) };
        })
        .filter((ch) => ch.from !== ch.to);

      const measures = crosswalk.map((m) => {
        const x = measureValue(m, a.report.format, a.cells);
        const y = measureValue(m, b.report.format, b.cells);
        return { id: m.id, label: m.label, from: x, to: y, delta: diff(x, y) };
      });

      const earlier = new Map(sentencesOf(a.sections.map(asSection)).map((s) => [s.key, s.raw]));
      const copied = b.sections.flatMap((section) =>
        sentencesOf([asSection(section)]).flatMap((s) => {
          const previous = earlier.get(s.key);
          return previous === undefined ? [] : [{ text: s.raw, previous, section: section.number }];
        }),
      );

      return { body, years, from: a, to: b, sameFormat, changes, measures, copied };
    },
  }),
];
