/**
 * `gongkai corpus score` by the shipped rule pack, and `gongkai corpus bodies merge|set|list`: exact
 * output, the audit trail, and corrections (a 撤销年份 among them) that stick on re-ingest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { openStore, type Store } from '../../src/store/index.js';
import { jsonLines, run } from '../cli/helpers.js';
import { makeReport, renderAs, sheetRows, tempDir, writeFile } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
const pack = 'spec/packs/suqian-2026-department.json';
const gx = '泉州市洛江区工业和信息化局';
const jx = '泉州市洛江区经济和信息化局';

/** Writes one report and ingests it alone, so report ids follow the order of the calls. */
async function ingest(name: string, ...specs: Parameters<typeof makeReport>): Promise<string> {
  const path = writeFile(join(tmp.dir, 'in', name), renderAs(makeReport(specs[0]), 'txt'));
  const result = await run(['ingest', path]);
  expect(result.stdout).toBe(
    '共读取 1 个文件：新增 1 份，已有 0 份（内容相同），新版本 0 份，无法读取 0 个\n',
  );
  return path;
}

const withStore = async <T>(work: (store: Store) => Promise<T>): Promise<T> => {
  const store = await openStore({ dataDir: join(tmp.dir, 'data'), env: {} });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
};

const bodies = async () =>
  jsonLines((await run(['corpus', 'bodies', '--json'])).stdout) as {
    id: string;
    name: string;
    region: string;
    kind: string;
    dissolvedIn: number | null;
    corrected: boolean;
  }[];

