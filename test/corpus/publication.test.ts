/**
 * 发布情况: which bodies published a year's report on time, late or undated, and which are past the
 * deadline of their kind without one or not yet due, bodies dissolved (撤销年份) no longer expected —
 * on both backends, through the function and through `gongkai corpus publication` (text, JSON, CSV,
 * exit code).
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { correctBody, mergeBodies } from '../../src/corpus/bodies/store.js';
import {
  type BodyPublication,
  defaultPublicationYear,
  type Publication,
  publicationAnswer,
  publicationOf,
  publicationStatuses,
  regionsOf,
} from '../../src/corpus/publication.js';
import { type RegionLevel, regionLevels } from '../../src/corpus/region-level.js';
import { openStore, type Store, systemActor } from '../../src/store/index.js';
import { run } from '../cli/helpers.js';
import { describeEachBackend, type Target } from '../store/backends.js';
import { cliCorpus, sheetRows, storeBody, storeReport, storeVersions, tempStore } from './helpers.js';

const now = '2024-03-01T00:00:00.000Z';

const bodies = [
  { id: 'fin', name: '泉州市洛江区财政局', county: '洛江区', kind: 'department' as const },
  { id: 'gov', name: '泉州市洛江区人民政府', county: '洛江区', kind: 'government' as const },
  { id: 'edu', name: '泉州市洛江区教育局', county: '洛江区', kind: 'department' as const },
  { id: 'civ', name: '泉州市丰泽区民政局', county: '丰泽区', kind: 'department' as const },
  { id: 'wat', name: '泉州市丰泽区水利局', county: '丰泽区', kind: 'department' as const },
  { id: 'fz', name: '泉州市丰泽区人民政府', county: '丰泽区', kind: 'government' as const },
  { id: 'old', name: '泉州市洛江区统计局', county: '洛江区', kind: 'department' as const },
];

interface Row {
  body: string;
  year: number;
  version?: number;
  publishedOn?: string | null;
  signedOn?: string | null;
}

const rows: Row[] = [
  // On time; its second version is the one that counts.
  { body: 'fin', year: 2024 },
  { body: 'fin', year: 2025, publishedOn: '2026-02-20' },
  { body: 'fin', year: 2025, version: 2, publishedOn: '2026-01-20' },
  // Late: signed on time, published ten days after 31 March.
  { body: 'gov', year: 2024 },
  { body: 'gov', year: 2025, publishedOn: '2026-04-10', signedOn: '2026-03-25' },
  // No report of 2025: overdue (a department) or pending (a government, by the day).
  { body: 'edu', year: 2023 },
  { body: 'fz', year: 2024 },
  // Published without a date.
  { body: 'civ', year: 2024 },
  { body: 'civ', year: 2025, publishedOn: null },
  // First seen on 2026: not expected to have published 2025.
  { body: 'wat', year: 2026 },
  // Merged into another: not a standing body.
  { body: 'old', year: 2024 },
];

async function insert(store: Store): Promise<void> {
  for (const b of bodies)
    await store.db
      .insertInto('corpus_bodies')
      .values({
        ...b,
        match_key: b.name,
        province: '福建省',
        city: '泉州市',
        region: `福建省泉州市${b.county}`,
        merged_into: b.id === 'old' ? 'fin' : null,
        created_at: now,
      })
      .execute();
  for (const [i, r] of rows.entries())
    await storeReport(store, {
      sha256: `h${i}`,
      body_id: r.body,
      agency_name: r.body,
      year: r.year,
      version: r.version ?? 1,
      file: `${r.body}-${r.year}-${r.version ?? 1}.txt`,
      published_on: r.publishedOn === undefined ? `${r.year + 1}-01-20` : r.publishedOn,
      signed_on: r.signedOn ?? null,
    });
}

const none = { reportId: null, publishedOn: null, signedOn: null };

describeEachBackend('corpus publication (发布情况)', (backend) => {
  let target: Target;
  let store: Store;
  let reportIds: Map<string, number>;

  beforeAll(async () => {
    target = await backend.fresh();
    store = await openStore(target.options);
    await insert(store);
    const stored = await store.db.selectFrom('corpus_reports').select(['id', 'file']).execute();
    reportIds = new Map(stored.map((r) => [r.file, Number(r.id)]));
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  it('sorts each expected body into its status as of the day', async () => {
    const p = await publicationOf(store.db, {}, 2025, '2026-02-15');
    expect(p.deadlines).toEqual({ department: '2026-01-31', government: '2026-03-31' });
    expect(p.counts).toEqual({ expected: 5, overdue: 1, pending: 1, late: 1, undated: 1, onTime: 1 });
    expect(p.bodies).toEqual([
      {
        bodyId: 'edu',
        name: '泉州市洛江区教育局',
        region: '福建省泉州市洛江区',
        kind: 'department',
        status: 'overdue',
        deadline: '2026-01-31',
        ...none,
        daysLate: 15,
        daysLeft: null,
        lastYear: 2023,
      },
      {
        bodyId: 'fz',
        name: '泉州市丰泽区人民政府',
        region: '福建省泉州市丰泽区',
        kind: 'government',
        status: 'pending',
        deadline: '2026-03-31',
        ...none,
        daysLate: null,
        daysLeft: 44,
        lastYear: 2024,
      },
      {
        bodyId: 'gov',
        name: '泉州市洛江区人民政府',
        region: '福建省泉州市洛江区',
        kind: 'government',
        status: 'late',
        deadline: '2026-03-31',
        reportId: reportIds.get('gov-2025-1.txt'),
        publishedOn: '2026-04-10',
        signedOn: '2026-03-25',
        daysLate: 10,
        daysLeft: null,
        lastYear: 2024,
      },
      {
        bodyId: 'civ',
        name: '泉州市丰泽区民政局',
        region: '福建省泉州市丰泽区',
        kind: 'department',
        status: 'undated',
        deadline: '2026-01-31',
        ...none,
        reportId: reportIds.get('civ-2025-1.txt'),
        daysLate: null,
        daysLeft: null,
        lastYear: 2024,
      },
      {
        bodyId: 'fin',
        name: '泉州市洛江区财政局',
        region: '福建省泉州市洛江区',
        kind: 'department',
        status: 'onTime',
        deadline: '2026-01-31',
        reportId: reportIds.get('fin-2025-2.txt'),
        publishedOn: '2026-01-20',
        signedOn: null,
        daysLate: null,
        daysLeft: null,
        lastYear: 2024,
      },
    ]);
    // 洛江区 has a body overdue, 丰泽区 none.
    expect(p.regions).toEqual([
      { region: '福建省泉州市洛江区', expected: 3, overdue: 1, pending: 0, late: 1, undated: 0, onTime: 1 },
      { region: '福建省泉州市丰泽区', expected: 2, overdue: 0, pending: 1, late: 0, undated: 1, onTime: 0 },
    ]);
  });

  it('sums up the bodies of an unknown place under the region ""', async () => {
    await store.db
      .insertInto('corpus_bodies')
      .values({
        id: 'unk',
        name: '某地档案局',
        match_key: '某地档案局',
        province: null,
        city: null,
        county: null,
        region: '',
        kind: 'department',
        merged_into: null,
        created_at: now,
      })
      .execute();
    await storeReport(store, {
      sha256: 'unk-2024',
      body_id: 'unk',
      agency_name: '某地档案局',
      year: 2024,
      version: 1,
      file: 'unk-2024.txt',
      published_on: '2025-01-20',
      signed_on: null,
    });
    const p = await publicationOf(store.db, {}, 2025, '2026-02-15');
    expect(p.counts).toEqual({ expected: 6, overdue: 2, pending: 1, late: 1, undated: 1, onTime: 1 });
    // As many overdue and not yet due as 洛江区, fewer bodies: after it.
    expect(p.regions).toEqual([
      { region: '福建省泉州市洛江区', expected: 3, overdue: 1, pending: 0, late: 1, undated: 0, onTime: 1 },
      { region: '', expected: 1, overdue: 1, pending: 0, late: 0, undated: 0, onTime: 0 },
      { region: '福建省泉州市丰泽区', expected: 2, overdue: 0, pending: 1, late: 0, undated: 1, onTime: 0 },
    ]);
    expect(p.bodies.map((b) => [b.bodyId, b.region])).toContainEqual(['unk', '']);
    await store.db.deleteFrom('corpus_reports').where('body_id', '=', 'unk').execute();
    await store.db.deleteFrom('corpus_bodies').where('id', '=', 'unk').execute();
  });

  it('counts the deadline day itself as not yet past, and the next day as overdue', async () => {
    const on = await publicationOf(store.db, { kind: 'government' }, 2025, '2026-03-31');
    expect(on.bodies.map((b) => [b.bodyId, b.status, b.daysLeft, b.daysLate])).toEqual([
      ['fz', 'pending', 0, null],
      ['gov', 'late', null, 10],
    ]);
    const after = await publicationOf(store.db, { kind: 'government' }, 2025, '2026-04-01');
    expect(after.bodies[0]).toMatchObject({ bodyId: 'fz', status: 'overdue', daysLate: 1 });
  });

  it('takes the region, agency and visible bodies of the filter, and expects bodies only from their first year', async () => {
    const fengze = await publicationOf(store.db, { region: '丰泽区' }, 2026, '2027-02-01');
    expect(fengze.bodies.map((b) => [b.bodyId, b.status])).toEqual([
      ['civ', 'overdue'],
      ['fz', 'pending'],
      ['wat', 'onTime'],
    ]);
    const one = await publicationOf(store.db, { agency: '教育' }, 2025, '2026-12-05');
    expect(one.bodies.map((b) => [b.bodyId, b.status, b.daysLate])).toEqual([['edu', 'overdue', 308]]);
    const hidden = await publicationOf(store.db, { bodyIds: [] }, 2025, '2026-12-05');
    expect(hidden.counts.expected).toBe(0);
    const before = await publicationOf(store.db, {}, 2022, '2026-12-05');
    expect(before.bodies).toEqual([]);
  });

  it('refuses a day that is not a date', async () => {
    await expect(publicationOf(store.db, {}, 2025, '2026-02-30')).rejects.toThrow(RangeError);
  });

  it('expects no report of a dissolved body from its 撤销年份 on, unless the corpus holds one', async () => {
    // In 鲤城区 alone, so the bodies above stay as they were.
    const dissolved = [
      { id: 'abo', name: '泉州市鲤城区统计局', dissolved_in: 2023, years: [2021, 2022] },
      { id: 'kep', name: '泉州市鲤城区物价局', dissolved_in: 2023, years: [2022, 2023] },
      { id: 'owe', name: '泉州市鲤城区粮食局', dissolved_in: 2024, years: [2022] },
    ];
    for (const b of dissolved) {
      await store.db
        .insertInto('corpus_bodies')
        .values({
          id: b.id,
          name: b.name,
          match_key: b.name,
          province: '福建省',
          city: '泉州市',
          county: '鲤城区',
          region: '福建省泉州市鲤城区',
          kind: 'department',
          merged_into: null,
          dissolved_in: b.dissolved_in,
          created_at: now,
        })
        .execute();
      for (const year of b.years)
        await storeReport(store, {
          sha256: `d-${b.id}-${year}`,
          body_id: b.id,
          agency_name: b.name,
          year,
          version: 1,
          file: `${b.id}-${year}.txt`,
          published_on: `${year + 1}-01-20`,
          signed_on: null,
        });
    }
    const licheng = async (year: number) => {
      const p = await publicationOf(store.db, { region: '鲤城区' }, year, `${year + 1}-06-01`);
      return { counts: p.counts, bodies: p.bodies.map((b) => [b.bodyId, b.status, b.lastYear]) };
    };
    const zero = { expected: 0, overdue: 0, pending: 0, late: 0, undated: 0, onTime: 0 };
    // The year before: every one of them owes its report, judged as ever.
    expect(await licheng(2022)).toEqual({
      counts: { ...zero, expected: 3, onTime: 3 },
      bodies: [
        ['owe', 'onTime', null],
        ['abo', 'onTime', 2021],
        ['kep', 'onTime', null],
      ],
    });
    // 2023: 统计局 dissolved, 物价局 dissolved but its report is there, 粮食局 still owes it.
    expect(await licheng(2023)).toEqual({
      counts: { ...zero, expected: 2, overdue: 1, onTime: 1 },
      bodies: [
        ['owe', 'overdue', 2022],
        ['kep', 'onTime', 2022],
      ],
    });
    expect(await licheng(2024)).toEqual({ counts: zero, bodies: [] });

    // Cleared (null): expected again, overdue each year since.
    const cleared = await correctBody(store.db, systemActor, 'abo', { dissolvedIn: null }, now);
    expect([cleared.dissolvedIn, cleared.corrected]).toEqual([null, true]);
    expect((await licheng(2023)).bodies).toEqual([
      ['owe', 'overdue', 2022],
      ['abo', 'overdue', 2022],
      ['kep', 'onTime', 2022],
    ]);
    expect((await licheng(2024)).bodies).toEqual([['abo', 'overdue', 2022]]);

    // A merge leaves the kept body its own year: 粮食局's 2024 doesn't come with its reports.
    const kept = await mergeBodies(store.db, systemActor, 'owe', 'kep', now);
    expect(kept.dissolvedIn).toBe(2023);
    expect((await licheng(2024)).bodies).toEqual([['abo', 'overdue', 2022]]);
  });
});

describe('gongkai corpus publication', () => {
  const corpus = cliCorpus(insert);

  it('takes the year before today by default', () => {
    expect(defaultPublicationYear('2026-12-05')).toBe(2025);
    expect(defaultPublicationYear('2027-01-01')).toBe(2026);
  });

  it('prints the counts and the bodies not on time, and exits 1 when some are overdue', async () => {
    const result = await run(['corpus', 'publication', '--today', '2026-02-15', '--region', '洛江区']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        '2025 年度报告发布情况（截至 2026-02-15；期限：部门 2026-01-31，人民政府 2026-03-31）',
        '应发布 3 个机关：逾期未发布 1，尚未到期 0，逾期发布 1，未注日期 0，按时发布 1',
        '',
        '状态        机关                  地区                类型      期限        发布日期    落款日期    天数        上一份  编号',
        '逾期未发布  泉州市洛江区教育局    福建省泉州市洛江区  部门      2026-01-31  —           —           逾期 15 天  2023    edu',
        '逾期发布    泉州市洛江区人民政府  福建省泉州市洛江区  人民政府  2026-03-31  2026-04-10  2026-03-25  逾期 10 天  2024    gov',
        '',
      ].join('\n'),
    );
  });

  it('names the regions with bodies overdue, when there are regions to compare', async () => {
    const result = await run(['corpus', 'publication', '--today', '2026-02-15']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').slice(1, 4)).toEqual([
      '应发布 5 个机关：逾期未发布 1，尚未到期 1，逾期发布 1，未注日期 1，按时发布 1',
      '逾期未发布较多的地区（按县区）：福建省泉州市洛江区 1 个（应发布 3）',
      '',
    ]);
    // Summed up by city, the two districts are one region (nothing to compare); a level that isn't
    // one is refused.
    const byCity = await run(['corpus', 'publication', '--today', '2026-02-15', '--level', 'city']);
    expect(byCity.stdout.split('\n')[2]).toBe('');
    const json = await run(['corpus', 'publication', '--today', '2026-02-15', '--level', 'city', '--json']);
    const parsed = JSON.parse(json.stdout);
    expect([parsed.level, parsed.regions, parsed.regionCount]).toEqual([
      'city',
      [{ region: '福建省泉州市', expected: 5, overdue: 1, pending: 1, late: 1, undated: 1, onTime: 1 }],
      1,
    ]);
    expect(await run(['corpus', 'publication', '--level', '市'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：汇总层级「市」无效，应为 province、city、county\n',
    });
    // None overdue yet (on the departments' deadline day): no such line.
    const due = await run(['corpus', 'publication', '--today', '2026-01-31']);
    expect(due.stdout.split('\n').slice(1, 3)).toEqual([
      '应发布 5 个机关：逾期未发布 0，尚未到期 2，逾期发布 1，未注日期 1，按时发布 1',
      '',
    ]);
  });

  it('says when all are on time, and lists them with --all', async () => {
    const result = await run(['corpus', 'publication', '--today', '2026-12-05', '--agency', '财政']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(1, 4)).toEqual([
      '应发布 1 个机关：逾期未发布 0，尚未到期 0，逾期发布 0，未注日期 0，按时发布 1',
      '',
      '（全部按时发布）',
    ]);
    const all = await run(['corpus', 'publication', '--today', '2026-12-05', '--agency', '财政', '--all']);
    expect(all.stdout.split('\n').at(-2)).toMatch(/^按时发布 {2}泉州市洛江区财政局 /);
  });

  it('answers JSON and CSV, and refuses a bad day or year', async () => {
    const json = await run(['corpus', 'publication', '--today', '2026-02-15', '--year', '2025', '--json']);
    const parsed = JSON.parse(json.stdout);
    expect(parsed.counts).toEqual({ expected: 5, overdue: 1, pending: 1, late: 1, undated: 1, onTime: 1 });
    // The API's object: every body listed, the regions summed up.
    expect([parsed.listed, parsed.bodies.length, parsed.regionCount]).toEqual([5, 5, 2]);
    expect(parsed.regions.map((r: { region: string; overdue: number }) => [r.region, r.overdue])).toEqual([
      ['福建省泉州市洛江区', 1],
      ['福建省泉州市丰泽区', 0],
    ]);
    const out = join(corpus.dir, 'p.csv');
    const csv = await run(['corpus', 'publication', '--today', '2026-02-15', '--to', 'csv', '-o', out]);
    expect(csv.stderr).toBe(`已导出 5 个机关的发布情况到 ${out}\n`);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffagency,region,kind,year,status,statusName,deadline,publishedOn,signedOn,daysLate,daysLeft,lastYear,bodyId,reportId',
    );
    expect(lines[1]).toBe(
      '泉州市洛江区教育局,福建省泉州市洛江区,部门,2025,overdue,逾期未发布,2026-01-31,,,15,,2023,edu,',
    );
    // XLSX: the bodies, every region (what a supervisor sends upward) and the counts.
    const xlsxOut = join(corpus.dir, 'p.xlsx');
    const xlsx = await run(['corpus', 'publication', '--today', '2026-02-15', '--to', 'xlsx', '-o', xlsxOut]);
    expect(xlsx.stderr).toBe(`已导出 5 个机关的发布情况到 ${xlsxOut}\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxOut);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['发布情况', '按地区', '汇总']);
    const sheet = (name: string) => sheetRows(workbook, name);
    expect(sheet('按地区')).toEqual([
      ['region', 'expected', 'overdue', 'pending', 'late', 'undated', 'onTime'],
      ['福建省泉州市洛江区', 3, 1, 0, 1, 0, 1],
      ['福建省泉州市丰泽区', 2, 0, 1, 0, 1, 0],
    ]);
    expect(sheet('汇总').slice(5)).toEqual([
      ['按地区汇总的层级', '县区'],
      ['应发布机关', 5],
      ['逾期未发布', 1],
      ['尚未到期', 1],
      ['逾期发布', 1],
      ['未注日期', 1],
      ['按时发布', 1],
    ]);
    expect(workbook.getWorksheet('发布情况')?.rowCount).toBe(6);
    expect(await run(['corpus', 'publication', '--today', '2026-2-15'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：日期「2026-2-15」无效，应为 YYYY-MM-DD\n',
    });
    expect((await run(['corpus', 'publication', '--year', '25'])).stderr).toBe(
      'gongkai: 错误：年度「25」无效\n',
    );
  });

  it('drafts the notice (发布情况通报) as Markdown or DOCX, and refuses another format', async () => {
    const md = await run([
      'corpus',
      'publication',
      '--today',
      '2026-02-15',
      '--region',
      '洛江区',
      '--to',
      'md',
    ]);
    expect([md.code, md.stderr]).toEqual([1, '']);
    const lines = md.stdout.split('\n');
    expect(lines[0]).toBe('# 关于洛江区2025年度政府信息公开工作年度报告发布情况的通报');
    expect(lines[6]).toBe(
      '截至2026年2月15日，洛江区应发布2025年度报告的机关共3个（部门的发布期限为2026年1月31日，人民政府为2026年3月31日）。其中，按时发布1个（占33.3%），逾期发布1个，逾期未发布1个。',
    );
    expect(lines.filter((l) => l.startsWith('| 1 |'))).toEqual([
      '| 1 | 泉州市洛江区教育局 | 福建省泉州市洛江区 | 部门 | 2026-01-31 | 15 | 2023年度 |',
      '| 1 | 泉州市洛江区人民政府 | 福建省泉州市洛江区 | 2026-03-31 | 2026-04-10 | 2026-03-25 | 10 |',
    ]);
    const out = join(corpus.dir, '通报.docx');
    const docx = await run(['corpus', 'publication', '--today', '2026-02-15', '--to', 'docx', '-o', out]);
    expect(docx.stderr).toBe(`已生成发布情况通报（5 个应发布的机关）到 ${out}\n`);
    expect([...readFileSync(out).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(await run(['corpus', 'publication', '--to', 'pdf'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'gongkai: 错误：导出格式「pdf」无效，应为 csv、xlsx、docx 或 md\n',
    });
  });
});

describe('按地区汇总 (regionsOf, publicationAnswer)', () => {
  const body = (region: string, status: BodyPublication['status']) => ({ region, status });

  it('puts the regions with the most overdue first, then the most not yet due, the most bodies, by name', () => {
    expect(
      regionsOf([
        body('西宁市城北区', 'onTime'),
        body('西宁市湟中区', 'pending'),
        body('西宁市城东区', 'overdue'),
        body('西宁市城西区', 'late'),
        body('西宁市城西区', 'undated'),
        body('', 'overdue'),
        body('西宁市湟中区', 'overdue'),
        body('西宁市城东区', 'onTime'),
      ]).map((r) => [r.region, r.expected, r.overdue, r.pending, r.late, r.undated, r.onTime]),
    ).toEqual([
      ['西宁市湟中区', 2, 1, 1, 0, 0, 0],
      ['西宁市城东区', 2, 1, 0, 0, 0, 1],
      ['', 1, 1, 0, 0, 0, 0],
      ['西宁市城西区', 2, 0, 0, 1, 1, 0],
      // As many as 城西区 of every count but the bodies: fewer, after it.
      ['西宁市城北区', 1, 0, 0, 0, 0, 1],
    ]);
    expect(regionsOf([])).toEqual([]);
  });

  it('answers the first 20 regions and how many there are, whatever bodies are listed', () => {
    // 25 regions: region i has i bodies overdue (and one on time), so region 24 lags most.
    const regions = Array.from({ length: 25 }, (_, i) => `第${String(i).padStart(2, '0')}区`);
    const bodies = regions.flatMap((region, i) => [
      ...Array.from({ length: i }, () => body(region, 'overdue')),
      body(region, 'onTime'),
    ]);
    const p = { regions: regionsOf(bodies), bodies } as unknown as Publication;
    const whole = publicationAnswer(p);
    expect(whole.regionCount).toBe(25);
    expect(whole.regions.map((r) => r.region)).toEqual(regions.slice(5).reverse());
    expect(whole.regions[0]).toEqual({
      region: '第24区',
      expected: 25,
      overdue: 24,
      pending: 0,
      late: 0,
      undated: 0,
      onTime: 1,
    });
    expect([whole.listed, whole.bodies.length]).toEqual([bodies.length, bodies.length]);
    const page = publicationAnswer(p, { status: ['onTime'], offset: 3, limit: 2 });
    expect([page.listed, page.bodies, page.regions, page.regionCount]).toEqual([
      25,
      [body('第03区', 'onTime'), body('第04区', 'onTime')],
      whole.regions,
      25,
    ]);
  });
});

describe('publicationOf against a plain model (property)', () => {
  const temp = tempStore();

  const zh = new Intl.Collator('zh-CN');
  const placeChoices: [string | null, string | null, string | null][] = [
    [null, null, null],
    ['青海省', '西宁市', '城东区'],
    ['青海省', '西宁市', '城西区'],
    ['青海省', '海东市', '乐都区'],
    ['甘肃省', null, null],
    [null, '西宁市', '湟中区'],
    [null, null, '湟源县'],
  ];
  /** The model of a region at a level: the places down to it, or else the highest place given. */
  const regionModel = (places: (string | null)[], level: RegionLevel) => {
    const given = places.flatMap((p, i) => (p ? [{ p, i }] : []));
    const upTo = given.filter(({ i }) => i <= regionLevels.indexOf(level));
    return (upTo.length > 0 ? upTo : given.slice(0, 1)).map(({ p }) => p).join('');
  };
  const day = fc
    .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2028, 11, 31) })
    .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
  const corpus = fc.record({
    kinds: fc.array(fc.constantFrom('government' as const, 'department' as const), {
      minLength: 1,
      maxLength: 6,
    }),
    // Each body's places (province, city, county), as its name gives them: few, so that regions
    // hold several bodies; names that give no place, or not the higher ones.
    places: fc.array(fc.constantFrom(...placeChoices), { minLength: 6, maxLength: 6 }),
    level: fc.constantFrom(undefined, ...regionLevels),
    // Each body's 撤销年份, or null.
    dissolved: fc.array(fc.option(fc.integer({ min: 2019, max: 2027 }), { nil: null }), {
      minLength: 6,
      maxLength: 6,
    }),
    reports: fc.array(
      fc.record({
        body: fc.nat(5),
        year: fc.integer({ min: 2019, max: 2026 }),
        publishedOn: fc.option(day, { nil: null }),
        signedOn: fc.option(day, { nil: null }),
      }),
      { maxLength: 20 },
    ),
    year: fc.integer({ min: 2019, max: 2026 }),
    today: day,
  });

  it('counts every body once, by its newest version, with the deadline of its kind', async () => {
    await fc.assert(
      fc.asyncProperty(corpus, async ({ kinds, places, level, dissolved, reports, year, today }) => {
        const { store } = temp;
        const regions = places.map((p) => p.join(''));
        await store.db.deleteFrom('corpus_reports').execute();
        await store.db.deleteFrom('corpus_bodies').execute();
        for (const [i, kind] of kinds.entries())
          await storeBody(store, {
            id: `b${i}`,
            name: `某县第${i}局`,
            province: places[i]?.[0] ?? null,
            city: places[i]?.[1] ?? null,
            county: places[i]?.[2] ?? null,
            region: regions[i] as string,
            kind,
            dissolved_in: dissolved[i] as number | null,
          });
        const stored = reports.filter((r) => r.body < kinds.length);
        await storeVersions(store, stored);
        const p = await publicationOf(store.db, {}, year, today, level);

        // The model: the last report of the year stored for a body is its newest version; a body
        // dissolved in or before the year is expected only when that report is there.
        const expected = kinds.flatMap((kind, i) => {
          const own = stored.filter((r) => r.body === i);
          const latest = own.filter((r) => r.year === year).at(-1);
          const earlier = own.filter((r) => r.year < year).map((r) => r.year);
          const gone = dissolved[i] !== null && year >= (dissolved[i] as number);
          if (!latest && (earlier.length === 0 || gone)) return [];
          const deadline = `${year + 1}-${kind === 'department' ? '01-31' : '03-31'}`;
          const dates = latest ? [latest.publishedOn, latest.signedOn].filter((d) => d !== null) : [];
          const status = !latest
            ? today > deadline
              ? 'overdue'
              : 'pending'
            : dates.length === 0
              ? 'undated'
              : dates.some((d) => d > deadline)
                ? 'late'
                : 'onTime';
          return [
            {
              bodyId: `b${i}`,
              region: regions[i] as string,
              status,
              deadline,
              lastYear: earlier.length ? Math.max(...earlier) : null,
            },
          ];
        });
        expect(
          p.bodies.map((b) => ({
            bodyId: b.bodyId,
            region: b.region,
            status: b.status,
            deadline: b.deadline,
            lastYear: b.lastYear,
          })),
        ).toEqual(
          expected.sort(
            (a, b) =>
              publicationStatuses.indexOf(a.status as never) -
                publicationStatuses.indexOf(b.status as never) ||
              zh.compare(a.region, b.region) ||
              a.bodyId.localeCompare(b.bodyId),
          ),
        );
        const sum = publicationStatuses.reduce((n, s) => n + p.counts[s], 0);
        expect(sum).toBe(p.counts.expected);
        expect(p.counts.expected).toBe(p.bodies.length);
        // The level: the one asked for, else the highest at which the expected bodies' places differ.
        const placesOf = expected.map((b) => places[Number(b.bodyId.slice(1))] as (string | null)[]);
        const summedAt =
          level ??
          regionLevels.find((_, i) => new Set(placesOf.map((q) => q[i]).filter((q) => q)).size >= 2) ??
          'county';
        expect(p.level).toBe(summedAt);
        // The regions at that level: each one's bodies by status, those with more overdue, then not
        // yet due, then more bodies first; by name among equals.
        const regionOfBody = (b: (typeof expected)[number]) =>
          regionModel(places[Number(b.bodyId.slice(1))] as (string | null)[], summedAt);
        const modelRegions = [...new Set(expected.map(regionOfBody))]
          .map((region) => {
            const own = expected.filter((b) => regionOfBody(b) === region);
            const n = (status: string) => own.filter((b) => b.status === status).length;
            return {
              region,
              expected: own.length,
              ...Object.fromEntries(publicationStatuses.map((s) => [s, n(s)])),
            } as Record<string, number> & {
              region: string;
              expected: number;
              overdue: number;
              pending: number;
            };
          })
          .sort(
            (a, b) =>
              b.overdue - a.overdue ||
              b.pending - a.pending ||
              b.expected - a.expected ||
              zh.compare(a.region, b.region),
          );
        expect(p.regions).toEqual(modelRegions);
        // The answer lists them all here (fewer than 20), and they sum up to the counts.
        const answer = publicationAnswer(p);
        expect([answer.regions, answer.regionCount]).toEqual([p.regions, p.regions.length]);
        for (const key of ['expected', ...publicationStatuses] as const)
          expect(answer.regions.reduce((n, r) => n + r[key], 0)).toBe(answer.counts[key]);
        for (const b of p.bodies) {
          expect(b.daysLate !== null).toBe(b.status === 'overdue' || b.status === 'late');
          expect(b.daysLeft !== null).toBe(b.status === 'pending');
          if (b.daysLate !== null) expect(b.daysLate).toBeGreaterThan(0);
          if (b.daysLeft !== null) expect(b.daysLeft).toBeGreaterThanOrEqual(0);
          expect(b.reportId === null).toBe(b.status === 'overdue' || b.status === 'pending');
        }
      }),
      { numRuns: 60 },
    );
  });
});
