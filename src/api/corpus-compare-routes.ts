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
    summary:
      '同一机关两个年度的报告对比，或两个机关（甲、乙）报告的对比（other）：数值变化的格及增减、可比指标、相同的句子（与上一年度或两个机关之间）',
    tag: '报告库',
    auth: true,
    query: c.compareQuery,
    response: c.compareResponse,
    async handle({ principal, query, deps }) {
      if (principal === null) throw unauthenticated();
      requireRight(principal, 'corpus');
      const db = deps.store.db;
      const scope = await visibleBodyIds(deps.store, principal.user);
      /** A body the principal sees, or 404. */
      const bodyOf = async (id: string) => {
        const found = await db
          .selectFrom('corpus_bodies')
          .select(['id', 'name'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!found || (scope !== null && !scope.includes(found.id))) throw notFound('机关', id);
        return found;
      };
      /** The newest version of each year of a body's reports, by year (oldest first). */
      const newestOf = async (bodyId: string) => {
        const versions = await db
          .selectFrom('corpus_reports')
          .select(['id', 'year'])
          .where('body_id', '=', bodyId)
          .where('year', 'is not', null)
          .orderBy('year')
          .orderBy('version')
          .execute();
        const newest = new Map<number, number>();
        for (const v of versions) newest.set(v.year as number, Number(v.id));
        return newest;
      };
      const body = await bodyOf(query.body);
      const newest = await newestOf(body.id);
      const years = [...newest.keys()];

      // Two bodies (甲 and 乙): a year of each, by default the last year both have (else each one's last).
      const other = query.other === undefined ? null : await bodyOf(query.other);
      if (other && other.id === body.id) throw badRequest('invalid-input', '输入有误：请选择另一个机关对比');
      const otherNewest = other ? await newestOf(other.id) : new Map<number, number>();
      const otherYears = [...otherNewest.keys()];
      let from: number | undefined;
      let to: number | undefined;
      if (other) {
        const common = years.filter((y) => otherNewest.has(y));
        from = query.from ?? common.at(-1) ?? years.at(-1);
        to = query.to ?? (from !== undefined && otherNewest.has(from) ? from : otherYears.at(-1));
        if (from === undefined)
          throw badRequest('invalid-input', `「${body.name}」在报告库中没有注明年度的报告，无法对比`);
        if (to === undefined)
          throw badRequest('invalid-input', `「${other.name}」在报告库中没有注明年度的报告，无法对比`);
      } else {
        to = query.to ?? years.at(-1);
        from = query.from ?? years.filter((y) => to !== undefined && y < to).at(-1);
        if (from === undefined || to === undefined)
          throw badRequest('invalid-input', `「${body.name}」在报告库中不足两个年度的报告，无法对比`);
        if (from >= to) throw badRequest('invalid-input', '输入有误：较早的年度应早于较晚的年度');
      }

      const side = async (of: { id: string; name: string }, reports: Map<number, number>, year: number) => {
        const id = reports.get(year);
        const row = id === undefined ? undefined : await getReport(db, { bodyIds: scope }, id);
        if (!row) throw notFound('报告', `${of.name} ${year}年度`);
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
      const a = await side(body, newest, from);
      const b = other ? await side(other, otherNewest, to) : await side(body, newest, to);
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

      return { body, years, other, otherYears, from: a, to: b, sameFormat, changes, measures, copied };
    },
  }),
];
