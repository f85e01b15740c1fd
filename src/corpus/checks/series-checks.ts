/**
 * Checks along one body's series of reports: 上年结转 against last year's 结转下年度, 现行有效件数
 * against last year's, large jumps, missing years, and changed versions of one year.
 */
import { makeFinding } from '../../core/finding.js';
import { crosswalk, measureValue } from '../../spec/crosswalk.js';
import { foldedSentences, foldProse, placeOf, sentencesOf } from './sentences.js';
import type { CheckContext, CrossFinding, SeriesCheck, SeriesReport } from './types.js';

const columns: [string, string][] = [
  ['np', '自然人'],
  ['biz', '商业企业'],
  ['res', '科研机构'],
  ['ngo', '社会公益组织'],
  ['law', '法律服务机构'],
  ['oth', '其他'],
  ['total', '总计'],
];

const about = (
  report: SeriesReport,
  finding: ReturnType<typeof makeFinding>,
  other?: SeriesReport,
): CrossFinding => ({
  ...finding,
  file: report.file,
  agency: report.agency,
  year: report.year,
  reportId: report.id,
  ...(other ? { otherReportId: other.id } : {}),
});

/** Pairs of consecutive years (Y−1, Y) of the newest versions. */
function* yearPairs(latest: readonly SeriesReport[]): Generator<[SeriesReport, SeriesReport]> {
  for (let i = 1; i < latest.length; i++) {
    const prev = latest[i - 1] as SeriesReport;
    const cur = latest[i] as SeriesReport;
    if (cur.year === prev.year + 1) yield [prev, cur];
  }
}

const num = (v: number | null | undefined): v is number => typeof v === 'number';

export const checkCarryOver: SeriesCheck = ({ latest, report }) => {
  for (const [prev, cur] of yearPairs(latest))
    for (const [column, name] of columns) {
      const carried = cur.cells[`a.prev.${column}`];
      const left = prev.cells[`a.next.${column}`];
      if (!num(carried) || !num(left) || carried === left) continue;
      report(
        about(
          cur,
          makeFinding(
            'error',
            'corpus.carry-over',
            `表三「二、上年结转政府信息公开申请数量」${name}为 ${carried}，但 ${prev.year} 年度报告「四、结转下年度继续办理」${name}为 ${left}`,
            {
              keys: [`a.prev.${column}`, `a.next.${column}`],
              actual: String(carried),
              expected: String(left),
            },
          ),
          prev,
        ),
      );
    }
};

/** 现行有效件数 = last year's + 本年制发 − 本年废止 (2021); 对外公开总数量 = last year's + 本年新公开 (2019). */
const stockRules: Record<
  '2019' | '2021',
  { item: string; name: string; stock: string; add: string; remove?: string }[]
> = {
  '2021': [
    { item: 'rules', name: '规章', stock: 'inForce', add: 'issued', remove: 'repealed' },
    { item: 'normative', name: '行政规范性文件', stock: 'inForce', add: 'issued', remove: 'repealed' },
  ],
  '2019': [
    { item: 'rules', name: '规章', stock: 'total', add: 'published' },
    { item: 'normative', name: '规范性文件', stock: 'total', add: 'published' },
  ],
};

export const checkStock: SeriesCheck = ({ latest, report }) => {
  for (const [prev, cur] of yearPairs(latest)) {
    if (prev.format !== cur.format) continue;
    for (const rule of stockRules[cur.format]) {
      const k = (field: string) => `p.${rule.item}.${field}`;
      const last = prev.cells[k(rule.stock)];
      const now = cur.cells[k(rule.stock)];
      const add = cur.cells[k(rule.add)];
      const remove = rule.remove ? cur.cells[k(rule.remove)] : 0;
      if (!num(last) || !num(now) || !num(add) || !num(remove)) continue;
      const expected = last + add - remove;
      if (now === expected) continue;
      const label = cur.format === '2021' ? '现行有效件数' : '对外公开总数量';
      const formula =
        cur.format === '2021'
          ? `上年 ${last} + 本年制发 ${add} − 本年废止 ${remove} = ${expected}`
          : `上年 ${last} + 本年新公开 ${add} = ${expected}`;
      // More repealed than there were: no count is right, the figures disagree with last year's.
      const message =
        expected < 0
          ? `表二${rule.name}本年废止 ${remove} 件，多于上年「${label}」${last} 与本年制发 ${add} 之和，与上年报告不符（本年「${label}」为 ${now}）`
          : `表二${rule.name}「${label}」为 ${now}，应为 ${formula}`;
      report(
        about(
          cur,
          makeFinding('error', 'corpus.stock', message, {
            keys: [k(rule.stock), k(rule.add), ...(rule.remove ? [k(rule.remove)] : [])],
            actual: String(now),
            expected: String(expected),
          }),
          prev,
        ),
      );
    }
  }
};

