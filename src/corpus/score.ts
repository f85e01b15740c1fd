/** Scores of the corpus's reports by an evaluator's rule pack (src/corpus/packs.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../store/index.js';
import type { BodyKind } from '../store/schema.js';
import { type CrossFinding, runCorpusChecks } from './checks/index.js';
import type { Pack, PackRule } from './packs.js';
import { type CorpusFilter, type CorpusRow, iterateWithCells } from './query.js';

export interface ScoreItem {
  rule: string;
  label: string;
  /** How many times the rule applied (null: the report doesn't say). */
  count: number | null;
  points: number;
  citation: string;
}

export interface ReportScore {
  reportId: number;
  file: string;
  agency: string | null;
  /** The body's place (province, city, county) and kind, as the corpus list shows them. */
  region: string;
  kind: BodyKind | null;
  year: number | null;
  score: number;
  items: ScoreItem[];
  /** Rules that can't be assessed from a published report. */
  notAssessed: string[];
}

interface StoredFinding {
  code: string;
  severity: string;
  actual: string | null;
  expected: string | null;
  message: string;
}

const matches = (rule: PackRule, f: StoredFinding | CrossFinding): boolean =>
  f.code === rule.finding &&
  Object.entries(rule.where ?? {}).every(([k, v]) => (f as unknown as Record<string, unknown>)[k] === v);

export async function scoreCorpus(
  db: Kysely<Database>,
  pack: Pack,
  filter: CorpusFilter,
): Promise<ReportScore[]> {
  const selection: CorpusFilter = {
    ...filter,
    latest: true,
    ...(pack.appliesTo.kind ? { kind: pack.appliesTo.kind } : {}),
    ...(pack.appliesTo.year !== undefined ? { year: pack.appliesTo.year } : {}),
  };
  const needsCross = pack.rules.some((r) => r.finding?.startsWith('corpus.'));
  const cross = new Map<number, CrossFinding[]>();
  if (needsCross)
    for (const f of await runCorpusChecks(db, { ...selection, latest: undefined })) {
      const list = cross.get(f.reportId) ?? [];
      list.push(f);
      cross.set(f.reportId, list);
    }
  const out: ReportScore[] = [];
  const page: { row: CorpusRow; cells: Record<string, number | null> }[] = [];
  const flush = async () => {
    if (page.length === 0) return;
    const stored = await db
      .selectFrom('corpus_findings')
      .select(['report_id', 'code', 'severity', 'actual', 'expected', 'message'])
      .where(
        'report_id',
        'in',
        page.map((p) => p.row.id),
      )
      .execute();
    const byReport = new Map<number, StoredFinding[]>();
    for (const f of stored) {
      const list = byReport.get(Number(f.report_id)) ?? [];
      list.push(f);
      byReport.set(Number(f.report_id), list);
    }
    for (const { row, cells } of page) {
      const findings: (StoredFinding | CrossFinding)[] = [
        ...(byReport.get(row.id) ?? []),
        ...(cross.get(row.id) ?? []),
      ];
      const items: ScoreItem[] = [];
      const notAssessed: string[] = [];
      let score = pack.base;
      for (const rule of pack.rules) {
        let count: number | null;
        if (rule.data !== undefined) {
          notAssessed.push(`${rule.label}（年度报告中没有此项数据：${rule.data}）`);
          continue;
        }
        if (rule.figures) count = rule.figures.reduce((sum, key) => sum + (cells[key] ?? 0), 0);
        else {
          const hits = findings.filter((f) => matches(rule, f)).length;
          count = rule.per === 'report' ? (hits > 0 ? 1 : 0) : hits;
        }
        if (count === 0) continue;
        const points = Math.round(rule.points * count * 100) / 100;
        score += points;
        items.push({ rule: rule.id, label: rule.label, count, points, citation: rule.citation });
      }
      out.push({
        reportId: row.id,
        file: row.file,
        agency: row.agency,
        region: row.region,
        kind: row.kind,
        year: row.year,
        score: Math.round(score * 100) / 100,
        items,
        notAssessed,
      });
    }
    page.length = 0;
  };
  for await (const item of iterateWithCells(db, selection)) {
    page.push(item);
    if (page.length >= 200) await flush();
  }
  await flush();
  return out;
}