/** What the corpus holds of a report's judgement: its row, findings, and the copies for statistics. */
async function judged(reportId: number) {
  return withStore(async (store) => {
    const report = await store.db
      .selectFrom('corpus_reports')
      .select(['deadline', 'late', 'warnings'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const findings = await store.db
      .selectFrom('corpus_findings')
      .select(['ordinal', 'code', 'severity', 'message', 'line', 'col', 'actual', 'expected'])
      .where('report_id', '=', reportId)
      .orderBy('ordinal')
      .execute();
    const measures = await store.db
      .selectFrom('corpus_measures')
      .select(['late', 'warnings'])
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    const counts = await store.db
      .selectFrom('corpus_finding_counts')
      .select(['code', 'n', 'late'])
      .where('report_id', '=', reportId)
      .orderBy('code')
      .execute();
    return { report, findings, measures, counts };
  });
}
type Judged = Awaited<ReturnType<typeof judged>>;
let asDepartment: Judged;
const article50 = (j: Judged) => j.findings.filter((f) => f.code === 'check.article-50').length;
/** The finding counts a report's findings make, by code. */
const countsOf = (findings: Judged['findings'], late: number) =>
  [...new Set(findings.map((f) => f.code))]
    .sort()
    .map((code) => ({ code, n: findings.filter((f) => f.code === code).length, late }));

/** No review or suit corrected (generated reports have some). */
const uncorrected = (r: Report) => {
  for (const key of ['l.review.corrected', 'l.direct.corrected', 'l.afterReview.corrected']) r.cells[key] = 0;
};

beforeAll(async () => {
  tmp = tempDir();
  process.env.GONGKAI_DATA = join(tmp.dir, 'data');
  const first = makeReport({ agency: gx, year: 2021 });
  await ingest('gx-2021.txt', { agency: gx, year: 2021, edit: uncorrected });
  // Late for a department (31 January), its prose copied from 2021, one review and one suit lost.
  await ingest('gx-2022.txt', {
    agency: gx,
    year: 2022,
    publishedOn: '2023-02-10',
    edit: (r) => {
      r.sections = first.sections;
      uncorrected(r);
      r.cells['l.review.corrected'] = 1;
      r.cells['l.direct.corrected'] = 1;
    },
  });
  await ingest('jx-2020.txt', { agency: jx, year: 2020, edit: uncorrected });
  // A people's government: the department pack leaves it out.
  await ingest('sq-2022.txt', { agency: '宿迁市人民政府', year: 2022, publishedOn: '2023-02-10' });
});
afterAll(() => {
  delete process.env.GONGKAI_DATA;
  tmp.dispose();
});

describe('corpus score', () => {
  const notAssessed = '依申请公开答复超过 20 个工作日（年度报告中没有此项数据：register.lateReplies）';
  it('scores the departments by the 宿迁 pack, with each item cited', async () => {
    const result = await run(['corpus', 'score', '--pack', pack]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const out = result.stdout.replaceAll(`${tmp.dir}/in/`, '');
    const notAssessedLine = `  未评估：${notAssessed}`;
    expect(out).toBe(
      [
        '评估规则：宿迁 2026 年度部门政府信息公开工作年度报告评估指标',
        '',
        `${gx} 2021：0 分（gx-2021.txt）`,
        notAssessedLine,
        `${gx} 2022：-5 分（gx-2022.txt）`,
        '  -0.5 分  未按时发布年度报告（《中华人民共和国政府信息公开条例》第四十九条：部门于每年 1 月 31 日前公布上一年度报告；评估指标：逾期发布扣 0.5 分）',
        '  -0.5 分  年度报告正文超过 50% 照搬上年（评估指标：年度报告内容与上年雷同超过 50% 扣 0.5 分）',
        '  -4 分  政府信息公开行政复议被纠错、行政诉讼败诉 × 2（评估指标：每件复议纠错或诉讼败诉扣 2 分（年度报告表四「结果纠正」））',
        notAssessedLine,
        `${jx} 2020：0 分（jx-2020.txt）`,
        notAssessedLine,
        '',
        '共 3 份报告',
        '',
      ].join('\n'),
    );
  });

  it('prints one JSON line per report with --json, and filters like the other corpus commands', async () => {
    const result = await run(['corpus', 'score', '--pack', pack, '--json', '--year', '2022']);
    const lines = jsonLines(result.stdout);
    expect(lines).toEqual([
      {
        pack: 'suqian-2026-department',
        reportId: 2,
        file: join(tmp.dir, 'in', 'gx-2022.txt'),
        agency: gx,
        region: '泉州市洛江区',
        kind: 'department',
        year: 2022,
        score: -5,
        items: [
          {
            rule: 'late',
            label: '未按时发布年度报告',
            count: 1,
            points: -0.5,
            citation:
              '《中华人民共和国政府信息公开条例》第四十九条：部门于每年 1 月 31 日前公布上一年度报告；评估指标：逾期发布扣 0.5 分',
          },
          {
            rule: 'copied',
            label: '年度报告正文超过 50% 照搬上年',
            count: 1,
            points: -0.5,
            citation: '评估指标：年度报告内容与上年雷同超过 50% 扣 0.5 分',
          },
          {
            rule: 'corrected',
            label: '政府信息公开行政复议被纠错、行政诉讼败诉',
            count: 2,
            points: -4,
            citation: '评估指标：每件复议纠错或诉讼败诉扣 2 分（年度报告表四「结果纠正」）',
          },
        ],
        notAssessed: [notAssessed],
      },
    ]);
  });

  it('exports the scores as CSV, ranked within each year, the items in words', async () => {
    const result = await run(['corpus', 'score', '--pack', pack, '--to', 'csv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const file = (name: string) => join(tmp.dir, 'in', name);
    expect(result.stdout).toBe(
      [
        '\ufeffrank,agency,region,kind,year,score,items,notAssessed,file,reportId',
        `1,${jx},泉州市洛江区,部门,2020,0,,${notAssessed},${file('jx-2020.txt')},3`,
        `1,${gx},泉州市洛江区,部门,2021,0,,${notAssessed},${file('gx-2021.txt')},1`,
        `1,${gx},泉州市洛江区,部门,2022,-5,未按时发布年度报告：-0.5 分；年度报告正文超过 50% 照搬上年：-0.5 分；政府信息公开行政复议被纠错、行政诉讼败诉 × 2：-4 分,${notAssessed},${file('gx-2022.txt')},2`,
        '',
      ].join('\r\n'),
    );
  });

  it('exports the scores as XLSX: the ranking, the items with their citations, and the pack', async () => {
    const out = join(tmp.dir, 'scores.xlsx');
    const result = await run([
      'corpus',
      'score',
      '--pack',
      pack,
      '--to',
      'xlsx',
      '-o',
      out,
      '--year',
      '2022',
    ]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `已导出 1 份报告的得分到 ${out}\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['得分', '扣分项', '规则包']);
    const values = (sheet: string) => sheetRows(workbook, sheet);
    expect(values('得分')[1]?.slice(0, 6)).toEqual([1, gx, '泉州市洛江区', '部门', 2022, -5]);
    expect(values('扣分项')).toEqual([
      ['agency', 'region', 'year', 'rule', 'label', 'count', 'points', 'citation', 'reportId'],
      [
        gx,
        '泉州市洛江区',
        2022,
        'late',
        '未按时发布年度报告',
        1,
        -0.5,
        '《中华人民共和国政府信息公开条例》第四十九条：部门于每年 1 月 31 日前公布上一年度报告；评估指标：逾期发布扣 0.5 分',
        2,
      ],
      [
        gx,
        '泉州市洛江区',
        2022,
        'copied',
        '年度报告正文超过 50% 照搬上年',
        1,
        -0.5,
        '评估指标：年度报告内容与上年雷同超过 50% 扣 0.5 分',
        2,
      ],
      [
        gx,
        '泉州市洛江区',
        2022,
        'corrected',
        '政府信息公开行政复议被纠错、行政诉讼败诉',
        2,
        -4,
        '评估指标：每件复议纠错或诉讼败诉扣 2 分（年度报告表四「结果纠正」）',
        2,
      ],
    ]);
    expect(values('规则包').slice(0, 2)).toEqual([
      ['id', 'suqian-2026-department'],
      ['name', '宿迁 2026 年度部门政府信息公开工作年度报告评估指标'],
    ]);
  });

  it('refuses an export format it does not know, and --to with --json, with exit 2', async () => {
    expect(await run(['corpus', 'score', '--pack', pack, '--to', 'ods'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：导出格式「ods」无效，应为 csv 或 xlsx\n',
    });
    expect(await run(['corpus', 'score', '--pack', pack, '--to', 'csv', '--json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：--json 与 --to 不能同时使用\n',
    });
  });

  it('refuses a missing or invalid pack with exit 2', async () => {
    expect(await run(['corpus', 'score', '--pack', 'nope.json'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：无法读取评估规则包「nope.json」（文件不存在）\n',
    });
    const bad = writeFile(
      join(tmp.dir, 'bad.json'),
      JSON.stringify({ id: 'x', name: 'x', source: 'x', rules: [] }),
    );
    expect(await run(['corpus', 'score', '--pack', bad])).toEqual({
      code: 2,
      stdout: '',
      stderr: `gongkai: 错误：评估规则包「${bad}」无效：rules：Too small: expected array to have >=1 items\n`,
    });
  });
});

describe('corpus check --to', () => {
  it('exports the cross-report findings as CSV, one row per finding with its code’s name', async () => {
    const json = jsonLines((await run(['corpus', 'check', '--json'])).stdout) as {
      code: string;
      reportId: number;
      otherReportId?: number;
    }[];
    const result = await run(['corpus', 'check', '--to', 'csv']);
    expect(result.stderr).toBe('');
    const [header, ...rows] = result.stdout.split('\r\n');
    expect(header).toBe(
      '\ufeffagency,year,code,name,severity,message,actual,expected,keys,file,line,column,reportId,otherReportId',
    );
    expect(rows.at(-1)).toBe('');
    // The findings of --json, in its order, each with its reports.
    expect(
      rows
        .slice(0, -1)
        .map((r) => r.split(','))
        .map((r) => [r[2], Number(r[12]), Number(r[13])]),
    ).toEqual(json.map((f) => [f.code, f.reportId, f.otherReportId]));
    expect(rows[1]).toBe(
      `${gx},2022,corpus.copied-text,正文与上年或其他机关雷同,warning,正文 12 句中有 12 句（100%）与 2021 年度报告相同,100%,≤ 50%,,${join(tmp.dir, 'in', 'gx-2022.txt')},12,1,2,1`,
    );
    expect(rows[2]).toBe(
      `${gx},2022,corpus.carry-over,结转数与上年不符,error,表三「二、上年结转政府信息公开申请数量」法律服务机构为 8，但 2021 年度报告「四、结转下年度继续办理」法律服务机构为 0,8,0,a.prev.law a.next.law,${join(tmp.dir, 'in', 'gx-2022.txt')},,,2,1`,
    );
    // Errors found: exit 1, as without --to.
    expect(result.code).toBe(1);
  });

  it('exports them as XLSX with their counts by code', async () => {
    const out = join(tmp.dir, 'checks.xlsx');
    const result = await run(['corpus', 'check', '--to', 'xlsx', '-o', out]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `已导出 9 个问题到 ${out}\n` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['跨报告问题', '按问题汇总']);
    const summary = sheetRows(workbook, '按问题汇总');
    expect(summary).toEqual([
      ['code', 'name', 'severity', 'findings', 'reports'],
      ['corpus.copied-text', '正文与上年或其他机关雷同', 'warning', 3, 2],
      ['corpus.carry-over', '结转数与上年不符', 'error', 2, 1],
      ['corpus.jump', '数字较上年大幅变化', 'info', 2, 1],
      ['corpus.stock', '现行有效件数与上年不符', 'error', 2, 1],
    ]);
    expect(workbook.getWorksheet('跨报告问题')?.rowCount).toBe(10);
  });
});

describe('corpus bodies merge and set', () => {
  it('merges one spelling into another: the reports move, the merge is audited and sticks on re-ingest', async () => {
    const before = await bodies();
    expect(before.map((b) => [b.name, b.region, b.kind, b.corrected])).toEqual([
      ['宿迁市人民政府', '宿迁市', 'government', false],
      [gx, '泉州市洛江区', 'department', false],
      [jx, '泉州市洛江区', 'department', false],
    ]);
    const id = (name: string) => before.find((b) => b.name === name)?.id as string;
    const merged = await run(['corpus', 'bodies', 'merge', id(jx), id(gx)]);
    expect(merged).toEqual({
      code: 0,
      stdout: `已把机关「${id(jx)}」合并到「${gx}」（${id(gx)}）\n`,
      stderr: '',
    });
    expect((await bodies()).map((b) => b.name)).toEqual(['宿迁市人民政府', gx]);

    // A later report under the old name joins the body it was merged into.
    await ingest('jx-2023.txt', { agency: jx, year: 2023 });
    await withStore(async (store) => {
      const reports = await store.db
        .selectFrom('corpus_reports as r')
        .innerJoin('corpus_measures as m', 'm.report_id', 'r.id')
        .select(['r.id', 'r.body_id', 'r.year', 'r.version', 'm.body_id as measured_body', 'm.latest'])
        .orderBy('r.id')
        .execute();
      expect(reports).toEqual([
        { id: 1, body_id: id(gx), year: 2021, version: 1, measured_body: id(gx), latest: 1 },
        { id: 2, body_id: id(gx), year: 2022, version: 1, measured_body: id(gx), latest: 1 },
        { id: 3, body_id: id(gx), year: 2020, version: 1, measured_body: id(gx), latest: 1 },
        {
          id: 4,
          body_id: id('宿迁市人民政府'),
          year: 2022,
          version: 1,
          measured_body: id('宿迁市人民政府'),
          latest: 1,
        },
        { id: 5, body_id: id(gx), year: 2023, version: 1, measured_body: id(gx), latest: 1 },
      ]);
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['user_id', 'action', 'entity', 'entity_id', 'after'])
        .where('entity', '=', 'corpus_body')
        .execute();
      expect(audit.map((a) => ({ ...a, after: JSON.parse(a.after ?? 'null') }))).toEqual([
        {
          user_id: 'cli',
          action: 'merge',
          entity: 'corpus_body',
          entity_id: id(jx),
          after: expect.objectContaining({ id: id(jx), name: jx, mergedInto: id(gx), reports: 1 }),
        },
      ]);
    });
    const stats = JSON.parse((await run(['corpus', 'stats', '--by', 'agency', '--json'])).stdout);
    // By agency, the groups come in the order of the bodies' ids (random here): sorted by name.
    expect(
      stats.rows
        .map((r: { label: string; reports: number }) => [r.label, r.reports])
        .sort((a: string[], b: string[]) => (String(a[0]) < String(b[0]) ? -1 : 1)),
    ).toEqual([
      ['宿迁市人民政府', 1],
      [gx, 4],
    ]);
    // By city: the column is named for it; a grouping that isn't one is refused.
    const byCity = await run(['corpus', 'stats', '--by', 'city']);
    expect(byCity.stdout.split('\n')[0]).toMatch(/^市 +报告 +按时/);
    const out = join(tmp.dir, 'stats.csv');
    const exported = await run(['corpus', 'stats', '--by', 'city', '--to', 'csv', '-o', out]);
    expect(exported.stderr).toBe(`已导出 2 组统计到 ${out}\n`);
    expect(
      readFileSync(out, 'utf8')
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',').slice(0, 3)),
    ).toEqual([['宿迁市', '宿迁市', '1'], ['泉州市', '泉州市', '4'], ['']]);
    // Sorted by a column: the city with the most reports first.
    const sorted = await run(['corpus', 'stats', '--by', 'city', '--sort', 'reports', '--json']);
    expect(JSON.parse(sorted.stdout).rows.map((r: { group: string }) => r.group)).toEqual([
      '泉州市',
      '宿迁市',
    ]);
    expect((await run(['corpus', 'stats', '--sort', 'nope'])).stderr).toBe(
      'gongkai: 错误：排序列「nope」无效，应为统计导出的列名（如 reports、applications.new、rate.onTime）\n',
    );
    expect((await run(['corpus', 'stats', '--to', 'csv', '--json'])).stderr).toBe(
      'gongkai: 错误：--json 与 --to 不能同时使用\n',
    );
    expect(await run(['corpus', 'stats', '--by', 'town'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：分组「town」无效，应为 region、province、city、agency、year、kind\n',
    });
  });

  it('corrects a body: marked corrected, audited, and kept when its reports are ingested again', async () => {
    const gxId = (await bodies()).find((b) => b.name === gx)?.id as string;
    asDepartment = await judged(2);
    expect(asDepartment.report).toEqual({ deadline: '2023-01-31', late: 1, warnings: expect.any(Number) });
    expect(asDepartment.findings.filter((f) => f.code === 'check.late')).toEqual([
      expect.objectContaining({
        message:
          '发布日期 2023-02-10 晚于《政府信息公开条例》第四十九条规定的期限（部门应于 2023-01-31 前公布上一年度报告）',
        line: expect.any(Number),
        col: expect.any(Number),
      }),
    ]);
    const set = await run([
      'corpus',
      'bodies',
      'set',
      gxId,
      '--name',
      '洛江区工信局',
      '--kind',
      'government',
    ]);
    expect(set).toEqual({
      code: 0,
      stdout: `已修改机关「洛江区工信局」（${gxId}）：泉州市洛江区，人民政府\n`,
      stderr: '',
    });
    await ingest('gx-2024.txt', { agency: gx, year: 2024 });
    expect((await bodies()).map((b) => [b.id === gxId, b.name, b.kind, b.corrected])).toEqual([
      [false, '宿迁市人民政府', 'government', false],
      [true, '洛江区工信局', 'government', true],
    ]);
    await withStore(async (store) => {
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['action', 'entity_id', 'before', 'after'])
        .where('entity', '=', 'corpus_body')
        .where('action', '=', 'correct')
        .execute();
      expect(
        audit.map((a) => [a.action, a.entity_id, JSON.parse(a.before ?? '{}'), JSON.parse(a.after ?? '{}')]),
      ).toEqual([
        [
          'correct',
          gxId,
          expect.objectContaining({ name: gx, kind: 'department', corrected: false }),
          expect.objectContaining({ name: '洛江区工信局', kind: 'government', corrected: true }),
        ],
      ]);
      const latest = await store.db
        .selectFrom('corpus_reports')
        .select(['body_id', 'year'])
        .where('id', '=', 6)
        .executeTakeFirstOrThrow();
      expect(latest).toEqual({ body_id: gxId, year: 2024 });
    });
    // Judged again as a government: 31 March, so not late; 条例第五十条 asked of it.
    const asGovernment = await judged(2);
    expect(asGovernment.report).toEqual({
      deadline: '2023-03-31',
      late: 0,
      warnings: asDepartment.report.warnings - 1 + article50(asGovernment),
    });
    const unnumbered = (findings: Judged['findings']) => findings.map(({ ordinal: _, ...f }) => f);
    expect(unnumbered(asGovernment.findings)).toEqual(
      unnumbered([
        ...asDepartment.findings.filter((f) => f.code !== 'check.late'),
        ...asGovernment.findings.filter((f) => f.code === 'check.article-50'),
      ]),
    );
    expect(asGovernment.findings.map((f) => f.ordinal)).toEqual(asGovernment.findings.map((_, i) => i));
    expect(asGovernment.measures).toEqual({ late: 0, warnings: asGovernment.report.warnings });
    expect(asGovernment.counts).toEqual(countsOf(asGovernment.findings, 0));
    // A report ingested after the correction is judged by the body's kind, not by its name's.
    const later = await judged(6);
    expect(later.report).toMatchObject({ deadline: '2025-03-31', late: 0 });
    expect(later.counts).toEqual(countsOf(later.findings, 0));
  });

  it('a kind corrected back judges the reports as they were judged at ingest', async () => {
    const gxId = (await bodies()).find((b) => b.name === '洛江区工信局')?.id as string;
    expect((await run(['corpus', 'bodies', 'set', gxId, '--kind', 'department'])).code).toBe(0);
    expect(await judged(2)).toEqual(asDepartment);
  });

  it("sets a body's 撤销年份, lists it, leaves 发布情况 without it from that year, and clears it with an empty string", async () => {
    const gxId = (await bodies()).find((b) => b.name === '洛江区工信局')?.id as string;
    expect(await run(['corpus', 'bodies', 'set', gxId, '--dissolved-in', '2025'])).toEqual({
      code: 0,
      stdout: `已修改机关「洛江区工信局」（${gxId}）：泉州市洛江区，部门，撤销于 2025 年\n`,
      stderr: '',
    });
    expect((await bodies()).map((b) => [b.name, b.dissolvedIn])).toEqual([
      ['宿迁市人民政府', null],
      ['洛江区工信局', 2025],
    ]);
    const text = (await run(['corpus', 'bodies', 'list'])).stdout.split('\n');
    expect(text[0]).toMatch(/^编号 +名称 +地区 +类型 +应发布 +撤销 +报告 +人工修改$/);
    expect(text.find((line) => line.includes('洛江区工信局'))).toMatch(
      /洛江区工信局 +泉州市洛江区 +部门 +撤销于 2025 年 +5 +是$/,
    );
    expect(text.find((line) => line.includes('宿迁市人民政府'))).toMatch(/宿迁市 +人民政府 {10,}1$/);
    // Those whose name or region has the text, of a kind (as the API's q and kind).
    const names = async (...args: string[]) => {
      const out = (await run(['corpus', 'bodies', 'list', ...args, '--json'])).stdout;
      return out === '' ? [] : jsonLines(out).map((b) => (b as { name: string }).name);
    };
    expect(await names('--search', '洛江')).toEqual(['洛江区工信局']);
    expect(await names('--search', '宿迁', '--kind', 'department')).toEqual([]);
    expect(await names('--kind', '人民政府')).toEqual(['宿迁市人民政府']);
    expect((await run(['corpus', 'bodies', 'list', '--kind', '局'])).stderr).toBe(
      'gongkai: 错误：机关类型「局」无效，应为 government（人民政府）或 department（部门）\n',
    );
    const listed = async (year: string) =>
      JSON.parse(
        (await run(['corpus', 'publication', '--year', year, '--today', '2026-12-05', '--json'])).stdout,
      ).bodies.map((b: { name: string }) => b.name);
    // It still owes the report of the year before it was dissolved.
    expect(await listed('2024')).toEqual(['宿迁市人民政府', '洛江区工信局']);
    expect(await listed('2025')).toEqual(['宿迁市人民政府']);

    expect((await run(['corpus', 'bodies', 'set', gxId, '--dissolved-in', ''])).stdout).toBe(
      `已修改机关「洛江区工信局」（${gxId}）：泉州市洛江区，部门\n`,
    );
    expect((await bodies()).map((b) => b.dissolvedIn)).toEqual([null, null]);
    expect(await listed('2025')).toEqual(['洛江区工信局', '宿迁市人民政府']);
  });

  it('refuses unknown bodies, a merge into itself and a bad kind with exit 2', async () => {
    const gxId = (await bodies()).find((b) => b.name === '洛江区工信局')?.id as string;
    expect(await run(['corpus', 'bodies', 'merge', 'nope', gxId])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：机关「nope」不存在\n',
    });
    expect(await run(['corpus', 'bodies', 'merge', gxId, gxId])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：不能把机关合并到它自己\n',
    });
    expect(await run(['corpus', 'bodies', 'set', 'nope', '--kind', 'department'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：机关「nope」不存在\n',
    });
    expect(await run(['corpus', 'bodies', 'set', gxId, '--kind', 'bureau'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：机关类型「bureau」无效，应为 government（人民政府）或 department（部门）\n',
    });
    for (const year of ['1999', '2101', '24', '2024.5', '二〇二四'])
      expect(await run(['corpus', 'bodies', 'set', gxId, '--dissolved-in', year])).toEqual({
        code: 2,
        stdout: '',
        stderr: `gongkai: 错误：撤销年份「${year}」无效，应为 2000–2100 年之间的年份（空字符串表示清除）\n`,
      });
  });
});

describe('corpus bodies places', () => {
  it('lists the places other names give (补全所属地区) with their evidence, and takes them with --apply', async () => {
    // A name that gives 泉州市's province: 洛江区工信局 (泉州市洛江区) may take it; 宿迁市's none.
    await ingest('qz-2022.txt', { agency: '福建省泉州市人民政府', year: 2022 });
    const gxId = (await bodies()).find((b) => b.name === '洛江区工信局')?.id as string;
    const listed = await run(['corpus', 'bodies', 'places']);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split('\n').map((l) => l.trimEnd());
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^编号 +名称 +现在 +补全后 +依据$/);
    expect(lines[1]).toMatch(
      new RegExp(`^${gxId} +洛江区工信局 +泉州市洛江区 +福建省泉州市洛江区 +福建省泉州市人民政府$`),
    );
    expect(lines.slice(2)).toEqual(['共 1 个机关；县区名有重名，请核对依据后用 --apply 采用', '']);
    const json = await run(['corpus', 'bodies', 'places', gxId, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({
      bodyId: gxId,
      name: '洛江区工信局',
      current: { province: null, city: '泉州市', county: '洛江区' },
      suggested: { province: '福建省', city: '泉州市', county: '洛江区' },
      evidence: ['福建省泉州市人民政府'],
    });
    expect(await run(['corpus', 'bodies', 'places', 'nope'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：没有补全所属地区的建议：nope\n',
    });
    const applied = await run(['corpus', 'bodies', 'places', '--apply']);
    expect(applied.stderr).toBe('已补全 1 个机关的所属地区（记为人工修改，此后导入不再改动）\n');
    expect((await bodies()).find((b) => b.id === gxId)).toMatchObject({
      region: '福建省泉州市洛江区',
      corrected: true,
    });
    expect((await run(['corpus', 'bodies', 'places'])).stdout).toBe('（没有可补全所属地区的机关）\n');
  });
});