/** A measure that grows over 5× or falls under 0.2× year on year (at least 10 on the larger side). */
export const checkJump: SeriesCheck = ({ latest, report }) => {
  for (const [prev, cur] of yearPairs(latest))
    for (const measure of crosswalk) {
      const a = measureValue(measure, prev.format, prev.cells);
      const b = measureValue(measure, cur.format, cur.cells);
      if (a === null || b === null || a <= 0 || Math.max(a, b) < 10) continue;
      const ratio = b / a;
      if (ratio <= 5 && ratio >= 0.2) continue;
      report(
        about(
          cur,
          makeFinding(
            'info',
            'corpus.jump',
            `「${measure.label}」由 ${prev.year} 年的 ${a} ${ratio > 5 ? '增至' : '降至'} ${b}（${ratio > 5 ? `${Math.round(ratio * 10) / 10} 倍` : `${Math.round(ratio * 1000) / 10}%`}），请核实`,
            { keys: [...(measure.keys[cur.format] ?? [])], actual: String(b), expected: `上年 ${a}` },
          ),
          prev,
        ),
      );
    }
};

export const checkMissingYear: SeriesCheck = ({ latest, report }) => {
  for (let i = 1; i < latest.length; i++) {
    const prev = latest[i - 1] as SeriesReport;
    const cur = latest[i] as SeriesReport;
    for (let year = prev.year + 1; year < cur.year; year++)
      report(
        about(
          cur,
          makeFinding(
            'warning',
            'corpus.missing-year',
            `报告库中没有该机关 ${year} 年度的报告（有 ${prev.year} 年和 ${cur.year} 年的）`,
            {
              actual: `缺 ${year}`,
            },
          ),
          prev,
        ),
      );
  }
};

/** The line where a folded sentence begins (its first characters, folded, on that line). */
function placeOfFolded(text: string, folded: string): { line: number; column: number } | null {
  const exact = placeOf(text, folded);
  if (exact) return exact;
  const start = folded.slice(0, 8);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++)
    if (foldProse(lines[i] ?? '').includes(start)) return { line: i + 1, column: 1 };
  return null;
}

/** Two versions of one year differ: which cells, which passages (copies in another form don't). */
export const checkChanged: SeriesCheck = ({ series, report }) => {
  for (let i = 1; i < series.reports.length; i++) {
    const older = series.reports[i - 1] as SeriesReport;
    const newer = series.reports[i] as SeriesReport;
    if (older.year !== newer.year) continue;
    const keys = [...new Set([...Object.keys(older.cells), ...Object.keys(newer.cells)])].filter(
      (k) => (older.cells[k] ?? null) !== (newer.cells[k] ?? null),
    );
    // Prose folded (line joins, spacing, page numbers, punctuation width ignored): a text and a PDF
    // copy of one report have the same sentences.
    const olderSentences = foldedSentences(older.sections);
    const newerSentences = foldedSentences(newer.sections);
    const before = new Set(olderSentences.map((s) => s.key));
    const after = new Set(newerSentences.map((s) => s.key));
    const added = newerSentences.filter((s) => !before.has(s.key));
    const removed = olderSentences.filter((s) => !after.has(s.key));
    // Copies of one report in other file forms are the same report, not a change.
    if (keys.length === 0 && added.length + removed.length === 0 && older.format === newer.format) continue;
    const parts = [
      keys.length > 0
        ? `${keys.length} 个单元格不同（${keys.slice(0, 5).join('、')}${keys.length > 5 ? '等' : ''}）`
        : '',
      added.length + removed.length > 0 ? `正文增加 ${added.length} 句、删去 ${removed.length} 句` : '',
      older.format !== newer.format ? `格式由 ${older.format} 年版改为 ${newer.format} 年版` : '',
    ].filter(Boolean);
    const what = parts.length > 0 ? parts.join('，') : '内容相同，仅文件不同';
    const place = added[0] ? placeOfFolded(newer.text, added[0].raw) : null;
    report(
      about(
        newer,
        makeFinding(
          'warning',
          'corpus.changed',
          `${newer.year} 年度报告有第 ${newer.version} 版，与第 ${older.version} 版（${older.file}）不同：${what}`,
          {
            place,
            keys,
            ...(added.length + removed.length > 0
              ? {
                  note: [
                    ...added.slice(0, 3).map((s) => `＋${s.raw}`),
                    ...removed.slice(0, 3).map((s) => `－${s.raw}`),
                  ].join('\n'),
                }
              : {}),
          },
        ),
        older,
      ),
    );
  }
};

/** More than half of a report's sentences copied from the same body's previous year. */
export const checkCopiedFromLastYear: SeriesCheck = ({ latest, report }) => {
  for (const [prev, cur] of yearPairs(latest)) {
    const sentences = sentencesOf(cur.sections);
    if (sentences.length < 4) continue;
    const last = new Set(sentencesOf(prev.sections).map((s) => s.key));
    const copied = sentences.filter((s) => last.has(s.key));
    const share = copied.length / sentences.length;
    if (share <= 0.5) continue;
    const first = copied[0];
    report(
      about(
        cur,
        makeFinding(
          'warning',
          'corpus.copied-text',
          `正文 ${sentences.length} 句中有 ${copied.length} 句（${Math.round(share * 100)}%）与 ${prev.year} 年度报告相同`,
          {
            place: first ? placeOf(cur.text, first.raw) : null,
            actual: `${Math.round(share * 100)}%`,
            expected: '≤ 50%',
            note: copied
              .slice(0, 5)
              .map((s) => s.raw)
              .join('\n'),
          },
        ),
        prev,
      ),
    );
  }
};

export const seriesChecks: SeriesCheck[] = [
  checkCarryOver,
  checkStock,
  checkCopiedFromLastYear,
  checkJump,
  checkMissingYear,
  checkChanged,
];

export type { CheckContext };
